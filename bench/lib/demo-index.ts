// Finds a built demo world's index: STITCHBENCH_DEMO_MEDIA, else the tests' cache.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_MEDIA_VERSION } from '../../src/main/demo/media/model.js';

export function demoIndexPath(): string {
  const root = resolve(process.env.STITCHBENCH_DEMO_MEDIA ?? join(import.meta.dirname, '..', '..', '.cache', 'test-demo-media'));
  const file = join(root, `v${DEMO_MEDIA_VERSION}`, 'world.json');
  if (!existsSync(file)) throw new Error(`No demo world at ${file}: run the tests once (or \`npm run serve\`) to build it, or set STITCHBENCH_DEMO_MEDIA`);
  return file;
}
