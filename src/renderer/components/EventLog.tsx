// Live engine events, newest first. Only the first MAX_ROWS matching rows are rendered: enough
// to fill any screen, and cheap enough to re-render on every flush without virtualisation.
import { useMemo } from 'react';
import { countByKind, filterEvents } from '../lib/event-filter';
import { MAX_EVENTS, useEvents } from '../store/events';
import { EventLogToolbar } from './EventLogToolbar';
import { EventRow } from './EventRow';

const MAX_ROWS = 300;

const STREAM_LABELS = { connecting: 'connecting…', open: 'live', reconnecting: 'reconnecting…', closed: 'disconnected' } as const;

export function EventLog() {
  const events = useEvents((s) => s.events);
  const kinds = useEvents((s) => s.kinds);
  const text = useEvents((s) => s.text);
  const stream = useEvents((s) => s.stream);
  const paused = useEvents((s) => s.paused);

  const counts = useMemo(() => countByKind(events), [events]);
  const { rows, matched } = useMemo(() => filterEvents(events, kinds, text, MAX_ROWS), [events, kinds, text]);

  return (
    <section className="panel event-log" data-testid="event-log" aria-labelledby="event-log-heading">
      <header className="panel-header">
        <h2 id="event-log-heading">Events</h2>
        <span className="stream-status" data-testid="event-stream-status" data-status={paused ? 'paused' : stream}>
          {paused ? 'paused' : STREAM_LABELS[stream]}
        </span>
        <span className="event-count" data-testid="event-count">
          {rows.length < matched ? `showing ${rows.length} of ${matched}` : `${matched}`}
          {matched !== events.length ? ` (of ${events.length})` : ''} · last {MAX_EVENTS} kept
        </span>
      </header>
      <EventLogToolbar counts={counts} />
      <div className="table-scroll">
        <table className="event-table">
          <thead>
            <tr>
              <th className="col-time">time</th>
              <th className="col-kind">kind</th>
              <th className="col-session">session</th>
              <th className="col-summary">summary</th>
              <th className="col-ms">ms</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <EventRow key={`${row.event.seq}:${row.event.at}`} row={row} />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty">{events.length === 0 ? 'Waiting for events…' : 'No events match the filter.'}</p>}
      </div>
    </section>
  );
}
