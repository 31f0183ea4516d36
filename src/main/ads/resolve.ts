// The stitcher's ADS client: fetch a VAST tag, follow Wrapper chains, merge wrapper tracking into the InLine ads.
// Never throws: every failure ends up in the VastResponse (errorCode, error, failures, hops) and the caller plays
// content instead of ads. Every HTTP request is one hop and one `ads.request` event on the bus.
//
// Error codes chosen (VAST has no code for a failed *first* request, so the wrapper ones are reused):
// - timeout (per request, or the overall budget), network error, bad URL, cancelled, HTTP status outside 2xx → 301
//   ("VAST URI unavailable or timed out"); the hop keeps the real HTTP status.
// - response larger than maxBytes → 100 (refused before parsing); not XML / not VAST → 100; 101/102 from parseVast.
// - more than maxDepth (7) Wrappers in a chain → 302; a Wrapper pointing at a URL already requested on the same
//   chain (a loop) → 302 as well: the loop would end at the limit anyway, and the message says "loop".
// - a Wrapper chain ending in a document without usable ads → 303, with every wrapper's Error URL to ping.
// - the first response itself empty (no Ad, or only a root <Error>: no fill) → ads [] and no errorCode; the caller
//   pings rootErrorUrls with 303 (MediaTailor logs EMPTY_VAST_RESPONSE). An empty 2xx body counts as empty VAST.
// Relative VASTAdTagURIs are resolved against the URL of the document that holds them.
//
// Bodies never go on the bus (too big): an optional `exchanges` sink (the ADS inspector) gets every exchange with its
// body and parsed document, and links wrapper hops to the exchange that led to them.
import type { AdsRequestEvent } from '../../shared/events.js';
import type { EventBus } from '../bus/event-bus.js';
import { FetchError, fetchText } from '../http/fetch-text.js';
import { VAST_ERROR, VMAP_ERROR } from './error-codes.js';
import type { AdsFailure, AdsFailureKind, AdsHop, IgnoredAd, VastLinearAd, VastResponse, VmapBreak } from './types.js';
import type { AdsExchangeInfo, AdsExchangeSink, ExchangeDoc } from './exchange.js';
import { emptyVast, parseEither, parseVastBody, parseVmapBody, type DocFacts, type Parse } from './read-body.js';
import { parseVast, podOrder, type ParsedVast, type ParsedWrapperAd } from './vast-parse.js';
import { isVmap, type IgnoredBreak, type ParsedVmap } from './vmap-parse.js';


/** MediaTailor's AdsRequestTimeoutMilliseconds default. */
export const DEFAULT_ADS_TIMEOUT_MS = 3000;
/** Wrappers followed before giving up (MediaTailor and the VAST recommendation). */
export const MAX_WRAPPER_DEPTH = 7;
export const DEFAULT_ADS_MAX_BYTES = 1024 * 1024;
/** Requests in flight at once within one resolution (a Wrapper response may hold a whole pod of Wrappers). */
export const DEFAULT_ADS_CONCURRENCY = 4;

export interface ResolveOptions {
  /** Per request (default 3000). */
  timeoutMs?: number;
  /** For the whole chain, all hops together (default: timeoutMs). */
  budgetMs?: number;
  maxDepth?: number;
  /** Sent with every hop (X-Device-IP, X-Device-User-Agent, User-Agent … as the caller decides). */
  headers?: Record<string, string>;
  bus?: EventBus;
  sessionId?: string;
  availId?: string;
  signal?: AbortSignal;
  maxBytes?: number;
  concurrency?: number;
  /** Gets every exchange with its body (the ADS inspector). */
  exchanges?: AdsExchangeSink;
  /** The configured URL the first request was expanded from (reported with that exchange). */
  urlTemplate?: string;
  /** The exchange that led here: the VMAP whose break is being resolved. */
  parentExchangeId?: string;
}

