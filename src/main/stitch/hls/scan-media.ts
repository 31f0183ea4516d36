// One pass over a media playlist that records *where* things are (offsets into the text) rather than
// copying them, so the renderer can pass untouched blocks through with a single slice. Only the rare
// lines the stitcher acts on (ad markers, keys, maps) are copied out. Pure; never throws.

export type MarkerKind =
  | 'cue-out'
  | 'cue-out-cont'
  | 'cue-in'
  | 'daterange'
  | 'splicepoint'
  | 'oatcls'
  | 'asset'
  | 'scte35'
  | 'cue';

export interface MarkerLine {
  kind: MarkerKind;
  /** The whole tag line, without line terminator. */
  line: string;
}

export interface ScannedSegment {
  /** Offset of the first line of this segment's block (its tags). */
  start: number;
  /** Offset of the URI line. */
  uriStart: number;
  /** End of the URI text (before '\r'/'\n'). */
  uriEnd: number;
  /** Offset just after the URI line's newline. */
  end: number;
  duration: number;
  /** Media sequence number. */
  seq: number;
  discontinuity: boolean;
  /** EXT-X-PROGRAM-DATE-TIME of this segment (explicit or carried forward), epoch ms. */
  pdtMs: number | undefined;
  /** Ad-marker lines in this segment's block, in order; undefined when there are none (the common case). */
  markers: MarkerLine[] | undefined;
  /** The block has tags with URI="…" (KEY, MAP, PART…) that need resolving against the origin. */
  hasUriTags: boolean;
  /** The URI is a plain relative path (no scheme, no leading '/', '.', '?'): resolved by prefixing the folder. */
  simpleUri: boolean;
  /** EXT-X-KEY line in effect for this segment, if any. */
  key: string | undefined;
  /** EXT-X-MAP line in effect for this segment, if any. */
  map: string | undefined;
}

export interface MediaScan {
  text: string;
  /** The playlist begins with #EXTM3U and has EXTINF segments or is a valid empty live window. */
  valid: boolean;
  /** Header lines (before the first segment block), each without terminator. */
  header: string[];
  version?: number;
  targetDuration: number;
  mediaSequence: number;
  discontinuitySequence: number;
  playlistType?: string;
  endList: boolean;
  segments: ScannedSegment[];
  /** Offset where text after the last segment begins (ENDLIST, trailing markers…). */
  trailerStart: number;
  /** Marker lines after the last segment (a post-roll cue). */
  trailerMarkers?: MarkerLine[];
  hasPdt: boolean;
  totalDuration: number;
  /** Mid-break tags that slid out were re-announced, DATERANGEs, etc. are all in segments' markers. */
}

const HEADER_TAGS = [
  '#EXTM3U',
  '#EXT-X-VERSION',
  '#EXT-X-TARGETDURATION',
  '#EXT-X-MEDIA-SEQUENCE',
  '#EXT-X-DISCONTINUITY-SEQUENCE',
  '#EXT-X-PLAYLIST-TYPE',
  '#EXT-X-INDEPENDENT-SEGMENTS',
  '#EXT-X-START',
  '#EXT-X-ALLOW-CACHE',
  '#EXT-X-SERVER-CONTROL',
  '#EXT-X-PART-INF',
  '#EXT-X-I-FRAMES-ONLY',
  '#EXT-X-DEFINE',
];

function markerKind(line: string): MarkerKind | undefined {
  // Fast reject: every marker tag starts with '#EXT-'.
  if (line.charCodeAt(4) !== 45 /* - */) return undefined;
  if (line.startsWith('#EXT-X-CUE-OUT-CONT')) return 'cue-out-cont';
  if (line.startsWith('#EXT-X-CUE-OUT')) return 'cue-out';
  if (line.startsWith('#EXT-X-CUE-IN')) return 'cue-in';
  if (line.startsWith('#EXT-X-CUE:')) return 'cue';
  if (line.startsWith('#EXT-X-DATERANGE')) return 'daterange';
  if (line.startsWith('#EXT-X-SPLICEPOINT-SCTE35')) return 'splicepoint';
  if (line.startsWith('#EXT-OATCLS-SCTE35')) return 'oatcls';
  if (line.startsWith('#EXT-X-ASSET')) return 'asset';
  if (line.startsWith('#EXT-X-SCTE35')) return 'scte35';
  return undefined;
}

function intAfterColon(line: string, fallback: number): number {
  const v = Number.parseInt(line.slice(line.indexOf(':') + 1), 10);
  return Number.isFinite(v) ? v : fallback;
}

/** EXTINF duration without allocating: digits[.digits] up to ',' (falls back to parseFloat for exotic forms). */
function parseDuration(text: string, from: number, lineEnd: number): number {
  let v = 0;
  let i = from;
  let c = text.charCodeAt(i);
  while (c >= 48 && c <= 57) {
    v = v * 10 + (c - 48);
    c = text.charCodeAt(++i);
  }
  if (c === 46) {
    let scale = 0.1;
    c = text.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      v += (c - 48) * scale;
      scale /= 10;
      c = text.charCodeAt(++i);
    }
  }
  if (i === from || (c !== 44 && i < lineEnd)) {
    const comma = text.indexOf(',', from);
    return Number.parseFloat(text.slice(from, comma < 0 || comma > lineEnd ? lineEnd : comma));
  }
  // Round away binary noise from the digit loop (6.000 stays exactly 6).
  return Math.round(v * 1e6) / 1e6;
}

