// Which of an ad's renditions plays in place of each content track: the nearest variant by resolution then
// bandwidth, audio by language, subtitles by language (or an empty WebVTT stand-in). An ad that cannot
// serve every content track with the same container and the same muxing is unusable for this session.
import type { ContentTrack } from '../stitch/hls/multivariant.js';
import type { CreativeMedia, HlsCreative } from './hls-creative.js';
import type { DashCreativeRepresentation, DashCreativeSet } from './dash-creative.js';

export type TrackMatch =
  | { kind: 'media'; media: CreativeMedia }
  | { kind: 'empty-subtitles' }
  /** DASH: the ad's set and representations for content adaptation set n. */
  | { kind: 'dash'; set: DashCreativeSet; representations: DashCreativeRepresentation[] };

export type MatchResult = { ok: true; byTrack: Map<number, TrackMatch> } | { ok: false; reason: string };

function nearestVariant(content: ContentTrack, candidates: ContentTrack[]): ContentTrack | undefined {
  let best: ContentTrack | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const dh = content.height && c.height ? Math.abs(content.height - c.height) : 0;
    const db = content.bandwidth && c.bandwidth ? Math.abs(content.bandwidth - c.bandwidth) / 1e6 : 0;
    const score = dh * 1000 + db;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

function byLanguage(content: ContentTrack, candidates: ContentTrack[]): ContentTrack | undefined {
  const lang = content.language?.toLowerCase();
  return (
    (lang ? candidates.find((c) => c.language?.toLowerCase() === lang) : undefined) ??
    candidates.find((c) => c.isDefault) ??
    candidates[0]
  );
}

export function matchCreative(creative: HlsCreative, content: ContentTrack[], contentContainer: 'ts' | 'fmp4' | undefined): MatchResult {
  if (contentContainer && creative.container !== contentContainer) {
    return { ok: false, reason: `ad is ${creative.container.toUpperCase()}, content is ${contentContainer.toUpperCase()}` };
  }
  const adVariants = creative.tracks.filter((t) => t.kind === 'variant');
  const adAudio = creative.tracks.filter((t) => t.kind === 'audio');
  const adSubs = creative.tracks.filter((t) => t.kind === 'subtitles');
  const byTrack = new Map<number, TrackMatch>();
  for (const t of content) {
    let pick: ContentTrack | undefined;
    if (t.kind === 'variant' || t.kind === 'video') {
      const demuxed = Boolean(t.audioGroup);
      // Muxing must agree: a video-only ad variant under muxed content would play silent, and vice versa.
      const pool = adVariants.filter((v) => Boolean(v.audioGroup) === demuxed);
      pick = nearestVariant(t, pool);
      if (!pick) return { ok: false, reason: demuxed ? 'content has separate audio, the ad has none' : 'no ad variant with muxed audio' };
    } else if (t.kind === 'audio') {
      pick = byLanguage(t, adAudio);
      if (!pick) return { ok: false, reason: 'content has separate audio renditions, the ad has none' };
    } else {
      pick = byLanguage(t, adSubs);
      if (!pick) {
        byTrack.set(t.n, { kind: 'empty-subtitles' });
        continue;
      }
    }
    const media = creative.media.get(pick.n);
    if (!media || media.segments.length === 0) return { ok: false, reason: `ad rendition ${pick.url} has no segments` };
    byTrack.set(t.n, { kind: 'media', media });
  }
  return { ok: true, byTrack };
}
