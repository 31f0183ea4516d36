// Sends a simulated player's observations to the engine in batches, as the bench's own players do.
import type { PlayerObservation } from '../../shared/player-report.js';

export class ObservationReporter {
  private queue: PlayerObservation[] = [];
  private sending: Promise<void> = Promise.resolve();
  errors = 0;

  constructor(
    private readonly base: string,
    private readonly sessionId: string,
    private readonly player = 'check',
  ) {}

  add(o: PlayerObservation): void {
    this.queue.push(o);
    if (this.queue.length >= 200) void this.flush();
  }

  flush(): Promise<void> {
    const batch = this.queue.splice(0, 500);
    if (batch.length === 0) return this.sending;
    this.sending = this.sending.then(async () => {
      const res = await fetch(`${this.base}/api/sessions/${encodeURIComponent(this.sessionId)}/player`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ player: this.player, observations: batch }),
      }).catch(() => undefined);
      if (!res || res.status >= 300) this.errors++;
      await res?.arrayBuffer().catch(() => undefined);
    });
    return this.sending;
  }
}
