// The stitcher over HTTP: a session's stitched media playlist (origin cached, avails decided) against serving
// a static file of the same size from the same server, at 1 and 10 connections; plus memory per live session.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createEngine } from '../src/main/engine/engine.js';
import { LIVE_EPOCH_MS } from '../src/main/demo/origin/timeline.js';
import { demoIndexPath } from './lib/demo-index.js';
import { load, reportLoad, type LoadResult } from './lib/load.js';

const demoRoot = dirname(dirname(demoIndexPath()));
const dataDir = await mkdtemp(join(tmpdir(), 'stitchbench-bench-'));
const staticDir = join(dataDir, 'static');
await import('node:fs/promises').then((fs) => fs.mkdir(staticDir, { recursive: true }));
const engine = await createEngine({ dataDir, demoMediaRoot: demoRoot, rendererDir: staticDir });
await engine.demoReady;

async function session(asset: string): Promise<string> {
  const res = await fetch(`${engine.url}/v1/master/${engine.accountId}/demo/${asset}`);
  const text = await res.text();
  return text.split('\n').find((l) => l.startsWith('/v1/manifest/'))!;
}

// VOD: the 100 s demo asset with both breaks stitched.
const vodPath = await session('vod/hls-ts/master.m3u8');
const stitched = await (await fetch(`${engine.url}${vodPath}`)).text();
await writeFile(join(staticDir, 'static.m3u8'), stitched);

const rows: LoadResult[] = [];
const baselines = new Map<number, LoadResult>();
// Warm both routes (JIT, connection setup) before measuring.
await load('warm-up', engine.url, '/static.m3u8', 2, 500);
await load('warm-up', engine.url, vodPath, 2, 500);
for (const c of [1, 10]) {
  const b = await load('baseline: same-size static playlist', engine.url, '/static.m3u8', c);
  baselines.set(c, b);
  rows.push(b, await load('stitched VOD media playlist (2 avails)', engine.url, vodPath, c));
}
console.log('\n# Stitched playlists over HTTP (same server, same run)');
console.log(`playlist: ${stitched.length} bytes, ${stitched.split('\n').filter((l) => l && !l.startsWith('#')).length} segments`);
reportLoad(rows, (r) => baselines.get(r.connections)!);

// Memory per live session: sessions that have each loaded a live media playlist (decisions and memo included).
const N = 300;
global.gc?.();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < N; i++) {
  const p = await session('live/hls-ts/master.m3u8');
  await (await fetch(`${engine.url}${p}`)).text();
}
global.gc?.();
const after = process.memoryUsage().heapUsed;
console.log(`\nmemory per live session: ${((after - before) / N / 1024).toFixed(1)} KiB (heap delta over ${N} sessions${global.gc ? ', after GC' : '; run with --expose-gc for a GC-settled figure'})`);
void LIVE_EPOCH_MS;

await engine.close();
await rm(dataDir, { recursive: true, force: true });
