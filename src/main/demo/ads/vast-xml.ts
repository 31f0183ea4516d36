// Pure VAST document builders (2.0 – 4.2). No I/O: the routes decide *what* to answer, these decide *how* it reads.
import type { DemoAdCreative } from './types.js';
import { el, textEl, urlEl, type XmlNode } from './xml.js';

export const VAST_VERSIONS = ['2.0', '3.0', '4.0', '4.1', '4.2'] as const;
export type VastVersion = (typeof VAST_VERSIONS)[number];

export const AD_SYSTEM = 'Stitchbench Demo ADS';

/** Where tracking URLs point and what they carry, so hits can be grouped per session (and per VMAP break). */
export interface TrackContext {
  /** Absolute ADS prefix URL, no trailing slash. */
  base: string;
  sid?: string;
  /** Break id when the VAST sits in (or was requested for) a VMAP break. */
  brk?: string;
  /** Beacon fault: 'down' points tracking at a port nothing listens on; '500' makes the sink answer 500. */
  beacons?: 'down' | '500';
}

export interface VastContext extends TrackContext {
  version: VastVersion;
  /** Which HLS rendition set the x-mpegURL MediaFile references. */
  hls: 'ts' | 'fmp4';
}

const LINEAR_EVENTS = [
  'creativeView', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete', 'pause', 'resume', 'mute', 'unmute',
] as const;

/** Where beacons=down points tracking URLs. */
export const DEAD_TRACKING_BASE = 'http://127.0.0.1:2/demo/ads';

export function trackUrl(ctx: TrackContext, ev: string, ad?: string, withErrorCode = false): string {
  const q = new URLSearchParams();
  if (ctx.sid) q.set('sid', ctx.sid);
  if (ad) q.set('ad', ad);
  q.set('ev', ev);
  if (ctx.brk) q.set('brk', ctx.brk);
  if (ctx.beacons === '500') q.set('fail', '500');
  // Port 2 on loopback: nothing listens, so every attempt is refused at once (not 9: fetch forbids it as a "bad port").
  const base = ctx.beacons === 'down' ? DEAD_TRACKING_BASE : ctx.base;
  // The macro stays literal (not percent-encoded) so players can substitute it.
  return `${base}/track?${q.toString()}${withErrorCode ? '&code=[ERRORCODE]' : ''}`;
}

