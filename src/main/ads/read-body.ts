// Reading an ADS answer body: as a VAST, as a VMAP, or whichever its root says, with the facts the bus and the
// ADS inspector report about it. Pure.
import type { AdsRequestAd, AdsRequestEvent } from '../../shared/events.js';
import type { ExchangeDoc } from './exchange.js';
import type { IgnoredAd } from './types.js';
import { parseVast, type ParsedAd, type ParsedVast } from './vast-parse.js';
import { isVmap, parseVmap, type ParsedVmap } from './vmap-parse.js';

export type DocFacts = Pick<AdsRequestEvent, 'version' | 'vastAds' | 'errorUrls'>;
/** Body → document, with how many ads (or breaks) it holds, what it skipped, and its facts for the bus. */
export type Parse<T> = (body: string) => { ok: true; doc: T; count: number; ignored?: IgnoredAd[]; facts?: DocFacts; parsed?: ExchangeDoc } | { ok: false; code: number; message: string };

export const emptyVast = (): ParsedVast => ({ ads: [], errorUrls: [], ignored: [] });

export const parseVastBody: Parse<ParsedVast> = (body) => {
  const p = parseVast(body);
  if (!p.ok) return p;
  const facts: DocFacts = { vastAds: p.doc.ads.map(adFacts), ...(p.doc.version !== undefined ? { version: p.doc.version } : {}), ...(p.doc.errorUrls.length ? { errorUrls: p.doc.errorUrls } : {}) };
  return { ok: true, doc: p.doc, count: p.doc.ads.length, ignored: p.doc.ignored, facts, parsed: { vast: p.doc } };
};

export const parseVmapBody: Parse<ParsedVmap> = (body) => {
  const p = parseVmap(body);
  return p.ok ? { ok: true, doc: p.doc, count: p.doc.breaks.length, ...(p.doc.version !== undefined ? { facts: { version: p.doc.version } } : {}), parsed: { vmap: p.doc } } : p;
};

/** A VMAP if the root says so, else a VAST. */
export const parseEither: Parse<ExchangeDoc> = (body) => {
  if (isVmap(body)) {
    const p = parseVmapBody(body);
    return p.ok ? { ...p, doc: { vmap: p.doc } } : p;
  }
  const p = parseVastBody(body);
  return p.ok ? { ...p, doc: { vast: p.doc } } : p;
};

/** An Ad in brief for the bus (no tracking URLs: the avail event carries those of the ads placed). */
function adFacts(a: ParsedAd): AdsRequestAd {
  if (a.kind === 'wrapper') return { id: a.id ?? `wrapper-${a.index + 1}`, wrapper: a.tagUrl, ...(a.adSystem ? { adSystem: a.adSystem } : {}) };
  const ad = a.ad;
  return {
    id: ad.adId,
    ...(ad.adSystem ? { adSystem: ad.adSystem } : {}),
    ...(ad.adTitle ? { adTitle: ad.adTitle } : {}),
    ...(ad.creativeId ? { creativeId: ad.creativeId } : {}),
    ...(ad.creativeAdId ? { creativeAdId: ad.creativeAdId } : {}),
    durationSeconds: ad.durationSeconds,
    mediaFiles: ad.mediaFiles.map((m) => ({
      url: m.url, delivery: m.delivery, type: m.type,
      ...(m.width !== undefined ? { width: m.width } : {}),
      ...(m.height !== undefined ? { height: m.height } : {}),
      ...(m.bitrateKbps !== undefined ? { bitrateKbps: m.bitrateKbps } : {}),
      ...(m.id !== undefined ? { id: m.id } : {}),
      ...(m.apiFramework !== undefined ? { apiFramework: m.apiFramework } : {}),
    })),
  };
}
