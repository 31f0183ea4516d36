// The manifest inspector's API (GET /api/sessions/:id/manifests): every manifest a session was served, origin
// beside stitched, per track and refresh, with lint findings. Also the one text transform both sides must agree
// on (display lines), because lint line numbers point into it. No Node, no DOM.

export type LintSeverity = 'error' | 'warn' | 'info';
/** Which text a finding is about: "the origin was already broken" vs "the stitcher broke it". */
export type LintSource = 'origin' | 'stitched';

export interface LintFinding {
  /** Stable rule id, e.g. 'media-sequence', 'period-continuity' (QA verdicts match on it). */
  rule: string;
  severity: LintSeverity;
  message: string;
  /** `at` of the refresh the finding was seen in (the first one, when several refreshes show it). */
  refreshAt?: number;
  /** 1-based line in that refresh's display text (see displayText). */
  line?: number;
  /** Track id as in ManifestTrack.track. */
  track?: string;
  source?: LintSource;
}

export interface ManifestRefresh {
  /** Engine clock (epoch ms) when the manifest was served. */
  at: number;
  /** Origin URL the origin text came from. */
  originUrl?: string;
  origin: string;
  stitched: string;
}

export type ManifestTrackKind = 'multivariant' | 'media' | 'mpd';

export interface ManifestTrack {
  /** '0', '1', … (HLS media playlist n, or the DASH MPD as '0'), or 'multivariant'. */
  track: string;
  kind: ManifestTrackKind;
  /** Human label: "video 1280×720 2.1 Mbps", "audio en", "MPD", "multivariant". */
  label: string;
  /** Oldest first; at most the last 30 (and only those newer than `since` when asked). */
  refreshes: ManifestRefresh[];
}

export interface SessionManifests {
  sessionId: string;
  format: 'hls' | 'dash';
  live: boolean | null;
  tracks: ManifestTrack[];
  /** Over every stored refresh of the listed tracks (not only those after `since`). */
  lint: LintFinding[];
}

/**
 * The text the inspector shows and lint lines count in. HLS: as served, CRLF read as LF. XML written on one
 * line (as the stitcher writes MPDs): one element per line, indented by depth — only `><` pairs are split, so
 * a line number is 1 + newlines + `><` pairs before an offset (see displayLineAt).
 */
export function displayText(text: string, format: 'hls' | 'dash'): string {
  const normal = text.replace(/\r\n?/g, '\n');
  if (format === 'hls' || !normal.includes('><')) return normal;
  // Indent only XML that was written on one line; a pretty document keeps its own indentation.
  const indent = normal.split('\n').length < normal.split('><').length;
  let depth = 0;
  let out = '';
  let i = 0;
  while (i < normal.length) {
    const split = normal.indexOf('><', i);
    const end = split < 0 ? normal.length : split + 1;
    const piece = normal.slice(i, end);
    // A closing tag sits one level out; an opening tag (not self-closing, not closed on its own line) deepens.
    if (piece.startsWith('</')) depth = Math.max(0, depth - 1);
    if (i > 0) out += '\n' + (indent ? '  '.repeat(depth) : '');
    out += piece;
    const opens = piece.startsWith('<') && !piece.startsWith('</') && !piece.startsWith('<?') && !piece.startsWith('<!');
    if (opens && !piece.endsWith('/>') && !/<\/[^>]*>$/.test(piece.slice(1))) depth++;
    i = end;
  }
  return out;
}

/** 1-based display line of a character offset in the raw text (same rule as displayText). */
export function displayLineAt(text: string, offset: number, format: 'hls' | 'dash'): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) line++;
    else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) line++;
    else if (format === 'dash' && c === 62 /* > */ && text.charCodeAt(i + 1) === 60 /* < */) line++;
  }
  return line;
}
