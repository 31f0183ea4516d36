// An ad's HLS renditions as the stitcher needs them: every media playlist of its multivariant, loaded,
// with absolute segment URLs, durations, init segment and container. Cached and coalesced by URL.
import type { EventBus } from '../bus/event-bus.js';
import { CreativeCache, fetchCreativeText } from './creative-cache.js';
import { isMultivariant, scanMediaPlaylist } from '../stitch/hls/scan-media.js';
import { parseMultivariant, type ContentTrack } from '../stitch/hls/multivariant.js';
import { uriResolver } from '../stitch/hls/uri.js';
import { parseAttributes, tagValue } from '../stitch/hls/attributes.js';

export interface CreativeSegment {
  url: string;
  duration: number;
  byterange?: string;
}

export interface CreativeMedia {
  segments: CreativeSegment[];
  /** Absolute EXT-X-MAP URL (fMP4). */
  map?: string;
  container: 'ts' | 'fmp4';
  duration: number;
}

export interface HlsCreative {
  url: string;
  tracks: ContentTrack[];
  /** By track n. */
  media: Map<number, CreativeMedia>;
  container: 'ts' | 'fmp4';
  /** Duration of the first variant (the reference for planning). */
  duration: number;
}

export type CreativeResult = { ok: true; creative: HlsCreative } | { ok: false; error: string };

export class HlsCreativeLoader {
  private readonly cache = new CreativeCache<CreativeResult>();
  constructor(private readonly bus?: EventBus) {}

  load(url: string): Promise<CreativeResult> {
    return this.cache.get(url, (u) => this.fetchCreative(u));
  }

  private async text(url: string): Promise<string> {
    return (await fetchCreativeText(url, this.bus)).body;
  }

  private async fetchCreative(url: string): Promise<CreativeResult> {
    try {
      const top = await this.text(url);
      if (!top.startsWith('#EXTM3U')) return { ok: false, error: `Not an HLS playlist: ${url}` };
      const mv = isMultivariant(top) ? parseMultivariant(top, url) : undefined;
      const tracks: ContentTrack[] = mv ? mv.tracks : [{ n: 0, kind: 'variant', url }];
      const media = new Map<number, CreativeMedia>();
      await Promise.all(
        tracks.map(async (t) => {
          const body = mv ? await this.text(t.url) : top;
          media.set(t.n, readMedia(body, t.url));
        }),
      );
      const first = media.get(tracks.find((t) => t.kind === 'variant')?.n ?? 0);
      if (!first || first.segments.length === 0) return { ok: false, error: `Ad playlist has no segments: ${url}` };
      return { ok: true, creative: { url, tracks, media, container: first.container, duration: first.duration } };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }
}

function readMedia(body: string, url: string): CreativeMedia {
  const scan = scanMediaPlaylist(body);
  const resolve = uriResolver(url);
  const segments: CreativeSegment[] = scan.segments.map((s) => {
    const seg: CreativeSegment = { url: resolve(body.slice(s.uriStart, s.uriEnd)), duration: s.duration };
    const block = body.slice(s.start, s.uriStart);
    const br = /#EXT-X-BYTERANGE:([^\r\n]+)/.exec(block);
    if (br) seg.byterange = br[1]!.trim();
    return seg;
  });
  const mapLine = scan.segments[0]?.map;
  const mapUri = mapLine ? parseAttributes(tagValue(mapLine)).URI : undefined;
  return {
    segments,
    ...(mapUri ? { map: resolve(mapUri) } : {}),
    container: mapUri ? 'fmp4' : 'ts',
    duration: scan.totalDuration,
  };
}
