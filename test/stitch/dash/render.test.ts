// The DASH writer on synthetic MPDs: content cut around breaks so it resumes exactly where it left off, one
// Period per ad, VOD replace vs live time-aligned, live refresh consistency, addressing forms, BaseURL/Location.
import { describe, expect, it } from 'vitest';
import { findDashBreaks } from '../../../src/main/stitch/dash/markers.js';
import { stitchMpd } from '../../../src/main/stitch/dash/render.js';
import { scanMpd } from '../../../src/main/stitch/dash/scan.js';
import { availPlan, plan, presentation, readMpd, spliceOut, synthMpd, ORIGIN } from './helpers.js';

function stitch(text: string, p: ReturnType<typeof plan>, type: 'SINGLE_PERIOD' | 'MULTI_PERIOD' = 'SINGLE_PERIOD') {
  const scan = scanMpd(text);
  const r = stitchMpd(scan, p, findDashBreaks(scan, type).breaks);
  return { ...r, read: readMpd(r.text) };
}

describe('VOD, single period with two breaks', () => {
  // 100 s of 2 s segments; breaks at 20 s (20 s) and 70 s (20 s).
  const mpd = synthMpd([{ id: 'main', start: 0, seg: 2, count: 50, events: [{ at: 20, duration: 20, id: 1 }, { at: 70, duration: 20, id: 2 }] }]);

  it('cuts content at each break, puts one Period per ad, and resumes content after the break', () => {
    const { read, periods } = stitch(mpd, plan([availPlan(20000, [10, 10]), availPlan(70000, [10, 10])]));
    expect(periods.map((p) => [p.id, p.kind, p.start, p.duration])).toEqual([
      ['main', 'content', 0, 20],
      ['20000_1', 'ad', 20, 10],
      ['20000_2', 'ad', 30, 10],
      ['main_40000', 'content', 40, 30],
      ['70000_1', 'ad', 70, 10],
      ['70000_2', 'ad', 80, 10],
      ['main_90000', 'content', 90, 10],
    ]);
    const content = read.periods.filter((p) => p.id.startsWith('main'));
    // Segment numbers continue: 1–10, 21–35, 46–50; PTO moves so presentation time = media time (no shift).
    expect(content.map((p) => [p.sets[0]!.startNumber, p.sets[0]!.segments.length, p.sets[0]!.pto])).toEqual([
      [1, 10, 0],
      [21, 15, 40 * 90000],
      [46, 5, 90 * 90000],
    ]);
    for (const p of content) for (const [at, , t] of presentation(p).map(([a, d], i) => [a, d, p.sets[0]!.segments[i]![0]] as const)) expect(at).toBeCloseTo(t / 90000, 6);
    // Audio (48 kHz) agrees with video.
    expect(content.map((p) => [p.sets[1]!.startNumber, p.sets[1]!.pto])).toEqual([[1, 0], [21, 40 * 48000], [46, 90 * 48000]]);
    // The SCTE-35 Events of replaced breaks are gone (ads now stand in their place).
    expect(read.periods.flatMap((p) => p.events)).toEqual([]);
    expect(read.mpd.attrs.mediaPresentationDuration).toBe('PT100S');
  });

  it('ad Periods list the ad segments with absolute URLs and their own timescale', () => {
    const { read } = stitch(mpd, plan([availPlan(20000, [10, 10])]));
    const ad = read.periods.find((p) => p.id === '20000_1')!;
    expect(ad.sets.map((s) => [s.contentType, s.timescale, s.segments.length])).toEqual([['video', 90000, 5], ['audio', 48000, 5]]);
    expect(ad.sets[0]!.media).toBe('http://127.0.0.1:9/ad/ad-v/$Number$.m4s');
  });

  it('a break longer than its ads: VOD drops the rest of the break and later Periods move earlier', () => {
    const { periods, read } = stitch(mpd, plan([availPlan(20000, [10])]));
    expect(periods.map((p) => [p.id, p.start, p.duration])).toEqual([
      ['main', 0, 20],
      ['20000_1', 20, 10],
      ['main_40000', 30, 60],
    ]);
    expect(read.mpd.attrs.mediaPresentationDuration).toBe('PT90S');
    const after = read.periods[2]!;
    // Content resumes at media 40 s exactly where the break ended.
    expect(presentation(after)[0]).toEqual([30, 2]);
    expect(after.sets[0]!.segments[0]![0]).toBe(40 * 90000);
    // The unfilled second break keeps its Event (content plays, a client could still act on it).
    expect(read.periods.flatMap((p) => p.events)).toEqual(['2']);
  });

  it('an avail without ads (ADS timeout, empty VAST) leaves the content as the origin had it', () => {
    const { periods, read } = stitch(mpd, plan([]));
    expect(periods.map((p) => p.id)).toEqual(['main']);
    expect(read.periods[0]!.sets[0]!.segments).toHaveLength(50);
    expect(read.periods[0]!.events).toEqual(['1', '2']);
  });

  it('AdMarkerPassthrough moves the Event of a replaced break to the start of its first ad Period', () => {
    const { read } = stitch(mpd, plan([availPlan(20000, [10, 10])], { passthroughMarkers: true }));
    expect(read.periods.map((p) => [p.id, p.events])).toEqual([['main', []], ['20000_1', ['1']], ['20000_2', []], ['main_40000', ['2']]]);
    const es = read.periods[1]!.el.children[0] as { name: string; attrs: Record<string, string> };
    expect([es.name, es.attrs.presentationTimeOffset, es.attrs.schemeIdUri]).toEqual(['EventStream', String(20 * 90000), 'urn:scte:scte35:2014:xml+bin']);
  });
});

