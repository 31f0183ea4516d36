// Server-side reporting end to end: a session plays a stitched VOD break by requesting its ad segments in order,
// and exactly the VAST beacons of each ad fire — impression and start on the first segment, each quartile on the
// segment that crosses it, complete on the last — once each, as the demo ADS's own hit log confirms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, sendXml, type LocalServer } from '../ads/local-server.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { putConfig, startSession, text } from '../playback/helpers.js';
import { readPlaylist } from '../stitch/helpers.js';

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.dispose();
});

interface Report {
  summary: { expected: number; fired: number; failed: number; 'in-flight': number; 'not-fired': number };
  avails: { availId: string; key: number; startSeconds: number | null; ads: { item: number; adId: string; startSeconds: number | null; beacons: { id: string; event: string; state: string; offsetSeconds: number; sender?: string; trigger?: string; results?: { status: number; ms: number; attempts: number; error?: string }[] }[] }[] }[];
}

async function report(id: string): Promise<Report> {
  return (await engine.json<Report>(`/api/sessions/${id}/beacons`)).body;
}

async function settled(id: string): Promise<Report> {
  let r = await report(id);
  for (let i = 0; i < 200 && r.summary['in-flight'] > 0; i++) {
    await new Promise((res) => setTimeout(res, 50));
    r = await report(id);
  }
  return r;
}

async function demoHits(sid: string): Promise<{ ev: string; ad?: string }[]> {
  return (await engine.json<{ hits: { ev: string; ad?: string }[] }>(`/demo/ads/events?sid=${sid}`)).body.hits;
}

/** The ad segment URLs of a stitched playlist, in order. */
function adSegments(body: string): string[] {
  return readPlaylist(body).segments.map((s) => s.uri).filter((u) => u.includes('/v1/segment/'));
}

const get = (u: string) => fetch(u, { redirect: 'manual' }).then(async (r) => (await r.arrayBuffer(), r.status));

