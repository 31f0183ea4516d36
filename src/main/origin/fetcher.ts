// Fetches origin manifests for the stitcher: 2 s timeout and 2 MB cap as MediaTailor documents, concurrent
// requests for the same URL coalesced, VOD manifests (and multivariants) cached briefly, live ones for a
// fraction of a segment so a crowd of sessions costs the origin one request. Failures become the playback
// error contract: 504 on timeout, 502 for anything else.
import type { EventBus } from '../bus/event-bus.js';
import { FetchError, fetchText, type FetchTextResult } from '../http/fetch-text.js';
import { HttpError } from '../http/errors.js';

export const ORIGIN_TIMEOUT_MS = 2000;
export const ORIGIN_MAX_BYTES = 2 * 1024 * 1024;
const VOD_TTL_MS = 30_000;
const LIVE_TTL_MS = 250;
const MAX_ENTRIES = 500;

export interface OriginResponse {
  url: string;
  body: string;
  ms: number;
  cached: boolean;
}

interface Entry {
  at: number;
  ttl: number;
  value: Promise<FetchTextResult>;
}

export class OriginFetcher {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly bus: EventBus,
    private readonly opts: { timeoutMs?: number; maxBytes?: number; now?: () => number } = {},
  ) {}

  async get(url: string, ctx: { sessionId?: string; headers?: Record<string, string> } = {}): Promise<OriginResponse> {
    const now = (this.opts.now ?? Date.now)();
    const hit = this.cache.get(url);
    if (hit && now - hit.at < hit.ttl && now >= hit.at) {
      const r = await hit.value.catch(() => undefined);
      if (r && r.status < 400) return { url: r.url, body: r.body, ms: 0, cached: true };
    }
    const value = fetchText(url, {
      timeoutMs: this.opts.timeoutMs ?? ORIGIN_TIMEOUT_MS,
      maxBytes: this.opts.maxBytes ?? ORIGIN_MAX_BYTES,
      headers: { 'user-agent': 'Stitchbench', ...ctx.headers },
    });
    // Coalesce while in flight; the TTL is set once the body says what it is.
    const entry: Entry = { at: now, ttl: Number.POSITIVE_INFINITY, value };
    this.cache.set(url, entry);
    let r: FetchTextResult;
    try {
      r = await value;
    } catch (e) {
      this.cache.delete(url);
      const err = e instanceof FetchError ? e : new FetchError('network', String(e), 0);
      this.bus.emit({ kind: 'origin.fetch', url, status: 0, ms: err.ms, error: err.message, ...(ctx.sessionId ? { sessionId: ctx.sessionId } : {}) });
      if (err.reason === 'timeout') throw new HttpError(504, `Origin did not answer within ${this.opts.timeoutMs ?? ORIGIN_TIMEOUT_MS} ms: ${url}`, 'GatewayTimeoutException');
      if (err.reason === 'too-large') throw new HttpError(502, `Origin manifest is larger than the 2 MB limit: ${url}`, 'BadGatewayException');
      throw new HttpError(502, `Origin request failed (${err.message}): ${url}`, 'BadGatewayException');
    }
    this.bus.emit({ kind: 'origin.fetch', url, status: r.status, ms: r.ms, bytes: r.bytes, ...(ctx.sessionId ? { sessionId: ctx.sessionId } : {}) });
    if (r.status >= 400) {
      this.cache.delete(url);
      throw new HttpError(502, `Origin answered HTTP ${r.status} for ${url}`, 'BadGatewayException');
    }
    const isLive = !r.body.includes('#EXT-X-ENDLIST') && !r.body.includes('#EXT-X-STREAM-INF') && !/type="static"/.test(r.body);
    entry.ttl = isLive ? LIVE_TTL_MS : VOD_TTL_MS;
    entry.at = (this.opts.now ?? Date.now)();
    if (this.cache.size > MAX_ENTRIES) this.prune(entry.at);
    return { url: r.url, body: r.body, ms: r.ms, cached: false };
  }

  private prune(now: number): void {
    for (const [k, e] of this.cache) if (now - e.at >= e.ttl) this.cache.delete(k);
    while (this.cache.size > MAX_ENTRIES) {
      const first = this.cache.keys().next().value;
      if (first === undefined) break;
      this.cache.delete(first);
    }
  }
}