describe('edge cases', () => {
  it('a break at time 0 starts with the ads (no empty content Period)', () => {
    const mpd = synthMpd([{ id: 'main', start: 0, seg: 2, count: 30, events: [{ at: 0, duration: 10, id: 7 }] }], { duration: 60 });
    const { periods, read } = stitch(mpd, plan([availPlan(0, [10])]));
    expect(periods.map((p) => [p.id, p.start])).toEqual([['0_1', 0], ['main_10000', 10]]);
    expect(read.periods[1]!.sets[0]!.startNumber).toBe(6);
    expect(read.periods[1]!.sets[0]!.pto).toBe(10 * 90000);
  });

  it('back-to-back breaks become consecutive ad Periods with no content between', () => {
    const mpd = synthMpd([{ id: 'main', start: 0, seg: 2, count: 30, events: [{ at: 10, duration: 10, id: 1 }, { at: 20, duration: 10, id: 2 }] }], { duration: 60 });
    const { periods } = stitch(mpd, plan([availPlan(10000, [10]), availPlan(20000, [10])]));
    expect(periods.map((p) => [p.id, p.start, p.duration])).toEqual([
      ['main', 0, 10],
      ['10000_1', 10, 10],
      ['20000_1', 20, 10],
      ['main_30000', 30, 30],
    ]);
  });

  it('a zero-length VOD insertion (VMAP mid-roll) adds ads and moves the rest later', () => {
    const mpd = synthMpd([{ id: 'main', start: 0, seg: 2, count: 30 }], { duration: 60 });
    const scan = scanMpd(mpd);
    const r = stitchMpd(scan, plan([availPlan(-1, [10])]), [{ key: -1, periodIndex: 0, offset: 30, durationSeconds: 0 }]);
    const read = readMpd(r.text);
    expect(r.periods.map((p) => [p.id, p.start, p.duration])).toEqual([['main', 0, 30], ['-1_1', 30, 10], ['main_30000', 40, 30]]);
    expect(read.mpd.attrs.mediaPresentationDuration).toBe('PT70S');
  });

  it('MULTI_PERIOD uses only the first Event of a Period; SINGLE_PERIOD every Event', () => {
    const mpd = synthMpd([{ id: 'main', start: 0, seg: 2, count: 50, events: [{ at: 20, duration: 20, id: 1 }, { at: 70, duration: 20, id: 2 }] }]);
    const scan = scanMpd(mpd);
    expect(findDashBreaks(scan, 'MULTI_PERIOD').breaks.map((b) => b.key)).toEqual([20000]);
    expect(findDashBreaks(scan, 'MULTI_PERIOD').ignored[0]!.reason).toMatch(/first Event/);
    expect(findDashBreaks(scan, 'SINGLE_PERIOD').breaks.map((b) => b.key)).toEqual([20000, 70000]);
  });

  it('multi-period origin whose break Period is entirely an avail: the Period is replaced', () => {
    const mpd = synthMpd([
      { id: 'a', start: 0, duration: 20, seg: 2, count: 10 },
      { id: 'b', start: 20, duration: 20, seg: 2, count: 10, t0: 20, startNumber: 11, events: [{ at: 0, duration: 20, id: 9 }] },
      { id: 'c', start: 40, seg: 2, count: 10, t0: 40, startNumber: 21 },
    ], { duration: 60 });
    const { periods, read } = stitch(mpd, plan([availPlan(20000, [15])]), 'MULTI_PERIOD');
    expect(periods.map((p) => [p.id, p.kind, p.start])).toEqual([['a', 'content', 0], ['20000_1', 'ad', 20], ['c', 'content', 35]]);
    expect(read.mpd.attrs.mediaPresentationDuration).toBe('PT55S');
    expect(presentation(read.periods[2]!)[0]).toEqual([35, 2]);
  });
});