describe('server-side beacons (HLS VOD)', () => {
  let sessionId = '';
  let segments: string[] = [];

  it('manifest fetches fire nothing', async () => {
    const s = await startSession(engine, 'demo', 'vod/hls-ts/master.m3u8');
    sessionId = s.sessionId;
    for (const u of s.mediaUrls) await text(engine, u);
    segments = adSegments((await text(engine, s.mediaUrls[0]!)).body);
    expect(segments).toHaveLength(20); // two 20 s avails of 2 s segments
    const r = await report(sessionId);
    expect(r.summary).toMatchObject({ fired: 0, failed: 0, 'in-flight': 0 });
    expect(r.summary['not-fired']).toBe(r.summary.expected);
    expect((await demoHits(sessionId)).filter((h) => h.ev !== 'error')).toEqual([]);
  });

  it('requesting the ad segments in order fires impression, start, 3 quartiles and complete per ad, each once, on the right segments', async () => {
    for (const u of segments) expect(await get(u)).toBe(302);
    const r = await settled(sessionId);
    expect(r.summary).toMatchObject({ failed: 0, 'in-flight': 0, 'not-fired': 0 });
    for (const avail of r.avails) {
      for (const ad of avail.ads) {
        const fired = ad.beacons.map((b) => [b.event, b.state, b.sender]);
        expect(fired).toEqual(['impression', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'].map((e) => [e, 'fired', 'server']));
        // Which segment (k of /v1/segment/…/{item}/{k}.ts) fired each: 2 s segments, so offset o fires on k = ⌊o / 2⌋.
        const lastK = Math.round(ad.beacons.find((b) => b.event === 'complete')!.offsetSeconds / 2) - 1;
        for (const b of ad.beacons) {
          const k = b.event === 'complete' ? lastK : Math.floor(b.offsetSeconds / 2);
          expect(b.trigger, `${ad.adId} ${b.event}`).toMatch(new RegExp(`/${avail.key}/${ad.item}/${k}\\.ts$`));
          expect(b.results).toEqual([expect.objectContaining({ status: 200, attempts: 1 })]);
        }
      }
    }
    // The demo ADS received exactly these, in order per ad.
    const hits = (await demoHits(sessionId)).filter((h) => h.ev !== 'error');
    const engineSide = r.avails.flatMap((a) => a.ads.flatMap((ad) => ad.beacons.map((b) => `${ad.adId}:${b.event}`)));
    expect(hits.map((h) => `${h.ad}:${h.ev}`).sort()).toEqual(engineSide.sort());
    // The demo ADS names ads by pod position (ad1-1 in both avails): per ad id, the sequence once per avail.
    const sequence = ['impression', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'];
    for (const ad of new Set(hits.map((h) => h.ad))) {
      const times = r.avails.filter((a) => a.ads.some((x) => x.adId === ad)).length;
      expect(hits.filter((h) => h.ad === ad).map((h) => h.ev)).toEqual(Array.from({ length: times }, () => sequence).flat());
    }
  });

  it('re-requesting segments fires nothing twice', async () => {
    const before = (await demoHits(sessionId)).length;
    for (const u of segments) await get(u);
    await new Promise((r) => setTimeout(r, 300));
    expect((await demoHits(sessionId)).length).toBe(before);
    const beacons = engine.bus.recent({ kinds: ['beacon'], sessionId }).filter((e) => e.kind === 'beacon' && e.sender === 'server');
    const keys = beacons.map((b) => (b.kind === 'beacon' ? `${b.availId}:${b.adId}:${b.event}` : ''));
    expect(keys).toHaveLength(24);
    expect(new Set(keys).size).toBe(24);
  });

  it('only the video tracks fire: an fMP4 session’s audio segments alone fire nothing', async () => {
    const s = await startSession(engine, 'demo', 'vod/hls-fmp4/master.m3u8');
    const audio = s.mediaUrls.at(-1)!;
    const body = (await text(engine, audio)).body;
    for (const u of adSegments(body).slice(0, 5)) await get(u);
    await new Promise((r) => setTimeout(r, 200));
    expect((await report(s.sessionId)).summary.fired).toBe(0);
  });
});

describe('VAST 4 progress and macros', () => {
  it('progress fires at its offset; [CACHEBUSTING], [ADPLAYHEAD], [BREAKPOSITION] and [UNIVERSALADID] are expanded', async () => {
    const seen: string[] = [];
    const ads: LocalServer = await startServer((req, res) => {
      const url = req.url ?? '';
      if (url.startsWith('/vast')) {
        const base = ads.url;
        const track = (ev: string) => `<Tracking event="${ev}"><![CDATA[${base}/t?ev=${ev}&cb=[CACHEBUSTING]&ph=[ADPLAYHEAD]&bp=[BREAKPOSITION]&uaid=[UNIVERSALADID]&x=[NOSUCH]]]></Tracking>`;
        return sendXml(res, `<VAST version="4.2"><Ad id="p1"><InLine><AdSystem>t</AdSystem><AdTitle>p</AdTitle><Impression><![CDATA[${base}/t?ev=impression]]></Impression>
<Creatives><Creative id="ad1"><UniversalAdId idRegistry="ad-id.org">ABCD0001000H</UniversalAdId><Linear><Duration>00:00:10</Duration><TrackingEvents>${['start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'].map(track).join('')}
<Tracking event="progress" offset="00:00:07"><![CDATA[${base}/t?ev=progress7&ph=[ADPLAYHEAD]]]></Tracking><Tracking event="progress" offset="30%"><![CDATA[${base}/t?ev=progress30]]></Tracking></TrackingEvents>
<MediaFiles><MediaFile delivery="streaming" type="application/x-mpegURL" width="1280" height="720"><![CDATA[${engine.url}/demo/ads/media/ad1/hls-ts/master.m3u8]]></MediaFile></MediaFiles></Linear></Creative></Creatives></InLine></Ad></VAST>`);
      }
      seen.push(url);
      res.end();
    });
    try {
      // The demo's pre-conditioned HLS as a streaming MediaFile (NONE): this test is about beacons, not transcoding.
      await putConfig(engine, 'v4', { AdDecisionServerUrl: `${ads.url}/vast`, AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' } });
      const s = await startSession(engine, 'v4', 'vod/hls-ts/master.m3u8');
      const segs = adSegments((await text(engine, s.mediaUrls[0]!)).body);
      expect(segs).toHaveLength(10); // one 10 s ad in each 20 s avail… the rest is not filled (no slate)
      for (const u of segs.slice(0, 5)) await get(u);
      const r = await settled(s.sessionId);
      const ad = r.avails[0]!.ads[0]!;
      expect(ad.beacons.map((b) => [b.event, b.offsetSeconds])).toEqual([
        ['impression', 0], ['start', 0], ['firstQuartile', 2.5], ['midpoint', 5], ['thirdQuartile', 7.5], ['complete', 10], ['progress', 3], ['progress', 7],
      ]);
      expect(ad.beacons.find((b) => b.offsetSeconds === 7)!.trigger).toMatch(/\/0\/3\.ts$/);
      const q1 = new URL(seen.find((u) => u.includes('ev=firstQuartile'))!, 'http://x').searchParams;
      expect(q1.get('cb')).toMatch(/^\d{8}$/);
      expect(q1.get('ph')).toBe('00:00:02.500');
      expect(q1.get('bp')).toBe('2');
      expect(q1.get('uaid')).toBe('ad-id.org ABCD0001000H');
      expect(q1.get('x')).toBe('[NOSUCH]');
      expect(new URL(seen.find((u) => u.includes('ev=progress7'))!, 'http://x').searchParams.get('ph')).toBe('00:00:07.000');
    } finally {
      await ads.close();
    }
  });
});

describe('beacon failures never slow the player', () => {
  it('a beacon host that never answers: segment responses stay fast; beacons fail after 3 s × 3 attempts, recorded', async () => {
    // A black hole: accepts connections, never answers (the worst case: every attempt waits for its timeout).
    const hole = await startServer(() => undefined);
    const ads: LocalServer = await startServer((req, res) => {
      const t = (ev: string) => `<Tracking event="${ev}"><![CDATA[${hole.url}/t?ev=${ev}]]></Tracking>`;
      sendXml(res, `<VAST version="3.0"><Ad id="dead"><InLine><AdSystem>t</AdSystem><AdTitle>dead</AdTitle><Impression><![CDATA[${hole.url}/t?ev=impression]]></Impression>
<Creatives><Creative id="d"><Linear><Duration>00:00:10</Duration><TrackingEvents>${['start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'].map(t).join('')}</TrackingEvents>
<MediaFiles><MediaFile delivery="streaming" type="application/x-mpegURL"><![CDATA[${engine.url}/demo/ads/media/ad1/hls-ts/master.m3u8]]></MediaFile></MediaFiles></Linear></Creative></Creatives></InLine></Ad></VAST>`);
    });
    try {
      await putConfig(engine, 'deadbeacons', { AdDecisionServerUrl: `${ads.url}/vast`, AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' } });
      const s = await startSession(engine, 'deadbeacons', 'vod/hls-ts/master.m3u8');
      const playlist = (await text(engine, s.mediaUrls[0]!)).body;
      const ad = adSegments(playlist).slice(0, 5);
      const content = readPlaylist(playlist).segments.map((x) => x.uri).filter((u) => !u.includes('/v1/segment/')).slice(0, 5);
      const time = async (u: string) => {
        const t0 = performance.now();
        await get(u);
        return performance.now() - t0;
      };
      const adMs: number[] = [];
      for (const u of ad) adMs.push(await time(u));
      const contentMs: number[] = [];
      for (const u of content) contentMs.push(await time(u));
      // Each ad segment fired beacons into the black hole, yet answered as fast as a content segment does.
      const max = Math.max(...adMs);
      console.log(`segment response with a dead beacon host: ad max ${max.toFixed(1)} ms, mean ${(adMs.reduce((a, b) => a + b) / adMs.length).toFixed(1)} ms; content mean ${(contentMs.reduce((a, b) => a + b) / contentMs.length).toFixed(1)} ms`);
      expect(max).toBeLessThan(250);
      const r0 = await report(s.sessionId);
      expect(r0.summary['in-flight']).toBe(6);
      await expect.poll(async () => (await report(s.sessionId)).summary.failed, { timeout: 20_000, interval: 500 }).toBe(6);
      const b = (await report(s.sessionId)).avails[0]!.ads[0]!.beacons[0]!;
      expect(b.results![0]).toMatchObject({ status: 0, attempts: 3, error: expect.stringMatching(/within 3000 ms/) });
    } finally {
      await ads.close();
      await hole.close();
    }
  }, 40_000);
});

describe('server-side beacons (DASH) and VMAP break events', () => {
  it('DASH: beacons fire on the video Representation’s ad segments through /v1/dashsegment/, not on audio', async () => {
    const res = await engine.get(`/v1/dash/${engine.accountId}/demo/vod/dash/manifest.mpd`);
    const sessionId = res.headers.get('x-stitchbench-session')!;
    const mpd = await res.text();
    const media = [...mpd.matchAll(/media="([^"]*\/v1\/dashsegment\/[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    const audio = media.filter((u) => /\/\d+\/1-\d+\/\$Number\$/.test(u));
    const video = media.filter((u) => /\/\d+\/0-0\/\$Number\$/.test(u));
    expect(video.length).toBe(4); // four ad Periods
    for (const u of audio) for (let n = 1; n <= 5; n++) await get(u.replace('$Number$', String(n)));
    await new Promise((r) => setTimeout(r, 200));
    expect((await report(sessionId)).summary.fired).toBe(0);
    // The first ad Period of each avail: ad1 (10 s = 5 segments).
    for (const u of video.filter((x) => /\/0\/0-0\//.test(x))) for (let n = 1; n <= 5; n++) expect(await get(u.replace('$Number$', String(n)))).toBe(302);
    const r = await settled(sessionId);
    for (const avail of r.avails) {
      const first = avail.ads[0]!;
      expect(first.beacons.map((b) => [b.event, b.state])).toEqual(['impression', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'].map((e) => [e, 'fired']));
      expect(first.beacons.find((b) => b.event === 'midpoint')!.trigger).toMatch(/\/0\/0-0\/3\.m4s$/);
      expect(avail.ads[1]!.beacons.every((b) => b.state === 'not-fired')).toBe(true);
    }
  });

  it('VMAP: breakStart fires with the first ad’s first segment, breakEnd with the last ad’s last segment', async () => {
    const playlist = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', '#EXT-X-PLAYLIST-TYPE:VOD', ...Array.from({ length: 30 }, (_, i) => `#EXTINF:2.000,\n${engine.url}/demo/origin/vod/hls-ts/720p/seg_${String(i).padStart(5, '0')}.ts`), '#EXT-X-ENDLIST', ''].join('\n');
    const origin = await startServer((_req, res) => void res.end(playlist));
    try {
      await putConfig(engine, 'vmapbeacons', {
        VideoContentSourceUrl: origin.url,
        AdDecisionServerUrl: `${engine.url}/demo/ads/vmap?breaks=start&pod=2&sid=[session.id]`,
        AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' },
      });
      const s = await startSession(engine, 'vmapbeacons', 'index.m3u8');
      const segs = adSegments((await text(engine, s.mediaUrls[0]!)).body);
      for (const u of segs) await get(u);
      const r = await settled(s.sessionId);
      const ads = r.avails[0]!.ads;
      expect(ads[0]!.beacons[0]).toMatchObject({ event: 'breakStart', state: 'fired', offsetSeconds: 0 });
      expect(ads[0]!.beacons[0]!.trigger).toMatch(/\/0\/0\.ts$/);
      const end = ads.at(-1)!.beacons.at(-1)!;
      expect(end).toMatchObject({ event: 'breakEnd', state: 'fired' });
      expect(end.trigger).toBe(ads.at(-1)!.beacons.find((b) => b.event === 'complete')!.trigger);
      const hits = (await demoHits(s.sessionId)).map((h) => h.ev);
      expect(hits[0]).toBe('breakStart');
      expect(hits.at(-1)).toBe('breakEnd');
    } finally {
      await origin.close();
    }
  });
});
