// The pure HLS stitcher: (origin media playlist text, plan) → stitched text. Untouched segment blocks are
// copied with one slice; only blocks around avails and with relative URI tags are rebuilt line by line.
//
// VOD: a break's content is replaced by the whole pod (the timeline changes); zero-duration cues insert.
// Live: replacement is time-aligned, as MediaTailor does: the origin segment at break offset t..t+d is
// replaced by the avail segments starting in [t, t+d), so the stitched window advances with the origin's;
// time the avail does not cover plays the origin content; a CUE-IN before the avail's end cuts it short.
import { findBreaks, type OriginBreak } from './markers.js';
import type { AvailSegment, AvailStart, MediaStitchPlan, SequenceAnchor, StitchResult, TrackAvail } from './plan.js';
import type { MediaScan, ScannedSegment } from './scan-media.js';
import { folderOf, resolveTagUris, uriResolver, type UriResolver } from './uri.js';

const DISCONTINUITY = '#EXT-X-DISCONTINUITY\n';
const KEY_NONE = '#EXT-X-KEY:METHOD=NONE';

class Writer {
  body = '';
  mediaSeq: number;
  discSeq: number;
  /** Nothing written yet: a discontinuity before the first segment is expressed by the header instead. */
  first = true;
  key: string | undefined;
  map: string | undefined;
  inAd = false;
  maxDuration = 0;
  /** Seconds from the playlist's first segment to the next item. */
  elapsed = 0;
  /** The avail being written, so its first written segment's place is recorded once. */
  avail: TrackAvail | undefined;
  readonly availStarts: AvailStart[] = [];
  readonly anchors: SequenceAnchor[] = [];
  /** Media sequence and discontinuity sequence of the first item: the header's values. */
  readonly headMediaSeq: number;
  headDiscSeq: number;
  private pending: number[] = [];
  constructor(
    mediaSeq: number,
    discSeq: number,
    /** discSeq already is the first item's discontinuity number (live memo), so its own DISC is not counted again. */
    private readonly anchored: boolean,
    readonly resolve: UriResolver,
    /** Folder URL that plain relative URIs are appended to; undefined when a rewrite applies. */
    readonly dir: string | undefined,
    readonly hasPdt: boolean,
    readonly adPdt: boolean,
    /** Only live numbering needs anchors; VOD skips the bookkeeping. */
    private readonly trackAnchors: boolean,
  ) {
    this.mediaSeq = mediaSeq;
    this.discSeq = discSeq;
    this.headMediaSeq = mediaSeq;
    this.headDiscSeq = discSeq;
  }

  /** Origin segment `seq` maps to the next item written (or to none, if it is replaced by nothing). */
  anchor(originSeq: number): void {
    if (this.trackAnchors) this.pending.push(originSeq);
  }

  /** Counts a discontinuity before the next item; returns whether a DISC line must be written for it. */
  private countDiscontinuity(): boolean {
    if (this.first) {
      if (!this.anchored) this.discSeq++;
      return false;
    }
    this.discSeq++;
    return true;
  }

  private flush(): void {
    if (this.first) this.headDiscSeq = this.discSeq;
    if (this.pending.length === 0) return;
    for (const originSeq of this.pending) this.anchors.push({ originSeq, mediaSequence: this.mediaSeq, discontinuitySequence: this.discSeq });
    this.pending = [];
  }

  finish(): void {
    this.flush();
  }

