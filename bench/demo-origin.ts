// Demo origin: cost of rendering a manifest per request (live ones are rendered on every refresh),
// against a same-run baseline: split + join of the rendered text (the floor for any text pipeline).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoWorldIndex } from '../src/main/demo/media/model.js';
import { DEMO_PACKAGES } from '../src/main/demo/origin/packages.js';
import { renderManifest, type RenderRequest } from '../src/main/demo/origin/render.js';
import { LIVE_EPOCH_MS } from '../src/main/demo/origin/timeline.js';
import { measure, report } from './lib/measure.js';
import { demoIndexPath } from './lib/demo-index.js';

const index = JSON.parse(readFileSync(demoIndexPath(), 'utf8')) as DemoWorldIndex;
let now = LIVE_EPOCH_MS + 123_456_789;
const req = (pkg: string, live: boolean, file: string): RenderRequest => ({
  asset: index.content, pkg: DEMO_PACKAGES[pkg]!, live, file, nowMs: now, markers: true, utcTimingUrl: 'http://127.0.0.1/demo/origin/time',
});
const render = (r: RenderRequest) => {
  now += 2000; // every call a new live window, as on a real refresh
  return renderManifest({ ...r, nowMs: now })!.body;
};

const liveHls = req('hls-ts', true, '720p.m3u8');
const sample = render(liveHls);
const baseline = measure('baseline: split+join of a live playlist', () => sample.split('\n').join('\n'));
const rows = [
  measure('live HLS TS media playlist (CUE-OUT)', () => render(liveHls)),
  measure('live HLS TS media playlist (DATERANGE)', () => render(req('hls-ts-daterange', true, '720p.m3u8'))),
  measure('live DASH MPD (a Period per break and loop)', () => render(req('dash', true, 'manifest.mpd'))),
  measure('VOD HLS TS media playlist (50 segments)', () => render(req('hls-ts', false, '720p.m3u8'))),
  measure('VOD DASH MPD', () => render(req('dash', false, 'manifest.mpd'))),
];
console.log('\n# Demo origin manifest rendering');
report([baseline, ...rows], baseline);
console.log(`\nDemo world: built in ${(index.buildMs / 1000).toFixed(1)} s, ${(index.bytes / 1e6).toFixed(1)} MB (from ${demoIndexPath()})`);
