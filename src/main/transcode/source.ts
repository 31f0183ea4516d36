// Which file an ad is transcoded from, and the name its transcodes are cached under. MediaTailor transcodes
// from the best original: VAST 4's <Mezzanine>, else the highest-bitrate progressive MediaFile. The cache key
// follows the creative across ADS responses and sessions: UniversalAdId, else the creative id, else the URL.
import { createHash } from 'node:crypto';
import type { VastLinearAd, VastMediaFile } from '../ads/types.js';

export interface TranscodeSource {
  url: string;
  /** 'mezzanine' (VAST 4 <Mezzanine>), 'progressive' (a MediaFile), or 'url' (slate/bumper). */
  kind: 'mezzanine' | 'progressive' | 'url';
  adKey: string;
  width?: number;
  height?: number;
  bitrateKbps?: number;
}

const STREAMING_TYPES = /mpegurl|dash\+xml/i;
/** Progressive types ffmpeg reads; anything video/* that is not a streaming manifest qualifies. */
const PROGRESSIVE_OK = /^video\/|^application\/octet-stream$/i;

function isTranscodable(m: VastMediaFile): boolean {
  return m.delivery === 'progressive' && !STREAMING_TYPES.test(m.type) && (PROGRESSIVE_OK.test(m.type) || m.type === '') && !/\.(m3u8|mpd)(\?|$)/i.test(m.url) && !m.apiFramework;
}

/** Loopback URLs of this machine are keyed without host and port, which change from run to run. */
export function urlKey(url: string): string {
  let stable = url;
  try {
    const u = new URL(url);
    if (u.hostname === 'localhost' || u.hostname === '[::1]' || u.hostname.startsWith('127.')) stable = `loopback${u.pathname}${u.search}`;
  } catch {
    /* not a URL: hash it as is */
  }
  return `url:${createHash('sha256').update(stable).digest('hex').slice(0, 16)}`;
}

export function adKeyOf(ad: Pick<VastLinearAd, 'universalAdId' | 'creativeId'>, url: string): string {
  const uaid = ad.universalAdId;
  // "unknown" is the VAST 4 placeholder for "no registry id": not an identity.
  if (uaid?.value && uaid.value.toLowerCase() !== 'unknown') return `uaid:${uaid.registry ?? ''}/${uaid.value}`;
  if (ad.creativeId) return `creative:${ad.creativeId}`;
  return urlKey(url);
}

export function pickSource(ad: Pick<VastLinearAd, 'mezzanines' | 'mediaFiles' | 'universalAdId' | 'creativeId'>): TranscodeSource | undefined {
  const mezz = ad.mezzanines.find((m) => !STREAMING_TYPES.test(m.type));
  const progressive = [...ad.mediaFiles].filter(isTranscodable).sort((a, b) => (b.bitrateKbps ?? 0) - (a.bitrateKbps ?? 0) || (b.height ?? 0) - (a.height ?? 0))[0];
  const m = mezz ?? progressive;
  if (!m) return undefined;
  return {
    url: m.url,
    kind: mezz ? 'mezzanine' : 'progressive',
    adKey: adKeyOf(ad, m.url),
    ...(m.width ? { width: m.width } : {}),
    ...(m.height ? { height: m.height } : {}),
    ...(m.bitrateKbps ? { bitrateKbps: m.bitrateKbps } : {}),
  };
}

/** A slate or bumper URL (not from VAST): transcoded from itself unless it is already a manifest. */
export function urlSource(url: string): TranscodeSource | undefined {
  if (/\.(m3u8|mpd)(\?|$)/i.test(url)) return undefined;
  return { url, kind: 'url', adKey: urlKey(url) };
}

/** File-system- and URL-safe cache key: readable ad key prefix, hash of ad key + profile. */
export function cacheKey(adKey: string, profileKey: string): string {
  const slug = adKey.replace(/^[a-z]+:/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'ad';
  return `${slug}_${createHash('sha256').update(`${adKey}|${profileKey}`).digest('hex').slice(0, 12)}`;
}