  adSegment(s: AvailSegment, breakStartMs: number | undefined): void {
    if ((s.discontinuity || !this.inAd) && this.countDiscontinuity()) this.body += DISCONTINUITY;
    this.flush();
    if (this.key !== undefined && this.key !== KEY_NONE) {
      this.body += `${KEY_NONE}\n`;
      this.key = KEY_NONE;
    }
    if (s.map && s.map !== this.map) {
      this.body += `#EXT-X-MAP:URI="${s.map}"\n`;
      this.map = s.map;
    }
    if (this.hasPdt && this.adPdt && breakStartMs !== undefined) {
      this.body += `#EXT-X-PROGRAM-DATE-TIME:${new Date(breakStartMs + s.offset * 1000).toISOString()}\n`;
    }
    if (s.byterange) this.body += `#EXT-X-BYTERANGE:${s.byterange}\n`;
    if (this.avail && this.availStarts.at(-1)?.availId !== this.avail.availId) {
      // Live windows may begin mid-avail: the avail started (s.offset − startOffset) before this segment.
      const into = s.offset - (this.avail.startOffset ?? 0);
      this.availStarts.push({ availId: this.avail.availId, at: this.elapsed - into, firstListed: this.mediaSeq, firstListedOffset: into, ...(breakStartMs !== undefined ? { pdtMs: breakStartMs + (this.avail.startOffset ?? 0) * 1000 } : {}) });
    }
    if (s.tags) for (const tag of s.tags) this.body += `${tag}\n`;
    this.body += `#EXTINF:${s.duration.toFixed(3)},\n${s.uri}\n`;
    this.elapsed += s.duration;
    if (s.duration > this.maxDuration) this.maxDuration = s.duration;
    this.inAd = true;
    this.first = false;
    this.mediaSeq++;
  }

  contentSegment(scan: MediaScan, seg: ScannedSegment, keepMarkers: boolean): void {
    const text = scan.text;
    const resume = this.inAd;
    const wasFirst = this.first;
    // The origin's own DISC line is in the block; ours is needed only when coming back from an ad.
    if ((seg.discontinuity || resume) && this.countDiscontinuity() && !seg.discontinuity) this.body += DISCONTINUITY;
    this.flush();
    // Restore the content's key / init segment after an ad (harmless if the block repeats it).
    if ((resume || wasFirst) && (seg.key !== undefined || seg.map !== undefined)) {
      const block = text.slice(seg.start, seg.uriStart);
      if (seg.key !== undefined && seg.key !== this.key && !block.includes('#EXT-X-KEY')) this.body += `${resolveTagUris(seg.key, this.resolve)}\n`;
      if (seg.map !== undefined && seg.map !== this.map && !block.includes('#EXT-X-MAP')) this.body += `${resolveTagUris(seg.map, this.resolve)}\n`;
    }
    if (!seg.hasUriTags && (keepMarkers || seg.markers === undefined) && !(wasFirst && seg.discontinuity)) {
      // Fast path: the block verbatim, the URI prefixed with the origin folder.
      if (seg.simpleUri && this.dir !== undefined) {
        // seg.end includes the line break, so the URI line is copied whole after the folder prefix.
        this.body += text.slice(seg.start, seg.uriStart) + this.dir + text.slice(seg.uriStart, seg.end);
        if (seg.end === seg.uriEnd) this.body += '\n'; // last line without a newline
      } else {
        this.body += text.slice(seg.start, seg.uriStart) + this.resolve(text.slice(seg.uriStart, seg.uriEnd)) + '\n';
      }
    } else {
      this.block(scan, seg, keepMarkers, wasFirst);
      this.body += `${this.resolve(text.slice(seg.uriStart, seg.uriEnd))}\n`;
    }
    if (seg.duration > this.maxDuration) this.maxDuration = seg.duration;
    this.elapsed += seg.duration;
    if (seg.key !== undefined) this.key = seg.key;
    if (seg.map !== undefined) this.map = seg.map;
    this.inAd = false;
    this.first = false;
    this.mediaSeq++;
  }

  /** Slow path: a block with URI tags or markers to drop, rebuilt line by line. */
  private block(scan: MediaScan, seg: ScannedSegment, keepMarkers: boolean, wasFirst: boolean): void {
    const lines = scan.text.slice(seg.start, seg.uriStart).split('\n');
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (!line) continue;
      if (line === '#EXT-X-DISCONTINUITY') {
        if (!wasFirst) this.body += DISCONTINUITY; // already counted
        continue;
      }
      if (!keepMarkers && isMarkerLine(line)) continue;
      this.body += `${line.includes('URI="') ? resolveTagUris(line, this.resolve) : line}\n`;
    }
  }
}

