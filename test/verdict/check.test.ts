// `stitchbench check` end to end against a real engine: it plays the demo like a player and the verdict passes;
// with the ADS's beacons broken (beacons=down: tracking URLs refuse connections) it fails with the reason; with
// client-side reporting the checker reports the beacons itself and the verdict judges them the same way.
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/main/check/run.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { putConfig } from '../playback/helpers.js';

let engine: TestEngine;
let dir: string;

beforeAll(async () => {
  engine = await startTestEngine();
  dir = await mkdtemp(join(tmpdir(), 'stitchbench-check-'));
  await putConfig(engine, 'beacons-down', { AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&sid=[session.id]&beacons=down` });
});
afterAll(async () => {
  await engine?.dispose();
});

function run(url: string, extra: Partial<Parameters<typeof runCheck>[0]> = {}) {
  const lines: string[] = [];
  return runCheck({ url, speed: 25, asset: 'vod/hls-ts/master.m3u8', reportingMode: 'server', color: false, out: (l) => lines.push(l), ...extra }).then((o) => ({ ...o, text: lines.join('\n') }));
}

describe('stitchbench check', () => {
  it('passes on the demo VOD: both avails filled, all 24 beacons fired on time and in order, discontinuities at every boundary', async () => {
    const junit = join(dir, 'demo.xml');
    const o = await run(`${engine.url}/v1/master/${engine.accountId}/demo/vod/hls-ts/master.m3u8`, { junitFile: junit });
    expect(o.text).toMatch(/verdict: PASS/);
    expect(o.text).toMatch(/\(20 ad\)/);
    expect(o.exitCode).toBe(0);
    const byId = Object.fromEntries(o.verdict!.checks.map((c) => [c.id, c]));
    expect(byId['ads-filled']).toMatchObject({ status: 'pass', summary: '2 avails filled' });
    expect(byId['beacons-complete']!.status).toBe('pass');
    expect(byId['beacons-complete']!.summary).toMatch(/^24\/24 beacons/);
    expect(byId['beacons-order']!.status).toBe('pass');
    expect(byId['beacons-timing']!.status).toBe('pass');
    expect(byId['stalls-at-boundaries']!.status).toBe('pass');
    expect(byId['player-errors']!.status).toBe('pass');
    expect(byId['discontinuities']).toMatchObject({ status: 'pass', summary: '4 boundaries in 1 playlist, each marked' });
    expect(byId['media-sequence']!.status).toBe('pass');
    expect(byId['dash-periods']!.status).toBe('skip');
    expect(o.verdict!.scope).toMatchObject({ avails: 2, ads: 4, beaconsExpected: 24 });
    expect(o.verdict!.scope.playheadSeconds).toBeGreaterThan(99);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('<testsuite name="stitchbench.session.');
    expect(xml).toMatch(/failures="0"/);
    expect(xml).toContain('name="beacons-complete: Every beacon due was fired and answered 2xx"');
  }, 60_000);

  it('passes on the demo DASH VOD: the video Representation of every Period, beacons through /v1/dashsegment/, Period switches', async () => {
    const o = await run(`${engine.url}/v1/dash/${engine.accountId}/demo/vod/dash/manifest.mpd`);
    expect(o.text).toMatch(/DASH VOD, server-side beacons/);
    expect(o.exitCode).toBe(0);
    const byId = Object.fromEntries(o.verdict!.checks.map((c) => [c.id, c]));
    expect(byId['beacons-complete']!.summary).toMatch(/^24\/24 beacons/);
    expect(byId['discontinuities']).toMatchObject({ status: 'pass' });
    expect(byId['discontinuities']!.summary).toMatch(/Period switches over 2 avails played/);
    expect(byId['dash-periods']!.status).toBe('pass');
    expect(byId['media-sequence']!.status).toBe('skip');
  }, 60_000);

  it('fails (exit 1) with the reason when the beacon host is down', async () => {
    const o = await run(`${engine.url}/playbackConfiguration/beacons-down`);
    expect(o.exitCode).toBe(1);
    const c = o.verdict!.checks.find((x) => x.id === 'beacons-complete')!;
    expect(c.status).toBe('fail');
    expect(c.summary).toBe('24 failed of 24 beacons due');
    expect(c.evidence[0]).toMatch(/avail \S+ ad \S+ impression: failed — .*ECONNREFUSED.* after 3 attempt\(s\) from 127\.0\.0\.1:2/);
    expect(o.text).toMatch(/FAIL {2}beacons-complete +24 failed of 24 beacons due/);
    expect(o.text).toMatch(/verdict: FAIL .*\(beacons-complete\)/);
    // Ads still played: the stitcher's part was fine.
    expect(o.verdict!.checks.find((x) => x.id === 'ads-filled')!.status).toBe('pass');
  }, 60_000);

  it('client-side reporting: the checker reports each tracking event as its playhead crosses it', async () => {
    const o = await run(`${engine.url}/v1/master/${engine.accountId}/demo/vod/hls-ts/master.m3u8`, { reportingMode: 'client' });
    expect(o.text).toMatch(/client-side beacons/);
    expect(o.text).toMatch(/24 client beacons reported/);
    expect(o.exitCode).toBe(0);
    const report = (await engine.json<{ reportingMode: string; summary: { fired: number }; avails: { ads: { beacons: { sender?: string }[] }[] }[] }>(`/api/sessions/${o.sessionId}/beacons`)).body;
    expect(report.reportingMode).toBe('client');
    expect(report.summary.fired).toBe(24);
    expect(report.avails.flatMap((a) => a.ads.flatMap((ad) => ad.beacons.map((b) => b.sender)))).toEqual(Array(24).fill('client'));
  }, 60_000);

  it('client-side reporting on DASH: an explicit DASH session, its tracking API ids are the ad Period ids', async () => {
    const o = await run(`${engine.url}/v1/dash/${engine.accountId}/demo/vod/dash/manifest.mpd`, { reportingMode: 'client' });
    expect(o.text).toMatch(/DASH VOD, client-side beacons/);
    expect(o.text).toMatch(/24 client beacons reported/);
    expect(o.exitCode).toBe(0);
    const report = (await engine.json<{ summary: { fired: number } }>(`/api/sessions/${o.sessionId}/beacons`)).body;
    expect(report.summary.fired).toBe(24);
  }, 60_000);

  it('the session export carries setup, verdict, beacons, player reports, events and manifests', async () => {
    const o = await run(`${engine.url}/v1/master/${engine.accountId}/demo/vod/hls-ts/master.m3u8`, { durationS: 30 });
    const exp = (await engine.json<Record<string, any>>(`/api/sessions/${o.sessionId}/export`)).body;
    expect(exp.stitchbench.format).toBe('session-export/1');
    expect(exp.session.sessionId).toBe(o.sessionId);
    expect(exp.configuration.Name).toBe('demo');
    expect(exp.verdict.checks).toHaveLength(11);
    expect(exp.beacons.summary.expected).toBe(24);
    expect(exp.playerObservations.some((x: { type: string }) => x.type === 'ad-start')).toBe(true);
    expect(exp.events.some((e: { kind: string }) => e.kind === 'avail')).toBe(true);
    expect(exp.manifests.tracks.some((t: { refreshes: unknown[] }) => t.refreshes.length > 0)).toBe(true);
    // Played 30 s: the first avail (20–40 s) is under way, the second not reached; nothing is owed beyond.
    expect(exp.verdict.scope.playheadSeconds).toBeGreaterThanOrEqual(29.5);
    expect(exp.verdict.checks.find((c: { id: string }) => c.id === 'beacons-complete').status).toBe('pass');
  }, 60_000);

  it('player reports are validated: a bad one is a 400 naming the field; good ones reach the bus', async () => {
    const o = await run(`${engine.url}/v1/master/${engine.accountId}/demo/vod/hls-ts/master.m3u8`, { durationS: 4 });
    const post = (body: unknown) => engine.get(`/api/sessions/${o.sessionId}/player`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const bad = await post({ player: 'x', observations: [{ type: 'teleport', at: 1, position: 0 }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/Invalid player report: .*type/);
    expect((await post('{')).status).toBe(400);
    expect((await engine.get('/api/sessions/nope/player', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ player: 'x', observations: [] }) })).status).toBe(404);
    const seen = new Promise((resolve) => {
      const stop = engine.bus.subscribe((e) => {
        if (e.kind === 'player' && e.observation.type === 'stall') {
          stop();
          resolve(e);
        }
      });
    });
    expect((await post({ player: 'hls.js', observations: [{ type: 'stall', at: Date.now(), position: 3, durationMs: 1200 }] })).status).toBe(204);
    expect(await seen).toMatchObject({ sessionId: o.sessionId, player: 'hls.js', observation: { type: 'stall', durationMs: 1200 } });
    expect((await engine.get(`/api/sessions/${o.sessionId}/verdict?format=xml`)).status).toBe(400);
  }, 60_000);

  it('bad input is a clear error with exit 2, never a crash', async () => {
    expect((await run('not a url')).text).toMatch(/not a URL/);
    const wrong = await run(`${engine.url}/healthz`);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.text).toMatch(/expected a playback URL/);
    const missing = await run(`${engine.url}/playbackConfiguration/nope`);
    expect(missing.exitCode).toBe(2);
    expect(missing.text).toMatch(/answered 404/);
    const dead = await run('http://127.0.0.1:2/v1/master/1/demo/x.m3u8');
    expect(dead.exitCode).toBe(2);
    expect(dead.text).toMatch(/cannot fetch .*ECONNREFUSED/);
  });
});
