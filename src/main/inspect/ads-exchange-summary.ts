// What the inspector shows of a parsed ADS answer (pure): each VAST Ad or VMAP AdBreak in brief — ids, durations,
// how many media files and tracking URLs per event, where a Wrapper points. The raw body stays beside it.
import type { AdsExchangeInfo } from '../ads/exchange.js';
import type { TimeOffset, VmapBreak } from '../ads/types.js';
import type { ParsedAd } from '../ads/vast-parse.js';
import type { AdsExchange, AdsExchangeAd, AdsExchangeBreak } from '../../shared/inspect-ads.js';

type Summary = Pick<AdsExchange, 'version' | 'ads' | 'ignored' | 'rootErrorUrls' | 'breaks'>;

export function summariseParsed(parsed: AdsExchangeInfo['parsed']): Summary {
  if (!parsed) return { ads: [] };
  if ('vmap' in parsed) {
    const v = parsed.vmap;
    return { ...(v.version !== undefined ? { version: v.version } : {}), ads: [], breaks: v.breaks.map(breakSummary) };
  }
  const v = parsed.vast;
  return {
    ...(v.version !== undefined ? { version: v.version } : {}),
    // Document order, as the body reads; the sequence column shows the pod order.
    ads: [...v.ads].sort((a, b) => a.index - b.index).map(adSummary),
    ...(v.ignored.length ? { ignored: v.ignored.map((i) => ({ ...(i.adId !== undefined ? { adId: i.adId } : {}), reason: i.reason, detail: i.detail })) } : {}),
    ...(v.errorUrls.length ? { rootErrorUrls: v.errorUrls } : {}),
  };
}

function countEvents(tracking: { event: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tracking) out[t.event] = (out[t.event] ?? 0) + 1;
  return out;
}

function adSummary(a: ParsedAd): AdsExchangeAd {
  if (a.kind === 'wrapper') {
    return {
      kind: 'wrapper',
      id: a.id ?? `wrapper-${a.index + 1}`,
      ...(a.sequence !== undefined ? { sequence: a.sequence } : {}),
      ...(a.adSystem ? { adSystem: a.adSystem } : {}),
      mediaFiles: 0,
      mezzanines: 0,
      wrapperTarget: a.tagUrl,
      impressions: a.impressions.length,
      tracking: countEvents(a.tracking),
      errorUrls: a.errorUrls.length,
    };
  }
  const ad = a.ad;
  return {
    kind: 'inline',
    id: ad.adId,
    ...(a.sequence !== undefined ? { sequence: a.sequence } : {}),
    ...(ad.adSystem ? { adSystem: ad.adSystem } : {}),
    ...(ad.adTitle ? { adTitle: ad.adTitle } : {}),
    durationSeconds: ad.durationSeconds,
    ...(ad.creativeId ? { creativeId: ad.creativeId } : {}),
    ...(ad.creativeAdId ? { creativeAdId: ad.creativeAdId } : {}),
    mediaFiles: ad.mediaFiles.length,
    mezzanines: ad.mezzanines.length,
    impressions: ad.impressions.length,
    tracking: countEvents(ad.tracking),
    errorUrls: ad.errorUrls.length,
  };
}

function breakSummary(b: VmapBreak): AdsExchangeBreak {
  const { vastXml, adTagUri } = b.adSource;
  return {
    ...(b.breakId !== undefined ? { breakId: b.breakId } : {}),
    timeOffset: offsetText(b.timeOffset),
    source: vastXml !== undefined ? 'inline' : adTagUri !== undefined ? 'tag' : 'none',
    ...(vastXml === undefined && adTagUri !== undefined ? { tagUrl: adTagUri } : {}),
    trackingEvents: b.trackingEvents.map((t) => t.event),
  };
}

function offsetText(o: TimeOffset): string {
  switch (o.kind) {
    case 'start':
    case 'end':
      return o.kind;
    case 'seconds':
      return `${o.seconds}s`;
    case 'percent':
      return `${o.percent}%`;
    case 'position':
      return `#${o.n}`;
  }
}