/** VAST time: HH:MM:SS.mmm. */
export function formatVastTime(seconds: number): string {
  const totalMs = Math.max(0, Math.round(seconds * 1000));
  const ms = totalMs % 1000;
  const s = Math.floor(totalMs / 1000) % 60;
  const m = Math.floor(totalMs / 60000) % 60;
  const h = Math.floor(totalMs / 3600000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(h)}:${p2(m)}:${p2(s)}.${String(ms).padStart(3, '0')}`;
}

export function mediaUrl(base: string, path: string): string {
  const clean = path.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
  return `${base}/${clean}`;
}

const isV4 = (v: VastVersion) => v.startsWith('4');
/** VAST 2.0 has no ad pods: its ads are stand-alone (no `sequence`). */
const hasPods = (v: VastVersion) => v !== '2.0';

function compact(nodes: (XmlNode | undefined)[]): XmlNode[] {
  return nodes.filter((n): n is XmlNode => n !== undefined);
}

function trackingEvents(ctx: VastContext, adId: string): XmlNode {
  const events = LINEAR_EVENTS.map((ev) => urlEl('Tracking', trackUrl(ctx, ev, adId), { event: ev }));
  if (isV4(ctx.version)) {
    events.push(urlEl('Tracking', trackUrl(ctx, 'progress', adId), { event: 'progress', offset: '00:00:05' }));
  }
  return el('TrackingEvents', undefined, events);
}

function mediaFiles(ctx: VastContext, c: DemoAdCreative): XmlNode {
  const m = c.mezzanine;
  const v4 = isV4(ctx.version);
  const mp4 = mediaUrl(ctx.base, m.path);
  const size = { width: m.width, height: m.height };
  return el('MediaFiles', undefined, compact([
    urlEl('MediaFile', mp4, {
      id: `${c.id}-mp4`, delivery: 'progressive', type: 'video/mp4', ...size, bitrate: m.bitrateKbps,
      scalable: 'true', maintainAspectRatio: 'true', fileSize: v4 ? m.bytes : undefined,
    }),
    urlEl('MediaFile', mediaUrl(ctx.base, ctx.hls === 'fmp4' ? c.hlsFmp4Path : c.hlsTsPath), {
      id: `${c.id}-hls-${ctx.hls}`, delivery: 'streaming', type: 'application/x-mpegURL', ...size,
    }),
    urlEl('MediaFile', mediaUrl(ctx.base, c.dashPath), {
      id: `${c.id}-dash`, delivery: 'streaming', type: 'application/dash+xml', ...size,
    }),
    // VAST 4 lets the ad carry its source file so a stitcher can transcode from the best original.
    v4 ? urlEl('Mezzanine', mp4, { id: `${c.id}-mezzanine`, delivery: 'progressive', type: 'video/mp4', ...size, fileSize: m.bytes }) : undefined,
  ]));
}

function inlineAd(ctx: VastContext, c: DemoAdCreative, n: number): XmlNode {
  const adId = `${c.id}-${n}`;
  const v4 = isV4(ctx.version);
  const impression = urlEl('Impression', trackUrl(ctx, 'impression', adId), { id: `${adId}-impression` });
  const error = urlEl('Error', trackUrl(ctx, 'error', adId, true));
  const creative = el('Creative', { id: c.id, [v4 ? 'adId' : 'AdID']: c.id }, compact([
    // 4.0 required idValue; 4.1+ moved the value into the element text.
    v4 ? textEl('UniversalAdId', c.id, { idRegistry: 'stitchbench', idValue: ctx.version === '4.0' ? c.id : undefined }) : undefined,
    el('Linear', undefined, [
      textEl('Duration', formatVastTime(c.durationSeconds)),
      trackingEvents(ctx, adId),
      mediaFiles(ctx, c),
    ]),
  ]));
  // Element order follows each version's schema (Error moved after Impression/AdServingId in VAST 4).
  const head = v4
    ? [impression, textEl('AdServingId', `${ctx.sid ?? 'anonymous'}-${ctx.brk ? `${ctx.brk}-` : ''}${adId}`), error]
    : [error, impression];
  return el('Ad', { id: adId, sequence: hasPods(ctx.version) ? n : undefined }, [
    el('InLine', undefined, [
      textEl('AdSystem', c.adSystem ?? AD_SYSTEM, { version: '1.0' }),
      textEl('AdTitle', c.title),
      ...head,
      el('Creatives', undefined, [creative]),
    ]),
  ]);
}

/** An Inline response with one Ad per creative, in order (an ad pod from VAST 3 on). Empty list → empty VAST. */
export function inlineVast(ctx: VastContext, creatives: DemoAdCreative[]): XmlNode {
  return el('VAST', { version: ctx.version }, creatives.map((c, i) => inlineAd(ctx, c, i + 1)));
}

/** A Wrapper pointing at `nextUrl`, with its own Impression, Error and tracking so each hop shows in the hit log. */
export function wrapperVast(ctx: VastContext, id: string, nextUrl: string): XmlNode {
  const attrs = hasPods(ctx.version) ? { followAdditionalWrappers: 'true', allowMultipleAds: 'true' } : undefined;
  const linear = el('Linear', undefined, [el('TrackingEvents', undefined, LINEAR_EVENTS.map((ev) => urlEl('Tracking', trackUrl(ctx, ev, id), { event: ev })))]);
  return el('VAST', { version: ctx.version }, [
    el('Ad', { id }, [
      el('Wrapper', attrs, [
        textEl('AdSystem', AD_SYSTEM, { version: '1.0' }),
        urlEl('VASTAdTagURI', nextUrl),
        urlEl('Error', trackUrl(ctx, 'error', id, true)),
        urlEl('Impression', trackUrl(ctx, 'impression', id), { id: `${id}-impression` }),
        el('Creatives', undefined, [el('Creative', { id: `${id}-creative` }, [linear])]),
      ]),
    ]),
  ]);
}

/** Valid VAST without any Ad (also the answer while the demo media is still being built). */
export function emptyVast(ctx: VastContext): XmlNode {
  return el('VAST', { version: ctx.version });
}

/** No fill: only a root-level Error URL, which players ping with code 303 (no ads). */
export function noFillVast(ctx: VastContext): XmlNode {
  return el('VAST', { version: ctx.version }, [urlEl('Error', trackUrl(ctx, 'error', undefined, true))]);
}

/** Malformed on purpose (mismatched and unclosed tags) for the `garbage` fault. */
export function garbageVast(version: VastVersion): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<VAST version="${version}"><Ad id="garbage"><InLine><AdSystem>${AD_SYSTEM}</AdTitle><Creatives><Creative><Linear><Duration>00:00:1`;
}
