// Reports what a bench player lives through to the engine (POST /api/sessions/{id}/player), so the verdict
// judges what actually played: playhead samples (with PROGRAM-DATE-TIME when the stream has it), stalls from the
// <video> element (waiting → playing after playback began), discontinuities, Period switches, ad starts and ends,
// errors. Observations made before the stitcher names the session wait for it; batches go once a second.
import type { PlayerObservation } from '../../shared/player-report';
import { postNoContent } from '../api/http';

const FLUSH_MS = 1000;
const SAMPLE_MS = 250;
const MAX_QUEUE = 2000;

export type ObservationInput = Omit<PlayerObservation, 'at' | 'position'> & { position?: number };

export class PlayerReporter {
  private queue: PlayerObservation[] = [];
  private sessionId: string | null = null;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly cleanup: (() => void)[] = [];
  private waitingSince: number | undefined;
  private began = false;
  private lastSample = 0;
  private stopped = false;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly player: string,
    private readonly pdtMs: () => number | undefined,
    /** Every playhead update (client-side beacons hook in here). */
    private readonly onTick?: (position: number, pdtMs: number | undefined) => void,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    const on = (type: string, fn: () => void) => {
      video.addEventListener(type, fn);
      this.cleanup.push(() => video.removeEventListener(type, fn));
    };
    on('playing', () => {
      if (this.waitingSince !== undefined && this.began) this.observe({ type: 'stall', durationMs: Math.round(performance.now() - this.waitingSince) });
      this.waitingSince = undefined;
      this.began = true;
    });
    // A stall is waiting for data during playback: not the start-up wait, a pause, or a seek's own wait.
    on('waiting', () => {
      if (this.began && !video.seeking) this.waitingSince ??= performance.now();
    });
    // A seek is not playback: the verdict must not owe the beacons of what was skipped.
    on('seeking', () => {
      this.waitingSince = undefined;
      if (this.began) this.observe({ type: 'seek' });
    });
    on('timeupdate', () => {
      this.onTick?.(video.currentTime, this.pdtMs());
      this.sample();
    });
    on('ended', () => this.observe({ type: 'ended' }));
  }

  /** The stitcher named the session: queued observations can go. */
  setSession(id: string): void {
    this.sessionId = id;
  }

  observe(input: ObservationInput): void {
    if (this.stopped) return;
    const pdt = this.pdtMs();
    this.queue.push({ at: Date.now(), position: this.video.currentTime || 0, ...(pdt !== undefined ? { pdtMs: pdt } : {}), ...input } as PlayerObservation);
    if (this.queue.length > MAX_QUEUE) this.queue.splice(0, this.queue.length - MAX_QUEUE);
  }

  private sample(): void {
    const now = performance.now();
    if (now - this.lastSample < SAMPLE_MS || this.video.paused) return;
    this.lastSample = now;
    this.observe({ type: 'position' });
  }

  async flush(): Promise<void> {
    if (!this.sessionId || this.queue.length === 0) return;
    const batch = this.queue.splice(0, 500);
    try {
      await postNoContent(`/api/sessions/${encodeURIComponent(this.sessionId)}/player`, { player: this.player, observations: batch }, { timeoutMs: 5000 });
    } catch {
      // The engine may have restarted or the session expired: the verdict then lacks these, nothing else breaks.
    }
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const c of this.cleanup) c();
    void this.flush();
  }
}
