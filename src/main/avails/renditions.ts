// Where an ad's stitchable HLS (or DASH) comes from. TRANSCODE (MediaTailor's default): the conditioned renditions
// registered for its mezzanine / progressive MP4 (pre-packaged demo creatives now; the transcoder's output
// later), else the VAST's own streaming files. NONE: only the VAST's streaming HLS files, used as they are.
import type { VastLinearAd, VastMediaFile } from '../ads/types.js';
import type { ConditionedRegistry } from '../creatives/registry.js';

const HLS_TYPES = new Set(['application/x-mpegurl', 'application/vnd.apple.mpegurl', 'audio/mpegurl', 'audio/x-mpegurl']);

export function isHlsMediaFile(m: VastMediaFile): boolean {
  return HLS_TYPES.has(m.type.toLowerCase()) || /\.m3u8(\?|$)/i.test(m.url);
}

export type Conditioning = 'TRANSCODE' | 'NONE';

/** Candidate HLS multivariant URLs for an ad, best first, for the content's container. */
export function hlsCandidates(ad: Pick<VastLinearAd, 'mediaFiles' | 'mezzanines'>, container: 'ts' | 'fmp4' | undefined, conditioning: Conditioning, registry: ConditionedRegistry): string[] {
  const out: string[] = [];
  if (conditioning === 'TRANSCODE') {
    const sources = [...ad.mezzanines, ...ad.mediaFiles.filter((m) => m.delivery === 'progressive')].sort((a, b) => (b.bitrateKbps ?? 0) - (a.bitrateKbps ?? 0));
    for (const m of sources) {
      const r = registry.lookup(m.url);
      if (!r) continue;
      const preferred = container === 'fmp4' ? [r.hls.fmp4, r.hls.ts] : [r.hls.ts, r.hls.fmp4];
      for (const u of preferred) if (u && !out.includes(u)) out.push(u);
    }
  }
  for (const m of ad.mediaFiles) if (m.delivery === 'streaming' && isHlsMediaFile(m) && !out.includes(m.url)) out.push(m.url);
  return out;
}

/** The same for a plain media URL (slate, bumpers): registered renditions, or the URL itself when it is HLS. */
export function hlsCandidatesForUrl(url: string, container: 'ts' | 'fmp4' | undefined, registry: ConditionedRegistry): string[] {
  const r = registry.lookup(url);
  const out: string[] = [];
  if (r) for (const u of container === 'fmp4' ? [r.hls.fmp4, r.hls.ts] : [r.hls.ts, r.hls.fmp4]) if (u) out.push(u);
  if (/\.m3u8(\?|$)/i.test(url)) out.push(url);
  return out;
}

const DASH_TYPES = new Set(['application/dash+xml']);

export function isDashMediaFile(m: VastMediaFile): boolean {
  return DASH_TYPES.has(m.type.toLowerCase()) || /\.mpd(\?|$)/i.test(m.url);
}

/** Candidate ad MPD URLs, best first: conditioned renditions (TRANSCODE), then the VAST's own DASH files. */
export function dashCandidates(ad: Pick<VastLinearAd, 'mediaFiles' | 'mezzanines'>, conditioning: Conditioning, registry: ConditionedRegistry): string[] {
  const out: string[] = [];
  if (conditioning === 'TRANSCODE') {
    const sources = [...ad.mezzanines, ...ad.mediaFiles.filter((m) => m.delivery === 'progressive')].sort((a, b) => (b.bitrateKbps ?? 0) - (a.bitrateKbps ?? 0));
    for (const m of sources) {
      const u = registry.lookup(m.url)?.dash;
      if (u && !out.includes(u)) out.push(u);
    }
  }
  for (const m of ad.mediaFiles) if (m.delivery === 'streaming' && isDashMediaFile(m) && !out.includes(m.url)) out.push(m.url);
  return out;
}

/** The same for a plain media URL (slate, bumpers). */
export function dashCandidatesForUrl(url: string, registry: ConditionedRegistry): string[] {
  const out: string[] = [];
  const r = registry.lookup(url)?.dash;
  if (r) out.push(r);
  if (/\.mpd(\?|$)/i.test(url)) out.push(url);
  return out;
}
