// Fault injection on the demo origin (fault=slow|timeout|404|500|stale, segfault=404|slow, delay, every):
// on the origin directly, carried from the multivariant/MPD onto the URIs it lists, and seen through the
// stitcher, which answers a player with MediaTailor's error contract (502 for an origin error, 504 past its
// 2 s origin timeout) and recovers on the next refresh.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCatalog } from '../../src/shared/catalog.js';
import type { BenchEvent, ManifestServedEvent, OriginFetchEvent, SegmentServedEvent } from '../../src/shared/events.js';
import { FaultCounter } from '../../src/main/demo/origin/fault-counter.js';
import { LIVE_EPOCH_MS } from '../../src/main/demo/origin/timeline.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { putConfig, startSession, text } from '../playback/helpers.js';

let clock = LIVE_EPOCH_MS + 2_000_000 * 1000 + 321;
const now = () => clock;
let e: TestEngine;
const events: BenchEvent[] = [];

// Stitched tests play through an ADS that never fills: ad conditioning would otherwise probe the same origin
// URLs (content profile discovery) and take its own turns in the every=N counts.
const NOFILL = 'origin-faults';

beforeAll(async () => {
  e = await startTestEngine({ now });
  e.bus.subscribe((ev) => events.push(ev));
  await putConfig(e, NOFILL, { AdDecisionServerUrl: `${e.url}/demo/ads/vast?fault=empty` });
});
afterAll(async () => e?.dispose());

const served = (path: string) => events.filter((ev): ev is ManifestServedEvent => ev.kind === 'manifest.served' && ev.source === 'demo-origin' && ev.path === path);
const segServed = (path: string) => events.filter((ev): ev is SegmentServedEvent => ev.kind === 'segment.served' && ev.path === path);
const mediaSequence = (p: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(p)?.[1]);

async function status(path: string): Promise<number> {
  const res = await e.get(path);
  await res.arrayBuffer();
  return res.status;
}

