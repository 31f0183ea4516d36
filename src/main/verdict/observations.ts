// Player reports per session, kept for the verdict (stalls at boundaries, playhead over wall time). Bounded: the
// most recent observations of the most recently reporting sessions. Playhead samples stay here; everything else
// also goes on the bus so the event log and panels see it.
import type { EventBus } from '../bus/event-bus.js';
import type { PlayerObservation } from '../../shared/player-report.js';

const MAX_PER_SESSION = 5000;
const MAX_SESSIONS = 500;

export class PlayerObservations {
  private readonly bySession = new Map<string, PlayerObservation[]>();

  constructor(private readonly bus: EventBus) {}

  add(sessionId: string, player: string, observations: PlayerObservation[]): void {
    let list = this.bySession.get(sessionId);
    if (list) this.bySession.delete(sessionId);
    else list = [];
    // Re-inserting keeps Map order = least recently reporting first.
    this.bySession.set(sessionId, list);
    for (const input of observations) {
      const o = { ...input, player };
      list.push(o);
      if (o.type !== 'position') this.bus.emit({ kind: 'player', sessionId, player, observation: o });
    }
    if (list.length > MAX_PER_SESSION) list.splice(0, list.length - MAX_PER_SESSION);
    while (this.bySession.size > MAX_SESSIONS) this.bySession.delete(this.bySession.keys().next().value!);
  }

  of(sessionId: string): readonly PlayerObservation[] {
    return this.bySession.get(sessionId) ?? [];
  }
}
