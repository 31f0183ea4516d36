// A schedule's retrievals, one row per session (and cycle): when the traffic shaper placed its ADS call, what
// became of it, the ADS time it took ahead of the break, and the avail that used it.
import type { PrefetchRetrievalView } from '../../shared/prefetch';
import { formatClock, shortSession } from '../lib/format';

export function PrefetchRetrievals({ id, retrievals }: { id: string; retrievals: PrefetchRetrievalView[] }) {
  if (retrievals.length === 0) {
    return (
      <p id={id} className="empty prefetch-retrievals-empty">
        No retrievals yet: sessions of this configuration that start before the retrieval window ends get one.
      </p>
    );
  }
  return (
    <table id={id} className="prefetch-retrievals" data-testid="prefetch-retrievals">
      <thead>
        <tr>
          <th scope="col">Session</th>
          <th scope="col">Planned at</th>
          <th scope="col">State</th>
          <th scope="col">ADS</th>
          <th scope="col">Used by</th>
        </tr>
      </thead>
      <tbody>
        {retrievals.map((r, i) => (
          <tr key={`${r.sessionId}-${r.plannedAt}-${i}`} data-state={r.state}>
            <td className="mono" title={r.sessionId}>
              {shortSession(r.sessionId)}
            </td>
            <td className="mono">{formatClock(r.plannedAt)}</td>
            <td>
              <span className="prefetch-state" data-state={r.state} title={r.error ?? `ads expire at ${formatClock(r.expiresAt)}`}>
                {r.state}
              </span>
            </td>
            <td className="mono">
              {r.adsMs !== undefined ? `${Math.round(r.adsMs)} ms` : '–'}
              {r.adCount !== undefined ? ` · ${r.adCount} ad(s)` : ''}
            </td>
            <td className="mono">{r.usedBy ? `avail ${r.usedBy.availId} at ${formatClock(r.usedBy.at)}` : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
