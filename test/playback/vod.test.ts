// Stitched VOD through the real engine: implicit and explicit sessions, ad segments, faults, errors, CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { readPlaylist } from '../stitch/helpers.js';
import { putConfig, sessionView, startSession, text } from './helpers.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.dispose();
});

describe('implicit HLS session on the demo VOD', () => {
  it('multivariant → per-session media playlists with both breaks replaced by ads', async () => {
    const s = await startSession(engine, 'demo', 'vod/hls-ts/master.m3u8');
    expect(s.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.mediaUrls).toEqual([0, 1].map((n) => `/v1/manifest/${engine.accountId}/${s.sessionId}/${n}.m3u8`));
    const media = await text(engine, s.mediaUrls[0]!);
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toContain('mpegurl');
    const p = readPlaylist(media.body);
    const ads = p.segments.filter((x) => x.uri.includes('/v1/segment/'));
    expect(ads.length).toBe(20); // 2 breaks × 20 s of 2 s ad segments
    // The origin's break segments (20–40 s and 70–90 s of content) are gone; content is absolute.
    const content = p.segments.filter((x) => !x.uri.includes('/v1/segment/')).map((x) => x.uri.split('/').pop());
    expect(content).not.toContain('seg_00010.ts');
    expect(content).not.toContain('seg_00044.ts');
    expect(content).toContain('seg_00020.ts');
    expect(content).toHaveLength(30);
    expect(media.body).not.toMatch(/CUE-OUT|CUE-IN|OATCLS/);
    const view = await sessionView(engine, s.sessionId);
    expect(view.avails.map((a) => [a.availId, a.filledSeconds, a.fallback])).toEqual([
      ['10', 20, null],
      ['35', 20, null],
    ]);
    // The ADS was asked for the avail's duration, with this session's id.
    expect(view.avails[0]!.adsUrl).toContain(`dur=20&sid=${s.sessionId}`);
  });

  it('ad segments redirect to the creative and play: the 360p variant gets the 360p ad rendition', async () => {
    const s = await startSession(engine, 'demo', 'vod/hls-ts/master.m3u8');
    const p = readPlaylist((await text(engine, s.mediaUrls[1]!)).body);
    const ad = p.segments.find((x) => x.uri.includes('/v1/segment/'))!;
    const res = await fetch(ad.uri, { redirect: 'manual' });
    expect(res.status).toBe(302);
    // The transcoder's output for the demo ad (its creative id is the cache key's readable part).
    expect(res.headers.get('location')).toMatch(/\/v1\/transcoded\/ad\d_[0-9a-f]{12}\/ts\/360p\/seg_00000\.ts$/);
    const media = await fetch(ad.uri);
    expect(media.status).toBe(200);
    expect((await media.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  });

  it('both variants place the same ads at the same positions', async () => {
    const s = await startSession(engine, 'demo', 'vod/hls-ts/master.m3u8');
    const [a, b] = await Promise.all(s.mediaUrls.map(async (u) => readPlaylist((await text(engine, u)).body)));
    const shape = (p: ReturnType<typeof readPlaylist>) => p.segments.map((x) => [x.duration, x.cc, x.uri.includes('/v1/segment/')]);
    expect(shape(a!)).toEqual(shape(b!));
  });

  it('fMP4 with a demuxed audio group: audio rendition stitched too, EXT-X-MAP of the ad', async () => {
    const s = await startSession(engine, 'demo', 'vod/hls-fmp4/master.m3u8');
    expect(s.multivariant).toMatch(/#EXT-X-MEDIA:TYPE=AUDIO,.*URI="\/v1\/manifest\//);
    expect(s.mediaUrls).toHaveLength(3);
    for (const u of s.mediaUrls) {
      const body = (await text(engine, u)).body;
      expect(body).toMatch(/#EXT-X-MAP:URI="http:\/\/[^"]+\/v1\/transcoded\/ad\d_[0-9a-f]{12}\/cmaf\/(720p|360p|audio)\/init\.mp4"/);
      expect(readPlaylist(body).segments.filter((x) => x.uri.includes('/v1/segment/')).length).toBeGreaterThan(0);
    }
    expect((await sessionView(engine, s.sessionId)).container).toBe('fmp4');
  });

  it('DATERANGE-marked content is stitched the same way', async () => {
    const s = await startSession(engine, 'demo', 'vod/hls-ts-daterange/master.m3u8');
    const body = (await text(engine, s.mediaUrls[0]!)).body;
    expect(readPlaylist(body).segments.filter((x) => x.uri.includes('/v1/segment/'))).toHaveLength(20);
    expect(body).not.toContain('SCTE35-OUT');
  });
});

describe('explicit sessions', () => {
  it('POST /v1/session returns manifestUrl and trackingUrl; the manifest URL serves that session', async () => {
    const res = await engine.json<{ manifestUrl: string; trackingUrl: string }>(`/v1/session/${engine.accountId}/demo/vod/hls-ts/master.m3u8`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ adsParams: { deviceType: 'tv' }, reportingMode: 'client', logMode: 'DEBUG' }),
    });
    expect(res.status).toBe(200);
    const m = /aws\.sessionId=([0-9a-f-]{36})$/.exec(res.body.manifestUrl);
    expect(m).not.toBeNull();
    expect(res.body.trackingUrl).toBe(`/v1/tracking/${engine.accountId}/demo/${m![1]}`);
    const master = await text(engine, res.body.manifestUrl);
    expect(master.status).toBe(200);
    expect(master.headers.get('x-stitchbench-session')).toBe(m![1]);
    const first = master.body.split('\n').find((l) => l.startsWith('/v1/manifest/'))!;
    await text(engine, first);
    const view = await sessionView(engine, m![1]!);
    // ads.* params reach the ADS as query parameters; DEBUG keeps origin and stitched manifests.
    expect(view.avails[0]!.adsUrl).toContain('deviceType=tv');
    expect(view.debug?.[0]?.origin).toContain('#EXT-X-CUE-OUT');
    expect(view.debug?.[0]?.stitched).toContain('/v1/segment/');
  });

  it('bad bodies are 400 with the field named', async () => {
    const bad = await engine.json<{ message: string }>(`/v1/session/${engine.accountId}/demo/vod/hls-ts/master.m3u8`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reportingMode: 'sideways' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('reportingMode');
    const notJson = await engine.get(`/v1/session/${engine.accountId}/demo/vod/hls-ts/master.m3u8`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(notJson.status).toBe(400);
  });
});

describe('ADS failures: content plays unchanged', () => {
  const cases: [string, string, string, number?][] = [
    ['empty', '&fault=empty', 'EMPTY_VAST_RESPONSE'],
    ['garbage', '&fault=garbage', 'ADS_ERROR', 100],
    ['HTTP 500', '&fault=500', 'ADS_ERROR', 301],
    ['timeout', '&fault=timeout', 'ADS_TIMEOUT', 301],
    ['wrapper loop', '&fault=loop', 'ADS_ERROR', 302],
    ['8-deep wrapper chain', '&wrapper=8', 'ADS_ERROR', 302],
  ];
  for (const [label, q, fallback, code] of cases) {
    it(`${label} → ${fallback}${code ? ` (VAST ${code})` : ''}, origin segments kept`, async () => {
      const name = `fault-${label.replace(/\W+/g, '-')}`;
      await putConfig(engine, name, { AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&sid=[session.id]${q}`, AdsRequestTimeoutMilliseconds: 400 });
      const t0 = performance.now();
      const s = await startSession(engine, name, 'vod/hls-ts/master.m3u8');
      const body = (await text(engine, s.mediaUrls[0]!)).body;
      const elapsed = performance.now() - t0;
      const p = readPlaylist(body);
      expect(p.segments).toHaveLength(50);
      expect(body).not.toContain('/v1/segment/');
      const view = await sessionView(engine, s.sessionId);
      expect(view.avails.map((a) => a.fallback)).toEqual([fallback, fallback]);
      if (code) expect(view.avails[0]!.vast?.errorCode).toBe(code);
      // Both avails were decided in parallel within the ADS timeout budget, not one after the other.
      if (label === 'timeout') expect(elapsed).toBeLessThan(3000);
    });
  }

  it('a chain of 3 wrappers resolves to the inline ads', async () => {
    await putConfig(engine, 'wrapped', { AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&sid=[session.id]&wrapper=3` });
    const s = await startSession(engine, 'wrapped', 'vod/hls-ts/master.m3u8');
    await text(engine, s.mediaUrls[0]!);
    const view = await sessionView(engine, s.sessionId);
    expect(view.avails[0]!.fallback).toBeNull();
    expect(view.avails[0]!.vast?.hops).toHaveLength(4);
  });

  it('a wrapper limit error pings the wrappers’ <Error> URLs with code 302', async () => {
    await putConfig(engine, 'deep', { AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&sid=[session.id]&wrapper=8` });
    const s = await startSession(engine, 'deep', 'vod/hls-ts/master.m3u8');
    await text(engine, s.mediaUrls[0]!);
    await expect
      .poll(async () => (await engine.json<{ hits: { ev: string; code?: string }[] }>(`/demo/ads/events?sid=${s.sessionId}`)).body.hits.filter((h) => h.ev === 'error').map((h) => h.code))
      .toContain('302');
  });

  it('an ADS URL that is not reachable is a fallback, not an error for the player', async () => {
    await putConfig(engine, 'dead-ads', { AdDecisionServerUrl: 'http://127.0.0.1:9/vast' });
    const s = await startSession(engine, 'dead-ads', 'vod/hls-ts/master.m3u8');
    const r = await text(engine, s.mediaUrls[0]!);
    expect(r.status).toBe(200);
    expect((await sessionView(engine, s.sessionId)).avails[0]!.fallback).toBe('ADS_ERROR');
  });
});

describe('playback error contract', () => {
  it('unknown session 404, unknown account 404, unknown config 404, unknown track 404', async () => {
    expect((await text(engine, `/v1/manifest/${engine.accountId}/00000000-0000-0000-0000-000000000000/0.m3u8`)).status).toBe(404);
    expect((await text(engine, `/v1/master/deadbeef/demo/vod/hls-ts/master.m3u8`)).status).toBe(404);
    expect((await text(engine, `/v1/master/${engine.accountId}/nope/vod/hls-ts/master.m3u8`)).status).toBe(404);
    const s = await startSession(engine, 'demo', 'vod/hls-ts/master.m3u8');
    expect((await text(engine, `/v1/manifest/${engine.accountId}/${s.sessionId}/7.m3u8`)).status).toBe(404);
  });

  it('origin 404 → 502 with the reason; malformed origin manifest → 502', async () => {
    const missing = await engine.json<{ message: string }>(`/v1/master/${engine.accountId}/demo/vod/hls-ts/missing.m3u8`);
    expect(missing.status).toBe(502);
    expect(missing.body.message).toMatch(/Origin answered HTTP 404/);
    await putConfig(engine, 'not-hls', { VideoContentSourceUrl: `${engine.url}/demo/catalog#` });
    const bad = await engine.json<{ message: string }>(`/v1/master/${engine.accountId}/not-hls/x.m3u8`);
    expect(bad.status).toBe(502);
  });

  it('CORS: Origin echoed with credentials, otherwise *', async () => {
    const withOrigin = await engine.get(`/v1/master/${engine.accountId}/demo/vod/hls-ts/master.m3u8`, { headers: { origin: 'https://player.example' } });
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('https://player.example');
    expect(withOrigin.headers.get('access-control-allow-credentials')).toBe('true');
    expect(withOrigin.headers.get('access-control-allow-methods')).toBe('GET');
    const without = await engine.get(`/v1/master/${engine.accountId}/demo/vod/hls-ts/master.m3u8`);
    expect(without.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('CdnConfiguration prefixes rewrite ad and content segment URLs', async () => {
    await putConfig(engine, 'cdn', { CdnConfiguration: { AdSegmentUrlPrefix: 'https://ads-cdn.example', ContentSegmentUrlPrefix: 'https://cdn.example/content' } });
    const s = await startSession(engine, 'cdn', 'vod/hls-ts/master.m3u8');
    const p = readPlaylist((await text(engine, s.mediaUrls[0]!)).body);
    expect(p.segments[0]!.uri).toBe('https://cdn.example/content/vod/hls-ts/720p/seg_00000.ts');
    expect(p.segments.find((x) => x.uri.includes('/v1/segment/'))!.uri.startsWith('https://ads-cdn.example/v1/segment/')).toBe(true);
  });
});

describe('ADS request: variables and device headers', () => {
  it('templated variables are expanded and the viewer’s IP / user agent forwarded as X-Device-* headers', async () => {
    const { createServer } = await import('node:http');
    const seen: { url: string; headers: Record<string, string | string[] | undefined> }[] = [];
    const ads = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.setHeader('content-type', 'application/xml');
      res.end('<VAST version="3.0"/>');
    });
    await new Promise<void>((r) => ads.listen(0, '127.0.0.1', r));
    const port = (ads.address() as { port: number }).port;
    try {
      await putConfig(engine, 'vars', {
        AdDecisionServerUrl: `http://127.0.0.1:${port}/vast?sid=[session.id]&ip=[session.client_ip]&ua=[session.user_agent]&d=[session.avail_duration_ms]&i=[avail.index]&dev=[player_params.device]&caid=[asset.CAID]`,
      });
      const res = await engine.get(`/v1/master/${engine.accountId}/vars/vod/hls-ts/master.m3u8?ads.device=tv%20box`, { headers: { 'user-agent': 'BenchPlayer/1.0' } });
      const sessionId = res.headers.get('x-stitchbench-session')!;
      const media = (await res.text()).split('\n').find((l) => l.startsWith('/v1/manifest/'))!;
      await text(engine, media);
      expect(seen).toHaveLength(2);
      const u = new URL(seen[0]!.url, 'http://x');
      expect(u.searchParams.get('sid')).toBe(sessionId);
      expect(u.searchParams.get('ip')).toBe('127.0.0.1');
      expect(u.searchParams.get('ua')).toBe('BenchPlayer/1.0');
      expect(u.searchParams.get('d')).toBe('20000');
      expect(u.searchParams.get('dev')).toBe('tv box');
      expect(new Set(seen.map((x) => new URL(x.url, 'http://x').searchParams.get('i')))).toEqual(new Set(['0', '1']));
      expect(seen[0]!.headers['x-device-ip']).toBe('127.0.0.1');
      expect(seen[0]!.headers['x-device-user-agent']).toBe('BenchPlayer/1.0');
    } finally {
      await new Promise((r) => ads.close(r));
    }
  });
});
