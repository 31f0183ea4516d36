// The focused session's verdict in the header, so pass/fail is visible whatever panel is open. Clicking it opens
// the verdict panel.
import type { Verdict } from '../../shared/verdict';
import { useFocusedSession } from '../hooks/useFocusedSession';
import { usePolled } from '../hooks/usePolled';
import { dispatchBenchCommand } from '../lib/bench-commands';
import '../styles/verdict.css';

export function HeaderVerdict() {
  const { sessionId } = useFocusedSession();
  const { data } = usePolled<Verdict>(sessionId ? `/api/sessions/${encodeURIComponent(sessionId)}/verdict` : null, 3000);
  if (!sessionId || !data) return null;
  const failed = data.checks.filter((c) => c.status === 'fail').length;
  const text = data.status === 'pass' ? 'QA PASS' : data.status === 'fail' ? `QA FAIL · ${failed}` : 'QA PENDING';
  return (
    <button type="button" className="header-verdict verdict-badge" data-testid="header-verdict" data-status={data.status} onClick={() => dispatchBenchCommand({ type: 'show-panel', panel: 1 })} title="Open the QA verdict (key 1)">
      {text}
    </button>
  );
}
