// Session-side glue for EXT-X-MARKER (see ext-x-marker.ts): where a break sits (pre-roll? content time?) and the
// marked copy of a track's avail, built once per TrackAvail (trackPlan caches those per decision and track), so
// reloads of a live playlist do not re-encode the DATA documents.
import type { AvailDecision } from '../avails/types.js';
import type { OriginBreak } from '../stitch/hls/markers.js';
import type { TrackAvail } from '../stitch/hls/plan.js';
import type { MediaScan } from '../stitch/hls/scan-media.js';
import { extXMarkerSegments, type MarkerBreak } from './ext-x-marker.js';

/** Pre-roll types for the live pre-roll and for VOD breaks at 0 s; VOD breaks also get their content time. */
export function markerBreak(scan: MediaScan, brk: OriginBreak, live: boolean, livePreroll: boolean): MarkerBreak {
  if (live) return { preroll: livePreroll };
  // The stitcher plays a zero-length cue before a VOD's last segment after it (a post-roll).
  const n = scan.segments.length;
  const upTo = brk.mode === 'insert' && brk.startIndex === n - 1 ? n : Math.min(brk.startIndex, n);
  let contentSeconds = 0;
  for (let i = 0; i < upTo; i++) contentSeconds += scan.segments[i]!.duration;
  return contentSeconds < 0.0005 ? { preroll: true } : { preroll: false, contentSeconds };
}

const marked = new WeakMap<TrackAvail, TrackAvail>();

export function withExtXMarkers(avail: TrackAvail, d: AvailDecision, where: MarkerBreak): TrackAvail {
  let out = marked.get(avail);
  if (!out) marked.set(avail, (out = { ...avail, segments: extXMarkerSegments(d, avail.segments, where) }));
  return out;
}
