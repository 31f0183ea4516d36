// The QA verdict of the focused session, live: pass/fail per check with its evidence, and exports (JSON,
// JUnit XML, the whole session) for bug reports and CI dashboards.
import { useState } from 'react';
import type { CheckResult, Verdict } from '../../shared/verdict';
import { engineUrl } from '../api/base-url';
import { useFocusedSession } from '../hooks/useFocusedSession';
import { usePolled } from '../hooks/usePolled';
import { checkCommand } from '../lib/check-command';
import { downloadJson } from '../lib/download';
import { usePlayers } from '../store/player';
import '../styles/verdict.css';

const POLL_MS = 2000;

export function VerdictPanel() {
  const { sessionId } = useFocusedSession();
  const path = sessionId ? `/api/sessions/${encodeURIComponent(sessionId)}/verdict` : null;
  const { data: verdict, error } = usePolled<Verdict>(path, POLL_MS);

  return (
    <section className="panel verdict-panel" data-testid="verdict-panel" data-status={verdict?.status ?? 'none'} aria-labelledby="verdict-heading">
      <header className="panel-header">
        <h2 id="verdict-heading">QA verdict</h2>
        {verdict && <VerdictBadge status={verdict.status} />}
        {verdict && <Scope verdict={verdict} />}
        {error && <span className="panel-warning" role="status">not updated: {error}</span>}
        {verdict && sessionId && <Exports verdict={verdict} sessionId={sessionId} />}
      </header>
      {!sessionId ? (
        <p className="empty panel-empty">Play a stitched stream: its session is judged here as it plays.</p>
      ) : !verdict ? (
        <p className="empty panel-empty">Judging session {sessionId.slice(0, 8)}…</p>
      ) : (
        <ol className="verdict-checks">
          {verdict.checks.map((c) => (
            <Check key={c.id} check={c} />
          ))}
        </ol>
      )}
    </section>
  );
}

export function VerdictBadge({ status }: { status: Verdict['status'] }) {
  const text = status === 'pass' ? 'PASS' : status === 'fail' ? 'FAIL' : 'PENDING';
  return (
    <span className="verdict-badge" data-testid="verdict-status" data-status={status}>
      {text}
    </span>
  );
}

function Scope({ verdict }: { verdict: Verdict }) {
  const s = verdict.scope;
  return (
    <span className="verdict-scope">
      {s.format.toUpperCase()} {s.live ? 'live' : 'VOD'} · {s.reportingMode}-side beacons · {s.avails} avail(s), {s.ads} ad(s), {s.beaconsExpected} beacons
      {s.playheadSeconds !== null ? ` · played to ${s.playheadSeconds.toFixed(1)} s` : ''}
    </span>
  );
}

function Exports({ verdict, sessionId }: { verdict: Verdict; sessionId: string }) {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}`;
  const { playerId } = useFocusedSession();
  const url = usePlayers((s) => s.runtime[playerId]?.url ?? null);
  const [copied, setCopied] = useState(false);
  const command = url ? checkCommand(url, { live: verdict.scope.live, client: verdict.scope.reportingMode === 'client' }) : null;
  const copy = async () => {
    if (!command) return;
    try {
      await navigator.clipboard.writeText(command);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard refused (insecure context): the title shows the command to copy by hand.
    }
  };
  return (
    <span className="verdict-exports">
      {command && (
        <button type="button" className="text-button" data-testid="copy-check-command" data-command={command} title={command} onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy CI check'}
        </button>
      )}
      <button type="button" className="text-button" data-testid="export-verdict-json" onClick={() => downloadJson(`stitchbench-${sessionId}.verdict.json`, verdict)}>
        JSON
      </button>
      <a className="text-button" data-testid="export-verdict-junit" href={engineUrl(`${base}/verdict?format=junit`)} download={`stitchbench-${sessionId}.junit.xml`}>
        JUnit XML
      </a>
      <a className="text-button" data-testid="export-session" href={engineUrl(`${base}/export`)} download={`stitchbench-${sessionId}.session.json`}>
        Session export
      </a>
    </span>
  );
}

function Check({ check }: { check: CheckResult }) {
  // Failures open with their evidence; the rest on demand.
  const [open, setOpen] = useState<boolean | null>(null);
  const expanded = open ?? check.status === 'fail';
  return (
    <li className="verdict-check" data-testid="verdict-check" data-check={check.id} data-status={check.status}>
      <button type="button" className="verdict-check-row" aria-expanded={expanded} onClick={() => setOpen(!expanded)} disabled={check.evidence.length === 0}>
        <span className="verdict-chip" data-status={check.status}>
          {check.status.toUpperCase()}
        </span>
        <span className="verdict-check-title">{check.title}</span>
        <span className="verdict-check-summary">{check.summary}</span>
      </button>
      {expanded && check.evidence.length > 0 && (
        <ul className="verdict-evidence">
          {check.evidence.slice(0, 50).map((e, i) => (
            <li key={i}>{e}</li>
          ))}
          {check.evidence.length > 50 && <li className="empty">… {check.evidence.length - 50} more (in the JSON export)</li>}
        </ul>
      )}
    </li>
  );
}
