// The stitcher's avail decisions per session, from the `avail` events of the event feed. Kept apart from the
// event log (which is capped, pausable and flooded by segment events) so a player can always show its
// session's avails. Bounded: the most recent sessions, and the most recent avails of each (live grows).
import { create } from 'zustand';
import type { AvailEvent } from '../../shared/events';

const MAX_SESSIONS = 20;
const MAX_AVAILS_PER_SESSION = 50;

interface AvailsState {
  /** Session id → its avails, in the order they were decided. */
  bySession: Record<string, AvailEvent[]>;
  add(event: AvailEvent): void;
}

const NONE: AvailEvent[] = [];

export const useAvails = create<AvailsState>()((set) => ({
  bySession: {},
  add: (event) =>
    set(({ bySession }) => {
      const id = event.sessionId;
      if (!id) return {};
      const list = bySession[id] ?? NONE;
      // A replay after reconnecting repeats events: one decision per avail.
      if (list.some((a) => a.seq === event.seq || a.availId === event.availId)) return {};
      const next = { ...bySession, [id]: [...list, event].slice(-MAX_AVAILS_PER_SESSION) };
      const ids = Object.keys(next);
      // Insertion order is arrival order of each session's first avail: drop the oldest sessions.
      for (const old of ids.slice(0, Math.max(0, ids.length - MAX_SESSIONS))) delete next[old];
      return { bySession: next };
    }),
}));

export function availsOf(state: AvailsState, sessionId: string | null): AvailEvent[] {
  return (sessionId && state.bySession[sessionId]) || NONE;
}
