// Builds (or reuses) the demo world's media once for all integration tests, with real ffmpeg.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine } from '../src/main/engine/engine.js';
import { buildDemoMedia, loadDemoMedia } from '../src/main/demo/media/build.js';

export const TEST_DEMO_MEDIA_ROOT = resolve(import.meta.dirname, '..', '.cache', 'test-demo-media');
/** Transcoded demo ads shared by the tests' engines (the first engine below fills it; later runs reuse it). */
export const TEST_TRANSCODE_ROOT = resolve(import.meta.dirname, '..', '.cache', 'test-transcode');

export default async function setup(): Promise<void> {
  await buildMedia();
  await prewarmTranscodes();
}

/** One engine on the shared folders transcodes the demo's ads (real ffmpeg) before any test engine starts. */
async function prewarmTranscodes(): Promise<void> {
  const t0 = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'stitchbench-setup-'));
  const engine = await createEngine({ dataDir, demoMediaRoot: TEST_DEMO_MEDIA_ROOT, transcodeCacheDir: TEST_TRANSCODE_ROOT });
  try {
    await engine.demoReady;
    const failed = engine.transcoder.jobs().filter((j) => j.state === 'failed');
    if (failed.length) throw new Error(`demo ad transcodes failed: ${failed.map((j) => j.error).join('; ')}`);
    const made = engine.transcoder.jobs().length;
    if (made) process.stderr.write(`[global-setup] ${made} demo ads transcoded in ${Date.now() - t0} ms\n`);
  } finally {
    await engine.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function buildMedia(): Promise<void> {
  if (await loadDemoMedia(TEST_DEMO_MEDIA_ROOT)) return;
  const t0 = Date.now();
  let last = -1;
  await buildDemoMedia(TEST_DEMO_MEDIA_ROOT, (p) => {
    const pct = Math.floor(p.progress * 4);
    if (pct !== last) {
      last = pct;
      process.stderr.write(`[global-setup] demo media ${Math.round(p.progress * 100)}%: ${p.step}\n`);
    }
  });
  process.stderr.write(`[global-setup] demo media built in ${Date.now() - t0} ms\n`);
}