function isMarkerLine(line: string): boolean {
  return (
    line.startsWith('#EXT-X-CUE') ||
    line.startsWith('#EXT-OATCLS-SCTE35') ||
    line.startsWith('#EXT-X-SPLICEPOINT-SCTE35') ||
    line.startsWith('#EXT-X-SCTE35') ||
    line.startsWith('#EXT-X-ASSET') ||
    (line.startsWith('#EXT-X-DATERANGE') && line.includes('SCTE35-'))
  );
}

/** Writes the avail segments starting in [from, to) — half a millisecond of slack so float sums of EXTINFs
 * neither drop nor duplicate a segment. No allocation: this runs for every origin segment of a live break. */
function writeSegmentsIn(w: Writer, avail: TrackAvail, from: number, to: number, breakStartMs: number | undefined): void {
  const segs = avail.segments;
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k]!;
    if (s.offset >= to - 0.0005) break;
    if (s.offset >= from - 0.0005) w.adSegment(s, breakStartMs);
  }
}

function interstitialTag(avail: TrackAvail, startMs: number): string {
  const i = avail.interstitial!;
  return (
    `#EXT-X-DATERANGE:ID="${avail.availId}",CLASS="com.apple.hls.interstitial",START-DATE="${new Date(startMs).toISOString()}",` +
    `DURATION=${avail.duration.toFixed(3)},X-ASSET-LIST="${i.assetListUri}",X-RESUME-OFFSET=${i.resumeOffset.toFixed(3)},X-RESTRICT="SKIP,JUMP"\n`
  );
}

/** Epoch for VOD interstitial DATERANGEs when the origin has no PDT (hls.js needs a date timeline). */
export const SYNTHETIC_PDT_EPOCH_MS = Date.UTC(2000, 0, 1);

export function stitchMediaPlaylist(scan: MediaScan, plan: MediaStitchPlan, breaks: OriginBreak[] = findBreaks(scan)): StitchResult {
  const resolve = uriResolver(plan.originUrl, plan.contentUrl);
  const w = new Writer(
    plan.firstMediaSequence ?? scan.mediaSequence,
    plan.firstDiscontinuitySequence ?? scan.discontinuitySequence,
    plan.firstDiscontinuitySequence !== undefined || !plan.live, // VOD: a leading discontinuity needs no counting
    resolve,
    plan.contentUrl ? undefined : folderOf(plan.originUrl),
    scan.hasPdt,
    plan.adPdt ?? true,
    plan.live,
  );
  const segs = scan.segments;
  const placed: string[] = [];
  const openBreaks: StitchResult['openBreaks'] = [];
  const needsSyntheticPdt = !scan.hasPdt && [...plan.avails.values()].some((a) => a.interstitial);
  let syntheticMs = SYNTHETIC_PDT_EPOCH_MS;
  let b = 0;
  for (let i = 0; i < segs.length || b < breaks.length; ) {
    const brk = breaks[b];
    if (brk && brk.startIndex === i) {
      b++;
      const avail = plan.avails.get(brk.startSeq);
      // (Live zero-length cues get no avail from the session layer; a live pre-roll is an insertion that does.)
      if (!avail) {
        openBreaks.push({ startSeq: brk.startSeq, at: w.elapsed - brk.elapsedAtStart, ...(brk.startMs !== undefined ? { pdtMs: brk.startMs } : {}) });
        continue;
      }
      placed.push(avail.availId);
      if (avail.interstitial) {
        const seg = segs[i];
        const startMs = brk.startMs ?? seg?.pdtMs ?? syntheticMs;
        if (needsSyntheticPdt && w.first) w.body += `#EXT-X-PROGRAM-DATE-TIME:${new Date(syntheticMs).toISOString()}\n`;
        w.body += interstitialTag(avail, startMs);
        continue; // content segments follow unchanged
      }
      w.avail = avail;
      if (brk.mode === 'insert') {
        // MediaTailor's rule: a zero-duration cue before the last segment of a VOD is a post-roll.
        const postRoll = !plan.live && i === segs.length - 1;
        if (postRoll) {
          w.anchor(segs[i]!.seq);
          w.contentSegment(scan, segs[i]!, plan.passthroughMarkers);
          i++;
        }
        for (const s of avail.segments) w.adSegment(s, brk.startMs);
        w.avail = undefined;
        continue;
      }
      if (!plan.live) {
        for (const s of avail.segments) w.adSegment(s, brk.startMs);
        w.avail = undefined;
        for (; i < brk.endIndex; i++) w.anchor(segs[i]!.seq);
        continue;
      }
      // Live, time-aligned replacement.
      let t = brk.elapsedAtStart;
      for (; i < brk.endIndex; i++) {
        const seg = segs[i]!;
        w.anchor(seg.seq);
        const end = t + seg.duration;
        if (t >= (avail.startOffset ?? 0) + avail.duration - 0.0005) {
          w.contentSegment(scan, seg, plan.passthroughMarkers); // the avail is over: origin content shows
        } else {
          writeSegmentsIn(w, avail, t, end, brk.startMs);
        }
        t = end;
      }
      w.avail = undefined;
      continue;
    }
    if (i >= segs.length) break;
    const seg = segs[i]!;
    w.anchor(seg.seq);
    if (plan.dropBeforeSeq !== undefined && seg.seq < plan.dropBeforeSeq) {
      i++; // older than the session's live pre-roll: this viewer never plays it
      continue;
    }
    if (needsSyntheticPdt && i === 0) w.body += `#EXT-X-PROGRAM-DATE-TIME:${new Date(syntheticMs).toISOString()}\n`;
    w.contentSegment(scan, seg, plan.passthroughMarkers);
    syntheticMs += seg.duration * 1000;
    i++;
  }
  w.finish();
  // A live pre-roll heads the playlist: players must start at it, not three segments from the end.
  const start = plan.dropBeforeSeq !== undefined && segs[0] && segs[0].seq < plan.dropBeforeSeq ? '#EXT-X-START:TIME-OFFSET=0,PRECISE=YES\n' : '';
  return { text: header(scan, w) + start + w.body + trailer(scan), anchors: w.anchors, placed, availStarts: w.availStarts, openBreaks };
}

