// An ad's HLS renditions as the stitcher needs them: every media playlist of its multivariant, loaded,
// with absolute segment URLs, durations, init segment and container. Cached by URL (creatives do not
// change) and coalesced, so a pod shared by many sessions is fetched once.
import type { EventBus } from '../bus/event-bus.js';
import { FetchError, fetchText } from '../http/fetch-text.js';
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

const TIMEOUT_MS = 2000;
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_CACHED = 500;

export class HlsCreativeLoader {
  private readonly cache = new Map<string, Promise<CreativeResult>>();
  constructor(private readonly bus?: EventBus) {}

  load(url: string): Promise<CreativeResult> {
    let p = this.cache.get(url);
    if (!p) {
      p = this.fetchCreative(url);
      this.cache.set(url, p);
      // Failures are retried on the next request rather than remembered.
      void p.then((r) => {
        if (!r.ok) this.cache.delete(url);
      });
      if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    }
    return p;
  }

  private async text(url: string): Promise<string> {
    try {
      const r = await fetchText(url, { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES });
      this.bus?.emit({ kind: 'origin.fetch', url, status: r.status, ms: r.ms, bytes: r.bytes });
      if (r.status >= 400) throw new Error(`HTTP ${r.status} for ${url}`);
      return r.body;
    } catch (e) {
      if (e instanceof FetchError) {
        this.bus?.emit({ kind: 'origin.fetch', url, status: 0, ms: e.ms, error: e.message });
        throw new Error(`${e.message} (${url})`);
      }
      throw e;
    }
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