function isSimpleUri(text: string, start: number, end: number, c0: number): boolean {
  if (c0 === 47 || c0 === 46 || c0 === 63) return false; // '/', '.', '?'
  const colon = text.indexOf(':', start);
  return colon < 0 || colon >= end;
}

export function scanMediaPlaylist(text: string): MediaScan {
  const scan: MediaScan = {
    text,
    valid: firstTagIsExtm3u(text),
    header: [],
    targetDuration: 0,
    mediaSequence: 0,
    discontinuitySequence: 0,
    endList: false,
    segments: [],
    trailerStart: text.length,
    hasPdt: false,
    totalDuration: 0,
  };
  const n = text.length;
  let pos = 0;
  let inHeader = true;
  let blockStart = -1;
  let duration = -1;
  let discontinuity = false;
  let pdtMs: number | undefined;
  let markers: MarkerLine[] | undefined;
  let hasUriTags = false;
  let key: string | undefined;
  let map: string | undefined;
  let total = 0;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let lineEnd = eol;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const next = eol + 1;
    if (lineEnd === pos) {
      pos = next;
      continue;
    }
    const c0 = text.charCodeAt(pos);
    if (c0 === 35 /* # */) {
      // Char-code tests on the hot tags: startsWith(…, pos) costs several times more per line.
      if (text.charCodeAt(pos + 1) !== 69 || text.charCodeAt(pos + 2) !== 88 || text.charCodeAt(pos + 3) !== 84) {
        pos = next; // a comment, not a tag
        continue;
      }
      const c4 = text.charCodeAt(pos + 4);
      if (c4 === 73 /* I */ && text.charCodeAt(pos + 7) === 58 /* #EXTINF: */) {
        if (inHeader) inHeader = false;
        if (blockStart < 0) blockStart = pos;
        duration = parseDuration(text, pos + 8, lineEnd);
        pos = next;
        continue;
      }
      const line = text.slice(pos, lineEnd);
      if (inHeader) {
        const isHeader = HEADER_TAGS.some((t) => line.startsWith(t));
        if (isHeader) {
          scan.header.push(line);
          if (line.startsWith('#EXT-X-TARGETDURATION')) scan.targetDuration = intAfterColon(line, 0);
          else if (line.startsWith('#EXT-X-MEDIA-SEQUENCE')) scan.mediaSequence = intAfterColon(line, 0);
          else if (line.startsWith('#EXT-X-DISCONTINUITY-SEQUENCE')) scan.discontinuitySequence = intAfterColon(line, 0);
          else if (line.startsWith('#EXT-X-VERSION')) scan.version = intAfterColon(line, 0);
          else if (line.startsWith('#EXT-X-PLAYLIST-TYPE')) scan.playlistType = line.slice(line.indexOf(':') + 1).trim();
          pos = next;
          continue;
        }
        inHeader = false;
      }
      if (blockStart < 0) blockStart = pos;
      if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) {
        const ms = Date.parse(line.slice(25));
        if (Number.isFinite(ms)) {
          pdtMs = ms;
          scan.hasPdt = true;
        }
      } else if (line === '#EXT-X-DISCONTINUITY') {
        discontinuity = true;
      } else if (line.startsWith('#EXT-X-ENDLIST')) {
        scan.endList = true;
      } else if (line.startsWith('#EXT-X-KEY:')) {
        key = line;
        hasUriTags = true;
      } else if (line.startsWith('#EXT-X-MAP:')) {
        map = line;
        hasUriTags = true;
      } else {
        const kind = markerKind(line);
        if (kind) (markers ??= []).push({ kind, line });
        else if (line.includes('URI="')) hasUriTags = true;
      }
      pos = next;
      continue;
    }
    // A URI line.
    if (inHeader) inHeader = false;
    if (duration >= 0) {
      const start = blockStart < 0 ? pos : blockStart;
      const d = Number.isFinite(duration) ? duration : 0;
      // Every field always present, in one order: one hidden class, monomorphic loops downstream.
      const seg: ScannedSegment = {
        start,
        uriStart: pos,
        uriEnd: lineEnd,
        end: next > n ? n : next,
        duration: d,
        seq: scan.mediaSequence + scan.segments.length,
        discontinuity,
        pdtMs,
        markers,
        hasUriTags,
        simpleUri: isSimpleUri(text, pos, lineEnd, c0),
        key,
        map,
      };
      scan.segments.push(seg);
      total += d;
      if (pdtMs !== undefined) pdtMs += d * 1000;
    }
    duration = -1;
    discontinuity = false;
    markers = undefined;
    hasUriTags = false;
    blockStart = -1;
    pos = next;
  }
  const last = scan.segments.at(-1);
  scan.trailerStart = last ? last.end : blockStart >= 0 ? blockStart : n;
  if (markers) scan.trailerMarkers = markers;
  scan.totalDuration = total;
  if (!scan.targetDuration && scan.segments.length) scan.targetDuration = Math.ceil(Math.max(...scan.segments.map((s) => s.duration)));
  return scan;
}

/** #EXTM3U must be the first line; prose comment lines before it (as in RFC 8216's examples) are tolerated. */
function firstTagIsExtm3u(text: string): boolean {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.startsWith('#EXTM3U')) return true;
  for (const line of t.slice(0, 4096).split('\n')) {
    const l = line.trim();
    if (!l || (l.startsWith('#') && !l.startsWith('#EXT'))) continue;
    return l.startsWith('#EXTM3U');
  }
  return false;
}

/** Whether the text is a multivariant playlist rather than a media playlist. */
export function isMultivariant(text: string): boolean {
  return text.includes('#EXT-X-STREAM-INF') && !text.includes('#EXTINF');
}
