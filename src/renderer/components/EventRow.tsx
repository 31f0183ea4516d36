import { memo } from 'react';
import { isFailure, eventMs } from '../lib/event-summary';
import type { LogRow } from '../lib/event-filter';
import { formatClock, formatMs, shortSession } from '../lib/format';
import { KindChip } from './KindChip';

// Memoised: on each flush only the new rows render; existing ones keep their props.
export const EventRow = memo(function EventRow({ row }: { row: LogRow }) {
  const { event, summary } = row;
  return (
    <tr data-testid="event-row" data-kind={event.kind} data-seq={event.seq} data-failed={isFailure(event) || undefined}>
      <td className="mono col-time">{formatClock(event.at)}</td>
      <td className="col-kind">
        <KindChip kind={event.kind} />
      </td>
      <td className="mono col-session" title={event.sessionId}>
        {shortSession(event.sessionId)}
      </td>
      <td className="col-summary" title={summary}>
        {summary}
      </td>
      <td className="mono col-ms">{formatMs(eventMs(event))}</td>
    </tr>
  );
});
