// What a /vast hop answers (pure): a wrapper hop, a content fault, or an inline pod of picked creatives.
import type { Fault, Parsed, VastQuery } from './params.js';
import { pickAds } from './pick-ads.js';
import type { DemoAdCreative } from './types.js';
import { emptyVast, inlineVast, noFillVast, wrapperVast, type VastContext } from './vast-xml.js';
import type { XmlNode } from './xml.js';

export interface HopUrls {
  /** This very request (target of the `loop` fault). */
  self: string;
  /** Same request one wrapper hop further down (wrapper=N-1). */
  next: string;
}

export function vastContext(base: string, q: Pick<VastQuery, 'v' | 'sid' | 'brk' | 'hls' | 'beacons'>): VastContext {
  return { base, version: q.v, hls: q.hls, ...(q.sid ? { sid: q.sid } : {}), ...(q.brk ? { brk: q.brk } : {}), ...(q.beacons ? { beacons: q.beacons } : {}) };
}

/** Faults act at the end of a wrapper chain, so `wrapper=2&fault=nofill` is "two wrappers, then no fill". */
export function decideVast(
  ctx: VastContext,
  q: Pick<VastQuery, 'wrapper' | 'pod' | 'dur' | 'ads' | 'rotate'> & { fault?: Fault | undefined },
  creatives: DemoAdCreative[],
  urls: HopUrls,
): Parsed<XmlNode> {
  // Picked up front so an unknown creative id is a 400 at the first hop, not deep in a chain.
  const pick = pickAds(creatives, q);
  if (!pick.ok) return pick;
  if (q.wrapper > 0) return { ok: true, value: wrapperVast(ctx, `wrapper-${q.wrapper}`, urls.next) };
  switch (q.fault) {
    case 'empty':
      return { ok: true, value: emptyVast(ctx) };
    case 'nofill':
      return { ok: true, value: noFillVast(ctx) };
    case 'loop':
      return { ok: true, value: wrapperVast(ctx, 'loop', urls.self) };
    default:
      return { ok: true, value: inlineVast(ctx, pick.ads) };
  }
}
