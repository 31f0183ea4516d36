// Builds (or reuses) the demo world's media once for all integration tests, with real ffmpeg.
import { resolve } from 'node:path';
import { buildDemoMedia, loadDemoMedia } from '../src/main/demo/media/build.js';

export const TEST_DEMO_MEDIA_ROOT = resolve(import.meta.dirname, '..', '.cache', 'test-demo-media');

export default async function setup(): Promise<void> {
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
