// Which of an ad's DASH adaptation sets plays in place of each content adaptation set: same content type,
// same codec family (an AVC ad cannot follow HEVC content through one SourceBuffer), audio by language, and
// for video the ad's representations no taller than the content's tallest. Text sets have no ad counterpart
// (the ad Period simply has none). An ad that cannot serve every video/audio set is unusable.
import type { AdaptationSetScan } from '../stitch/dash/scan.js';
import type { DashCreative, DashCreativeRepresentation, DashCreativeSet } from './dash-creative.js';
import type { MatchResult, TrackMatch } from './match.js';

/** A content adaptation set as the session learned it from the origin's first Period. */
export interface DashContentSet {
  n: number;
  contentType: AdaptationSetScan['contentType'];
  lang?: string;
  codecs: string[];
  maxHeight?: number;
}

export function contentSetsOf(sets: AdaptationSetScan[]): DashContentSet[] {
  return sets.map((as, n) => {
    const heights = as.representations.map((r) => r.height).filter((h): h is number => h !== undefined);
    return {
      n,
      contentType: as.contentType,
      ...(as.lang ? { lang: as.lang } : {}),
      codecs: [...new Set(as.representations.map((r) => r.codecs).filter((c): c is string => Boolean(c)))],
      ...(heights.length ? { maxHeight: Math.max(...heights) } : {}),
    };
  });
}

function family(codecs: string | undefined): string {
  const c = (codecs ?? '').split(',')[0]!.trim().toLowerCase();
  if (c.startsWith('avc')) return 'avc';
  if (c.startsWith('hvc') || c.startsWith('hev')) return 'hevc';
  if (c.startsWith('mp4a')) return 'aac';
  if (c.startsWith('ec-3') || c.startsWith('ac-3')) return 'dolby';
  return c.split('.')[0] ?? '';
}

function sameFamily(content: DashContentSet, rep: DashCreativeRepresentation): boolean {
  if (content.codecs.length === 0 || !rep.codecs) return true;
  return content.codecs.some((c) => family(c) === family(rep.codecs));
}

export function matchDashCreative(creative: DashCreative, content: DashContentSet[]): MatchResult {
  const byTrack = new Map<number, TrackMatch>();
  for (const c of content) {
    if (c.contentType !== 'video' && c.contentType !== 'audio') continue;
    const pool = creative.sets.filter((s) => s.contentType === c.contentType);
    let set: DashCreativeSet | undefined;
    if (c.contentType === 'audio') {
      const lang = c.lang?.toLowerCase();
      set = (lang ? pool.find((s) => s.lang?.toLowerCase() === lang) : undefined) ?? pool[0];
    } else set = pool[0];
    if (!set) return { ok: false, reason: `content has ${c.contentType}, the ad has none` };
    const compatible = set.representations.filter((r) => sameFamily(c, r) && r.segments.length > 0);
    if (compatible.length === 0) {
      return { ok: false, reason: `ad ${c.contentType} is ${set.representations[0]?.codecs ?? '?'}, content is ${c.codecs.join('/') || '?'}` };
    }
    let reps = compatible;
    if (c.contentType === 'video' && c.maxHeight !== undefined) {
      const fit = compatible.filter((r) => r.height === undefined || r.height <= c.maxHeight!);
      reps = fit.length ? fit : [compatible.reduce((a, b) => ((a.height ?? 0) <= (b.height ?? 0) ? a : b))];
    }
    byTrack.set(c.n, { kind: 'dash', set, representations: reps });
  }
  if (byTrack.size === 0) return { ok: false, reason: 'content has no video or audio adaptation set' };
  return { ok: true, byTrack };
}
