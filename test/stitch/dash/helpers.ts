// Synthetic MPDs and ad plans for the DASH writer's tests, and a reader for the stitched output.
import { parseXml, childElements, attr, firstChild, type XElement } from '../../../src/main/xml/tree.js';
import { readRuns } from '../../../src/main/stitch/dash/addressing.js';
import { parseDuration } from '../../../src/main/stitch/dash/time.js';
import type { DashAdPeriod, DashAvailPlan, DashStitchPlan } from '../../../src/main/stitch/dash/plan.js';
import { spliceInsertOut, toBase64 } from '../../../src/main/scte35/index.js';

export const ORIGIN = 'http://127.0.0.1:9/content/vod/manifest.mpd';

/** splice_insert out-of-network with a break duration, base64. */
export function spliceOut(eventId: number, seconds: number): string {
  return toBase64(spliceInsertOut({ eventId, ptsTime: 0, durationSeconds: seconds }));
}

export interface SynthPeriod {
  id: string;
  start?: number;
  duration?: number;
  /** Segment seconds and count (video 90 kHz, audio 48 kHz with the same durations). */
  seg: number;
  count: number;
  /** Media time of the first segment (seconds) — presentationTimeOffset is set to it. */
  t0?: number;
  startNumber?: number;
  /** Events (seconds from Period start). */
  events?: { at: number; duration?: number; id: number; inline?: boolean }[];
  extra?: string;
}

export function synthMpd(periods: SynthPeriod[], opts: { dynamic?: boolean; duration?: number; head?: string } = {}): string {
  const body = periods
    .map((p) => {
      const t0 = p.t0 ?? 0;
      const ev = p.events?.length
        ? `<EventStream schemeIdUri="urn:scte:scte35:2014:xml+bin" timescale="90000" presentationTimeOffset="${Math.round(t0 * 90000)}">${p.events
            .map((e) => `<Event presentationTime="${Math.round((t0 + e.at) * 90000)}"${e.duration !== undefined ? ` duration="${Math.round(e.duration * 90000)}"` : ''} id="${e.id}"><Signal xmlns="http://www.scte.org/schemas/35/2016"><Binary>${spliceOut(e.id, e.duration ?? 0)}</Binary></Signal></Event>`)
            .join('')}</EventStream>`
        : '';
      const tl = (ts: number) => `<SegmentTimeline><S t="${Math.round(t0 * ts)}" d="${Math.round(p.seg * ts)}" r="${p.count - 1}"/></SegmentTimeline>`;
      const sn = p.startNumber ?? 1;
      return `<Period id="${p.id}"${p.start !== undefined ? ` start="PT${p.start}S"` : ''}${p.duration !== undefined ? ` duration="PT${p.duration}S"` : ''}>${ev}${p.extra ?? ''}<AdaptationSet id="1" contentType="video" mimeType="video/mp4"><SegmentTemplate timescale="90000" presentationTimeOffset="${Math.round(t0 * 90000)}" startNumber="${sn}" initialization="v/$RepresentationID$/init.mp4" media="v/$RepresentationID$/$Number$.m4s">${tl(90000)}</SegmentTemplate><Representation id="720p" bandwidth="2000000" width="1280" height="720" codecs="avc1.4d401f"/></AdaptationSet><AdaptationSet id="2" contentType="audio" mimeType="audio/mp4" lang="en"><SegmentTemplate timescale="48000" presentationTimeOffset="${Math.round(t0 * 48000)}" startNumber="${sn}" initialization="a/init.mp4" media="a/$Number$.m4s">${tl(48000)}</SegmentTemplate><Representation id="aac" bandwidth="128000" codecs="mp4a.40.2"/></AdaptationSet></Period>`;
    })
    .join('');
  const type = opts.dynamic
    ? 'type="dynamic" availabilityStartTime="2026-01-01T00:00:00Z" publishTime="2026-01-01T01:00:00Z" minimumUpdatePeriod="PT2S" timeShiftBufferDepth="PT60S"'
    : `type="static" mediaPresentationDuration="PT${opts.duration ?? 100}S"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-live:2011" ${type} minBufferTime="PT4S">${opts.head ?? ''}${body}</MPD>\n`;
}