describe('subtitles', () => {
  it('a text AdaptationSet is kept (and cut) in every content piece; ad Periods carry only the ad’s sets', () => {
    const text = '<AdaptationSet id="3" contentType="text" mimeType="text/vtt" lang="en"><SegmentTemplate timescale="1000" media="t/$Number$.vtt" startNumber="1"><SegmentTimeline><S t="0" d="2000" r="49"/></SegmentTimeline></SegmentTemplate><Representation id="sub" bandwidth="1"/></AdaptationSet>';
    const mpd = synthMpd([{ id: 'main', start: 0, seg: 2, count: 50, events: [{ at: 20, duration: 20, id: 1 }] }]).replace('</Period>', `${text}</Period>`);
    const { read } = stitch(mpd, plan([availPlan(20000, [20])]));
    expect(read.periods.map((p) => [p.id, p.sets.map((s) => s.contentType)])).toEqual([
      ['main', ['video', 'audio', 'text']],
      ['20000_1', ['video', 'audio']],
      ['main_40000', ['video', 'audio', 'text']],
    ]);
    expect(read.periods[2]!.sets[2]!.startNumber).toBe(21);
  });
});

describe('BaseURL, Location and preservation', () => {
  const mpd = synthMpd([{ id: 'main', start: 0, seg: 2, count: 10, events: [{ at: 10, duration: 4, id: 1 }], extra: '<SupplementalProperty schemeIdUri="urn:x:y" value="1"/>' }], {
    duration: 20,
    head: '<ProgramInformation><Title>t</Title></ProgramInformation><Location>http://origin.example/manifest.mpd</Location><x:Thing xmlns:x="urn:example:x" a="b"/>',
  });

  it('adds an absolute content BaseURL and the session Location, dropping the origin Location', () => {
    const { text } = stitch(mpd, plan([availPlan(10000, [4])], { location: 'http://127.0.0.1:1/v1/dash/a/c/x.mpd?aws.sessionId=s&amp=1' }));
    expect(text).toContain('<ProgramInformation><Title>t</Title></ProgramInformation><BaseURL>http://127.0.0.1:9/content/vod/</BaseURL><Location>http://127.0.0.1:1/v1/dash/a/c/x.mpd?aws.sessionId=s&amp;amp=1</Location>');
    expect(text).not.toContain('origin.example');
    // Unknown namespaces and elements survive, in every content piece.
    expect(text).toContain('<x:Thing xmlns:x="urn:example:x" a="b"/>');
    expect(text.match(/<SupplementalProperty schemeIdUri="urn:x:y" value="1"\/>/g)).toHaveLength(2);
  });

  it('resolves a relative MPD BaseURL against the origin and applies the CDN content prefix', () => {
    const rel = mpd.replace('<ProgramInformation>', '<BaseURL>media/</BaseURL><ProgramInformation>');
    const { text } = stitch(rel, plan([], { contentUrl: (u) => u.replace('http://127.0.0.1:9/content', 'https://cdn.example/c') }));
    expect(text).toContain('<BaseURL>https://cdn.example/c/vod/media/</BaseURL>');
    expect(text).not.toContain('<Location>');
  });
});

