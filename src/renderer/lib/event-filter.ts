// The event log's filtering: by kind chips and by free text over what a row shows.
import type { BenchEvent, BenchEventKind } from '../../shared/events';
import { summarize } from './event-summary';

export interface LogRow {
  event: BenchEvent;
  summary: string;
}

// One row object per event for its lifetime: the summary is computed once, and memoised rows
// see identical props on later renders.
const rowCache = new WeakMap<BenchEvent, LogRow>();

function rowFor(event: BenchEvent): LogRow {
  let row = rowCache.get(event);
  if (!row) {
    row = { event, summary: summarize(event) };
    rowCache.set(event, row);
  }
  return row;
}

export function filterEvents(events: BenchEvent[], kinds: readonly BenchEventKind[], text: string, limit: number): { rows: LogRow[]; matched: number } {
  const needle = text.trim().toLowerCase();
  const rows: LogRow[] = [];
  let matched = 0;
  for (const event of events) {
    if (kinds.length > 0 && !kinds.includes(event.kind)) continue;
    const row = rowFor(event);
    if (needle && !haystack(event, row.summary).includes(needle)) continue;
    matched++;
    if (rows.length < limit) rows.push(row);
  }
  return { rows, matched };
}

function haystack(event: BenchEvent, summary: string): string {
  // The full URL too: the summary shortens it, but people paste whole URLs into the filter.
  const url = 'url' in event ? event.url : '';
  return `${event.kind} ${event.sessionId ?? ''} ${summary} ${url}`.toLowerCase();
}

export function countByKind(events: BenchEvent[]): Map<BenchEventKind, number> {
  const counts = new Map<BenchEventKind, number>();
  for (const e of events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return counts;
}
