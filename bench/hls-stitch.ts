// HLS stitch core (pure: text + plan → text) on the DESIGN.md fixture, against baselines in the same run:
// (a) split+join of the playlist, (b) a naive string splice of the same two ads.
import { findBreaks } from '../src/main/stitch/hls/markers.js';
import type { MediaStitchPlan } from '../src/main/stitch/hls/plan.js';
import { stitchMediaPlaylist } from '../src/main/stitch/hls/render-media.js';
import { scanMediaPlaylist } from '../src/main/stitch/hls/scan-media.js';
import { fixtureAvail, fixtureBreak, liveBreakStarts, liveFixture, naiveSplice, vodFixture } from './lib/hls-fixture.js';
import { measure, report } from './lib/measure.js';

const vod = vodFixture();
const avail = fixtureAvail();
const vodPlan: MediaStitchPlan = {
  live: false,
  originUrl: 'http://127.0.0.1:1/origin/vod/index.m3u8',
  avails: new Map([[50, avail]]),
  passthroughMarkers: false,
};

const splitJoin = measure('(a) baseline: split+join', () => vod.split('\n').join('\n'));
const naive = measure('(b) baseline: naive string splice', () => naiveSplice(vod, avail));
const stitch = measure('stitch VOD 600 seg (scan+splice+render)', () => {
  const scan = scanMediaPlaylist(vod);
  return stitchMediaPlaylist(scan, vodPlan, [fixtureBreak()]).text;
});
const scanOnly = measure('  of which scan', () => scanMediaPlaylist(vod));

// Live: a 60-segment window advancing one segment per call, CUE-OUT/CONT/IN breaks, ads in every break.
// Windows are generated up front so the measurement is the stitcher's, not the fixture generator's.
const WINDOWS = 600;
const windows = Array.from({ length: WINDOWS }, (_, k) => liveFixture(1000 + k));
const liveAvails = new Map<number, ReturnType<typeof fixtureAvail>>();
for (let k = 0; k < WINDOWS; k++) for (const s of liveBreakStarts(1000 + k)) if (!liveAvails.has(s)) liveAvails.set(s, fixtureAvail(String(s)));
let call = 0;
const live = measure('stitch live 60-seg window (markers found)', () => {
  const k = call++ % WINDOWS;
  const first = 1000 + k;
  const scan = scanMediaPlaylist(windows[k]!);
  return stitchMediaPlaylist(scan, { live: true, originUrl: 'http://127.0.0.1:1/origin/live/index.m3u8', avails: liveAvails, passthroughMarkers: false, firstMediaSequence: first, firstDiscontinuitySequence: 0 }).text;
});
const liveText = liveFixture(5000);
const liveFind = measure('  live: scan + findBreaks only', () => findBreaks(scanMediaPlaylist(liveText)));

console.log('\n# HLS stitch core (DESIGN.md fixture)');
report([splitJoin, naive, stitch, scanOnly], naive);
console.log(`stitch VOD vs naive splice: ${(stitch.opsPerSecond / naive.opsPerSecond).toFixed(2)}× its ops/s (target ≥ 0.5×); vs split+join ${(stitch.opsPerSecond / splitJoin.opsPerSecond).toFixed(2)}×`);
report([live, liveFind], naive);
console.log(`live 60-seg stitch p99: ${(live.p99Us / 1000).toFixed(3)} ms (target < 0.1 ms)`);
