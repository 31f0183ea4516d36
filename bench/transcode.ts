// Ad transcoding speed: a 30 s 1080p30 / 44.1 kHz mezzanine conditioned (encode + package to TS, fMP4, DASH) to
// (a) the demo's 2 renditions and (b) a 3-rendition ladder (720p, 480p, 360p at 25 fps, 48 kHz stereo), against
// a baseline in the same run: one plain ffmpeg re-encode of the same input to one rendition (1080p, libx264
// veryfast, AAC). Reported as wall time, ratio to real time, and ratio to the baseline.
// Target: the 3-rendition ladder ≤ 0.5× real time on 2 cores.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runFfmpeg } from '../src/main/ffmpeg/run.js';
import { encodeLadder, DEFAULT_PRESET } from '../src/main/transcode/encode.js';
import { packageAd } from '../src/main/transcode/package.js';
import { probeMedia } from '../src/main/transcode/probe.js';
import { buildProfile, type RenditionFacts } from '../src/main/transcode/profile.js';

const SECONDS = 30;
const cacheDir = resolve(import.meta.dirname, '..', '.cache', 'bench');
const mezz = join(cacheDir, `mezzanine-1080p30-${SECONDS}s.mp4`);

if (!existsSync(mezz)) {
  await mkdir(cacheDir, { recursive: true });
  console.log(`making a ${SECONDS} s 1080p30 mezzanine (once, cached in .cache/bench)…`);
  await runFfmpeg([
    '-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=30:duration=${SECONDS}`,
    '-f', 'lavfi', '-i', `sine=frequency=500:sample_rate=44100:duration=${SECONDS}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '192k', '-ac', '2',
    '-movflags', '+faststart', `${mezz}.tmp.mp4`,
  ]);
  const { rename } = await import('node:fs/promises');
  await rename(`${mezz}.tmp.mp4`, mezz);
}

const source = await probeMedia(mezz);
const rendition = (width: number, height: number, bandwidth: number, codecs: string): RenditionFacts => ({ width, height, fps: 25, bandwidth, codecs, includesAudio: true });
const ladders = {
  'demo ladder (720p, 360p)': [rendition(1280, 720, 2_302_000, 'avc1.4d401f'), rendition(640, 360, 925_000, 'avc1.4d401e')],
  '3 renditions (720p, 480p, 360p)': [rendition(1280, 720, 2_302_000, 'avc1.4d401f'), rendition(854, 480, 1_400_000, 'avc1.4d401e'), rendition(640, 360, 925_000, 'avc1.4d401e')],
};

async function timed(fn: (dir: string) => Promise<unknown>): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'stitchbench-bench-'));
  try {
    const t0 = performance.now();
    await fn(dir);
    return (performance.now() - t0) / 1000;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(`\nad transcoding — ${SECONDS} s 1080p30 mezzanine, ${cpus().length} CPUs, x264 preset ${DEFAULT_PRESET}`);
const baseline = await timed((dir) =>
  runFfmpeg(['-i', mezz, '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', join(dir, 'out.mp4')]),
);
const rows: [string, number][] = [['baseline: plain ffmpeg, 1 rendition (1080p)', baseline]];
for (const [name, renditions] of Object.entries(ladders)) {
  const built = buildProfile({ renditions, audio: { sampleRate: 48_000, channels: 2 }, segmentSeconds: 2 });
  if (!built.ok) throw new Error(built.error);
  const profile = built.profile;
  let segments = 0;
  const s = await timed(async (dir) => {
    const plan = await encodeLadder(mezz, source, profile, dir);
    const ad = await packageAd(plan, profile, dir);
    segments = ad.renditions.reduce((t, r) => t + r.ts.durations.length + r.cmaf.durations.length, 0);
  });
  // A benchmark of a no-op is worthless: the ladder must have produced every segment of every rendition.
  const want = renditions.length * 2 * (SECONDS / 2);
  if (segments !== want) throw new Error(`${name}: ${segments} segments packaged, expected ${want}`);
  rows.push([`${name}: encode + package TS/fMP4/DASH`, s]);
}
console.log(`${'case'.padEnd(64)} ${'wall s'.padStart(8)} ${'× real time'.padStart(12)} ${'× baseline'.padStart(11)}`);
for (const [name, s] of rows) {
  console.log(`${name.padEnd(64)} ${s.toFixed(2).padStart(8)} ${(s / SECONDS).toFixed(2).padStart(12)} ${(s / baseline).toFixed(2).padStart(11)}`);
}
const three = rows.at(-1)![1] / SECONDS;
console.log(`target: 3 renditions ≤ 0.50× real time → ${three.toFixed(2)}× ${three <= 0.5 ? '(met)' : '(MISSED)'}`);
