// Controls of the event log: kind chips (with counts), text filter, pause/resume, clear.
import { BENCH_EVENT_KINDS } from '../../shared/events';
import { useEvents } from '../store/events';

interface EventLogToolbarProps {
  counts: Map<string, number>;
}

export function EventLogToolbar({ counts }: EventLogToolbarProps) {
  const kinds = useEvents((s) => s.kinds);
  const text = useEvents((s) => s.text);
  const paused = useEvents((s) => s.paused);
  const heldCount = useEvents((s) => s.held.length);
  const { toggleKind, clearKinds, setText, setPaused, clear } = useEvents.getState();

  return (
    <div className="event-toolbar">
      <div className="kind-filters" role="group" aria-label="Filter by kind">
        <button type="button" className="filter-chip" aria-pressed={kinds.length === 0} onClick={clearKinds}>
          all
        </button>
        {BENCH_EVENT_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="filter-chip"
            data-kind={kind}
            data-testid={`event-filter-${kind}`}
            aria-pressed={kinds.includes(kind)}
            onClick={() => toggleKind(kind)}
          >
            {kind}
            <span className="chip-count">{counts.get(kind) ?? 0}</span>
          </button>
        ))}
      </div>
      <div className="event-actions">
        <input
          type="search"
          className="text-filter"
          placeholder="Filter text…"
          aria-label="Filter events by text"
          data-testid="event-filter-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="button" className="text-button" data-testid="event-log-pause" aria-pressed={paused} onClick={() => setPaused(!paused)}>
          {paused ? `Resume${heldCount ? ` (${heldCount} new)` : ''}` : 'Pause'}
        </button>
        <button type="button" className="text-button" data-testid="event-log-clear" onClick={clear}>
          Clear
        </button>
      </div>
    </div>
  );
}
