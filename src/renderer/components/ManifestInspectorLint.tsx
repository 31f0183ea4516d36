// Lint findings above the diff: errors first, each with its severity, who broke it (origin or stitcher), track,
// rule and message. A finding with a line selects its track and refresh and scrolls the diff to it.
import type { LintFinding, ManifestTrack } from '../../shared/inspect-manifests';

const RANK = { error: 0, warn: 1, info: 2 } as const;

export function ManifestInspectorLint({ findings, tracks, onPick }: { findings: LintFinding[]; tracks: ManifestTrack[]; onPick: (f: LintFinding) => void }) {
  const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const count = (s: LintFinding['severity']) => findings.filter((f) => f.severity === s).length;
  const label = (id: string | undefined) => tracks.find((t) => t.track === id)?.label ?? (id !== undefined ? `track ${id}` : '');
  return (
    <div className="mi-lint" data-testid="manifest-lint">
      <div className="mi-lint-summary" role="status">
        {findings.length === 0 ? (
          <span className="mi-sev" data-severity="ok">
            lint clean
          </span>
        ) : (
          (['error', 'warn', 'info'] as const).map((s) =>
            count(s) ? (
              <span key={s} className="mi-sev" data-severity={s}>
                {count(s)} {s}
              </span>
            ) : null,
          )
        )}
      </div>
      {sorted.length > 0 && (
        <ul className="mi-findings">
          {sorted.map((f, i) => (
            <li key={`${f.source}-${f.track}-${f.rule}-${i}`} data-rule={f.rule} data-severity={f.severity} data-source={f.source}>
              <button type="button" className="mi-finding" disabled={f.line === undefined} onClick={() => onPick(f)} title={f.line !== undefined ? `Show line ${f.line}` : undefined}>
                <span className="mi-sev" data-severity={f.severity}>
                  {f.severity}
                </span>
                <span className="mi-source" data-source={f.source}>
                  {f.source === 'origin' ? 'origin' : 'stitcher'}
                </span>
                <span className="mi-rule mono">{f.rule}</span>
                <span className="mi-track">{label(f.track)}</span>
                <span className="mi-message">{f.message}</span>
                {f.line !== undefined && <span className="mi-line mono">L{f.line}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
