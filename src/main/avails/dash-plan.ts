// An avail as the DASH writer needs it: one ad Period per placed ad (a slate longer than its creative becomes
// several Periods, since a looped segment would carry the wrong media times), each matched to the content's
// adaptation sets, segments addressed through /v1/dashsegment/… so the engine sees every ad segment request.
// Built once per decision and reused by every refresh; the segment route reads the same plan back.
import type { DashCreativeRepresentation } from '../creatives/dash-creative.js';
import type { DashAdPeriod, DashAdRepresentation, DashAdSet, DashAvailPlan } from '../stitch/dash/plan.js';
import type { SegmentAddressing } from './track-plan.js';
import type { AvailDecision, PlacedItem } from './types.js';

export interface DashPlanned {
  plan: DashAvailPlan;
  /** Redirect targets by ad Period index → "set-rep" → { init, urls by $Number$ − 1, their [start, end) seconds
   *  within the ad Period }. */
  targets: Map<number, Map<string, DashTarget>>;
  /** Placed item index of each ad Period. */
  items: number[];
}

export interface DashTarget {
  init?: string;
  urls: string[];
  spans: [number, number][];
  /** Content adaptation set this representation stands in for. */
  set: number;
}

/** By decision, then by URL prefix (the session API and segment route read plans with an empty prefix). */
const cache = new WeakMap<AvailDecision, Map<string, DashPlanned>>();

/** The segments of a representation that fit in `seconds` (whole segments starting before the cut). */
function cutTo(rep: DashCreativeRepresentation, from: number, seconds: number): DashCreativeRepresentation['segments'] {
  const out: DashCreativeRepresentation['segments'] = [];
  let t = 0;
  for (let i = from; i < rep.segments.length; i++) {
    if (t >= seconds - 0.001) break;
    const s = rep.segments[i]!;
    out.push(s);
    t += s.d / rep.timescale;
  }
  return out;
}

/** An item's Periods: one, or for a slate the creative repeated and the last repetition cut. */
function partsOf(item: PlacedItem): number[] {
  const own = item.creative.duration;
  if (item.kind !== 'slate' || item.duration <= own + 0.05) return [item.duration];
  const parts: number[] = [];
  for (let left = item.duration; left > 0.05; left -= own) parts.push(Math.min(own, left));
  return parts;
}

export function dashAvailPlan(decision: AvailDecision, addr: SegmentAddressing): DashPlanned {
  let byPrefix = cache.get(decision);
  if (!byPrefix) cache.set(decision, (byPrefix = new Map()));
  const known = byPrefix.get(addr.prefix);
  if (known) return known;
  const base = `${addr.prefix}/v1/dashsegment/${addr.accountId}/${addr.sessionId}/${decision.key}`;
  const periods: DashAdPeriod[] = [];
  const targets: DashPlanned['targets'] = new Map();
  const items: number[] = [];
  decision.items.forEach((item, itemIndex) => {
    for (const seconds of partsOf(item)) {
      const k = periods.length;
      const sets: DashAdSet[] = [];
      const byTrack = new Map<string, DashTarget>();
      for (const [n, m] of item.match) {
        if (m.kind !== 'dash') continue;
        const reps: DashAdRepresentation[] = [];
        m.representations.forEach((rep, r) => {
          const segs = cutTo(rep, 0, seconds);
          if (segs.length === 0) return;
          const track = `${n}-${r}`;
          const t0 = segs[0]!.t;
          const spans = segs.map((s): [number, number] => [(s.t - t0) / rep.timescale, (s.t - t0 + s.d) / rep.timescale]);
          byTrack.set(track, { ...(rep.init ? { init: rep.init } : {}), urls: segs.map((s) => s.url), spans, set: n });
          reps.push({
            // Ids unique to this ad Period: an ad's "720p" is not the content's "720p", and players key caches
            // (init segments, ABR history) by Representation id.
            attrs: { ...rep.attrs, id: `${decision.availId}_${k + 1}_${rep.id}` },
            timescale: rep.timescale,
            pto: segs[0]!.t,
            startNumber: 1,
            ...(rep.init ? { initialization: `${base}/${k}/${track}/init.mp4` } : {}),
            media: `${base}/${k}/${track}/$Number$.m4s`,
            segments: segs.map((s) => ({ t: s.t, d: s.d })),
          });
        });
        if (reps.length) sets.push({ attrs: m.set.attrs, descriptors: m.set.descriptors, representations: reps });
      }
      targets.set(k, byTrack);
      items.push(itemIndex);
      periods.push({ id: `${decision.availId}_${k + 1}`, kind: item.kind, adId: item.adId, duration: seconds, sets });
    }
  });
  const planned: DashPlanned = { plan: { key: decision.key, startOffset: decision.startOffset, periods }, targets, items };
  byPrefix.set(addr.prefix, planned);
  return planned;
}
