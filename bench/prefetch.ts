// What prefetching buys at break time: the stitched live playlist request that meets a new break, with the ADS
// called then (baseline, same run) against the same request when a prefetch schedule fetched the ads earlier. The
// demo ADS answers after DELAY ms, standing in for a real ADS's latency. Also: the prefetcher's tick over many
// live sessions (planning + bookkeeping, calls excluded), against listing the sessions alone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createEngine } from '../src/main/engine/engine.js';
import { LIVE_EPOCH_MS } from '../src/main/demo/origin/timeline.js';
import { demoIndexPath } from './lib/demo-index.js';

const DELAY = 250;
const SESSIONS = 12;
const START = LIVE_EPOCH_MS + (1000 * 100 + 16) * 1000; // the break at 20 s of loop 1000 is 3 segments away
let clock = START;
const demoRoot = dirname(dirname(demoIndexPath()));
const dataDir = await mkdtemp(join(tmpdir(), 'stitchbench-bench-'));
const engine = await createEngine({ dataDir, demoMediaRoot: demoRoot, now: () => clock });
await engine.demoReady;

async function call(path: string, init?: RequestInit): Promise<Response> {
  const r = await fetch(`${engine.url}${path}`, init?.body ? { ...init, headers: { 'content-type': 'application/json' } } : init);
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r;
}
for (const name of ['bench-live-ads', 'bench-prefetch']) {
  await call('/playbackConfiguration', {
    method: 'PUT',
    body: JSON.stringify({ Name: name, VideoContentSourceUrl: `${engine.url}/demo/origin`, AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&fault=slow&delay=${DELAY}` }),
  });
}

async function sessions(config: string): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const master = await (await call(`/v1/master/${engine.accountId}/${config}/live/hls-ts/master.m3u8`)).text();
    const media = master.split('\n').find((l) => l.startsWith('/v1/manifest/'))!;
    await (await call(media)).text();
    out.push(media);
  }
  return out;
}

/** Steps the clock segment by segment; returns each session's slowest playlist response (the one meeting the break). */
async function breakTimeMs(playlists: string[]): Promise<number[]> {
  const worst = playlists.map(() => 0);
  for (let step = 0; step < 5; step++) {
    clock += 2000;
    await engine.prefetcher.tick();
    for (const [i, p] of playlists.entries()) {
      const t0 = performance.now();
      await (await call(p)).text();
      worst[i] = Math.max(worst[i]!, performance.now() - t0);
    }
  }
  return worst;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

clock = START;
const baseline = await breakTimeMs(await sessions('bench-live-ads'));
clock = START;
const prefetched = await sessions('bench-prefetch');
const nowS = clock / 1000;
await call('/prefetchSchedule/bench-prefetch/bench', {
  method: 'POST',
  body: JSON.stringify({ Retrieval: { StartTime: nowS, EndTime: nowS + 4, DynamicVariables: { 'session.avail_duration_secs': '20' } }, Consumption: { EndTime: nowS + 60 } }),
});
await engine.prefetcher.tick();
const withPrefetch = await breakTimeMs(prefetched);
const overview = (await (await call('/api/prefetch?config=bench-prefetch')).json()) as { schedules: { counts: { used: number }; retrievals: { state: string; error?: string }[] }[] };

console.log(`\n# Prefetch: the playlist request that meets a new live break (demo ADS delay ${DELAY} ms, ${SESSIONS} sessions each)`);
console.log(`baseline, ADS called at break time: p50 ${pct(baseline, 50).toFixed(1)} ms, max ${Math.max(...baseline).toFixed(1)} ms`);
console.log(`prefetched (${overview.schedules[0]!.counts.used}/${SESSIONS} avails from prefetch): p50 ${pct(withPrefetch, 50).toFixed(1)} ms, max ${Math.max(...withPrefetch).toFixed(1)} ms`);
console.log(`ratio prefetched / baseline (p50): ${(pct(withPrefetch, 50) / pct(baseline, 50)).toFixed(3)}×`);

// The tick in steady state over many live sessions inside an open retrieval window (every session already
// planned, its call done): what runs four times a second. Baseline: one filter pass picking the eligible sessions.
const many = 2000;
const fakeSessions = Array.from({ length: many }, (_, i) => ({ id: `s${i}`, configName: 'bench-prefetch', live: true, request: {} }));
const store = engine.sessions as unknown as { list(): Promise<typeof fakeSessions> };
store.list = async () => fakeSessions;
await call('/prefetchSchedule/bench-prefetch/steady', {
  method: 'POST',
  body: JSON.stringify({ Retrieval: { StartTime: clock / 1000, EndTime: clock / 1000 + 3600 }, Consumption: { EndTime: clock / 1000 + 4000 } }),
});
await engine.prefetcher.tick(); // plans all; their calls fail at once (no such sessions), no network involved
const reps = 300;
let sink = 0;
let t0 = performance.now();
for (let i = 0; i < reps; i++) sink += (await store.list()).filter((x) => x.configName === 'bench-prefetch' && x.live).length;
const listMs = (performance.now() - t0) / reps;
t0 = performance.now();
for (let i = 0; i < reps; i++) await engine.prefetcher.tick();
const tickMs = (performance.now() - t0) / reps;
console.log(`tick over ${many} live sessions in an open window: ${tickMs.toFixed(3)} ms; baseline filter pass ${listMs.toFixed(3)} ms; ratio ${(tickMs / listMs).toFixed(1)}× (${sink > 0 ? 'ok' : ''})`);

await engine.close();
await rm(dataDir, { recursive: true, force: true });
