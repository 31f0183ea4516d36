// A Primetime bootstrap without pttrackingmode (Adobe: "only available if the bootstrap URL does not contain the
// pttrackingmode parameter"): the session reports client-side and its stitched HLS media playlists carry
// EXT-X-MARKER tags on the ad segments — never on content; with a pttrackingmode there are none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../src/shared/events.js';
import { putConfig } from '../playback/helpers.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { readPlaylist, type OutSegment } from '../stitch/helpers.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.dispose();
});

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const vodHls = () => `${engine.url}/demo/origin/vod/hls-ts/master.m3u8`;

async function bootstrap(content: string, query = ''): Promise<{ id: string; playlists: OutSegment[][] }> {
  const res = await engine.get(`/auditude/variant/mk/${b64url(content)}.m3u8${query}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const id = res.headers.get('x-stitchbench-session')!;
  const master = await (await engine.get(res.headers.get('location')!)).text();
  const tracks = master.split('\n').filter((l) => l.startsWith('/v1/manifest/'));
  expect(tracks.length).toBeGreaterThan(0);
  const playlists: OutSegment[][] = [];
  for (const t of tracks) playlists.push(readPlaylist(await (await engine.get(t)).text()).segments);
  return { id, playlists };
}

const isAd = (s: OutSegment) => s.uri.includes('/v1/segment/');
const markersOf = (s: OutSegment) => s.tags.filter((t) => t.startsWith('#EXT-X-MARKER:'));
const attr = (line: string, name: string) => new RegExp(`[:,]${name}=("([^"]*)"|[^,]*)`).exec(line)?.[2] ?? new RegExp(`[:,]${name}=([^,]*)`).exec(line)?.[1];
const typesOf = (s: OutSegment) => markersOf(s).map((t) => attr(t, 'TYPE'));
const dataOf = (line: string) => Buffer.from(attr(line, 'DATA')!, 'base64').toString('utf8');

/** Break runs of ad segments: [first index, last index]. */
function runs(segs: OutSegment[]): [number, number][] {
  const out: [number, number][] = [];
  segs.forEach((s, i) => {
    if (!isAd(s)) return;
    if (i > 0 && isAd(segs[i - 1]!)) out.at(-1)![1] = i;
    else out.push([i, i]);
  });
  return out;
}

describe('Primetime EXT-X-MARKER (no pttrackingmode)', () => {
  it('demo VOD: markers on the ad segments of every track, none on content; the session reports client-side', async () => {
    const { id, playlists } = await bootstrap(vodHls());
    const s = (await engine.sessions.peek(id))!;
    expect(s.request).toMatchObject({ reportingMode: 'client', extXMarker: true });
    const decided = [...s.decided.values()].filter((d) => !d.fallback).sort((a, b) => a.key - b.key);
    expect(decided).toHaveLength(2); // the demo VOD's breaks at 20 s and 70 s
    for (const segs of playlists) {
      expect(segs.filter((x) => !isAd(x)).flatMap(markersOf)).toEqual([]);
      const breaks = runs(segs);
      expect(breaks).toHaveLength(2);
      breaks.forEach(([first, last], b) => {
        const d = decided[b]!;
        const ads = d.items.filter((it) => it.kind === 'ad');
        const tagged = segs.map((x, i) => [i, typesOf(x)] as const).filter(([, t]) => t.length);
        const inBreak = tagged.filter(([i]) => i >= first && i <= last);
        // PodBegin + AdBegin on the first, AdBegin on the other ads' first segments, PodEnd on the last.
        expect(inBreak[0]).toEqual([first, ['PodBegin', 'AdBegin']]);
        expect(inBreak.at(-1)).toEqual([last, ['PodEnd']]);
        expect(inBreak.flatMap(([, t]) => t).filter((t) => t === 'AdBegin')).toHaveLength(ads.length);
        const podBegin = markersOf(segs[first]!)[0]!;
        expect(attr(podBegin, 'COUNT')).toBe(String(ads.length));
        expect(Number(attr(podBegin, 'BREAKDUR'))).toBeCloseTo(d.filledSeconds, 3);
        expect(attr(podBegin, 'ID')).toBe(`${d.availId}:PodBegin`);
        const podEnd = markersOf(segs[last]!)[0]!;
        expect(Number(attr(podEnd, 'OFFSET'))).toBeCloseTo(segs[last]!.duration, 3);
        expect(dataOf(podEnd)).toContain(`breakId="${d.availId}"`);
        // Each AdBegin's DATA is that ad's VAST with its impression and quartile URLs (XML-escaped).
        const adBegins = inBreak.flatMap(([i]) => markersOf(segs[i]!).filter((t) => attr(t, 'TYPE') === 'AdBegin'));
        adBegins.forEach((line, k) => {
          const ad = ads[k]!.ad!;
          const xml = dataOf(line);
          expect(xml).toContain(`<Ad id="${ad.adId}"`);
          for (const url of [...ad.impressions, ...ad.tracking.filter((t) => t.event === 'firstQuartile').map((t) => t.url)]) expect(xml).toContain(url.replace(/&/g, '&amp;'));
        });
      });
    }
  });

  it('the session’s ad segment requests fire no server-side beacons (the client fires them)', async () => {
    const events: BenchEvent[] = [];
    const off = engine.bus.subscribe((e) => events.push(e));
    try {
      const { playlists } = await bootstrap(vodHls());
      const first = playlists[0]!.find(isAd)!;
      expect((await engine.get(new URL(first.uri).pathname)).status).toBeLessThan(400);
      expect(events.filter((e) => e.kind === 'beacon' && e.sender === 'server')).toEqual([]);
    } finally {
      off();
    }
  });

  it('a pre-roll (pttimeline p) uses PrerollPodBegin / PrerollPodEnd', async () => {
    const { playlists } = await bootstrap(vodHls(), `?pttimeline=${encodeURIComponent('B,10,1,p;C,100,1')}`);
    const segs = playlists[0]!;
    const [[first, last]] = runs(segs) as [[number, number]];
    expect(first).toBe(0);
    expect(typesOf(segs[first]!)).toEqual(['PrerollPodBegin', 'AdBegin']);
    expect(typesOf(segs[last]!)).toEqual(['PrerollPodEnd']);
  });

  it('live: the LivePreRollConfiguration pre-roll uses the Preroll types', async () => {
    await putConfig(engine, 'pt-live-pre', { LivePreRollConfiguration: { AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&ads=ad1&pod=1`, MaxDurationSeconds: 15 } });
    const { playlists } = await bootstrap(`${engine.url}/demo/origin/live/hls-ts/master.m3u8`, '?ptconfig=pt-live-pre');
    const segs = playlists[0]!;
    expect(segs).toHaveLength(5); // the first playlist is the pre-roll alone (ad1, 5 × 2 s)
    expect(segs.map(typesOf)).toEqual([['PrerollPodBegin', 'AdBegin'], [], [], [], ['PrerollPodEnd']]);
    expect(attr(markersOf(segs[0]!)[0]!, 'ID')).toBe('preroll:PrerollPodBegin');
  });

  it('VMAP break tracking (breakStart/breakEnd/error) travels in the pod markers’ DATA', async () => {
    // Marker-free content (a demo ad rendition) with a VMAP ADS: its pre-roll break carries break tracking.
    await putConfig(engine, 'pt-vmap', { AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' }, AdDecisionServerUrl: `${engine.url}/demo/ads/vmap?breaks=start&pod=1&sid=[session.id]` });
    const { id, playlists } = await bootstrap(`${engine.url}/demo/ads/media/ad1/hls-ts/master.m3u8`, '?ptconfig=pt-vmap');
    const d = [...(await engine.sessions.peek(id))!.decided.values()][0]!;
    expect(d.breakTracking?.map((t) => t.event)).toEqual(['breakStart', 'breakEnd', 'error']);
    const segs = playlists[0]!;
    const podBegin = markersOf(segs.find(isAd)!)[0]!;
    expect(attr(podBegin, 'TYPE')).toBe('PrerollPodBegin');
    const xml = dataOf(podBegin);
    expect(xml).toContain('timeOffset="start"');
    for (const t of d.breakTracking!) expect(xml).toContain(`<vmap:Tracking event="${t.event}">${t.url.replace(/&/g, '&amp;')}</vmap:Tracking>`);
  });
});

describe('with a pttrackingmode', () => {
  it('sstm: no EXT-X-MARKER anywhere, server-side reporting', async () => {
    const { id, playlists } = await bootstrap(vodHls(), '?pttrackingmode=sstm');
    const s = (await engine.sessions.peek(id))!;
    expect(s.request.reportingMode).toBe('server');
    expect(s.request.extXMarker).toBeUndefined();
    expect(playlists.flat().filter(isAd).length).toBeGreaterThan(0);
    expect(playlists.flat().flatMap(markersOf)).toEqual([]);
  });

  it('a DASH bootstrap without pttrackingmode has no EXT-X-MARKER flag and stays server-side', async () => {
    const res = await engine.get(`/auditude/variant/d/${b64url(`${engine.url}/demo/origin/vod/dash/manifest.mpd`)}.mpd`, { redirect: 'manual' });
    const s = (await engine.sessions.peek(res.headers.get('x-stitchbench-session')!))!;
    expect(s.request.extXMarker).toBeUndefined();
    expect(s.request.reportingMode).toBe('server');
  });
});