/** An ad Period of `seconds` with 2 s segments (last one shorter), video + audio. */
export function adPeriod(id: string, seconds: number, adId = id): DashAdPeriod {
  const segs = (ts: number) => {
    const out: { t: number; d: number }[] = [];
    for (let t = 0; t < seconds - 1e-9; t += 2) out.push({ t: Math.round(t * ts), d: Math.round(Math.min(2, seconds - t) * ts) });
    return out;
  };
  const rep = (id: string, ts: number, attrs: Record<string, string>) => ({ attrs: { id, ...attrs }, timescale: ts, pto: 0, startNumber: 1, initialization: `http://127.0.0.1:9/ad/${id}/init.mp4`, media: `http://127.0.0.1:9/ad/${id}/$Number$.m4s`, segments: segs(ts) });
  return {
    id,
    kind: 'ad',
    adId,
    duration: seconds,
    sets: [
      { attrs: { contentType: 'video', mimeType: 'video/mp4' }, descriptors: [], representations: [rep('ad-v', 90000, { bandwidth: '1000000', codecs: 'avc1.4d401f', width: '1280', height: '720' })] },
      { attrs: { contentType: 'audio', mimeType: 'audio/mp4' }, descriptors: [], representations: [rep('ad-a', 48000, { bandwidth: '128000', codecs: 'mp4a.40.2' })] },
    ],
  };
}

export function availPlan(key: number, ads: number[], startOffset = 0): DashAvailPlan {
  return { key, startOffset, periods: ads.map((s, k) => adPeriod(`${key}_${k + 1}`, s)) };
}

export function plan(avails: DashAvailPlan[], over: Partial<DashStitchPlan> = {}): DashStitchPlan {
  return { live: false, originUrl: ORIGIN, avails: new Map(avails.map((a) => [a.key, a])), passthroughMarkers: false, ...over };
}

export interface ReadPeriod {
  id: string;
  start: number;
  duration?: number;
  el: XElement;
  /** Per AdaptationSet: timescale, PTO, startNumber and the segments' [t, d] listed. */
  sets: { contentType: string; timescale: number; pto: number; startNumber: number; segments: [number, number][]; media?: string }[];
  events: string[];
}

/** The stitched MPD read back: each Period's place and what its first Representation would fetch. */
export function readMpd(text: string): { mpd: XElement; periods: ReadPeriod[] } {
  const mpd = parseXml(text).root;
  const periods = childElements(mpd, 'Period').map((p) => {
    const sets = childElements(p, 'AdaptationSet').map((as) => {
      const rep = childElements(as, 'Representation')[0]!;
      const tpl = firstChild(rep, 'SegmentTemplate') ?? firstChild(as, 'SegmentTemplate') ?? firstChild(rep, 'SegmentList') ?? firstChild(as, 'SegmentList') ?? firstChild(rep, 'SegmentBase')!;
      const tl = firstChild(tpl, 'SegmentTimeline');
      const segments: [number, number][] = [];
      if (tl) for (const r of readRuns(tl)) for (let k = 0; k <= r.r; k++) segments.push([r.t + k * r.d, r.d]);
      return {
        contentType: attr(as, 'contentType') ?? '',
        timescale: Number(attr(tpl, 'timescale') ?? 1),
        pto: Number(attr(tpl, 'presentationTimeOffset') ?? 0),
        startNumber: Number(attr(tpl, 'startNumber') ?? 1),
        segments,
        ...(attr(tpl, 'media') ? { media: attr(tpl, 'media')! } : {}),
      };
    });
    const events = childElements(p, 'EventStream').flatMap((es) => childElements(es, 'Event').map((e) => attr(e, 'id') ?? ''));
    const duration = parseDuration(attr(p, 'duration'));
    return { id: attr(p, 'id')!, start: parseDuration(attr(p, 'start'))!, ...(duration !== undefined ? { duration } : {}), el: p, sets, events };
  });
  return { mpd, periods };
}

/** Presentation time (MPD seconds) of each listed segment of a set. */
export function presentation(p: ReadPeriod, set = 0): [number, number][] {
  const s = p.sets[set]!;
  return s.segments.map(([t, d]) => [p.start + (t - s.pto) / s.timescale, d / s.timescale]);
}
