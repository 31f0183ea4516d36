// A media playlist read for linting: what the rules compare (numbering, durations, markers, sources), each with
// its 1-based line so a finding can point at it. Lenient and pure: it never throws, it reports what it saw.

export type MarkerEdge = 'out' | 'in';

export interface LintSegment {
  uri: string;
  /** Line of the URI. */
  line: number;
  duration: number;
  /** Line of the EXTINF (the URI line when there was none). */
  extinfLine: number;
  /** Media sequence number. */
  seq: number;
  /** Discontinuity number: DISCONTINUITY-SEQUENCE plus the DISCONTINUITY tags up to and including this one. */
  cc: number;
  discontinuity: boolean;
  pdt?: string;
  /** Ad-marker edges in this segment's block: the break starts (out) or ends (in) before this segment. */
  markers: { edge: MarkerEdge; tag: string; line: number }[];
}

export interface LintPlaylist {
  /** Starts with #EXTM3U (after optional comment lines). */
  valid: boolean;
  multivariant: boolean;
  targetDuration?: number;
  targetDurationLine?: number;
  mediaSequence: number;
  discontinuitySequence: number;
  playlistType?: string;
  endList: boolean;
  segments: LintSegment[];
}

function markerEdge(line: string): MarkerEdge | undefined {
  if (line.startsWith('#EXT-X-CUE-OUT-CONT')) return undefined;
  if (line.startsWith('#EXT-X-CUE-OUT')) return 'out';
  if (line.startsWith('#EXT-X-CUE-IN')) return 'in';
  if (line.startsWith('#EXT-X-DATERANGE:')) {
    if (/[:,]SCTE35-OUT=/.test(line)) return 'out';
    if (/[:,]SCTE35-IN=/.test(line)) return 'in';
  }
  return undefined;
}

export function readPlaylist(text: string): LintPlaylist {
  const lines = text.split(/\r\n|\r|\n/);
  const pl: LintPlaylist = { valid: false, multivariant: false, mediaSequence: 0, discontinuitySequence: 0, endList: false, segments: [] };
  let pending: { duration?: number; extinfLine?: number; discontinuity: boolean; pdt?: string; markers: LintSegment['markers'] } = { discontinuity: false, markers: [] };
  let cc: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const no = i + 1;
    if (!line) continue;
    if (!pl.valid) {
      if (line.startsWith('#EXTM3U')) pl.valid = true;
      else if (line.startsWith('#')) continue;
      else break;
      continue;
    }
    if (line.startsWith('#')) {
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1);
      if (name === '#EXTINF') {
        pending.duration = Number.parseFloat(value);
        pending.extinfLine = no;
      } else if (name === '#EXT-X-TARGETDURATION') {
        pl.targetDuration = Number(value);
        pl.targetDurationLine = no;
      } else if (name === '#EXT-X-MEDIA-SEQUENCE') pl.mediaSequence = Number(value) || 0;
      else if (name === '#EXT-X-DISCONTINUITY-SEQUENCE') pl.discontinuitySequence = Number(value) || 0;
      else if (name === '#EXT-X-PLAYLIST-TYPE') pl.playlistType = value.trim();
      else if (name === '#EXT-X-ENDLIST') pl.endList = true;
      else if (name === '#EXT-X-DISCONTINUITY') pending.discontinuity = true;
      else if (name === '#EXT-X-PROGRAM-DATE-TIME') pending.pdt = value;
      else if (name === '#EXT-X-STREAM-INF' || name === '#EXT-X-MEDIA') pl.multivariant = true;
      else {
        const edge = markerEdge(line);
        if (edge) pending.markers.push({ edge, tag: name.slice(1), line: no });
      }
      continue;
    }
    cc = (cc ?? pl.discontinuitySequence) + (pending.discontinuity ? 1 : 0);
    pl.segments.push({
      uri: line,
      line: no,
      duration: pending.duration ?? Number.NaN,
      extinfLine: pending.extinfLine ?? no,
      seq: pl.mediaSequence + pl.segments.length,
      cc,
      discontinuity: pending.discontinuity,
      ...(pending.pdt !== undefined ? { pdt: pending.pdt } : {}),
      markers: pending.markers,
    });
    pending = { discontinuity: false, markers: [] };
  }
  return pl;
}

/** Where a segment comes from: its URI without the file name (query and fragment dropped). */
export function sourceOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** What identifies one segment across refreshes: a looped live channel repeats URIs, so add its PDT when it has one. */
export function segmentKey(s: LintSegment): string {
  if (s.pdt === undefined) return s.uri;
  const ms = Date.parse(s.pdt);
  return `${s.uri} @${Number.isFinite(ms) ? ms : s.pdt}`;
}

/** The next media sequence after the window: grows exactly when a segment is added. */
export function nextSeq(pl: LintPlaylist): number {
  return pl.mediaSequence + pl.segments.length;
}

export function isLive(pl: LintPlaylist): boolean {
  return !pl.endList && pl.playlistType !== 'VOD';
}
