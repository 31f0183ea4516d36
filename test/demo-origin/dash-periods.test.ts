// The demo origin's DASH Period layout, over real generated media: like MediaPackage with "period triggers:
// ADS", a new Period starts at every ad break (and, live, every loop), each break's Period carrying its one
// SCTE-35 Event at its start (MediaTailor MULTI_PERIOD reads only the first Event of a Period). Checked on
// parsed MPDs: Period starts/ids/PTO/startNumber, gap-free presentation times across Periods for video and
// audio, decodable splice_inserts, ids stable across live refreshes, and the ?periods=single variant.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EPOCH_MS } from '../../src/main/demo/origin/timeline.js';
import { safeDecodeScte35, type SpliceInsert } from '../../src/main/scte35/index.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';

let clock = LIVE_EPOCH_MS + 4321 * 100_000;
const now = () => clock;

const LOOP_S = 100;
const VIDEO_TS = 12800;
const AUDIO_TS = 48000;
const AAC_FRAME_S = 1024 / AUDIO_TS;
const MS = 0.001;

// ---- a small reader of the MPDs the origin writes ---------------------------------------------------

interface Segment {
  number: number;
  t: number;
  d: number;
  /** Presentation time: Period@start + (t − PTO) / timescale. */
  start: number;
  end: number;
}

interface Track {
  timescale: number;
  pto: number;
  startNumber: number;
  segments: Segment[];
}

interface MpdEvent {
  id: number;
  presentationTime: number;
  duration: number;
  binary: string;
  /** Presentation time of the Event in seconds: Period@start + (presentationTime − EventStream PTO) / timescale. */
  at: number;
}

interface Period {
  id: string;
  start: number;
  duration?: number;
  video: Track;
  audio: Track;
  events: MpdEvent[];
  eventStreams: number;
}

interface Mpd {
  type: string;
  mediaPresentationDuration?: number;
  periods: Period[];
}

const ARRAYS = new Set(['Period', 'AdaptationSet', 'Representation', 'EventStream', 'Event', 'S']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ARRAYS.has(name) });

function isoSeconds(v: string): number {
  const m = /^PT(\d+(?:\.\d+)?)S$/.exec(v);
  if (!m) throw new Error(`unexpected duration ${v}`);
  return Number(m[1]);
}

/** A parsed XML element (fast-xml-parser output). */
type Node = { [k: string]: any };

function track(as: Node, periodStart: number): Track {
  const tpl = as.SegmentTemplate as Node;
  const timescale = Number(tpl.timescale);
  expect(tpl.presentationTimeOffset, 'every SegmentTemplate carries presentationTimeOffset').toBeDefined();
  const pto = Number(tpl.presentationTimeOffset);
  const startNumber = Number(tpl.startNumber);
  const segments: Segment[] = [];
  let number = startNumber;
  let t = -1;
  for (const s of tpl.SegmentTimeline.S as Node[]) {
    if (s.t !== undefined) t = Number(s.t);
    expect(t, 'first S has @t').toBeGreaterThanOrEqual(0);
    const d = Number(s.d);
    const r = Number(s.r ?? 0);
    expect(r).toBeGreaterThanOrEqual(0);
    for (let k = 0; k <= r; k++) {
      const start = periodStart + (t - pto) / timescale;
      segments.push({ number, t, d, start, end: start + d / timescale });
      number++;
      t += d;
    }
  }
  return { timescale, pto, startNumber, segments };
}