async function waitFor<T>(find: () => T | undefined, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = find();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting for an event');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('demo origin faults, on the origin directly', () => {
  it('fault=404 and fault=500 answer that status, reported on the bus with the fault', async () => {
    const ok = await e.get('/demo/origin/vod/hls-ts/720p.m3u8');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-demo-origin-fault')).toBeNull();
    await ok.text();
    expect(served('/demo/origin/vod/hls-ts/720p.m3u8').at(-1)?.fault).toBeUndefined();

    const r404 = await e.get('/demo/origin/vod/hls-ts/360p.m3u8?fault=404');
    expect(r404.status).toBe(404);
    expect(await r404.text()).toContain('fault=404');
    expect(served('/demo/origin/vod/hls-ts/360p.m3u8').at(-1)).toMatchObject({ status: 404, fault: '404', format: 'hls-media' });

    const r500 = await e.get('/demo/origin/vod/dash/manifest.mpd?fault=500');
    expect(r500.status).toBe(500);
    await r500.text();
    expect(served('/demo/origin/vod/dash/manifest.mpd').at(-1)).toMatchObject({ status: 500, fault: '500', format: 'dash' });
  });

  it('fault=404&every=3 fails exactly requests 3, 6, … of that URL', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push(await status('/demo/origin/vod/hls-fmp4/720p.m3u8?fault=404&every=3'));
    expect(statuses).toEqual([200, 200, 404, 200, 200, 404, 200]);
    // Counted per path: another rendition under the same parameters starts its own count.
    expect(await status('/demo/origin/vod/hls-fmp4/360p.m3u8?fault=404&every=3')).toBe(200);
  });

  it('fault=slow answers after `delay` ms, reported with the fault', async () => {
    const t0 = performance.now();
    const res = await e.get('/demo/origin/vod/hls-ts-daterange/720p.m3u8?fault=slow&delay=600');
    const body = await res.text();
    const ms = performance.now() - t0;
    expect(res.status).toBe(200);
    expect(body).toContain('#EXT-X-ENDLIST');
    expect(ms).toBeGreaterThanOrEqual(590);
    expect(ms).toBeLessThan(2000);
    const ev = served('/demo/origin/vod/hls-ts-daterange/720p.m3u8').at(-1)!;
    expect(ev).toMatchObject({ status: 200, fault: 'slow' });
    expect(ev.ms).toBeGreaterThanOrEqual(590);
  });

  it('fault=timeout never answers: the client gives up after ~1 s and the origin reports 499', async () => {
    const t0 = performance.now();
    const err = await e.get('/demo/origin/live/hls-ts/720p.m3u8?fault=timeout', { signal: AbortSignal.timeout(1000) }).then(
      () => undefined,
      (x: unknown) => x,
    );
    const ms = performance.now() - t0;
    expect((err as Error | undefined)?.name).toBe('TimeoutError');
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(2500);
    const ev = await waitFor(() => served('/demo/origin/live/hls-ts/720p.m3u8').find((x) => x.fault === 'timeout'));
    expect(ev).toMatchObject({ status: 499, error: 'client disconnected' });
  });

  it('fault=stale freezes the live window across refreshes 2 s apart, while the plain playlist advances', async () => {
    const path = '/demo/origin/live/hls-ts/360p.m3u8';
    const fresh0 = (await text(e, path)).body;
    const stale: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await text(e, `${path}?fault=stale`);
      expect(r.status).toBe(200);
      expect(r.headers.get('x-demo-origin-fault')).toBe('stale');
      stale.push(r.body);
      clock += 2000;
    }
    expect(stale[1]).toBe(stale[0]);
    expect(stale[2]).toBe(stale[0]);
    const fresh1 = (await text(e, path)).body;
    expect(mediaSequence(fresh1)).toBe(mediaSequence(fresh0) + 3);
    expect(mediaSequence(stale[0]!)).toBe(mediaSequence(fresh0));
    expect(served(path).filter((x) => x.fault === 'stale')).toHaveLength(3);
  });

  it('fault=stale&every=2 repeats the previous window on every second request only', async () => {
    const path = '/demo/origin/live/hls-ts-daterange/360p.m3u8?fault=stale&every=2';
    const seqs: number[] = [];
    for (let i = 0; i < 4; i++) {
      seqs.push(mediaSequence((await text(e, path)).body));
      clock += 2000;
    }
    const s = seqs[0]!;
    expect(seqs).toEqual([s, s, s + 2, s + 2]);
  });

  it('rejects bad values with a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/demo/origin/vod/hls-ts/master.m3u8?fault=bogus', "'fault'"],
      ['/demo/origin/vod/hls-ts/master.m3u8?fault=slow&delay=30001', "'delay'"],
      ['/demo/origin/vod/hls-ts/master.m3u8?fault=slow&delay=-5', "'delay'"],
      ['/demo/origin/vod/hls-ts/master.m3u8?fault=404&every=0', "'every'"],
      ['/demo/origin/vod/hls-ts/master.m3u8?every=1.5', "'every'"],
      ['/demo/origin/vod/dash/manifest.mpd?segfault=500', "'segfault'"],
      ['/demo/origin/vod/hls-ts/720p/seg_00001.ts?segfault=timeout', "'segfault'"],
      ['/demo/origin/vod/hls-ts/720p.m3u8?fault=stale', 'live manifests only'],
    ];
    for (const [path, needle] of cases) {
      const r = await e.json<{ message: string }>(path);
      expect(r.status, path).toBe(400);
      expect(r.body.message, path).toContain(needle);
    }
    // Limits are inclusive.
    expect(await status('/demo/origin/vod/hls-ts/master.m3u8?fault=slow&delay=0')).toBe(200);
  });

  it('the multivariant carries fault parameters onto its media playlist URIs, and only when given', async () => {
    const plain = (await text(e, '/demo/origin/live/hls-fmp4/master.m3u8')).body;
    expect(plain).toMatch(/^720p\.m3u8$/m);
    expect(plain).toContain('URI="audio.m3u8"');
    const carried = (await text(e, '/demo/origin/live/hls-fmp4/master.m3u8?fault=500&every=4&periods=x&foo=1')).body;
    expect(carried).toMatch(/^720p\.m3u8\?fault=500&every=4$/m);
    expect(carried).toContain('URI="audio.m3u8?fault=500&every=4"');
    expect(carried).not.toContain('foo=1');
    const seg = (await text(e, '/demo/origin/live/hls-fmp4/master.m3u8?segfault=slow&delay=100')).body;
    expect(seg).toMatch(/^360p\.m3u8\?segfault=slow&delay=100$/m);
  });

  it('a media playlist or MPD under segfault carries it onto segment URIs (and EXT-X-MAP)', async () => {
    const media = (await text(e, '/demo/origin/vod/hls-fmp4/720p.m3u8?segfault=404&every=2&fault=500')).body;
    expect(media).toContain('#EXT-X-MAP:URI="720p/init.mp4?segfault=404&every=2"');
    expect(media).toMatch(/^720p\/seg_00000\.m4s\?segfault=404&every=2$/m);
    const plain = (await text(e, '/demo/origin/vod/hls-fmp4/720p.m3u8')).body;
    expect(plain).toMatch(/^720p\/seg_00000\.m4s$/m);
    const mpd = (await text(e, '/demo/origin/vod/dash/manifest.mpd?segfault=slow&delay=50')).body;
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(mpd);
    const [video, audio] = doc.MPD.Period[0].AdaptationSet;
    expect(video.SegmentTemplate.media).toBe('$RepresentationID$/seg_$Number%05d$.m4s?segfault=slow&delay=50');
    expect(audio.SegmentTemplate.initialization).toBe('audio/init.mp4?segfault=slow&delay=50');
    expect(mpd).toContain('?segfault=slow&amp;delay=50"');
    const plainMpd = (await text(e, '/demo/origin/vod/dash/manifest.mpd')).body;
    expect(plainMpd).not.toContain('segfault');
  });

  it('segfault=404&every=2 fails every second segment of a rendition; segment.served carries the fault', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) statuses.push(await status(`/demo/origin/live/hls-ts/720p/seg_0000${i}.ts?segfault=404&every=2`));
    expect(statuses).toEqual([200, 404, 200, 404]);
    expect(segServed('/demo/origin/live/hls-ts/720p/seg_00002.ts').at(-1)).toMatchObject({ status: 404, fault: '404', source: 'demo-origin' });
    expect(segServed('/demo/origin/live/hls-ts/720p/seg_00001.ts').at(-1)?.fault).toBeUndefined();
  });

  it('segfault=slow sends the segment after `delay` ms', async () => {
    const t0 = performance.now();
    const res = await e.get('/demo/origin/vod/hls-ts/360p/seg_00003.ts?segfault=slow&delay=500');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(bytes[0]).toBe(0x47);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(490);
    expect(segServed('/demo/origin/vod/hls-ts/360p/seg_00003.ts').at(-1)).toMatchObject({ status: 200, fault: 'slow' });
  });

  it('describes the faults in the demo catalog and at /demo/origin/faults', async () => {
    const catalog = (await e.json<DemoCatalog>('/demo/catalog')).body;
    const ids = catalog.originFaults?.map((f) => `${f.param}=${f.value}`);
    expect(ids).toEqual(['fault=slow', 'fault=timeout', 'fault=404', 'fault=500', 'fault=stale', 'segfault=404', 'segfault=slow']);
    for (const f of catalog.originFaults!) expect(f.description.length).toBeGreaterThan(10);
    expect(catalog.originFaults!.find((f) => f.value === 'stale')?.liveOnly).toBe(true);
    const own = await e.json<{ faults: unknown[] }>('/demo/origin/faults');
    expect(own.body.faults).toEqual(catalog.originFaults);
  });
});

