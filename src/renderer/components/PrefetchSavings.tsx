// One line in the latency panel: the ADS latency the focused session's breaks did not wait for because
// prefetching had their ads ready. Hidden when no avail was prefetched.
import type { SessionView } from '../../shared/session-view';
import { usePolled } from '../hooks/usePolled';
import { prefetchSavings } from '../lib/prefetch-avails';
import '../styles/prefetch.css';

// The ad timeline polls the same path at this interval: one request serves both.
const POLL_MS = 2000;

export function PrefetchSavings({ sessionId }: { sessionId: string | null }) {
  const { data: view } = usePolled<SessionView>(sessionId ? `/api/sessions/${encodeURIComponent(sessionId)}` : null, POLL_MS);
  const savings = prefetchSavings(view?.avails ?? []);
  if (!savings) return null;
  return (
    <p className="prefetch-savings" data-testid="prefetch-savings" data-avails={savings.avails} data-total-ms={Math.round(savings.totalMs)}>
      ADS latency avoided by prefetch: <strong>{savings.avails}</strong> avail{savings.avails === 1 ? '' : 's'}, <strong>{Math.round(savings.totalMs)} ms</strong> total (p50{' '}
      <strong>{Math.round(savings.p50Ms)} ms</strong>)
    </p>
  );
}
