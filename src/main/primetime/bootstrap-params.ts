// The Primetime manifest server's bootstrap query parameters, read into what the stitcher needs: how the client
// tracks ads (pttrackingmode → reporting mode), which sidecar it wants (pttrackingversion), how the answer is
// delivered (a 302, or JSON for simple tracking and iOS mobile web), targeting (k=k1=v1;k2=v2 → ADS parameters),
// the VOD timeline (pttimeline) and the live ad window (ptadwindow), and everything unknown forwarded to the ADS
// as Primetime does. Pure.
import { HttpError } from '../http/errors.js';
import type { Suppression } from '../playback/suppression.js';
import { adWindowSuppression } from './ad-window.js';
import { parseVodTimeline, type TimelineBreak } from './timeline.js';

export type TrackingMode = 'simple' | 'sstm' | 'simplesstm';
export type TrackingVersion = 'v1' | 'v2' | 'v3' | 'vmap';

export interface BootstrapParams {
  /** Absent: Adobe's EXT-X-MARKER mode (HLS), the client fires beacons from tags in the playlists. */
  trackingMode?: TrackingMode;
  trackingVersion?: TrackingVersion;
  /** JSON answer instead of a 302: simple tracking, or ptplayer=ios-mobileweb. */
  json: boolean;
  /** pt* hints the bench records but does not act on (ptcueformat: markers are detected whatever the dialect). */
  hints: Record<string, string>;
  /** To the ADS: targeting pairs from k, and every parameter Primetime does not know. */
  adsParams: Record<string, string>;
  /** Bench extension: the playback configuration whose ADS, slate and settings the session uses. */
  config?: string;
  /** pttimeline: VOD ad breaks that replace the content's markers (see timeline.ts). */
  timeline?: TimelineBreak[];
  /** ptadwindow: the live look-back window as a per-session AvailSuppression (see ad-window.ts). */
  adWindow?: Suppression;
}

/** Parameters Primetime itself reads (not forwarded to the ADS). */
const KNOWN = new Set(['pttrackingmode', 'pttrackingversion', 'ptcueformat', 'ptplayer', 'pttimeline', 'ptadwindow', 'ptcdn', 'ptassetid', 'live', 'k', 'ptconfig']);
const MODES: readonly string[] = ['simple', 'sstm', 'simplesstm'];
const VERSIONS: readonly string[] = ['v1', 'v2', 'v3', 'vmap'];
/** The sidecar formats the bench serves (see tracking/primetime.ts). */
export const SERVED_VERSIONS: readonly TrackingVersion[] = ['v2', 'vmap'];

export function readBootstrapParams(query: Record<string, unknown>): BootstrapParams {
  const q: Record<string, string> = {};
  for (const [k, raw] of Object.entries(query)) q[k] = Array.isArray(raw) ? String(raw.at(-1)) : String(raw);
  const mode = q.pttrackingmode?.toLowerCase();
  if (mode !== undefined && !MODES.includes(mode)) throw new HttpError(400, `Invalid pttrackingmode "${mode}": expected simple, sstm or simplesstm`);
  const version = q.pttrackingversion?.toLowerCase();
  if (version !== undefined && !VERSIONS.includes(version)) throw new HttpError(400, `Invalid pttrackingversion "${version}": expected v1, v2, v3 or vmap`);
  if (version !== undefined && !SERVED_VERSIONS.includes(version as TrackingVersion)) throw new HttpError(400, `pttrackingversion ${version} is not served by the bench: use v2 (JSON) or vmap`);
  const timeline = q.pttimeline === undefined ? undefined : parseVodTimeline(q.pttimeline);
  if (timeline && !timeline.ok) throw new HttpError(400, `Invalid pttimeline: ${timeline.message}`);
  const adWindow = q.ptadwindow === undefined ? undefined : adWindowSuppression(q.ptadwindow);
  if (adWindow && !adWindow.ok) throw new HttpError(400, adWindow.message);
  const adsParams: Record<string, string> = {};
  if (q.k !== undefined) {
    for (const pair of q.k.split(';')) {
      if (!pair.trim()) continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new HttpError(400, `Invalid targeting k: "${pair}" is not key=value (k=k1=v1;k2=v2)`);
      adsParams[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  for (const [k, v] of Object.entries(q)) if (!KNOWN.has(k)) adsParams[k] = v;
  const hints: Record<string, string> = {};
  for (const k of ['ptcueformat', 'ptcdn', 'ptassetid', 'live', 'ptplayer']) if (q[k] !== undefined) hints[k] = q[k];
  return {
    ...(mode ? { trackingMode: mode as TrackingMode } : {}),
    ...(version ? { trackingVersion: version as TrackingVersion } : {}),
    json: mode === 'simple' || q.ptplayer?.toLowerCase() === 'ios-mobileweb',
    hints,
    adsParams,
    ...(q.ptconfig ? { config: q.ptconfig } : {}),
    ...(timeline?.ok ? { timeline: timeline.breaks } : {}),
    ...(adWindow?.ok ? { adWindow: adWindow.suppression } : {}),
  };
}

/** The content URL in the bootstrap path: URL-safe (or standard) base64, padding optional; http(s) only. */
export function decodeContentUrl(encoded: string): string {
  if (!/^[A-Za-z0-9_\-+/]+=*$/.test(encoded)) throw new HttpError(400, 'The content URL in the bootstrap path is not base64');
  const text = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new HttpError(400, `The bootstrap path's base64 does not decode to a URL: "${text.slice(0, 80)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HttpError(400, `The content URL must be http(s), got ${url.protocol}`);
  return url.toString();
}
