// Primetime's bootstrap URL on the bench: /auditude/variant/{publisherAssetId}/{base64 content URL}.m3u8|.mpd
// makes a session and sends the client to it (302, or JSON in simple tracking / iOS mobile web), CORS as the
// seed says, targeting and unknown parameters to the ADS, the tracking mode chosen by pttrackingmode, the
// sidecars served for the session; pttimeline placing VOD breaks (one ADS request each), ptadwindow as the
// session's live look-back suppression.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../src/shared/events.js';
import { putConfig } from '../playback/helpers.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { readMpd } from '../stitch/dash/helpers.js';
import { readPlaylist } from '../stitch/helpers.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.dispose();
});

const b64url = (s: string) => Buffer.from(s).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const hls = () => `${engine.url}/demo/origin/vod/hls-ts/master.m3u8`;
const dash = () => `${engine.url}/demo/origin/vod/dash/manifest.mpd`;
interface View { originUrl: string; format: string; reportingMode: string; adsParams: Record<string, string>; configName: string }
const view = async (id: string) => (await engine.json<View>(`/api/sessions/${id}`)).body;
const session = async (id: string | null) => (await engine.sessions.peek(id!))!;

describe('Primetime bootstrap', () => {
  it('HLS: 302 to the session’s master manifest; the session plays the decoded content URL with stitched ads', async () => {
    const res = await engine.get(`/auditude/variant/asset42/${b64url(hls())}.m3u8?u=asset42&z=zone1&_sid_=0&k=genre%3Dnews%3Bage%3D30`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const loc = res.headers.get('location')!;
    expect(loc).toMatch(new RegExp(`^/v1/master/${engine.accountId}/demo/primetime/asset42/master\\.m3u8\\?aws\\.sessionId=`));
    const id = res.headers.get('x-stitchbench-session')!;
    const v = await view(id);
    // No pttrackingmode: Primetime's EXT-X-MARKER mode, where the client fires the beacons (ext-x-marker-bootstrap.test.ts).
    expect(v).toMatchObject({ originUrl: hls(), format: 'hls', reportingMode: 'client', configName: 'demo' });
    // k targeting pairs and Primetime-unknown parameters go to the ADS; pt* parameters do not.
    expect(v.adsParams).toEqual({ genre: 'news', age: '30', u: 'asset42', z: 'zone1', _sid_: '0' });
    const master = await engine.get(loc);
    expect(master.status).toBe(200);
    const text = await master.text();
    expect(text).toContain(`/v1/manifest/${engine.accountId}/${id}/0.m3u8`);
    const media = await (await engine.get(`/v1/manifest/${engine.accountId}/${id}/0.m3u8`)).text();
    expect(media).toMatch(/\/v1\/segment\//);
  });

  it('simple tracking (and ios-mobileweb) answers JSON with the manifest and the sidecar; the session tracks client-side', async () => {
    const res = await engine.json<Record<string, string>>(`/auditude/variant/a1/${b64url(hls())}.m3u8?pttrackingmode=simple&pttrackingversion=v2`);
    expect(res.status).toBe(200);
    const url = res.body['Master-M3U8']!;
    expect(url).toMatch(/^\/v1\/master\/.+\?aws\.sessionId=/);
    const id = new URL(url, engine.url).searchParams.get('aws.sessionId')!;
    expect((await view(id)).reportingMode).toBe('client');
    expect(res.body['Tracking-URL']).toBe(`/v1/tracking/${engine.accountId}/demo/${id}/primetime.json`);
    // The sidecar is served for the session once its manifest placed the avails.
    await engine.get(url);
    await engine.get(`/v1/manifest/${engine.accountId}/${id}/0.m3u8`);
    const sidecar = await engine.json<{ pods: { ads: unknown[] }[] }>(res.body['Tracking-URL']!);
    expect(sidecar.status).toBe(200);
    expect(sidecar.body.pods).toHaveLength(2);
    const ios = await engine.json<Record<string, string>>(`/auditude/variant/a1/${b64url(hls())}.m3u8?ptplayer=ios-mobileweb&pttrackingmode=sstm&pttrackingversion=vmap`);
    expect(ios.body['Master-M3U8']).toBeDefined();
    expect(ios.body['Tracking-URL']).toMatch(/primetime\.vmap$/);
    const iosId = new URL(ios.body['Master-M3U8']!, engine.url).searchParams.get('aws.sessionId')!;
    expect((await view(iosId)).reportingMode).toBe('server');
  });

  it('DASH: .mpd makes a DASH session (JSON key Master-MPD in simple mode)', async () => {
    const res = await engine.get(`/auditude/variant/d1/${b64url(dash())}.mpd`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/v1\/dash\/.+\/primetime\/d1\/manifest\.mpd\?aws\.sessionId=/);
    const mpd = await engine.get(res.headers.get('location')!);
    expect(mpd.status).toBe(200);
    expect(await mpd.text()).toContain('/v1/dashsegment/');
    const simple = await engine.json<Record<string, string>>(`/auditude/variant/d1/${b64url(dash())}.mpd?pttrackingmode=simple`);
    expect(Object.keys(simple.body)).toEqual(['Master-MPD', 'Tracking-URL']);
  });

  it('CORS as the seed says: an Origin is echoed with credentials; without one, any origin; GET', async () => {
    const withOrigin = await engine.get(`/auditude/variant/a/${b64url(hls())}.m3u8`, { redirect: 'manual', headers: { origin: 'https://player.example' } });
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('https://player.example');
    expect(withOrigin.headers.get('access-control-allow-credentials')).toBe('true');
    expect(withOrigin.headers.get('access-control-allow-methods')).toBe('GET');
    const without = await engine.get(`/auditude/variant/a/${b64url(hls())}.m3u8`, { redirect: 'manual' });
    expect(without.headers.get('access-control-allow-origin')).toBe('*');
    expect(without.headers.get('access-control-allow-credentials')).toBeNull();
    expect(without.headers.get('access-control-allow-methods')).toBe('GET');
  });

  it('bad input is a 400 (or 404) naming what is wrong, and no session is made', async () => {
    const before = (await engine.json<{ sessions: unknown[] }>('/api/sessions')).body.sessions.length;
    const cases: [string, number, RegExp][] = [
      [`/auditude/variant/a/${b64url(hls())}.txt`, 404, /\.m3u8 or \.mpd/],
      ['/auditude/variant/a/not*base64.m3u8', 400, /not base64/],
      [`/auditude/variant/a/${b64url('hello')}.m3u8`, 400, /does not decode to a URL/],
      [`/auditude/variant/a/${b64url('file:///etc/passwd')}.m3u8`, 400, /http\(s\)/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?pttrackingmode=loud`, 400, /pttrackingmode/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?pttrackingversion=v3`, 400, /not served by the bench/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?k=novalue`, 400, /targeting k/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?ptconfig=nope`, 404, /does not exist/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?pttimeline=B,60,2,p;C,abc,1`, 400, /^Invalid pttimeline: pod 2 "C,abc,1": duration must be seconds/],
      [`/auditude/variant/a/${b64url(dash())}.mpd?pttimeline=C,60,1;B,30,1,p`, 400, /pod 2 "B,30,1,p": a pre-roll after content/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?pttimeline=`, 400, /pttimeline: the timeline is empty/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?ptadwindow=1801`, 400, /Invalid ptadwindow "1801": expected whole seconds from 0 to 1800/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?ptadwindow=ten`, 400, /Invalid ptadwindow/],
    ];
    for (const [path, status, message] of cases) {
      const r = await engine.json<{ message: string }>(path, { redirect: 'manual' });
      expect(r.status, path).toBe(status);
      expect(r.body.message, path).toMatch(message);
    }
    expect((await engine.json<{ sessions: unknown[] }>('/api/sessions')).body.sessions.length).toBe(before);
  });
});

/** The demo VOD is 100 s of 2 s segments with origin breaks (markers) at 20 s and 70 s, which pttimeline overrides. */
describe('Primetime pttimeline (VOD timeline) and ptadwindow', () => {
  // Pre-roll at 0, mid-roll after 30 s of content, a mid-roll at 230 s the 100 s asset never reaches, post-roll.
  const TIMELINE = 'B,10,1,p;C,30,1;B,20,2,m;C,200,1;B,10,1,m;B,10,1,t';

  /** Bootstraps with the timeline, reads what `read` needs, and returns the session's ADS requests (stitcher side). */
  async function withTimeline(content: string, ext: 'm3u8' | 'mpd', read: (location: string) => Promise<void>): Promise<{ id: string; adsUrls: string[] }> {
    const events: BenchEvent[] = [];
    const off = engine.bus.subscribe((e) => events.push(e));
    try {
      const res = await engine.get(`/auditude/variant/tl/${b64url(content)}.${ext}?pttimeline=${encodeURIComponent(TIMELINE)}`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      const id = res.headers.get('x-stitchbench-session')!;
      await read(res.headers.get('location')!);
      const adsUrls = events.flatMap((e) => (e.kind === 'ads.request' && e.side === 'client' && e.sessionId === id && e.depth === 0 ? [e.url] : []));
      return { id, adsUrls };
    } finally {
      off();
    }
  }

  it('HLS: ads at the timeline’s positions, markers ignored, one ADS request per break (asked for its duration)', async () => {
    const shapes: string[] = [];
    const { id, adsUrls } = await withTimeline(hls(), 'm3u8', async (loc) => {
      const master = await (await engine.get(loc)).text();
      const tracks = master.split('\n').filter((l) => l.startsWith('/v1/manifest/'));
      expect(tracks.length).toBeGreaterThan(1);
      for (const t of tracks) {
        const p = readPlaylist(await (await engine.get(t)).text());
        shapes.push(p.segments.map((x) => (x.uri.includes('/v1/segment/') ? 'A' : 'C')).join(''));
        // Every switch between ads and content carries a discontinuity; no origin marker survives.
        p.segments.forEach((x, i) => {
          if (i > 0 && x.uri.includes('/v1/segment/') !== p.segments[i - 1]!.uri.includes('/v1/segment/')) expect(x.tags, `segment ${i}`).toContain('#EXT-X-DISCONTINUITY');
        });
        expect(p.lines.some((l) => /CUE-OUT|CUE-IN|DATERANGE/.test(l))).toBe(false);
      }
    });
    // Every track: pre-roll, 15 content segments (30 s), mid-roll, the other 35 (the origin's filler included), post-roll.
    for (const shape of shapes) expect(shape).toMatch(/^A+C{15}A+C{35}A+$/);
    // Once per break for the session, however many tracks were read; the 230 s break was never asked for.
    expect(adsUrls).toHaveLength(3);
    expect(adsUrls.map((u) => new URL(u).searchParams.get('dur'))).toEqual(['10', '20', '10']);
    const avails = (await session(id)).decided;
    expect([...avails.values()].map((d) => [d.availId, d.durationSeconds, d.fallback ?? null])).toEqual([
      ['pttimeline-1', 10, null],
      ['pttimeline-2', 20, null],
      ['pttimeline-4', 10, null],
    ]);
  });

  it('DASH: ad Periods start where the timeline says, one ADS request per break', async () => {
    let periods: { start: number; ad: boolean; duration?: number }[] = [];
    const { adsUrls } = await withTimeline(dash(), 'mpd', async (loc) => {
      const mpd = readMpd(await (await engine.get(loc)).text());
      periods = mpd.periods.map((p) => ({ start: p.start, ad: p.sets.some((s) => s.media?.includes('/v1/dashsegment/') ?? false), ...(p.duration !== undefined ? { duration: p.duration } : {}) }));
    });
    // A break is a run of ad Periods (one per ad); where each run starts on the output timeline:
    const breakStarts = periods.filter((p, i) => p.ad && !periods[i - 1]?.ad).map((p) => p.start);
    // Content between the breaks (the origin's own Periods split it further): 30 s, then the other 70 s.
    const contentRuns: number[] = [];
    periods.forEach((p, i) => {
      if (p.ad) return;
      if (i === 0 || periods[i - 1]!.ad) contentRuns.push(0);
      contentRuns[contentRuns.length - 1]! += p.duration ?? Number.NaN;
    });
    // Output times: pre-roll 0–10, content 10–40, mid-roll 40–60, content 60–130, post-roll from 130.
    expect(breakStarts).toEqual([0, 40, 130]);
    expect(contentRuns).toEqual([30, 70]);
    expect(adsUrls).toHaveLength(3);
  });

  it('the timeline is kept on the session; ptadwindow becomes its live look-back suppression', async () => {
    const res = await engine.get(`/auditude/variant/w/${b64url(hls())}.m3u8?pttimeline=B,60,2,p;C,300,1&ptadwindow=90`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const s = await session(res.headers.get('x-stitchbench-session'));
    expect(s.request.vodTimeline).toEqual([{ atSeconds: 0, durationSeconds: 60, maxAds: 2, placement: 'pre', pod: 'B,60,2,p' }]);
    expect(s.request.availSuppression).toEqual({ Mode: 'BEHIND_LIVE_EDGE', Value: '00:01:30' });
    const zero = await engine.get(`/auditude/variant/w/${b64url(hls())}.m3u8?ptadwindow=0`, { redirect: 'manual' });
    expect((await session(zero.headers.get('x-stitchbench-session'))).request).toMatchObject({ availSuppression: { Mode: 'BEHIND_LIVE_EDGE', Value: '00:00:00' } });
    const plain = await engine.get(`/auditude/variant/w/${b64url(hls())}.m3u8`, { redirect: 'manual' });
    const request = (await session(plain.headers.get('x-stitchbench-session'))).request;
    expect(request.vodTimeline).toBeUndefined();
    expect(request.availSuppression).toBeUndefined();
  });

  it('a live session ignores the timeline: its breaks come from the stream’s markers', async () => {
    const live = `${engine.url}/demo/origin/live/hls-ts/master.m3u8`;
    const res = await engine.get(`/auditude/variant/l/${b64url(live)}.m3u8?pttimeline=B,10,1,p;C,30,1`, { redirect: 'manual' });
    const id = res.headers.get('x-stitchbench-session')!;
    const media = await engine.get(`/v1/manifest/${engine.accountId}/${id}/0.m3u8`);
    expect(media.status).toBe(200);
    const s = await session(id);
    expect(s.live).toBe(true);
    expect(s.vodPlan).toBeUndefined();
    expect([...s.decided.values()].filter((d) => d.availId.startsWith('pttimeline'))).toEqual([]);
  });

  it('a timeline with no break that asks for ads plays the content untouched and never calls the ADS', async () => {
    const events: BenchEvent[] = [];
    const off = engine.bus.subscribe((e) => events.push(e));
    try {
      const res = await engine.get(`/auditude/variant/n/${b64url(hls())}.m3u8?pttimeline=${encodeURIComponent('B,10,0,p;C,50,1;B,20,2,n;C,50,1')}`, { redirect: 'manual' });
      const id = res.headers.get('x-stitchbench-session')!;
      const p = readPlaylist(await (await engine.get(`/v1/manifest/${engine.accountId}/${id}/0.m3u8`)).text());
      expect(p.segments).toHaveLength(50);
      expect(p.segments.every((x) => !x.uri.includes('/v1/segment/'))).toBe(true);
      expect(events.filter((e) => e.kind === 'ads.request' && e.sessionId === id)).toHaveLength(0);
    } finally {
      off();
    }
  });

  it('a break takes at most its maximum_number_of_ads: the ADS’s later ads are skipped with the reason', async () => {
    // A configuration without the demo's PersonalizationThresholdSeconds, so the underfilled break keeps its one ad.
    await putConfig(engine, 'pt-max', {});
    const res = await engine.get(`/auditude/variant/max/${b64url(hls())}.m3u8?ptconfig=pt-max&pttimeline=${encodeURIComponent('C,30,1;B,20,1,m;C,70,1')}`, { redirect: 'manual' });
    const id = res.headers.get('x-stitchbench-session')!;
    expect((await engine.get(`/v1/manifest/${engine.accountId}/${id}/0.m3u8`)).status).toBe(200);
    const avail = (await engine.json<{ avails: { ads: { kind: string }[]; skipped: { reason: string; detail?: string }[] }[] }>(`/api/sessions/${id}`)).body.avails[0]!;
    expect(avail.ads.filter((a) => a.kind === 'ad')).toHaveLength(1);
    expect(avail.skipped).toEqual([{ adId: expect.any(String), reason: 'EXCEEDS_MAX_ADS', detail: 'the break takes at most 1 ad(s)' }]);
  });
});
