// Where an ad's stitchable HLS (or DASH) comes from. TRANSCODE (MediaTailor's default): the transcoder's output
// for its mezzanine / best progressive MediaFile (see transcode/), falling back to the VAST's own streaming files
// only when the ad has nothing to transcode from. NONE: only the VAST's streaming files, used as they are.
import type { VastLinearAd, VastMediaFile } from '../ads/types.js';
import type { TranscodedUrls } from '../../shared/transcode.js';

const HLS_TYPES = new Set(['application/x-mpegurl', 'application/vnd.apple.mpegurl', 'audio/mpegurl', 'audio/x-mpegurl']);

export function isHlsMediaFile(m: VastMediaFile): boolean {
  return HLS_TYPES.has(m.type.toLowerCase()) || /\.m3u8(\?|$)/i.test(m.url);
}

export type Conditioning = 'TRANSCODE' | 'NONE';

/** The VAST's own streaming HLS MediaFiles. */
export function hlsCandidates(ad: Pick<VastLinearAd, 'mediaFiles'>): string[] {
  return [...new Set(ad.mediaFiles.filter((m) => m.delivery === 'streaming' && isHlsMediaFile(m)).map((m) => m.url))];
}

const DASH_TYPES = new Set(['application/dash+xml']);

export function isDashMediaFile(m: VastMediaFile): boolean {
  return DASH_TYPES.has(m.type.toLowerCase()) || /\.mpd(\?|$)/i.test(m.url);
}

/** The VAST's own streaming DASH MediaFiles. */
export function dashCandidates(ad: Pick<VastLinearAd, 'mediaFiles'>): string[] {
  return [...new Set(ad.mediaFiles.filter((m) => m.delivery === 'streaming' && isDashMediaFile(m)).map((m) => m.url))];
}

/** A transcoded ad's manifests in the order a session tries them: its format, its container first. */
export function transcodedCandidates(urls: TranscodedUrls, format: 'hls' | 'dash', container: 'ts' | 'fmp4' | undefined): string[] {
  if (format === 'dash') return [urls.dash];
  return container === 'fmp4' ? [urls.hlsFmp4, urls.hlsTs] : [urls.hlsTs, urls.hlsFmp4];
}

/** A slate/bumper URL that is already a manifest of the session's format. */
export function manifestUrlCandidates(url: string, format: 'hls' | 'dash'): string[] {
  return (format === 'dash' ? /\.mpd(\?|$)/i : /\.m3u8(\?|$)/i).test(url) ? [url] : [];
}
