// The one place that decides what URL a player loads for an asset: the playback configuration's stitched
// URL (MediaTailor's HLS ManifestEndpointPrefix + the asset's path) when there is one, else the origin.
// Also reads the stitcher's URLs back (session id, ad segments), since players only see URLs.
import type { DemoAsset } from '../../shared/catalog';
import type { PlaybackConfiguration } from '../../shared/playback-config';

export interface PlaybackOptions {
  /** Guided insertion: HLS Interstitials announce the ads instead of stitching them into the content. */
  insertion?: 'guided';
}

export interface PlaybackTarget {
  url: string;
  mode: 'stitched' | 'origin';
  /** Why the origin is played, when it is. */
  note?: string;
}

export function playbackFor(asset: DemoAsset, config: PlaybackConfiguration | undefined, options: PlaybackOptions = {}): PlaybackTarget {
  // DASH stitching comes with its own issue: until then DASH assets play the origin.
  if (asset.format === 'dash') return { url: asset.originUrl, mode: 'origin', note: 'DASH is not stitched yet' };
  const prefix = config?.HlsConfiguration?.ManifestEndpointPrefix;
  if (!prefix) return { url: asset.originUrl, mode: 'origin', note: 'no playback configuration' };
  const url = new URL(asset.path.replace(/^\/+/, ''), prefix.endsWith('/') ? prefix : `${prefix}/`);
  if (options.insertion === 'guided') url.searchParams.set('aws.insertionMode', 'GUIDED');
  return { url: url.toString(), mode: 'stitched' };
}

export function playbackUrlFor(asset: DemoAsset, config: PlaybackConfiguration | undefined, options: PlaybackOptions = {}): string {
  return playbackFor(asset, config, options).url;
}

/** The header the stitcher puts on a session's multivariant playlist. */
export const SESSION_HEADER = 'x-stitchbench-session';

const MEDIA_PLAYLIST = /\/v1\/manifest\/[^/?#]+\/([^/?#]+)\/\d+\.m3u8(?:[?#]|$)/;
const AD_SEGMENT = /\/v1\/segment\/[^/?#]+\/[^/?#]+\/\d+\/([^/?#]+)\/\d+\/[^/?#]+(?:[?#]|$)/;

/** Session id from a stitched media playlist URL (/v1/manifest/{acct}/{session}/{n}.m3u8). */
export function sessionIdFromPlaylistUrl(url: string): string | undefined {
  const m = MEDIA_PLAYLIST.exec(url);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** Avail key of a stitched ad segment URL (/v1/segment/{acct}/{session}/{n}/{availKey}/{item}/{k}.ts). */
export function availKeyOfAdSegment(url: string): string | undefined {
  const m = AD_SEGMENT.exec(url);
  return m ? decodeURIComponent(m[1]!) : undefined;
}