describe('demo origin faults, through the stitcher', () => {
  const originFetches = (sessionId: string) => events.filter((ev): ev is OriginFetchEvent => ev.kind === 'origin.fetch' && ev.sessionId === sessionId);

  it('implicit session: a media playlist refresh the origin fails with 404 is a 502 to the player; the next one works', async () => {
    const s = await startSession(e, NOFILL, 'live/hls-ts-daterange/master.m3u8', '?fault=404&every=2');
    const statuses: number[] = [];
    const bodies: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await text(e, s.mediaUrls[0]!);
      statuses.push(r.status);
      bodies.push(r.body);
      if (r.status !== 200) {
        expect(r.headers.get('x-amzn-errortype')).toBe('BadGatewayException');
        expect(JSON.parse(r.body)).toMatchObject({ code: 'BadGatewayException', message: expect.stringContaining('HTTP 404') });
      }
      clock += 2000; // past the stitcher's live cache, as a player's refresh interval is
    }
    // Origin count for that media playlist: 1 ok, 2 → 404, 3 ok, 4 → 404.
    expect(statuses).toEqual([200, 502, 200, 502]);
    expect(bodies[2]).toContain('#EXTINF');
    const fetches = originFetches(s.sessionId).filter((f) => f.url.includes('.m3u8?fault=404&every=2') && !f.url.includes('master'));
    expect(fetches.map((f) => f.status)).toEqual([200, 404, 200, 404]);
  });

  it('explicit session: manifestParams reach every media playlist request', async () => {
    const res = await e.json<{ manifestUrl: string }>(`/v1/session/${e.accountId}/${NOFILL}/live/hls-ts/master.m3u8`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ manifestParams: { fault: '500', every: '2' } }),
    });
    expect(res.status).toBe(200);
    const master = await text(e, res.body.manifestUrl);
    expect(master.status).toBe(200);
    const media = master.body.split('\n').find((l) => l.startsWith('/v1/manifest/'))!;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await text(e, media)).status);
      clock += 2000;
    }
    expect(statuses).toEqual([200, 502, 200]);
  });

  it('a slow origin (delay 2500) is a 504 from the stitcher at its 2 s timeout; origin.fetch carries the error', async () => {
    const s = await startSession(e, NOFILL, 'live/hls-fmp4/master.m3u8', '?fault=slow&every=2');
    const t1 = performance.now();
    const first = await text(e, s.mediaUrls[0]!);
    expect(first.status).toBe(200);
    expect(performance.now() - t1).toBeLessThan(1000); // the fault hits every second request only
    clock += 2000;
    const t0 = performance.now();
    const r = await text(e, s.mediaUrls[0]!);
    const ms = performance.now() - t0;
    expect(r.status).toBe(504);
    expect(r.headers.get('x-amzn-errortype')).toBe('GatewayTimeoutException');
    expect(ms).toBeGreaterThanOrEqual(1900);
    expect(ms).toBeLessThan(2500);
    const failed = originFetches(s.sessionId).filter((f) => f.status === 0);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toMatch(/within 2000 ms/);
    expect(failed[0]!.url).toContain('fault=slow&every=2');
    // The origin saw the stitcher hang up (499), not a 2.5 s answer.
    const path = new URL(failed[0]!.url).pathname;
    const ev = await waitFor(() => served(path).find((x) => x.fault === 'slow'));
    expect(ev).toMatchObject({ status: 499 });
    clock += 2000;
    expect((await text(e, s.mediaUrls[0]!)).status).toBe(200);
  });

  it('a slow multivariant fails the session start with 504 within ~2.5 s', async () => {
    const t0 = performance.now();
    const r = await text(e, `/v1/master/${e.accountId}/${NOFILL}/vod/hls-ts/master.m3u8?fault=slow`);
    expect(r.status).toBe(504);
    expect(performance.now() - t0).toBeLessThan(2500);
  });

  it('segfault rides from the playback URL onto the stitched content segment URLs (HLS and DASH)', async () => {
    const s = await startSession(e, NOFILL, 'vod/hls-ts/master.m3u8', '?segfault=404&every=3');
    const media = (await text(e, s.mediaUrls[0]!)).body;
    const content = media.split('\n').filter((l) => l.includes('/demo/origin/'));
    expect(content.length).toBeGreaterThan(5);
    for (const uri of content) expect(uri).toMatch(/\/seg_\d{5}\.ts\?segfault=404&every=3$/);
    const statuses: number[] = [];
    for (const uri of content.slice(0, 6)) {
      const res = await fetch(uri);
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 404, 200, 200, 404]);

    const first = await e.get(`/v1/dash/${e.accountId}/${NOFILL}/vod/dash/manifest.mpd?segfault=slow&delay=10`, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const mpd = (await text(e, first.headers.get('location')!)).body;
    expect(mpd).toContain('seg_$Number%05d$.m4s?segfault=slow&amp;delay=10"');
  });
});

describe('demo origin faults, shutdown and bookkeeping', () => {
  it('closing the engine answers a request held by fault=timeout with 503 at once', async () => {
    const other = await startTestEngine();
    const pending = other.get('/demo/origin/live/dash/manifest.mpd?fault=timeout').then(
      (r) => r.status,
      () => 0,
    );
    await new Promise((r) => setTimeout(r, 200));
    const t0 = performance.now();
    await other.dispose();
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(await pending).toBe(503);
  });

  it('the every=N counter keeps at most its bound of keys, least recently used out first', () => {
    const c = new FaultCounter(3);
    expect(c.hit('a', 2).applies).toBe(false);
    c.hit('b', 1);
    c.hit('c', 1);
    expect(c.hit('a', 2).applies).toBe(true); // a is now the most recent
    c.hit('d', 1); // evicts b
    expect(c.size).toBe(3);
    expect(c.hit('b', 2).applies).toBe(false); // b starts over (evicting c)
    expect(c.hit('a', 2).applies).toBe(false); // a kept its count: 3rd request
  });
});