function parseMpd(xml: string): Mpd {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toContain('<BaseURL');
  // Schema order inside a Period: EventStream before AdaptationSet.
  for (const chunk of xml.split('<Period ').slice(1)) {
    const es = chunk.indexOf('<EventStream');
    if (es >= 0) expect(es).toBeLessThan(chunk.indexOf('<AdaptationSet'));
  }
  const doc = parser.parse(xml).MPD as Node;
  const periods = (doc.Period as Node[]).map((p): Period => {
    const start = isoSeconds(p.start);
    const sets = p.AdaptationSet as Node[];
    const video = sets.find((a) => a.contentType === 'video')!;
    const audio = sets.find((a) => a.contentType === 'audio')!;
    const streams = (p.EventStream ?? []) as Node[];
    const events = streams.flatMap((es) => {
      expect(es.schemeIdUri).toBe('urn:scte:scte35:2014:xml+bin');
      const ts = Number(es.timescale);
      const pto = Number(es.presentationTimeOffset ?? 0);
      return ((es.Event ?? []) as Node[]).map((e) => ({
        id: Number(e.id),
        presentationTime: Number(e.presentationTime ?? 0),
        duration: Number(e.duration) / ts,
        binary: String(e['scte35:Signal']['scte35:Binary']),
        at: start + (Number(e.presentationTime ?? 0) - pto) / ts,
      }));
    });
    return {
      id: String(p.id),
      start,
      ...(p.duration !== undefined ? { duration: isoSeconds(p.duration) } : {}),
      video: track(video, start),
      audio: track(audio, start),
      events,
      eventStreams: streams.length,
    };
  });
  return {
    type: String(doc.type),
    ...(doc.mediaPresentationDuration ? { mediaPresentationDuration: isoSeconds(doc.mediaPresentationDuration) } : {}),
    periods,
  };
}

/** Every segment of one track in Period order, checking each Period's own timeline is contiguous. */
function allSegments(mpd: Mpd, kind: 'video' | 'audio'): Segment[] {
  return mpd.periods.flatMap((p) => p[kind].segments);
}

function expectContinuous(segments: Segment[], label: string): void {
  for (let i = 1; i < segments.length; i++) {
    const gap = segments[i]!.start - segments[i - 1]!.end;
    expect(Math.abs(gap), `${label}: gap/overlap before segment #${i} (number ${segments[i]!.number})`).toBeLessThan(MS);
  }
}

function expectSpliceOut(e: MpdEvent, durationSeconds: number): void {
  const decoded = safeDecodeScte35(e.binary);
  expect(decoded.ok, decoded.ok ? '' : decoded.error).toBe(true);
  if (!decoded.ok) return;
  const cmd = decoded.section.spliceCommand as SpliceInsert;
  expect(cmd.type).toBe('splice_insert');
  expect(cmd.spliceEventId).toBe(e.id);
  expect(cmd.outOfNetworkIndicator).toBe(true);
  expect(cmd.spliceEventCancelIndicator).toBe(false);
  expect(cmd.durationFlag).toBe(true);
  expect(cmd.breakDuration?.duration).toBe(durationSeconds * 90000);
  expect(e.duration).toBe(durationSeconds);
}

/** Checks that hold for every Period the origin writes in the multi-Period layout. */
function expectPeriodTiming(p: Period, mediaStart: number): void {
  // Video: the Period begins on a segment boundary, so PTO is exactly the media time of the boundary.
  expect(p.video.timescale).toBe(VIDEO_TS);
  expect(p.video.pto).toBe(mediaStart * VIDEO_TS);
  // Audio: PTO is the same media time in the audio timescale (AAC segments sit a few ms off the grid).
  expect(p.audio.timescale).toBe(AUDIO_TS);
  expect(p.audio.pto).toBe(Math.round(mediaStart * AUDIO_TS));
  expect(p.video.segments.length).toBeGreaterThan(0);
  expect(p.audio.segments.map((s) => s.number)).toEqual(p.video.segments.map((s) => s.number));
  expect(p.video.startNumber).toBe(p.video.segments[0]!.number);
  expect(p.audio.startNumber).toBe(p.video.startNumber);
  // A segment's presentation time is its asset time shifted by the Period's offset on the MPD clock.
  for (const s of p.video.segments) expect(s.start - p.start).toBeCloseTo(s.t / VIDEO_TS - mediaStart, 6);
}

