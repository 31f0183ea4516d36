// An avail as one track plays it: per placed item the ad rendition's segments (slate looped and cut to its
// planned length, subtitles as empty WebVTT), addressed through /v1/segment/… so the engine sees every ad
// segment request (server-side beacons fire there). Built once per decision and track, then reused.
import type { AvailSegment, TrackAvail } from '../stitch/hls/plan.js';
import type { CreativeSegment } from '../creatives/hls-creative.js';
import type { AvailDecision, PlacedItem } from './types.js';

export interface PlannedAdSegment {
  item: number;
  /** Real media URL (the redirect target); undefined for generated empty subtitles. */
  url?: string;
  duration: number;
  map?: string;
  byterange?: string;
  ext: string;
}

export interface TrackPlan {
  avail: TrackAvail;
  segments: PlannedAdSegment[];
}

export interface SegmentAddressing {
  /** e.g. http://127.0.0.1:4000 or the CDN's AdSegmentUrlPrefix (no trailing slash). */
  prefix: string;
  accountId: string;
  sessionId: string;
}

const cache = new WeakMap<AvailDecision, Map<number, TrackPlan>>();

function extOf(url: string | undefined, fallback: string): string {
  if (!url) return fallback;
  const path = url.split(/[?#]/)[0]!;
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(path);
  return m ? m[1]!.toLowerCase() : fallback;
}

/** Segments of `media` repeated and cut so they last `seconds` (slate). */
function loopTo(segments: CreativeSegment[], seconds: number): CreativeSegment[] {
  const out: CreativeSegment[] = [];
  let t = 0;
  for (let i = 0; segments.length && seconds - t > 0.05; i = (i + 1) % segments.length) {
    const s = segments[i]!;
    const d = Math.min(s.duration, seconds - t);
    out.push({ ...s, duration: Math.round(d * 1000) / 1000 });
    t += d;
  }
  return out;
}

function referenceSegments(item: PlacedItem): CreativeSegment[] {
  for (const m of item.match.values()) if (m.kind === 'media') return m.media.segments;
  return [];
}

function itemSegments(item: PlacedItem, n: number): { segs: CreativeSegment[]; map?: string; ext: string; empty: boolean } {
  const m = item.match.get(n);
  if (!m || m.kind !== 'media') {
    const ref = referenceSegments(item);
    const segs = item.kind === 'slate' ? loopTo(ref, item.duration) : ref;
    return { segs: segs.map((s) => ({ url: '', duration: s.duration })), ext: 'vtt', empty: true };
  }
  const segs = item.kind === 'slate' ? loopTo(m.media.segments, item.duration) : m.media.segments;
  return { segs, ...(m.media.map ? { map: m.media.map } : {}), ext: extOf(segs[0]?.url, m.media.container === 'fmp4' ? 'mp4' : 'ts'), empty: false };
}

export function trackPlan(decision: AvailDecision, n: number, addr: SegmentAddressing): TrackPlan {
  let byTrack = cache.get(decision);
  if (!byTrack) cache.set(decision, (byTrack = new Map()));
  const known = byTrack.get(n);
  if (known) return known;
  const segments: PlannedAdSegment[] = [];
  const out: AvailSegment[] = [];
  const base = `${addr.prefix}/v1/segment/${addr.accountId}/${addr.sessionId}/${n}/${decision.key}`;
  decision.items.forEach((item, idx) => {
    const { segs, map, ext, empty } = itemSegments(item, n);
    let offset = item.offset;
    segs.forEach((s, k) => {
      const planned: PlannedAdSegment = { item: idx, duration: s.duration, ext, ...(empty ? {} : { url: s.url }), ...(map ? { map } : {}), ...(s.byterange ? { byterange: s.byterange } : {}) };
      segments.push(planned);
      out.push({
        uri: `${base}/${idx}/${k}.${ext}`,
        duration: s.duration,
        offset,
        discontinuity: k === 0,
        adId: item.adId,
        ...(map ? { map } : {}),
        ...(s.byterange ? { byterange: s.byterange } : {}),
      });
      offset += s.duration;
    });
  });
  const duration = out.reduce((t, s) => t + s.duration, 0);
  const plan: TrackPlan = { avail: { availId: decision.availId, segments: out, duration, startOffset: decision.startOffset }, segments };
  byTrack.set(n, plan);
  return plan;
}

/** The planned segment behind /v1/segment/…/{n}/{key}/{item}/{k}.ext */
export function plannedSegment(plan: TrackPlan, item: number, k: number): PlannedAdSegment | undefined {
  let seen = 0;
  for (const s of plan.segments) {
    if (s.item !== item) continue;
    if (seen === k) return s;
    seen++;
  }
  return undefined;
}

/** An empty WebVTT cue file standing in for an ad that has no subtitles. */
export function emptyWebVtt(): string {
  return 'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n';
}
