// The player library's own events (levels, discontinuities, stalls, errors), newest first.
import { formatClock } from '../lib/format';
import type { PlayerLogEntry } from '../store/player';

export function PlayerLog({ entries }: { entries: PlayerLogEntry[] }) {
  return (
    <ol className="player-log" data-testid="player-log" aria-label="Player events">
      {entries.length === 0 && <li className="empty">No player events yet.</li>}
      {entries.map((e) => (
        <li key={e.id} data-level={e.level} data-type={e.type}>
          <time className="mono">{formatClock(e.at)}</time>
          <span className="player-log-type">{e.type}</span>
          <span className="player-log-text">{e.text}</span>
        </li>
      ))}
    </ol>
  );
}