// ---- tests ----------------------------------------------------------------------------------------------

describe('demo origin DASH Periods', () => {
  let e: TestEngine;
  beforeAll(async () => {
    e = await startTestEngine({ now });
  });
  afterAll(async () => e.dispose());

  async function text(path: string): Promise<string> {
    const res = await e.get(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toContain(path.includes('.mpd') ? 'application/dash+xml' : 'mpegurl');
    return res.text();
  }

  describe('VOD', () => {
    let mpd: Mpd;
    beforeAll(async () => {
      mpd = parseMpd(await text('/demo/origin/vod/dash/manifest.mpd'));
    });

    it('starts a Period at 0 s and at each break (20 s, 70 s) with stable ids, PTO and startNumber', () => {
      expect(mpd.type).toBe('static');
      expect(mpd.mediaPresentationDuration).toBe(100);
      expect(mpd.periods.map((p) => p.id)).toEqual(['p0', 'p20', 'p70']);
      expect(mpd.periods.map((p) => p.start)).toEqual([0, 20, 70]);
      expect(mpd.periods.map((p) => p.duration)).toEqual([20, 50, undefined]);
      expect(mpd.periods.map((p) => p.video.startNumber)).toEqual([0, 10, 35]);
      expect(mpd.periods.map((p) => p.video.pto)).toEqual([0, 20 * VIDEO_TS, 70 * VIDEO_TS]);
      expect(mpd.periods.map((p) => p.audio.pto)).toEqual([0, 20 * AUDIO_TS, 70 * AUDIO_TS]);
      for (const p of mpd.periods) {
        expectPeriodTiming(p, p.start);
        // Video PTO is the t of the Period's first segment; audio's first t is within one AAC frame of its PTO.
        expect(p.video.pto).toBe(p.video.segments[0]!.t);
        expect(Math.abs(p.audio.segments[0]!.t - p.audio.pto)).toBeLessThan(1024);
        expect(p.video.segments[0]!.start).toBeCloseTo(p.start, 6);
      }
    });

    it('lists segments 0..49 exactly once per track, gap-free in presentation time across Periods', () => {
      const all = Array.from({ length: 50 }, (_, i) => i);
      for (const kind of ['video', 'audio'] as const) {
        const segs = allSegments(mpd, kind);
        expect(segs.map((s) => s.number), kind).toEqual(all);
        expectContinuous(segs, kind);
        expect(segs[0]!.start).toBe(0);
        expect(segs.at(-1)!.end).toBeCloseTo(100, 3);
      }
      // Video presentation times are the asset's 2 s grid; audio stays within one AAC frame of video.
      const video = allSegments(mpd, 'video');
      const audio = allSegments(mpd, 'audio');
      video.forEach((s, i) => expect(Math.abs(s.start - 2 * i)).toBeLessThan(MS));
      audio.forEach((s, i) => expect(Math.abs(s.start - video[i]!.start)).toBeLessThan(AAC_FRAME_S));
    });

    it('puts exactly one Event at the start of each break Period: id, 20 s duration, decodable splice_insert out', async () => {
      const [p0, p20, p70] = mpd.periods;
      expect(p0!.eventStreams).toBe(0);
      for (const [p, id] of [[p20!, 1], [p70!, 2]] as const) {
        expect(p.eventStreams).toBe(1);
        expect(p.events).toHaveLength(1);
        const ev = p.events[0]!;
        expect(ev.id).toBe(id);
        expect(ev.at).toBe(p.start);
        expect(ev.presentationTime).toBe(p.start * 90000);
        expectSpliceOut(ev, 20);
      }
      // Same break ids as the HLS DATERANGE packaging.
      const hls = await text('/demo/origin/vod/hls-ts-daterange/720p.m3u8');
      expect([...hls.matchAll(/#EXT-X-DATERANGE:ID="splice-(\d+)",START-DATE="[^"]+",PLANNED/g)].map((m) => Number(m[1]))).toEqual([1, 2]);
    });

    it('keeps the single-Period layout under ?periods=single', async () => {
      const single = parseMpd(await text('/demo/origin/vod/dash/manifest.mpd?periods=single'));
      expect(single.type).toBe('static');
      expect(single.mediaPresentationDuration).toBe(100);
      expect(single.periods).toHaveLength(1);
      const [p] = single.periods;
      expect(p!.id).toBe('p0');
      expect(p!.start).toBe(0);
      expect(p!.eventStreams).toBe(1);
      expect(p!.events.map((ev) => [ev.id, ev.at, ev.duration])).toEqual([
        [1, 20, 20],
        [2, 70, 20],
      ]);
      for (const ev of p!.events) expectSpliceOut(ev, 20);
      for (const kind of ['video', 'audio'] as const) {
        expect(p![kind].pto).toBe(0);
        expect(p![kind].segments.map((s) => s.number)).toEqual(Array.from({ length: 50 }, (_, i) => i));
        expectContinuous(p![kind].segments, kind);
      }
      // Same segments and presentation times as the multi-Period MPD.
      expect(allSegments(single, 'audio').map((s) => s.start)).toEqual(allSegments(mpd, 'audio').map((s) => expect.closeTo(s.start, 6)));
    });

    it('rejects any other periods value with a 400 that explains the option', async () => {
      for (const v of ['multi', 'SINGLE', '', 'single&periods=single']) {
        const r = await e.json<{ message: string }>(`/demo/origin/vod/dash/manifest.mpd?periods=${v}`);
        expect(r.status, v).toBe(400);
        expect(r.body.message).toContain('periods=single');
      }
      expect((await e.json('/demo/origin/live/dash/manifest.mpd?periods=2')).status).toBe(400);
      // Not a DASH option: HLS ignores it.
      expect((await e.get('/demo/origin/vod/hls-fmp4/720p.m3u8?periods=single')).status).toBe(200);
    });

    it('serves ad creatives as one Period without Events, whatever is asked', async () => {
      for (const q of ['', '?periods=single']) {
        const ad = parseMpd(await text(`/demo/ads/media/ad2/dash/manifest.mpd${q}`));
        expect(ad.periods).toHaveLength(1);
        expect(ad.periods[0]!.eventStreams).toBe(0);
        expect(ad.mediaPresentationDuration).toBe(20);
        expect(ad.periods[0]!.video.segments.map((s) => s.number)).toEqual(Array.from({ length: 10 }, (_, i) => i));
      }
    });
  });

  describe('live', () => {
    const loop = 4321;
    const loopStart = LIVE_EPOCH_MS + loop * LOOP_S * 1000;

    async function liveAt(ms: number, query = ''): Promise<{ xml: string; mpd: Mpd }> {
      clock = ms;
      const xml = await text(`/demo/origin/live/dash/manifest.mpd${query}`);
      return { xml, mpd: parseMpd(xml) };
    }

    /** The HLS DATERANGE packaging's break ids at the current clock. */
    async function hlsBreakIds(): Promise<number[]> {
      const hls = await text('/demo/origin/live/hls-ts-daterange/720p.m3u8');
      return [...new Set([...hls.matchAll(/#EXT-X-DATERANGE:ID="splice-(\d+)",START-DATE="[^"]+",PLANNED/g)].map((m) => Number(m[1])))];
    }

    function expectLiveLayout(xml: string, mpd: Mpd, nowMs: number): void {
      expect(mpd.type).toBe('dynamic');
      expect(xml.trimEnd()).toMatch(/<UTCTiming schemeIdUri="urn:mpeg:dash:utc:http-iso:2014" value="[^"]+\/demo\/origin\/time"\/><\/MPD>$/);
      // The window: 15 video segments ending at the newest fully elapsed one, on the HLS timeline (seq · 2 s).
      const latest = Math.floor((nowMs - LIVE_EPOCH_MS) / 2000) - 1;
      const video = allSegments(mpd, 'video');
      const audio = allSegments(mpd, 'audio');
      expect(video).toHaveLength(15);
      expect(audio).toHaveLength(15);
      video.forEach((s, i) => expect(Math.abs(s.start - (latest - 14 + i) * 2)).toBeLessThan(MS));
      expectContinuous(video, 'video');
      expectContinuous(audio, 'audio');
      audio.forEach((s, i) => expect(Math.abs(s.start - video[i]!.start)).toBeLessThan(AAC_FRAME_S));
      for (const [i, p] of mpd.periods.entries()) {
        // Period@start on the availabilityStartTime clock: loop · 100 s + asset time, asset time ∈ {0, 20, 70}.
        const n = Math.floor(p.start / LOOP_S + 1e-9);
        const at = Math.round((p.start - n * LOOP_S) * 1000) / 1000;
        expect([0, 20, 70]).toContain(at);
        expect(p.id).toBe(`loop-${n}-${at}`);
        expectPeriodTiming(p, at);
        const next = mpd.periods[i + 1];
        if (next) expect(p.duration).toBeCloseTo(next.start - p.start, 6);
        // Segments lie inside their Period (a loop's Periods: [0,20) [20,70) [70,100)).
        const end = n * LOOP_S + (at === 0 ? 20 : at === 20 ? 70 : 100);
        for (const s of p.video.segments) {
          expect(s.start).toBeGreaterThanOrEqual(p.start - MS);
          expect(s.end).toBeLessThanOrEqual(end + MS);
        }
        // Break Periods carry exactly their break's Event at their start; the others none.
        if (at === 0) expect(p.eventStreams).toBe(0);
        else {
          expect(p.events).toHaveLength(1);
          const ev = p.events[0]!;
          expect(ev.id).toBe(n * 2 + (at === 20 ? 1 : 2));
          expect(ev.at).toBeCloseTo(p.start, 6);
          expectSpliceOut(ev, 20);
        }
      }
    }

    // Clock offsets into a loop (ms): the window spanning the previous loop's end, a break start, the
    // middle of a break, a break's end, the whole of the 20–70 Period, the second break, the loop's end.
    const offsets = [500, 10_000, 21_000, 24_000, 33_000, 41_000, 47_000, 62_000, 71_000, 80_000, 91_000, 99_999];

    it.each(offsets)('at %i ms into a loop: Periods, ids and PTO are consistent and stable 2 s later', async (offset) => {
      const t0 = loopStart + offset;
      const a = await liveAt(t0);
      expectLiveLayout(a.xml, a.mpd, t0);
      const b = await liveAt(t0 + 2000);
      expectLiveLayout(b.xml, b.mpd, t0 + 2000);
      // Same id ⇒ same start, PTO and Event; the window moved by one segment.
      const shared = a.mpd.periods.filter((p) => b.mpd.periods.some((q) => q.id === p.id));
      expect(shared.length).toBeGreaterThan(0);
      for (const p of shared) {
        const q = b.mpd.periods.find((x) => x.id === p.id)!;
        expect([q.start, q.video.pto, q.audio.pto]).toEqual([p.start, p.video.pto, p.audio.pto]);
        expect(q.events.map((ev) => [ev.id, ev.at, ev.binary])).toEqual(p.events.map((ev) => [ev.id, ev.at, ev.binary]));
      }
      const startsA = allSegments(a.mpd, 'video').map((s) => s.start);
      const startsB = allSegments(b.mpd, 'video').map((s) => s.start);
      expect(startsB.slice(0, 14)).toEqual(startsA.slice(1));
    });

    it('lists the Periods of the example window 10 s into a loop', async () => {
      const { mpd } = await liveAt(loopStart + 10_000);
      // Window: 80–100 s of the previous loop (inside the Period opened by its 70 s break) and 0–10 s of this one.
      expect(mpd.periods.map((p) => [p.id, p.start])).toEqual([
        [`loop-${loop - 1}-70`, (loop - 1) * LOOP_S + 70],
        [`loop-${loop}-0`, loop * LOOP_S],
      ]);
      expect(mpd.periods[0]!.events.map((ev) => ev.id)).toEqual([(loop - 1) * 2 + 2]);
      expect(mpd.periods[0]!.video.startNumber).toBe(40);
      expect(mpd.periods[1]!.video.startNumber).toBe(0);
    });

    it('shows a mid-break joiner the break Event, and keeps it while any segment of its Period is listed', async () => {
      // The window's first segment 6 s into the break at 20 s.
      const mid = loopStart + (26 + 15 * 2) * 1000 + 1;
      const { xml, mpd } = await liveAt(mid);
      expectLiveLayout(xml, mpd, mid);
      expect(mpd.periods.map((p) => p.id)).toEqual([`loop-${loop}-20`]);
      expect(mpd.periods[0]!.video.segments[0]!.start).toBeCloseTo(loop * LOOP_S + 26, 6);
      expect(mpd.periods[0]!.events.map((ev) => [ev.id, ev.at])).toEqual([[loop * 2 + 1, loop * LOOP_S + 20]]);
      expect(await hlsBreakIds()).toEqual([loop * 2 + 1]);
      // After the break ended (window 40–70 s): the Period that began at the break is still listed with its Event.
      const after = loopStart + 70_000 + 1;
      const late = await liveAt(after);
      expectLiveLayout(late.xml, late.mpd, after);
      expect(late.mpd.periods[0]!.video.segments[0]!.start).toBeCloseTo(loop * LOOP_S + 40, 6);
      expect(late.mpd.periods.map((p) => p.id)).toEqual([`loop-${loop}-20`]);
      expect(late.mpd.periods[0]!.events.map((ev) => ev.id)).toEqual([loop * 2 + 1]);
      // Once the window moves past it, the Period (and its Event) is gone.
      const gone = await liveAt(loopStart + (70 + 30) * 1000 + 1);
      expect(gone.mpd.periods.map((p) => p.id)).toEqual([`loop-${loop}-70`]);
      expect(gone.mpd.periods[0]!.events.map((ev) => ev.id)).toEqual([loop * 2 + 2]);
    });

    it('keeps one Period per loop with every Event of the window under ?periods=single', async () => {
      // Window 82–100 s of the previous loop and 0–10 s of this one: one Period per loop.
      let { mpd } = await liveAt(loopStart + 10_000, '?periods=single');
      expect(mpd.periods.map((p) => [p.id, p.start])).toEqual([
        [`loop-${loop - 1}`, (loop - 1) * LOOP_S],
        [`loop-${loop}`, loop * LOOP_S],
      ]);
      expect(mpd.periods[0]!.events.map((ev) => [ev.id, ev.at])).toEqual([[(loop - 1) * 2 + 2, (loop - 1) * LOOP_S + 70]]);
      expect(mpd.periods[1]!.eventStreams).toBe(0);
      for (const p of mpd.periods) expect([p.video.pto, p.audio.pto]).toEqual([0, 0]);
      expectContinuous(allSegments(mpd, 'video'), 'video');
      expectContinuous(allSegments(mpd, 'audio'), 'audio');
      // A mid-break joiner sees the break's Event at its asset time in the loop's Period.
      ({ mpd } = await liveAt(loopStart + (26 + 30) * 1000 + 1, '?periods=single'));
      expect(mpd.periods.map((p) => p.id)).toEqual([`loop-${loop}`]);
      expect(mpd.periods[0]!.events.map((ev) => [ev.id, ev.at])).toEqual([[loop * 2 + 1, loop * LOOP_S + 20]]);
      expectSpliceOut(mpd.periods[0]!.events[0]!, 20);
    });
  });
});
