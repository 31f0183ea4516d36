// The one place that decides what URL a player loads for an asset: the playback configuration's stitched
// URL (MediaTailor's HLS or DASH ManifestEndpointPrefix + the asset's path) when there is one, else the origin.
// Also reads the stitcher's URLs back (session id, ad segments), since players only see URLs.
import type { DemoAsset } from '../../shared/catalog';
import type { PlaybackConfiguration } from '../../shared/playback-config';

export interface PlaybackOptions {
  /** Guided insertion: HLS Interstitials announce the ads instead of stitching them into the content (HLS only). */
  insertion?: 'guided';
  /** Query parameters for the stitcher: ads.* (to the ADS), aws.sessionId, origin parameters. */
  query?: Record<string, string>;
}

export interface PlaybackTarget {
  url: string;
  mode: 'stitched' | 'origin';
  /** Why the origin is played, when it is. */
  note?: string;
}

export function playbackFor(asset: DemoAsset, config: PlaybackConfiguration | undefined, options: PlaybackOptions = {}): PlaybackTarget {
  const dash = asset.format === 'dash';
  const prefix = dash ? config?.DashConfiguration?.ManifestEndpointPrefix : config?.HlsConfiguration?.ManifestEndpointPrefix;
  if (!prefix) return { url: asset.originUrl, mode: 'origin', note: 'no playback configuration' };
  const url = new URL(asset.path.replace(/^\/+/, ''), prefix.endsWith('/') ? prefix : `${prefix}/`);
  // Guided insertion is HLS Interstitials: a DASH asset plays stitched whatever was asked.
  if (options.insertion === 'guided' && !dash) url.searchParams.set('aws.insertionMode', 'GUIDED');
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  return { url: url.toString(), mode: 'stitched' };
}

export function playbackUrlFor(asset: DemoAsset, config: PlaybackConfiguration | undefined, options: PlaybackOptions = {}): string {
  return playbackFor(asset, config, options).url;
}

/** The header the stitcher puts on a session's multivariant playlist. */
export const SESSION_HEADER = 'x-stitchbench-session';

const MEDIA_PLAYLIST = /\/v1\/manifest\/[^/?#]+\/([^/?#]+)\/\d+\.m3u8(?:[?#]|$)/;
const AD_SEGMENT = /\/v1\/segment\/[^/?#]+\/[^/?#]+\/\d+\/([^/?#]+)\/\d+\/[^/?#]+(?:[?#]|$)/;

const DASH_MPD = /\/v1\/dash\/[^?#]+\.mpd(?:[?#]|$)/i;
const DASH_AD_SEGMENT = /\/v1\/dashsegment\/[^/?#]+\/([^/?#]+)\/([^/?#]+)\/(\d+)\//;

/** Session id of a stitched DASH URL (/v1/dash/{acct}/{config}/{asset}.mpd?aws.sessionId={id}). */
export function sessionIdFromDashUrl(url: string): string | undefined {
  if (!DASH_MPD.test(url)) return undefined;
  try {
    return new URL(url, 'http://x/').searchParams.get('aws.sessionId') || undefined;
  } catch {
    return undefined;
  }
}

/** The ad Period an URL of a stitched DASH ad segment belongs to
 *  (/v1/dashsegment/{acct}/{session}/{availKey}/{k-1}/{set}-{rep}/{n}.m4s, or the $Number$ template of it). */
export function dashAdSegmentRef(url: string): { session: string; availKey: string; index: number } | undefined {
  const m = DASH_AD_SEGMENT.exec(url);
  return m ? { session: decodeURIComponent(m[1]!), availKey: decodeURIComponent(m[2]!), index: Number(m[3]) } : undefined;
}

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
