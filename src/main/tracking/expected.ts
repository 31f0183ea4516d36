// Which beacons an avail owes, and when — pure, from the decision alone. Per ad: impression and start at 0,
// firstQuartile/midpoint/thirdQuartile at 25/50/75 %, complete at the end, VAST 4 progress at its offset; per
// VMAP break: breakStart with the first ad, breakEnd with the last. Server-side reporting fires each on the ad
// segment request whose time span holds its offset; the tracking API and the beacon report read the same list.
import type { AvailDecision } from '../avails/types.js';

export const TIMED_EVENTS = ['impression', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'] as const;
const FRACTION: Record<string, number> = { impression: 0, start: 0, firstQuartile: 0.25, midpoint: 0.5, thirdQuartile: 0.75, complete: 1 };

export interface ExpectedBeacon {
  /** Stable per session: `${availKey}/${item}/${event}` (+ `@${offset}` for progress). */
  id: string;
  availKey: number;
  availId: string;
  /** Index of the placed item in the decision (the ad). */
  item: number;
  adId: string;
  event: string;
  /** Seconds from the ad's start (break events: from the first / to the end of the last ad). */
  offset: number;
  /** Seconds from the avail's output start. */
  availOffset: number;
  urls: string[];
}

function push(out: ExpectedBeacon[], d: AvailDecision, item: number, event: string, offset: number, urls: string[], suffix = ''): void {
  const it = d.items[item]!;
  const clean = urls.map((u) => u.trim()).filter(Boolean);
  if (clean.length === 0) return;
  out.push({
    id: `${d.key}/${item}/${event}${suffix}`,
    availKey: d.key,
    availId: d.availId,
    item,
    adId: it.adId,
    event,
    offset,
    availOffset: it.offset - d.startOffset + offset,
    urls: clean,
  });
}

export function expectedBeacons(d: AvailDecision): ExpectedBeacon[] {
  const out: ExpectedBeacon[] = [];
  const ads = d.items.map((it, i) => ({ it, i })).filter(({ it }) => it.kind === 'ad' && it.ad);
  const firstAd = ads[0];
  const lastAd = ads.at(-1);
  const breakUrls = (ev: string) => (d.breakTracking ?? []).filter((t) => t.event === ev).map((t) => t.url);
  if (firstAd) push(out, d, firstAd.i, 'breakStart', 0, breakUrls('breakStart'));
  for (const { it, i } of ads) {
    const ad = it.ad!;
    const dur = it.duration;
    push(out, d, i, 'impression', 0, ad.impressions);
    for (const ev of TIMED_EVENTS) {
      if (ev === 'impression') continue;
      push(out, d, i, ev, FRACTION[ev]! * dur, ad.tracking.filter((t) => t.event === ev).map((t) => t.url));
    }
    // VAST 4 progress: one beacon per distinct offset (seconds, or % of the duration).
    const progress = new Map<number, string[]>();
    for (const t of ad.tracking) {
      if (t.event !== 'progress') continue;
      const at = t.offsetSeconds ?? (t.offsetPercent !== undefined ? (t.offsetPercent / 100) * dur : undefined);
      if (at === undefined || at > dur + 0.001) continue;
      const key = Math.round(at * 1000) / 1000;
      progress.set(key, [...(progress.get(key) ?? []), t.url]);
    }
    for (const [at, urls] of [...progress].sort((a, b) => a[0] - b[0])) push(out, d, i, 'progress', at, urls, `@${at}`);
  }
  if (lastAd) push(out, d, lastAd.i, 'breakEnd', lastAd.it.duration, breakUrls('breakEnd'));
  return out;
}

/** Beacons of `item` due on a segment spanning [start, end) seconds of the ad; `last` is its final segment (where
 *  complete and anything at or past the end fire, so a rounding-short last segment still completes the ad). */
export function dueOnSegment(expected: readonly ExpectedBeacon[], item: number, start: number, end: number, last: boolean): ExpectedBeacon[] {
  const eps = 0.001;
  return expected.filter((b) => b.item === item && ((b.offset >= start - eps && b.offset < end - eps) || (last && b.offset >= end - eps)));
}
