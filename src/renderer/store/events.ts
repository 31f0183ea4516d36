// The live event log: the last MAX_EVENTS bench events, newest first, plus the log's view state.
// Events arrive in bursts (a player fetching segments), so they are queued and committed to the
// store at most every FLUSH_MS: one render per burst instead of one per event.
import { create } from 'zustand';
import type { BenchEvent, BenchEventKind } from '../../shared/events';
import type { StreamStatus } from '../api/event-stream';
import { batcher } from '../lib/batcher';

export const MAX_EVENTS = 1000;
const FLUSH_MS = 100;

interface EventsState {
  /** Newest first. Frozen while paused. */
  events: BenchEvent[];
  /** Arrived while paused, oldest first; merged on resume. */
  held: BenchEvent[];
  paused: boolean;
  stream: StreamStatus;
  /** Kinds shown; empty means all. */
  kinds: BenchEventKind[];
  text: string;

  setStream(status: StreamStatus): void;
  setPaused(paused: boolean): void;
  toggleKind(kind: BenchEventKind): void;
  clearKinds(): void;
  setText(text: string): void;
  clear(): void;
}

export const useEvents = create<EventsState>()((set) => ({
  events: [],
  held: [],
  paused: false,
  stream: 'connecting',
  kinds: [],
  text: '',

  setStream: (stream) => set({ stream }),
  setPaused: (paused) =>
    set(({ events, held }) => (paused ? { paused } : { paused, held: [], events: prepend(events, held) })),
  toggleKind: (kind) =>
    set(({ kinds }) => ({ kinds: kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind] })),
  clearKinds: () => set({ kinds: [] }),
  setText: (text) => set({ text }),
  clear: () => set({ events: [], held: [] }),
}));

const enqueue = batcher<BenchEvent>(FLUSH_MS, (batch) =>
  useEvents.setState(({ paused, events, held }) =>
    paused ? { held: [...held, ...batch].slice(-MAX_EVENTS) } : { events: prepend(events, batch) },
  ),
);
/** seq → at of recent events: a replay after reconnecting repeats events we already have. */
const seen = new Map<number, number>();

/** Queue an event from the stream; it reaches the store within FLUSH_MS. */
export function ingestEvent(event: BenchEvent): void {
  if (seen.get(event.seq) === event.at) return;
  // Same seq with another time means the engine restarted and counts from 1 again: keep both.
  seen.set(event.seq, event.at);
  if (seen.size > MAX_EVENTS * 2) {
    const oldest = seen.keys().next().value;
    if (oldest !== undefined) seen.delete(oldest);
  }
  enqueue(event);
}

/** Put `oldestFirst` in front of the newest-first `events`, keeping MAX_EVENTS. */
function prepend(events: BenchEvent[], oldestFirst: BenchEvent[]): BenchEvent[] {
  if (oldestFirst.length === 0) return events;
  return [...oldestFirst.slice(-MAX_EVENTS).reverse(), ...events].slice(0, MAX_EVENTS);
}
