// Server-side VAST Error pings: macros substituted, all URLs fired at once, one `beacon` event per URL.
// Callers fire and forget: the promise resolves with what happened and never rejects.
import type { EventBus } from '../bus/event-bus.js';
import { fetchText } from '../http/fetch-text.js';
import { expandMacros } from '../tracking/macros.js';

export { VAST_ERROR, VMAP_ERROR, type VastErrorCode, type VmapErrorCode } from './error-codes.js';

export interface PingOptions {
  bus?: EventBus;
  sessionId?: string;
  adId?: string;
  headers?: Record<string, string>;
  /** Per ping (default 3000). */
  timeoutMs?: number;
}

export interface PingResult {
  /** The URL as requested (macros substituted). */
  url: string;
  /** 0 when no response arrived. */
  status: number;
  ms: number;
  error?: string;
}

/** An Error URL with its macros expanded: [ERRORCODE], [TIMESTAMP], [CACHEBUSTING] and the rest (tracking/macros.ts). */
export function substituteErrorMacros(url: string, code: number, now: Date = new Date()): string {
  return expandMacros(url, { errorCode: code, now });
}

export async function pingVastErrors(urls: readonly string[], code: number, opts: PingOptions = {}): Promise<PingResult[]> {
  const now = new Date();
  const targets = urls.map((u) => u.trim()).filter(Boolean).map((u) => substituteErrorMacros(u, code, now));
  return Promise.all(targets.map((url) => pingOne(url, opts)));
}

async function pingOne(url: string, opts: PingOptions): Promise<PingResult> {
  const t0 = performance.now();
  let result: PingResult;
  try {
    const res = await fetchText(url, {
      timeoutMs: opts.timeoutMs ?? 3000,
      maxBytes: 1024 * 1024,
      ...(opts.headers ? { headers: opts.headers } : {}),
    });
    result = { url, status: res.status, ms: res.ms, ...(res.status >= 400 ? { error: `HTTP ${res.status}` } : {}) };
  } catch (e) {
    result = { url, status: 0, ms: Math.round((performance.now() - t0) * 10) / 10, error: e instanceof Error ? e.message : String(e) };
  }
  opts.bus?.emit({
    kind: 'beacon', sender: 'server', event: 'error', url, status: result.status, ms: result.ms,
    ...(result.error !== undefined ? { error: result.error } : {}),
    ...(opts.adId !== undefined ? { adId: opts.adId } : {}),
    ...(opts.sessionId !== undefined ? { sessionId: opts.sessionId } : {}),
  });
  return result;
}