function header(scan: MediaScan, w: Writer): string {
  // RFC 8216: each EXTINF rounded to the nearest integer must not exceed the target duration.
  const target = Math.max(scan.targetDuration, Math.round(w.maxDuration));
  const mediaSeq = w.headMediaSeq;
  const discSeq = w.headDiscSeq;
  let out = '';
  let sawDisc = false;
  let sawMedia = false;
  for (const line of scan.header) {
    if (line.startsWith('#EXT-X-TARGETDURATION')) out += `#EXT-X-TARGETDURATION:${target}\n`;
    else if (line.startsWith('#EXT-X-MEDIA-SEQUENCE')) {
      out += `#EXT-X-MEDIA-SEQUENCE:${mediaSeq}\n`;
      sawMedia = true;
    } else if (line.startsWith('#EXT-X-DISCONTINUITY-SEQUENCE')) {
      out += `#EXT-X-DISCONTINUITY-SEQUENCE:${discSeq}\n`;
      sawDisc = true;
    } else out += `${line}\n`;
  }
  if (!scan.header.some((l) => l.startsWith('#EXT-X-TARGETDURATION'))) out += `#EXT-X-TARGETDURATION:${target}\n`;
  if (!sawMedia && mediaSeq !== 0) out += `#EXT-X-MEDIA-SEQUENCE:${mediaSeq}\n`;
  if (!sawDisc && discSeq !== 0) out += `#EXT-X-DISCONTINUITY-SEQUENCE:${discSeq}\n`;
  if (!out.startsWith('#EXTM3U')) out = `#EXTM3U\n${out}`;
  return out;
}

function trailer(scan: MediaScan): string {
  const rest = scan.text.slice(scan.trailerStart);
  if (!rest.trim()) return '';
  // Post-roll cue lines were consumed as a break; keep ENDLIST and anything unknown.
  return rest
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l && !isMarkerLine(l))
    .map((l) => `${l}\n`)
    .join('');
}
