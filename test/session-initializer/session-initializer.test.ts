// The session-initializer micro-service (AWS's prefetch sample): 302s with a random aws.streamId in 1..StreamCount,
// an explicit session created on the client's behalf, StreamCount as a setting, counts per stream id.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.dispose();
});

const put = (body: unknown) => engine.get('/session-initializer/settings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const stats = async () => (await engine.json<{ streamCount: number; total: number; counts: Record<string, number> }>('/session-initializer/stats')).body;

describe('session-initializer', () => {
  it('GET …/v1/master/… answers 302 to the same path without the prefix, query kept, plus aws.streamId in 1..StreamCount', async () => {
    const res = await engine.get(`/session-initializer/v1/master/${engine.accountId}/demo/vod/hls-ts/master.m3u8?ads.k=v&aws.streamId=99`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location')!, engine.url);
    expect(loc.pathname).toBe(`/v1/master/${engine.accountId}/demo/vod/hls-ts/master.m3u8`);
    expect(loc.searchParams.get('ads.k')).toBe('v');
    // The client's own stream id is replaced: the initializer hands them out.
    expect(Number(loc.searchParams.get('aws.streamId'))).toBeGreaterThanOrEqual(1);
    expect(Number(loc.searchParams.get('aws.streamId'))).toBeLessThanOrEqual(3);
    // Following it creates a session that carries the stream id.
    const mv = await engine.get(`${loc.pathname}${loc.search}`);
    expect(mv.status).toBe(200);
    const session = mv.headers.get('x-stitchbench-session')!;
    const view = (await engine.json<{ streamId: string }>(`/api/sessions/${session}`)).body;
    expect(view.streamId).toBe(loc.searchParams.get('aws.streamId'));
  });

  it('DASH: 302 to /v1/dash/… with aws.streamId, whose own 302 makes the session', async () => {
    const res = await engine.get(`/session-initializer/v1/dash/${engine.accountId}/demo/vod/dash/manifest.mpd`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const loc = res.headers.get('location')!;
    expect(loc).toMatch(new RegExp(`^/v1/dash/${engine.accountId}/demo/vod/dash/manifest\\.mpd\\?aws\\.streamId=[123]$`));
    const mpd = await engine.get(loc);
    expect(mpd.status).toBe(200);
    const id = new URL(mpd.url).searchParams.get('aws.sessionId')!;
    expect((await engine.json<{ streamId: string }>(`/api/sessions/${id}`)).body.streamId).toBe(new URL(loc, engine.url).searchParams.get('aws.streamId'));
  });

  it('POST …/v1/session/… creates the session with its adsParams and a random stream id: {manifestUrl, trackingUrl}', async () => {
    const res = await engine.json<{ manifestUrl: string; trackingUrl: string }>(`/session-initializer/v1/session/${engine.accountId}/demo/vod/hls-ts/master.m3u8`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ adsParams: { deviceType: 'ipad' }, reportingMode: 'client' }),
    });
    expect(res.status).toBe(200);
    expect(res.body.manifestUrl).toMatch(new RegExp(`^/v1/master/${engine.accountId}/demo/vod/hls-ts/master\\.m3u8\\?aws\\.sessionId=`));
    expect(res.body.trackingUrl).toMatch(new RegExp(`^/v1/tracking/${engine.accountId}/demo/`));
    const id = new URL(res.body.manifestUrl, engine.url).searchParams.get('aws.sessionId')!;
    const view = (await engine.json<{ streamId: string; adsParams: Record<string, string>; reportingMode: string }>(`/api/sessions/${id}`)).body;
    expect(view).toMatchObject({ adsParams: { deviceType: 'ipad' }, reportingMode: 'client' });
    expect(['1', '2', '3']).toContain(view.streamId);
    // Errors of the playback API come through as they are.
    const bad = await engine.get(`/session-initializer/v1/session/${engine.accountId}/nope/x.m3u8`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(bad.status).toBe(404);
  });

  it('StreamCount is a setting (1–10, kept on disk); ids spread over all of 1..N across many requests', async () => {
    expect((await put({ StreamCount: 11 })).status).toBe(400);
    expect((await put({ StreamCount: 0 })).status).toBe(400);
    expect((await put({ Streams: 4 })).status).toBe(400);
    expect((await put({ StreamCount: 5 })).status).toBe(200);
    expect(JSON.parse(await readFile(join(engine.dataDir, 'session-initializer.json'), 'utf8'))).toEqual({ StreamCount: 5 });
    const before = await stats();
    const N = 500;
    const seen: number[] = [];
    for (let i = 0; i < N; i++) {
      const res = await engine.get(`/session-initializer/v1/master/${engine.accountId}/demo/vod/hls-ts/master.m3u8`, { redirect: 'manual' });
      seen.push(Number(new URL(res.headers.get('location')!, engine.url).searchParams.get('aws.streamId')));
    }
    expect(Math.min(...seen)).toBe(1);
    expect(Math.max(...seen)).toBe(5);
    // Uniform: each id gets 100 ± 40 of 500 (the chance of falling outside is far below 1e-4 per id).
    for (let k = 1; k <= 5; k++) expect(seen.filter((x) => x === k).length, `id ${k}`).toBeGreaterThan(60);
    for (let k = 1; k <= 5; k++) expect(seen.filter((x) => x === k).length, `id ${k}`).toBeLessThan(140);
    const after = await stats();
    expect(after.streamCount).toBe(5);
    expect(after.total - before.total).toBe(N);
    for (let k = 1; k <= 5; k++) expect((after.counts[String(k)] ?? 0) - (before.counts[String(k)] ?? 0)).toBe(seen.filter((x) => x === k).length);
  });

  it('a bad aws.streamId on a playback URL is a 400 naming it', async () => {
    const res = await engine.json<{ message: string }>(`/v1/master/${engine.accountId}/demo/vod/hls-ts/master.m3u8?aws.streamId=${encodeURIComponent('a b<c>')}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/aws\.streamId/);
  });
});