interface Ctx {
  opts: ResolveOptions;
  timeoutMs: number;
  budgetMs: number;
  deadline: number;
  maxDepth: number;
  maxBytes: number;
  hops: AdsHop[];
  ignored: IgnoredAd[];
  limit: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** The path to the document being expanded. */
interface Chain {
  depth: number;
  /** Every document URL on the path, top first (loop detection). */
  urls: string[];
  wrappers: ParsedWrapperAd[];
  /** VASTAdTagURIs followed (= VastLinearAd.wrapperUrls). */
  tagUrls: string[];
  allowWrappers: boolean;
  allowMultiple: boolean;
  /** The exchange that brought this document (parent of its wrappers' exchanges). */
  exchangeId?: string;
}

interface Branch {
  ads: VastLinearAd[];
  failures: AdsFailure[];
}

type Problem = { kind: AdsFailureKind; code: number; message: string };
type Fetched<T> = ({ ok: true; doc: T } | { ok: false; problem: Problem }) & { exchangeId?: string };
/** What a hop's bus event tells about the document received (read by the ADS interaction log). */
/** How a hop links into the exchange tree, and (for a VMAP-or-VAST request) what its answer turned out to be. */
interface HopLink {
  parentId?: string;
  answered?: (body: string) => 'vast' | 'vmap';
}

export async function resolveVast(url: string, opts: ResolveOptions = {}): Promise<VastResponse> {
  return resolveTag(url, opts, true);
}

async function resolveTag(url: string, opts: ResolveOptions, allowMultiple: boolean): Promise<VastResponse> {
  const ctx = context(opts);
  const t0 = performance.now();
  const top = await fetchDoc(ctx, url, 0, 'vast', parseVastBody, emptyVast, { parentId: opts.parentExchangeId });
  if (!top.ok) return finish(ctx, t0, { ads: [], rootErrorUrls: [], failures: [failure(top.problem, url, 0, [])] });
  return expandTop(ctx, t0, top.doc, url, top.exchangeId, allowMultiple);
}

async function expandTop(ctx: Ctx, t0: number, doc: ParsedVast, url: string, exchangeId: string | undefined, allowMultiple: boolean): Promise<VastResponse> {
  const branch = await expandDoc(ctx, doc, url, rootChain(url, allowMultiple, exchangeId));
  return finish(ctx, t0, {
    ...(doc.version !== undefined ? { version: doc.version } : {}),
    ads: branch.ads,
    rootErrorUrls: doc.errorUrls,
    failures: branch.failures,
  });
}

export interface VmapResponse {
  version?: string;
  breaks: VmapBreak[];
  /** Breaks dropped for an unreadable timeOffset. */
  ignored: IgnoredBreak[];
  hops: AdsHop[];
  error?: string;
  /** VMAP error code: 1000–1002 from parsing; 1007 (timeout) / 1008 (retrieval) reused for the VMAP request itself. */
  errorCode?: number;
  ms: number;
}

/** Fetches and parses a VMAP playlist; the breaks' ad sources are resolved later, one by one, with resolveBreak. */
export async function resolveVmap(url: string, opts: ResolveOptions = {}): Promise<VmapResponse> {
  const ctx = context(opts);
  const t0 = performance.now();
  const r = await fetchDoc<ParsedVmap>(ctx, url, 0, 'vmap', parseVmapBody, () => ({ breaks: [], ignored: [] }), { parentId: opts.parentExchangeId });
  if (r.ok) return vmapResponse(ctx, t0, r.doc);
  const p = r.problem;
  return { breaks: [], ignored: [], hops: ctx.hops, error: p.message, errorCode: vmapErrorCode(p.kind, p.code), ms: round(performance.now() - t0) };
}

function vmapResponse(ctx: Ctx, t0: number, doc: ParsedVmap): VmapResponse {
  return { ...(doc.version !== undefined ? { version: doc.version } : {}), breaks: doc.breaks, ignored: doc.ignored, hops: ctx.hops, ms: round(performance.now() - t0) };
}

/** A VOD ADS answer: a VMAP (breaks still to resolve, `exchangeId` their parent) or a VAST (resolved, as resolveVast). */
export type VmapOrVastResponse = { doc: 'vmap'; vmap: VmapResponse; exchangeId?: string } | { doc: 'vast'; vast: VastResponse };

/**
 * One request for VOD without markers, read as whichever document it answers: a VMAP, or a VAST (a pre-roll). An
 * empty body is an empty VAST; a failed request (or an unreadable document) is reported as the VAST's failure, so
 * the caller's pre-roll says why there are no ads — as if resolveVast had been asked.
 */
export async function resolveVmapOrVast(url: string, opts: ResolveOptions = {}): Promise<VmapOrVastResponse> {
  const ctx = context(opts);
  const t0 = performance.now();
  const answered = (body: string) => (isVmap(body) ? 'vmap' : 'vast') as 'vast' | 'vmap';
  const top = await fetchDoc<ExchangeDoc>(ctx, url, 0, 'vmap', parseEither, () => ({ vast: emptyVast() }), { parentId: opts.parentExchangeId, answered });
  if (!top.ok) {
    // A VMAP's own parse codes (1000–1002) have no meaning for the pre-roll's VAST: 100 (XML parsing error).
    const p = top.problem.kind === 'parse' ? { ...top.problem, code: VAST_ERROR.XML_PARSE } : top.problem;
    return { doc: 'vast', vast: finish(ctx, t0, { ads: [], rootErrorUrls: [], failures: [failure(p, url, 0, [])] }) };
  }
  if ('vmap' in top.doc) return { doc: 'vmap', vmap: vmapResponse(ctx, t0, top.doc.vmap), ...(top.exchangeId !== undefined ? { exchangeId: top.exchangeId } : {}) };
  return { doc: 'vast', vast: await expandTop(ctx, t0, top.doc.vast, url, top.exchangeId, true) };
}

/** A failed VMAP request's code: parse errors keep theirs; 1007 (timeout) / 1008 (retrieval) otherwise. */
function vmapErrorCode(kind: AdsFailureKind, code: number): number {
  return kind === 'parse' ? code : kind === 'timeout' || kind === 'budget' ? VMAP_ERROR.AD_DOCUMENT_TIMEOUT : VMAP_ERROR.AD_DOCUMENT_RETRIEVAL;
}

/**
 * A VMAP break's ads: inline VASTAdData is parsed directly (its Wrappers fetched from depth 1), an AdTagURI is
 * fetched as resolveVast does. `baseUrl` (the VMAP's URL) resolves relative tag URIs. AdSource@followRedirects
 * "false" allows no Wrapper at all (302 on the first); @allowMultipleAds "false" keeps the first stand-alone ad.
 */
export async function resolveBreak(brk: VmapBreak, options: ResolveOptions & { baseUrl?: string } = {}): Promise<VastResponse> {
  const { vastXml, adTagUri, followRedirects, allowMultipleAds } = brk.adSource;
  const opts = followRedirects === false ? { ...options, maxDepth: 0 } : options;
  const allowMultiple = allowMultipleAds !== false;
  const base = opts.baseUrl;
  if (adTagUri !== undefined && vastXml === undefined) {
    let abs: string;
    try {
      abs = new URL(adTagUri, base).href;
    } catch {
      abs = adTagUri; // fetchText reports it as a bad URL, with a hop
    }
    return resolveTag(abs, opts, allowMultiple);
  }
  const ctx = context(opts);
  const t0 = performance.now();
  const where = base ?? 'vmap:VASTAdData';
  if (vastXml === undefined) {
    return finish(ctx, t0, {
      ads: [], rootErrorUrls: [],
      failures: [failure({ kind: 'no-ads', code: VAST_ERROR.UNDEFINED, message: 'AdBreak has neither VASTAdData nor AdTagURI' }, where, 0, [])],
    });
  }
  const parsed = parseVast(vastXml);
  if (!parsed.ok) return finish(ctx, t0, { ads: [], rootErrorUrls: [], failures: [failure({ kind: 'parse', ...parsed }, where, 0, [])] });
  ctx.ignored.push(...parsed.doc.ignored);
  const branch = await expandDoc(ctx, parsed.doc, base ?? '', rootChain(base, allowMultiple, opts.parentExchangeId));
  return finish(ctx, t0, {
    ...(parsed.doc.version !== undefined ? { version: parsed.doc.version } : {}),
    ads: branch.ads,
    rootErrorUrls: parsed.doc.errorUrls,
    failures: branch.failures,
  });
}

function context(opts: ResolveOptions): Ctx {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_ADS_TIMEOUT_MS;
  const budgetMs = opts.budgetMs ?? timeoutMs;
  return {
    opts,
    timeoutMs,
    budgetMs,
    deadline: performance.now() + budgetMs,
    maxDepth: opts.maxDepth ?? MAX_WRAPPER_DEPTH,
    maxBytes: opts.maxBytes ?? DEFAULT_ADS_MAX_BYTES,
    hops: [],
    ignored: [],
    limit: limiter(Math.max(1, opts.concurrency ?? DEFAULT_ADS_CONCURRENCY)),
  };
}

function rootChain(url: string | undefined, allowMultiple: boolean, exchangeId: string | undefined): Chain {
  return { depth: 0, urls: url ? [normalise(url)] : [], wrappers: [], tagUrls: [], allowWrappers: true, allowMultiple, ...(exchangeId !== undefined ? { exchangeId } : {}) };
}

function finish(ctx: Ctx, t0: number, r: Pick<VastResponse, 'version' | 'ads' | 'rootErrorUrls' | 'failures'>): VastResponse {
  const first = r.ads.length === 0 ? r.failures[0] : undefined;
  return {
    ...r,
    hops: ctx.hops,
    ...(first ? { errorCode: first.code, error: first.message } : {}),
    ignored: ctx.ignored,
    ms: round(performance.now() - t0),
  };
}

async function expandDoc(ctx: Ctx, doc: ParsedVast, docUrl: string, chain: Chain): Promise<Branch> {
  let ads = podOrder(doc.ads);
  if (!chain.allowWrappers) ads = ads.filter((a) => a.kind === 'inline');
  if (!chain.allowMultiple) {
    // allowMultipleAds="false": the first stand-alone ad only (leniently the first pod ad when there is none).
    const one = ads.find((a) => a.sequence === undefined) ?? ads[0];
    ads = one ? [one] : [];
  }
  const parts = await Promise.all(
    ads.map((a): Branch | Promise<Branch> => (a.kind === 'inline' ? { ads: [merge(a.ad, chain)], failures: [] } : followWrapper(ctx, a, docUrl, chain))),
  );
  return { ads: parts.flatMap((p) => p.ads), failures: parts.flatMap((p) => p.failures) };
}

async function followWrapper(ctx: Ctx, w: ParsedWrapperAd, docUrl: string, chain: Chain): Promise<Branch> {
  const wrappers = [...chain.wrappers, w];
  const errorUrls = wrappers.flatMap((x) => x.errorUrls);
  const depth = chain.depth + 1;
  const fail = (p: Problem, url: string, extraErrors: string[] = []): Branch => ({ ads: [], failures: [failure(p, url, depth, [...errorUrls, ...extraErrors])] });
  // A request the client will not send still shows in the exchange tree, under the Wrapper that asked for it.
  const refuse = (p: Problem, url: string): Branch => {
    record(ctx, { parentId: chain.exchangeId, depth, startedAt: Date.now(), url, requested: false, status: 0, ms: 0, bytes: 0, failure: p.kind, errorCode: p.code, error: p.message, doc: 'vast' });
    return fail(p, url);
  };
  let next: string;
  try {
    next = new URL(w.tagUrl, docUrl || undefined).href;
  } catch {
    return refuse({ kind: 'bad-url', code: VAST_ERROR.WRAPPER_TIMEOUT, message: `Wrapper VASTAdTagURI is not a usable URL: ${w.tagUrl}` }, w.tagUrl);
  }
  if (wrappers.length > ctx.maxDepth) {
    return refuse({ kind: 'wrapper-limit', code: VAST_ERROR.WRAPPER_LIMIT, message: `Wrapper limit reached: wrapper ${wrappers.length} in a chain exceeds the maximum of ${ctx.maxDepth}` }, next);
  }
  const seenAt = chain.urls.indexOf(normalise(next));
  if (seenAt >= 0) {
    return refuse({ kind: 'wrapper-loop', code: VAST_ERROR.WRAPPER_LIMIT, message: `Wrapper loop: ${next} was already requested at depth ${seenAt}` }, next);
  }
  const r = await fetchDoc(ctx, next, depth, 'vast', parseVastBody, emptyVast, { parentId: chain.exchangeId });
  if (!r.ok) return fail(r.problem, next);
  const sub = await expandDoc(ctx, r.doc, next, {
    depth,
    urls: [...chain.urls, normalise(next)],
    wrappers,
    tagUrls: [...chain.tagUrls, next],
    allowWrappers: w.followAdditionalWrappers !== false,
    allowMultiple: w.allowMultipleAds !== false,
    ...(r.exchangeId !== undefined ? { exchangeId: r.exchangeId } : {}),
  });
  if (sub.ads.length > 0 || sub.failures.length > 0) return sub;
  const why = r.doc.ads.length > 0 ? ` (its ${r.doc.ads.length} ad(s) were not allowed by the Wrapper's attributes)` : r.doc.ignored.length > 0 ? ` (only non-linear ads)` : '';
  return fail({ kind: 'no-ads', code: VAST_ERROR.NO_ADS_AFTER_WRAPPER, message: `No ads after ${wrappers.length} wrapper(s): ${next} answered none${why}` }, next, r.doc.errorUrls);
}

/** Wrapper impressions, errors, tracking and click tracking first, then the InLine's own. */
function merge(ad: VastLinearAd, chain: Chain): VastLinearAd {
  const ws = chain.wrappers;
  if (ws.length === 0) return ad;
  return {
    ...ad,
    impressions: [...ws.flatMap((w) => w.impressions), ...ad.impressions],
    errorUrls: [...ws.flatMap((w) => w.errorUrls), ...ad.errorUrls],
    tracking: [...ws.flatMap((w) => w.tracking), ...ad.tracking],
    clickTracking: [...ws.flatMap((w) => w.clickTracking), ...ad.clickTracking],
    wrapperUrls: chain.tagUrls,
  };
}

/** One hop: request, hop record + bus event + exchange, parse. */
async function fetchDoc<T>(ctx: Ctx, url: string, depth: number, doc: 'vast' | 'vmap', parse: Parse<T>, empty: () => T, link: HopLink = {}): Promise<Fetched<T>> {
  return ctx.limit(async () => {
    const startedAt = Date.now();
    const parentId = link.parentId;
    const remaining = Math.floor(ctx.deadline - performance.now());
    if (remaining <= 0) {
      const problem: Problem = { kind: 'budget', code: VAST_ERROR.WRAPPER_TIMEOUT, message: `ADS budget of ${ctx.budgetMs} ms used up before requesting ${url}` };
      record(ctx, { parentId, depth, startedAt, url, requested: false, status: 0, ms: 0, bytes: 0, failure: 'budget', errorCode: problem.code, error: problem.message, doc });
      return { ok: false, problem };
    }
    const timeoutMs = Math.min(ctx.timeoutMs, remaining);
    const t0 = performance.now();
    const o = ctx.opts;
    let res;
    try {
      res = await fetchText(url, {
        timeoutMs,
        maxBytes: ctx.maxBytes,
        ...(o.headers ? { headers: o.headers } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
      });
    } catch (e) {
      const reason = e instanceof FetchError ? e.reason : 'network';
      // The budget is to blame only when earlier hops used part of it: the first request starts with all of it
      // (less the milliseconds since the context was made, which must not turn its own timeout into "budget").
      const kind: AdsFailureKind = reason === 'timeout' && depth > 0 && timeoutMs < ctx.timeoutMs ? 'budget' : reason;
      const text = e instanceof Error ? e.message : String(e);
      const message = kind === 'budget' ? `ADS budget of ${ctx.budgetMs} ms used up: no answer from ${url} within the ${timeoutMs} ms left` : text.includes(url) ? text : `${text} (${url})`;
      const code = kind === 'too-large' ? VAST_ERROR.XML_PARSE : VAST_ERROR.WRAPPER_TIMEOUT;
      const h: AdsHop = { url, depth, status: 0, ms: e instanceof FetchError ? e.ms : round(performance.now() - t0), bytes: 0, ads: 0, error: message };
      hop(ctx, h, doc, { failure: kind, errorCode: code });
      const exchangeId = record(ctx, { parentId, depth, startedAt, url, requested: true, status: 0, ms: h.ms, bytes: 0, failure: kind, errorCode: docCode(doc, kind, code), error: message, doc });
      return { ok: false, problem: { kind, code, message }, exchangeId };
    }
    const base = { url, depth, status: res.status, ms: res.ms, bytes: res.bytes };
    const answer = { parentId, depth, startedAt, url, requested: true, status: res.status, ms: res.ms, bytes: res.bytes, ...(res.contentType !== undefined ? { contentType: res.contentType } : {}), body: res.body };
    if (res.status < 200 || res.status >= 300) {
      const message = `HTTP ${res.status} from ${url}`;
      hop(ctx, { ...base, ads: 0, error: message }, doc, { failure: 'http', errorCode: VAST_ERROR.WRAPPER_TIMEOUT });
      const exchangeId = record(ctx, { ...answer, failure: 'http', errorCode: docCode(doc, 'http', VAST_ERROR.WRAPPER_TIMEOUT), error: message, doc });
      return { ok: false, problem: { kind: 'http', code: VAST_ERROR.WRAPPER_TIMEOUT, message }, exchangeId };
    }
    const as = link.answered?.(res.body) ?? doc;
    if (res.body.trim() === '') {
      hop(ctx, { ...base, ads: 0 }, as);
      const exchangeId = record(ctx, { ...answer, doc: as });
      return { ok: true, doc: empty(), exchangeId };
    }
    const p = parse(res.body);
    if (!p.ok) {
      hop(ctx, { ...base, ads: 0, error: p.message }, as, { failure: 'parse', errorCode: p.code });
      const exchangeId = record(ctx, { ...answer, failure: 'parse', errorCode: docCode(as, 'parse', p.code), error: p.message, doc: as });
      return { ok: false, problem: { kind: 'parse', code: p.code, message: `${p.message} (${url})` }, exchangeId };
    }
    hop(ctx, { ...base, ads: p.count }, as, p.facts);
    const exchangeId = record(ctx, { ...answer, doc: as, ...(p.parsed ? { parsed: p.parsed } : {}) });
    if (p.ignored) ctx.ignored.push(...p.ignored);
    return { ok: true, doc: p.doc, exchangeId };
  });
}

/** Records a hop and emits it; a failed one carries the failure, its error code and the headers sent. */
function hop(ctx: Ctx, h: AdsHop, doc: 'vast' | 'vmap', facts: DocFacts | { failure: AdsFailureKind; errorCode: number } = {}): void {
  ctx.hops.push(h);
  const { bus, sessionId, availId, headers } = ctx.opts;
  bus?.emit({
    kind: 'ads.request', side: 'client', url: h.url, status: h.status, ms: h.ms, bytes: h.bytes, depth: h.depth, ads: h.ads, doc,
    ...facts,
    ...('failure' in facts ? { errorCode: docCode(doc, facts.failure, facts.errorCode) } : {}),
    ...(h.error !== undefined ? { error: h.error } : {}),
    ...('failure' in facts && headers ? { requestHeaders: headers } : {}),
    ...(sessionId !== undefined ? { sessionId } : {}),
    ...(availId !== undefined ? { availId } : {}),
  });
}

/** A failed hop's error code in its document's vocabulary (VMAP requests have their own). */
function docCode(doc: 'vast' | 'vmap', kind: AdsFailureKind, code: number): number {
  return doc === 'vmap' ? vmapErrorCode(kind, code) : code;
}

type ExchangeFields = Omit<AdsExchangeInfo, 'sessionId' | 'availId' | 'urlTemplate' | 'requestHeaders' | 'parentId'> & { parentId: string | undefined };

/** Hands an exchange to the sink; the template is reported with the first request of a resolution only. */
function record(ctx: Ctx, x: ExchangeFields): string | undefined {
  const { exchanges, sessionId, availId, urlTemplate, headers } = ctx.opts;
  if (!exchanges) return undefined;
  const { parentId, ...rest } = x;
  return exchanges.record({
    ...rest,
    requestHeaders: headers ?? {},
    ...(parentId !== undefined ? { parentId } : {}),
    ...(sessionId !== undefined ? { sessionId } : {}),
    ...(availId !== undefined ? { availId } : {}),
    ...(urlTemplate !== undefined && x.depth === 0 && parentId === undefined ? { urlTemplate } : {}),
  });
}

function failure(p: Problem, url: string, depth: number, errorUrls: string[]): AdsFailure {
  return { kind: p.kind, code: p.code, message: p.message, url, depth, errorUrls };
}

function normalise(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** At most n tasks at once; a finished task hands its slot straight to the next waiter (no overshoot). */
function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (fn) => {
    if (active < n) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