describe('addressing forms', () => {
  it('a number-based SegmentTemplate (@duration) is cut into explicit timelines with the same numbers', () => {
    const mpd = `<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT60S"><Period id="1" duration="PT60S"><EventStream schemeIdUri="urn:scte:scte35:2013:xml" timescale="1"><Event presentationTime="30" duration="10" id="1"><SpliceInfoSection xmlns="http://www.scte.org/schemas/35/2016"><SpliceInsert spliceEventId="1" outOfNetworkIndicator="true"><BreakDuration autoReturn="true" duration="900000"/></SpliceInsert></SpliceInfoSection></Event></EventStream><AdaptationSet contentType="video" mimeType="video/mp4"><Representation id="r" bandwidth="1" codecs="avc1.4d401f"><SegmentTemplate media="s-$Number%05d$.m4s" initialization="i.mp4" timescale="1000" duration="4000" startNumber="1"/></Representation></AdaptationSet></Period></MPD>`;
    const { read, periods } = stitch(mpd, plan([availPlan(30000, [10])]));
    expect(periods.map((p) => [p.id, p.start, p.duration])).toEqual([['1', 0, 30], ['30000_1', 30, 10], ['1_40000', 40, 20]]);
    const [a, , b] = read.periods;
    // [0,30): segments 1–8 (the 8th, 28–32 s, straddles the cut); [40,60): 11–15 starting at 40 s.
    expect([a!.sets[0]!.startNumber, a!.sets[0]!.segments.length, a!.sets[0]!.segments[0]]).toEqual([1, 8, [0, 4000]]);
    expect([b!.sets[0]!.startNumber, b!.sets[0]!.pto, b!.sets[0]!.segments[0]]).toEqual([11, 40000, [40000, 4000]]);
    expect(b!.el.children.length).toBeGreaterThan(0);
  });

  it('SegmentList keeps the SegmentURLs of its piece; SegmentBase moves presentationTimeOffset', () => {
    const urls = Array.from({ length: 10 }, (_, i) => `<SegmentURL media="s${i + 1}.m4s"/>`).join('');
    const mpd = `<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT20S"><Period id="1"><EventStream schemeIdUri="urn:scte:scte35:2014:xml+bin" timescale="1"><Event presentationTime="10" duration="4" id="1"><Signal xmlns="http://www.scte.org/schemas/35/2016"><Binary>${'__B__'}</Binary></Signal></Event></EventStream><AdaptationSet contentType="video" mimeType="video/mp4"><Representation id="v" bandwidth="1" codecs="avc1.4d401f"><SegmentList timescale="10" duration="20"><Initialization sourceURL="init.mp4"/>${urls}</SegmentList></Representation></AdaptationSet><AdaptationSet contentType="audio" mimeType="audio/mp4"><Representation id="a" bandwidth="1" codecs="mp4a.40.2"><BaseURL>audio.mp4</BaseURL><SegmentBase timescale="48000" indexRange="800-999"><Initialization range="0-799"/></SegmentBase></Representation></AdaptationSet></Period></MPD>`;
    const { text, periods } = stitch(mpd.replace('__B__', spliceOut(1, 4)), plan([availPlan(10000, [4])]));
    expect(periods.map((p) => p.id)).toEqual(['1', '10000_1', '1_14000']);
    const after = text.slice(text.indexOf('id="1_14000"'));
    expect(after.match(/<SegmentURL media="s(\d+)\.m4s"\/>/g)).toEqual(['<SegmentURL media="s8.m4s"/>', '<SegmentURL media="s9.m4s"/>', '<SegmentURL media="s10.m4s"/>']);
    expect(after).toContain('<SegmentList timescale="10" presentationTimeOffset="140" startNumber="8"><Initialization sourceURL="init.mp4"/><SegmentTimeline><S t="140" d="20" r="2"/></SegmentTimeline>');
    expect(after).toContain('<SegmentBase timescale="48000" indexRange="800-999" presentationTimeOffset="672000">');
  });
});


