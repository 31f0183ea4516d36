// The demo origin over real generated media: VOD and live manifests in every packaging carry SCTE-35
// markers at the right places, segments are served, and the live window follows the wall clock.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCatalog } from '../../src/shared/catalog.js';
import { LIVE_EPOCH_MS } from '../../src/main/demo/origin/timeline.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { spliceInsertOut, toBase64 } from '../../src/main/scte35/index.js';

let clock = LIVE_EPOCH_MS + 1_000_000 * 1000 + 123; // deep into the channel's life
const now = () => clock;

async function text(e: TestEngine, path: string): Promise<string> {
  const res = await e.get(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

function segmentUris(playlist: string): string[] {
  return playlist.split('\n').filter((l) => l && !l.startsWith('#'));
}

describe('demo origin', () => {
  let e: TestEngine;
  let catalog: DemoCatalog;
  beforeAll(async () => {
    e = await startTestEngine({ now });
    catalog = (await e.json<DemoCatalog>('/demo/catalog')).body;
  });
  afterAll(async () => e.dispose());

  it('lists VOD and live assets in HLS TS, HLS fMP4 and DASH, with paths under the demo configuration', async () => {
    const ids = catalog.assets.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['vod-hls-ts', 'vod-hls-ts-daterange', 'vod-hls-fmp4', 'vod-dash', 'live-hls-ts', 'live-dash']));
    for (const a of catalog.assets) expect(a.originUrl).toBe(`${catalog.videoContentSourceUrl}/${a.path}`);
    expect(catalog.ads.map((a) => a.title)).toContain('AD 1 — 10 s');
  });

  it('serves a VOD HLS TS asset of ≥ 60 s in two renditions with CUE-OUT/CUE-IN and a decodable splice_insert', async () => {
    const master = await text(e, '/demo/origin/vod/hls-ts/master.m3u8');
    expect(master.match(/#EXT-X-STREAM-INF/g)).toHaveLength(2);
    expect(master).toContain('RESOLUTION=1280x720');
    expect(master).toContain('CODECS="avc1.4d401f,mp4a.40.2"');
    const media = await text(e, '/demo/origin/vod/hls-ts/720p.m3u8');
    const total = [...media.matchAll(/#EXTINF:([\d.]+)/g)].reduce((s, m) => s + Number(m[1]), 0);
    expect(total).toBeGreaterThanOrEqual(60);
    expect(media).toContain('#EXT-X-ENDLIST');
    expect(media.match(/#EXT-X-CUE-OUT:DURATION=20\.000/g)).toHaveLength(2);
    expect(media.match(/#EXT-X-CUE-IN/g)).toHaveLength(2);
    expect(media).toContain('#EXT-X-CUE-OUT-CONT:ElapsedTime=2.000,Duration=20.000');
    // The CUE-OUT sits before the segment at 20 s (index 10), the CUE-IN before the one at 40 s.
    const lines = media.split('\n');
    const cueOut = lines.indexOf('#EXT-X-CUE-OUT:DURATION=20.000');
    expect(lines.slice(cueOut).find((l) => !l.startsWith('#'))).toBe('720p/seg_00010.ts');
    const oatcls = lines.find((l) => l.startsWith('#EXT-OATCLS-SCTE35:'))!.split(':')[1]!;
    expect(oatcls).toBe(toBase64(spliceInsertOut({ eventId: 1, ptsTime: Math.round(21.4 * 90000), durationSeconds: 20 })));
    const seg = await e.get(`/demo/origin/vod/hls-ts/${segmentUris(media)[0]}`);
    expect(seg.status).toBe(200);
    const bytes = new Uint8Array(await seg.arrayBuffer());
    expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
    expect(bytes.length % 188).toBe(0);
  });

  it('signals the same breaks as EXT-X-DATERANGE with SCTE35-OUT/IN in the daterange variant', async () => {
    const media = await text(e, '/demo/origin/vod/hls-ts-daterange/360p.m3u8');
    expect(media).toContain('#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:00.000Z');
    const outs = media.match(/#EXT-X-DATERANGE:ID="splice-\d+",START-DATE="[^"]+",PLANNED-DURATION=20\.000,SCTE35-OUT=0xFC[0-9A-F]+/g);
    expect(outs).toHaveLength(2);
    expect(outs![0]).toContain('START-DATE="2026-01-01T00:00:20.000Z"');
    expect(media.match(/SCTE35-IN=0xFC[0-9A-F]+/g)).toHaveLength(2);
    expect(media).not.toContain('CUE-OUT');
  });

  it('serves HLS fMP4 with an audio rendition, EXT-X-MAP and fMP4 segments', async () => {
    const master = await text(e, '/demo/origin/vod/hls-fmp4/master.m3u8');
    expect(master).toMatch(/#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac".*URI="audio.m3u8"/);
    expect(master).toContain('AUDIO="aac"');
    const video = await text(e, '/demo/origin/vod/hls-fmp4/720p.m3u8');
    expect(video).toContain('#EXT-X-MAP:URI="720p/init.mp4"');
    const audio = await text(e, '/demo/origin/vod/hls-fmp4/audio.m3u8');
    expect(segmentUris(audio)).toHaveLength(segmentUris(video).length);
    const init = new Uint8Array(await (await e.get('/demo/origin/vod/hls-fmp4/720p/init.mp4')).arrayBuffer());
    expect(new TextDecoder().decode(init.slice(4, 8))).toBe('ftyp');
  });

  it('serves a valid static DASH MPD with a Period per ad break, each carrying its binary splice_insert Event', async () => {
    const mpd = await text(e, '/demo/origin/vod/dash/manifest.mpd');
    expect(XMLValidator.validate(mpd)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(mpd);
    expect(doc.MPD.type).toBe('static');
    const periods = doc.MPD.Period;
    expect(periods.map((p: { id: string; start: string }) => [p.id, p.start])).toEqual([
      ['p0', 'PT0S'],
      ['p20', 'PT20S'],
      ['p70', 'PT70S'],
    ]);
    expect(periods[0].EventStream).toBeUndefined();
    const es = periods[1].EventStream;
    expect(es.schemeIdUri).toBe('urn:scte:scte35:2014:xml+bin');
    // One Event, at the Period's start on the EventStream's clock.
    expect(es.presentationTimeOffset).toBe(String(20 * 90000));
    expect(es.Event.presentationTime).toBe(String(20 * 90000));
    expect(es.Event.id).toBe('1');
    expect(es.Event['scte35:Signal']['scte35:Binary']).toBe(toBase64(spliceInsertOut({ eventId: 1, ptsTime: 20 * 90000, durationSeconds: 20 })));
    expect(periods[2].EventStream.Event.id).toBe('2');
    const p20 = periods[1];
    expect(p20.AdaptationSet).toHaveLength(2);
    const video = p20.AdaptationSet[0];
    expect(video.Representation).toHaveLength(2);
    expect(video.SegmentTemplate).toMatchObject({ startNumber: '10', presentationTimeOffset: String(20 * 12800) });
    expect(video.SegmentTemplate.SegmentTimeline.S).toMatchObject({ t: String(20 * 12800), d: '25600' }); // 2 s at 12800
    const seg = await e.get('/demo/origin/vod/dash/720p/seg_00003.m4s');
    expect(seg.status).toBe(200);
  });

  it('keeps the single-Period DASH layout (both Events in one Period) under ?periods=single', async () => {
    const mpd = await text(e, '/demo/origin/vod/dash/manifest.mpd?periods=single');
    expect(XMLValidator.validate(mpd)).toBe(true);
    const period = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(mpd).MPD.Period;
    expect(period.id).toBe('p0');
    const events = period.EventStream.Event;
    expect(events).toHaveLength(2);
    expect(events[0].presentationTime).toBe(String(20 * 90000));
    expect(events[0]['scte35:Signal']['scte35:Binary']).toBe(toBase64(spliceInsertOut({ eventId: 1, ptsTime: 20 * 90000, durationSeconds: 20 })));
    expect(events[1].presentationTime).toBe(String(70 * 90000));
    expect(period.AdaptationSet[0].SegmentTemplate.SegmentTimeline.S.d).toBe('25600');
    const bad = await e.json<{ message: string }>('/demo/origin/vod/dash/manifest.mpd?periods=triple');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('periods=single');
  });

  it('slides the live HLS window with the wall clock, keeping media sequence and discontinuities consistent', async () => {
    const first = await text(e, '/demo/origin/live/hls-ts/720p.m3u8');
    expect(first).not.toContain('#EXT-X-ENDLIST');
    const seq1 = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(first)![1]);
    expect(segmentUris(first)).toHaveLength(15);
    // The newest segment is the last one that has fully elapsed.
    const latest = Math.floor((clock - LIVE_EPOCH_MS) / 2000) - 1;
    expect(seq1 + 14).toBe(latest);
    clock += 4000;
    const second = await text(e, '/demo/origin/live/hls-ts/720p.m3u8');
    expect(Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(second)![1])).toBe(seq1 + 2);
    // Over one full loop (100 s) the window crosses a loop boundary and a break.
    const seen = { disc: false, cueOut: false, cueIn: false };
    let lastDiscSeq = -1;
    for (let i = 0; i < 60; i++) {
      clock += 2000;
      const p = await text(e, '/demo/origin/live/hls-ts/720p.m3u8');
      const dseq = Number(/#EXT-X-DISCONTINUITY-SEQUENCE:(\d+)/.exec(p)![1]);
      expect(dseq).toBeGreaterThanOrEqual(lastDiscSeq);
      lastDiscSeq = dseq;
      seen.disc ||= p.includes('#EXT-X-DISCONTINUITY\n');
      seen.cueOut ||= p.includes('#EXT-X-CUE-OUT:DURATION=20.000');
      seen.cueIn ||= p.includes('#EXT-X-CUE-IN');
      expect(p.match(/#EXT-X-PROGRAM-DATE-TIME/g)).toHaveLength(15);
    }
    expect(seen).toEqual({ disc: true, cueOut: true, cueIn: true });
  });

  it('shows a joiner in mid-break the break as CUE-OUT-CONT with elapsed time', async () => {
    // Put the window's first segment 6 s into a break at asset time 20 s of some loop.
    const loopMs = 100_000;
    const loopStart = LIVE_EPOCH_MS + 5000 * loopMs;
    clock = loopStart + (26 + 15 * 2) * 1000 + 1;
    const p = await text(e, '/demo/origin/live/hls-ts/720p.m3u8');
    const firstTags = p.split('\n').slice(0, p.split('\n').findIndex((l) => l.endsWith('.ts')));
    expect(firstTags.find((l) => l.startsWith('#EXT-X-CUE-OUT-CONT'))).toContain('ElapsedTime=6.000,Duration=20.000');
    const d = await text(e, '/demo/origin/live/hls-ts-daterange/720p.m3u8');
    expect(d.split('\n').find((l) => l.startsWith('#EXT-X-DATERANGE'))).toContain('SCTE35-OUT=');
  });

  it('serves a dynamic DASH MPD with a Period per loop and per break, and SCTE-35 events for breaks in the window', async () => {
    const loopStart = LIVE_EPOCH_MS + 7000 * 100_000;
    clock = loopStart + 10_000; // 10 s into a loop: the window spans the previous loop's end
    const mpd = await text(e, '/demo/origin/live/dash/manifest.mpd');
    expect(XMLValidator.validate(mpd)).toBe(true);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    const doc = parser.parse(mpd);
    expect(doc.MPD.type).toBe('dynamic');
    expect(doc.MPD.availabilityStartTime).toBe('2026-01-01T00:00:00.000Z');
    const periods = doc.MPD.Period;
    // The previous loop's window lies in the Period opened by its second break (70–90 s).
    expect(periods.map((p: { id: string }) => p.id)).toEqual(['loop-6999-70', 'loop-7000-0']);
    expect(periods[0].start).toBe(`PT${6999 * 100 + 70}S`);
    expect(periods[1].start).toBe(`PT${7000 * 100}S`);
    expect(periods[0].EventStream.Event.id).toBe(String(6999 * 2 + 2));
    expect(periods[1].EventStream).toBeUndefined();
    clock = loopStart + 30_000;
    const later = parser.parse(await text(e, '/demo/origin/live/dash/manifest.mpd'));
    expect(later.MPD.Period.map((p: { id: string }) => p.id)).toEqual(['loop-7000-0', 'loop-7000-20']);
    expect(later.MPD.Period[1].EventStream.Event.id).toBe(String(7000 * 2 + 1));
    // ?periods=single: one Period per loop, with every Event of the window.
    const single = parser.parse(await text(e, '/demo/origin/live/dash/manifest.mpd?periods=single'));
    expect(single.MPD.Period.id).toBe('loop-7000');
    expect(single.MPD.Period.EventStream.Event.id).toBe(String(7000 * 2 + 1));
  });

  it('serves ad creatives as mezzanine MP4 and pre-conditioned HLS/DASH renditions matching the content', async () => {
    const ad = catalog.ads.find((a) => a.id === 'ad1')!;
    const mezz = await fetch(ad.mezzanineUrl, { headers: { range: 'bytes=0-99' } });
    expect(mezz.status).toBe(206);
    const master = await (await fetch(ad.hlsTsUrl)).text();
    expect(master).toContain('RESOLUTION=1280x720');
    expect(master).toContain('RESOLUTION=640x360');
    const media = await (await fetch(ad.hlsTsUrl.replace('master.m3u8', '720p.m3u8'))).text();
    const total = [...media.matchAll(/#EXTINF:([\d.]+)/g)].reduce((s, m) => s + Number(m[1]), 0);
    expect(total).toBeCloseTo(10, 1);
    expect(media).not.toContain('CUE');
    const mpd = await (await fetch(ad.dashUrl)).text();
    expect(mpd).toContain('mediaPresentationDuration="PT10S"');
    expect(mpd).not.toContain('EventStream');
    expect(mpd.match(/<Period /g)).toHaveLength(1);
  });

  it('reports manifests and segments served on the event bus', async () => {
    const events = e.bus.recent({ kinds: ['manifest.served', 'segment.served'] });
    expect(events.some((ev) => ev.kind === 'manifest.served' && ev.format === 'dash')).toBe(true);
    expect(events.some((ev) => ev.kind === 'segment.served' && ev.bytes > 1000 && ev.status === 200)).toBe(true);
  });

  it('answers unknown packagings, tracks and files with 404 JSON', async () => {
    for (const p of ['/demo/origin/vod/hls-xx/master.m3u8', '/demo/origin/tv/hls-ts/master.m3u8', '/demo/origin/vod/hls-ts/999p.m3u8', '/demo/origin/vod/hls-ts/720p/../../x', '/demo/origin/vod/hls-ts/720p/seg_00001.m4s', '/demo/ads/media/ad9/mezzanine.mp4']) {
      const r = await e.json<{ message: string }>(p);
      expect(r.status, p).toBe(404);
      expect(r.body.message).toBeTruthy();
    }
  });
});
