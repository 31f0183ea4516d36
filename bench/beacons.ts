// Server-side beacons must never slow the player: ad segment responses (/v1/segment/… 302s, where beacons fire)
// measured with (b) beacons to a fast host and (c) beacons to a black hole that never answers (every beacon waits
// out 3 s × 3 attempts), against (a) the same ads with no tracking URLs at all, in the same run.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createEngine } from '../src/main/engine/engine.js';
import { demoIndexPath } from './lib/demo-index.js';

const SESSIONS = 30;
const dataDir = await mkdtemp(join(tmpdir(), 'stitchbench-bench-'));
const engine = await createEngine({ dataDir, demoMediaRoot: dirname(dirname(demoIndexPath())), prewarmDemo: false });
await engine.demoReady;

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
const fast = await listen((_q, s) => void s.writeHead(204).end());
const hole = await listen(() => undefined);
const ads = await listen((req, res) => {
  const host = new URL(req.url ?? '/', 'http://x').searchParams.get('host');
  const t = (ev: string) => (host ? `<Tracking event="${ev}"><![CDATA[${host}/t?ev=${ev}&cb=[CACHEBUSTING]]]></Tracking>` : '');
  res.setHeader('content-type', 'application/xml');
  res.end(`<VAST version="3.0"><Ad id="b"><InLine><AdSystem>bench</AdSystem><AdTitle>b</AdTitle>${host ? `<Impression><![CDATA[${host}/t?ev=impression]]></Impression>` : ''}
<Creatives><Creative id="b"><Linear><Duration>00:00:10</Duration><TrackingEvents>${['start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'].map(t).join('')}</TrackingEvents>
<MediaFiles><MediaFile delivery="streaming" type="application/x-mpegURL"><![CDATA[${engine.url}/demo/ads/media/ad1/hls-ts/master.m3u8]]></MediaFile></MediaFiles></Linear></Creative></Creatives></InLine></Ad></VAST>`);
});

async function scenario(name: string, host: string | undefined): Promise<{ name: string; p50: number; p99: number; max: number; n: number }> {
  const config = name.replace(/\W+/g, '-');
  await fetch(`${engine.url}/playbackConfiguration`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Name: config, VideoContentSourceUrl: `${engine.url}/demo/origin`, AdDecisionServerUrl: `${ads.url}/vast${host ? `?host=${encodeURIComponent(host)}` : ''}`, AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' } }),
  });
  const samples: number[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const master = await (await fetch(`${engine.url}/v1/master/${engine.accountId}/${config}/vod/hls-ts/master.m3u8`)).text();
    const media = await (await fetch(`${engine.url}${master.split('\n').find((l) => l.startsWith('/v1/manifest/'))}`)).text();
    const segs = media.split('\n').filter((l) => l.includes('/v1/segment/'));
    if (segs.length !== 10) throw new Error(`${name}: expected 10 ad segments per session, got ${segs.length}`);
    for (const u of segs) {
      const t0 = performance.now();
      const r = await fetch(u, { redirect: 'manual' });
      await r.arrayBuffer();
      samples.push(performance.now() - t0);
      if (r.status !== 302) throw new Error(`${name}: ad segment answered ${r.status}`);
    }
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]!;
  return { name, p50: pct(0.5), p99: pct(0.99), max: samples.at(-1)!, n: samples.length };
}

await scenario('warm-up', undefined);
const rows = [await scenario('baseline: ads without tracking URLs', undefined), await scenario('beacons to a fast host (204)', fast.url), await scenario('beacons to a black hole (never answers)', hole.url)];
console.log(`\n# Ad segment responses while server-side beacons fire (${SESSIONS} sessions × 10 ad segments, sequential)`);
console.log(`${'case'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'p99 × baseline'.padStart(15)}`);
for (const r of rows) console.log(`${r.name.padEnd(44)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.max.toFixed(2).padStart(8)} ${(r.p99 / rows[0]!.p99).toFixed(2).padStart(15)}`);

await engine.close();
for (const s of [fast, hole, ads]) {
  s.server.closeAllConnections();
  s.server.close();
}
await rm(dataDir, { recursive: true, force: true });
