// Which segments a demo manifest lists, and where its ad breaks are. VOD lists the asset once; the live
// channel loops the same asset on a wall-clock timeline that began at LIVE_EPOCH, so every server (and
// every refresh) agrees on the live edge, media sequence and break ids without keeping any state.
import { CONTENT_BREAKS, SEGMENT_SECONDS } from '../media/model.js';

export const LIVE_EPOCH_MS = Date.UTC(2026, 0, 1);
/** Program-date-time of the VOD asset's first segment (needed by EXT-X-DATERANGE). */
export const VOD_PDT_MS = Date.UTC(2026, 0, 1);
export const LIVE_WINDOW_SEGMENTS = 15;

export interface BreakPosition {
  /** Unique per break occurrence (VOD: 1, 2; live: grows with every loop). */
  eventId: number;
  /** Seconds into the break at the start of this segment. */
  elapsed: number;
  duration: number;
  /** Asset-local start of the break, seconds. */
  assetStart: number;
  /** Presentation time of the break start on the manifest's clock (VOD: asset time; live: since LIVE_EPOCH). */
  streamStart: number;
}

export interface TimelineSegment {
  /** Index into the packaged asset's segment lists (which file to serve). */
  index: number;
  /** Media sequence number. */
  seq: number;
  /** Presentation start, seconds on the manifest's clock. */
  start: number;
  /** Which pass over the asset (live loops; always 0 for VOD). */
  loop: number;
  /** Wall-clock time of the segment start (epoch ms). */
  pdt: number;
  /** Set when the segment lies inside an origin ad break. */
  inBreak?: BreakPosition;
  /** Set on the first segment after a break ended. */
  breakEnded?: { eventId: number; assetStart: number; duration: number; streamStart: number };
}

export interface AssetTimelineInfo {
  segmentCount: number;
}

/** The origin break (if any) that contains segment `seq` of a stream looping an asset of `count` segments. */
function breakForSeq(seq: number, count: number): BreakPosition | undefined {
  const loop = Math.floor(seq / count);
  const t = (seq % count) * SEGMENT_SECONDS;
  for (const [k, b] of CONTENT_BREAKS.entries()) {
    if (t >= b.startSeconds && t < b.startSeconds + b.durationSeconds) {
      return {
        eventId: loop * CONTENT_BREAKS.length + k + 1,
        elapsed: t - b.startSeconds,
        duration: b.durationSeconds,
        assetStart: b.startSeconds,
        streamStart: loop * count * SEGMENT_SECONDS + b.startSeconds,
      };
    }
  }
  return undefined;
}

function segmentAt(seq: number, count: number, pdtBase: number): TimelineSegment {
  const seg: TimelineSegment = {
    index: seq % count,
    seq,
    start: seq * SEGMENT_SECONDS,
    loop: Math.floor(seq / count),
    pdt: pdtBase + seq * SEGMENT_SECONDS * 1000,
  };
  const inBreak = breakForSeq(seq, count);
  if (inBreak) seg.inBreak = inBreak;
  else if (seq > 0) {
    const prev = breakForSeq(seq - 1, count);
    if (prev) seg.breakEnded = { eventId: prev.eventId, assetStart: prev.assetStart, duration: prev.duration, streamStart: prev.streamStart };
  }
  return seg;
}

export function vodTimeline(info: AssetTimelineInfo): TimelineSegment[] {
  return Array.from({ length: info.segmentCount }, (_, i) => segmentAt(i, info.segmentCount, VOD_PDT_MS));
}

export interface LiveWindow {
  segments: TimelineSegment[];
  /** Number of loop boundaries (EXT-X-DISCONTINUITY) before the first listed segment. */
  discontinuitySequence: number;
}

/** The live window at `nowMs`: the newest segment is the last one whose end has passed. */
export function liveWindow(info: AssetTimelineInfo, nowMs: number, size = LIVE_WINDOW_SEGMENTS): LiveWindow {
  const latest = Math.floor((nowMs - LIVE_EPOCH_MS) / (SEGMENT_SECONDS * 1000)) - 1;
  const first = Math.max(0, latest - size + 1);
  const segments: TimelineSegment[] = [];
  for (let seq = first; seq <= latest; seq++) segments.push(segmentAt(seq, info.segmentCount, LIVE_EPOCH_MS));
  return { segments, discontinuitySequence: Math.floor(first / info.segmentCount) };
}