describe('live (dynamic), time-aligned and consistent across refreshes', () => {
  /** A 60 s window ending at `edge` (2 s segments), one Period from 0, a 20 s break at 100 s. */
  function window(edge: number) {
    const first = edge - 60;
    return synthMpd([{ id: 'live', start: 0, seg: 2, count: 30, t0: 0, events: [{ at: 100, duration: 20, id: 5 }] }], { dynamic: true }).replace(/<S t="0" d="(\d+)" r="29"\/>/g, (_m, d) => `<S t="${(first * Number(d)) / 2}" d="${d}" r="29"/>`).replace(/startNumber="1"/g, `startNumber="${first / 2 + 1}"`);
  }

  it('ads list only what the edge has reached; content after them appears once the edge passes', () => {
    const p = plan([availPlan(100000, [10, 10])], { live: true });
    const at = (edge: number) => stitch(window(edge), p);
    const before = at(98);
    expect(before.periods.map((x) => x.id)).toEqual(['live']);
    const mid = at(112);
    expect(mid.periods.map((x) => x.id)).toEqual(['live', '100000_1', '100000_2']);
    // 100000_1 complete (5 segments), 100000_2 has 1 (110–112).
    expect(mid.read.periods.slice(1).map((x) => x.sets[0]!.segments.length)).toEqual([5, 1]);
    const after = at(130);
    expect(after.periods.map((x) => [x.id, x.start])).toEqual([['live', 0], ['100000_1', 100], ['100000_2', 110], ['live_120000', 120]]);
    expect(presentation(after.read.periods[3]!)[0]).toEqual([120, 2]);
    // Every refresh agrees on ids and starts.
    expect(mid.periods.slice(0, 3).map((x) => [x.id, x.start])).toEqual(after.periods.slice(0, 3).map((x) => [x.id, x.start]));
  });

  it('an ad whose audio runs a few ms past its Period is listed whole once the edge passes its end — no hole before the content', () => {
    const avail = availPlan(100000, [10, 10]);
    // AAC: five audio segments of 2.0053 s in a 10 s Period.
    for (const ad of avail.periods) ad.sets[1]!.representations[0]!.segments = Array.from({ length: 5 }, (_, k) => ({ t: k * 96256, d: 96256 }));
    const r = stitch(window(120), plan([avail], { live: true }));
    expect(r.periods.map((x) => [x.id, x.start])).toEqual([['live', 0], ['100000_1', 100], ['100000_2', 110]]);
    expect(r.read.periods[2]!.sets.map((s) => s.segments.length)).toEqual([5, 5]);
    expect(stitch(window(122), plan([avail], { live: true })).periods.map((x) => x.id)).toEqual(['live', '100000_1', '100000_2', 'live_120000']);
    // While the edge is inside the second ad, its audio waits for its segment to be complete.
    const mid = stitch(window(112), plan([avail], { live: true }));
    expect(mid.periods.map((x) => x.id)).toEqual(['live', '100000_1']);
  });

  it('time-aligned: a break longer than its ads shows content for the rest (nothing shifts)', () => {
    const r = stitch(window(130), plan([availPlan(100000, [10])], { live: true }));
    expect(r.periods.map((x) => [x.id, x.start])).toEqual([['live', 0], ['100000_1', 100], ['live_110000', 110]]);
  });

  it('ad Periods that slid out of the window are removed with the content before them', () => {
    const r = stitch(window(200), plan([availPlan(100000, [10, 10])], { live: true }));
    // Window 140–200: the break (100–120) is gone; only content after it remains.
    expect(r.periods.map((x) => x.id)).toEqual(['live_120000']);
    expect(r.read.mpd.attrs.type).toBe('dynamic');
  });
});

it('ORIGIN constant is absolute', () => expect(new URL(ORIGIN).protocol).toBe('http:'));
