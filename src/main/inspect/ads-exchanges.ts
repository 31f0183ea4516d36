// The ADS inspector's memory: every HTTP exchange the stitcher had with an ad decision server, per session, with the
// raw body (too big for the bus, which stays the one event stream for logs). The ADS client hands exchanges over
// through its `exchanges` sink (src/main/ads/resolve.ts). Bounded three ways — exchanges per session, sessions
// (least recently active dropped), and a byte budget over all of them (oldest exchange dropped first) — so a
// long soak test cannot grow the engine without limit.
import type { AdsExchangeInfo, AdsExchangeSink } from '../ads/exchange.js';
import { ADS_EXCHANGE_BODY_CAP, type AdsExchange } from '../../shared/inspect-ads.js';
import { summariseParsed } from './ads-exchange-summary.js';

export interface AdsExchangeStoreOptions {
  /** Exchanges kept per session (default 100). */
  perSession?: number;
  /** Sessions kept (default 200). */
  maxSessions?: number;
  /** Approximate bytes kept over all sessions (default 32 MiB). */
  maxBytes?: number;
  /** Body bytes kept per exchange (default 256 KiB). */
  bodyCap?: number;
}

interface Entry {
  sessionId: string;
  exchange: AdsExchange;
  bytes: number;
}

export class AdsExchangeStore implements AdsExchangeSink {
  /** Least recently active session first. */
  private readonly sessions = new Map<string, Map<string, Entry>>();
  /** Every entry, oldest first (Map keeps insertion order). */
  private readonly all = new Map<string, Entry>();
  private total = 0;
  private seq = 0;
  private readonly perSession: number;
  private readonly maxSessions: number;
  private readonly maxBytes: number;
  private readonly bodyCap: number;

  constructor(options: AdsExchangeStoreOptions = {}) {
    this.perSession = Math.max(1, options.perSession ?? 100);
    this.maxSessions = Math.max(1, options.maxSessions ?? 200);
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.bodyCap = options.bodyCap ?? ADS_EXCHANGE_BODY_CAP;
  }

  record(x: AdsExchangeInfo): string | undefined {
    // Without a session (e.g. the transcode prewarm's own ADS call) there is nowhere to show it.
    if (x.sessionId === undefined) return undefined;
    const id = `x${++this.seq}`;
    const exchange = toExchange(id, x, this.bodyCap);
    const entry: Entry = { sessionId: x.sessionId, exchange, bytes: weigh(exchange) };
    const list = this.sessions.get(x.sessionId) ?? new Map<string, Entry>();
    this.sessions.delete(x.sessionId); // re-inserted last: most recently active
    this.sessions.set(x.sessionId, list);
    list.set(id, entry);
    this.all.set(id, entry);
    this.total += entry.bytes;
    while (list.size > this.perSession) this.drop(list.values().next().value!);
    while (this.sessions.size > this.maxSessions) {
      for (const e of [...this.sessions.values().next().value!.values()]) this.drop(e);
    }
    // The newest exchange stays even if it alone is over budget: it is the one being looked at.
    while (this.total > this.maxBytes && this.all.size > 1) this.drop(this.all.values().next().value!);
    return id;
  }

  /** A session's exchanges in the order they completed; undefined when none are kept. */
  list(sessionId: string): AdsExchange[] | undefined {
    const list = this.sessions.get(sessionId);
    return list ? [...list.values()].map((e) => e.exchange) : undefined;
  }

  get(sessionId: string, exchangeId: string): AdsExchange | undefined {
    return this.sessions.get(sessionId)?.get(exchangeId)?.exchange;
  }

  /** Approximate bytes held (for tests and diagnostics). */
  get bytes(): number {
    return this.total;
  }

  private drop(e: Entry): void {
    const id = e.exchange.id;
    if (!this.all.delete(id)) return;
    this.total -= e.bytes;
    const list = this.sessions.get(e.sessionId);
    list?.delete(id);
    if (list?.size === 0) this.sessions.delete(e.sessionId);
  }
}

function toExchange(id: string, x: AdsExchangeInfo, cap: number): AdsExchange {
  const body = x.body === undefined ? undefined : truncate(x.body, cap);
  return {
    id,
    ...(x.availId !== undefined ? { availId: x.availId } : {}),
    ...(x.parentId !== undefined ? { parentId: x.parentId } : {}),
    depth: x.depth,
    at: x.startedAt,
    url: x.url,
    ...(x.urlTemplate !== undefined ? { urlTemplate: x.urlTemplate } : {}),
    query: queryOf(x.url),
    requestHeaders: { ...x.requestHeaders },
    requested: x.requested,
    status: x.status,
    ms: x.ms,
    ...(x.contentType !== undefined ? { contentType: x.contentType } : {}),
    bodyBytes: x.bytes,
    ...(body !== undefined ? { body: body.text, ...(body.truncated ? { bodyTruncated: true } : {}) } : {}),
    ...(x.failure !== undefined ? { failure: x.failure } : {}),
    ...(x.errorCode !== undefined ? { errorCode: x.errorCode } : {}),
    ...(x.error !== undefined ? { error: x.error } : {}),
    doc: x.doc,
    ...summariseParsed(x.parsed),
  };
}

/** At most `cap` UTF-8 bytes, cut on a character boundary. */
function truncate(body: string, cap: number): { text: string; truncated: boolean } {
  if (body.length <= cap / 3 || Buffer.byteLength(body) <= cap) return { text: body, truncated: false };
  const text = Buffer.from(body, 'utf8').subarray(0, cap).toString('utf8').replace(/\uFFFD+$/, '');
  return { text, truncated: true };
}

function queryOf(url: string): [string, string][] {
  try {
    return [...new URL(url).searchParams.entries()];
  } catch {
    return [];
  }
}

/** The body dominates; the rest is estimated from its JSON. */
function weigh(x: AdsExchange): number {
  return Buffer.byteLength(x.body ?? '') + JSON.stringify({ ...x, body: undefined }).length;
}
