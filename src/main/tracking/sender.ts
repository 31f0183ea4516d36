// Fires beacons over HTTP the way a careful SSAI server does: a 3 s timeout per attempt, bounded retries with
// backoff for network errors and 5xx (never for 4xx: the ad server has answered), at most N requests in flight
// with a bounded queue behind them, the viewer's identity forwarded (X-Device-IP / X-Device-User-Agent), and a
// `beacon` event per beacon on the bus. Callers never wait: segment responses must not depend on ad servers.
import type { BeaconUrlResult } from '../../shared/beacons.js';
import type { EventBus } from '../bus/event-bus.js';
import { fetchBytes, FetchError } from '../http/fetch-text.js';

export interface SenderOptions {
  bus: EventBus;
  concurrency?: number;
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** Wait before retry n (default 250 ms, then 1 s). */
  backoffMs?: readonly number[];
  /** Beacons waiting beyond the ones in flight; more are dropped and reported (default 10 000). */
  maxQueue?: number;
}

export interface BeaconRequest {
  url: string;
  event: string;
  sender: 'server' | 'client';
  sessionId?: string;
  availId?: string;
  adId?: string;
  headers?: Record<string, string>;
}

/** One beacon URL's outcome (the shared shape the beacon report carries). */
export type BeaconResult = BeaconUrlResult;

const retryable = (status: number) => status === 0 || status >= 500;

export class BeaconSender {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly maxQueue: number;

  constructor(private readonly opts: SenderOptions) {
    this.concurrency = opts.concurrency ?? 16;
    this.maxQueue = opts.maxQueue ?? 10_000;
  }

  /** Resolves when the beacon has been fired (or has failed for good); never rejects. */
  async send(req: BeaconRequest): Promise<BeaconResult> {
    const at = Date.now();
    if (this.inFlight >= this.concurrency) {
      if (this.waiting.length >= this.maxQueue) return this.report(req, { url: req.url, status: 0, ms: 0, attempts: 0, at, error: `beacon queue full (${this.maxQueue} waiting)` });
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.inFlight++;
    try {
      return this.report(req, await this.attempt(req, at));
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }

  private async attempt(req: BeaconRequest, at: number): Promise<BeaconResult> {
    const retries = this.opts.retries ?? 2;
    const backoff = this.opts.backoffMs ?? [250, 1000];
    let last: BeaconResult = { url: req.url, status: 0, ms: 0, attempts: 0, at };
    for (let n = 0; n <= retries; n++) {
      if (n > 0) await new Promise((r) => setTimeout(r, backoff[Math.min(n - 1, backoff.length - 1)] ?? 1000));
      const t0 = performance.now();
      try {
        const res = await fetchBytes(req.url, { timeoutMs: this.opts.timeoutMs ?? 3000, maxBytes: 256 * 1024, ...(req.headers ? { headers: req.headers } : {}) });
        last = { url: req.url, status: res.status, ms: res.ms, attempts: n + 1, at, ...(res.status >= 400 ? { error: `HTTP ${res.status}` } : {}) };
      } catch (e) {
        const ms = e instanceof FetchError ? e.ms : Math.round(performance.now() - t0);
        last = { url: req.url, status: 0, ms, attempts: n + 1, at, error: e instanceof Error ? e.message : String(e) };
        // A malformed URL will not get better.
        if (e instanceof FetchError && e.reason === 'bad-url') break;
      }
      if (!retryable(last.status)) break;
    }
    return last;
  }

  private report(req: BeaconRequest, r: BeaconResult): BeaconResult {
    this.opts.bus.emit({
      kind: 'beacon',
      sender: req.sender,
      event: req.event,
      url: r.url,
      status: r.status,
      ms: r.ms,
      attempts: r.attempts,
      ...(r.error ? { error: r.error } : {}),
      ...(req.adId ? { adId: req.adId } : {}),
      ...(req.availId ? { availId: req.availId } : {}),
      ...(req.sessionId ? { sessionId: req.sessionId } : {}),
    });
    return r;
  }
}
