// Builds the demo world's media on first start and caches it in the data dir. The build goes into a
// scratch folder that is renamed into place only when complete, so an interrupted build is never served.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { conditionCreative, encodeContent, encodeMezzanine } from './encode.js';
import {
  CONTENT_RENDITIONS,
  CONTENT_SECONDS,
  DEMO_CREATIVES,
  DEMO_MEDIA_VERSION,
  MEZZANINE,
  type DemoWorldIndex,
} from './model.js';
import { treeBytes } from '../../fs/tree-bytes.js';
import { packageAsset } from './packager.js';

export interface BuildProgress {
  step: string;
  /** 0..1 over the whole build. */
  progress: number;
}

export function mediaDir(root: string): string {
  return join(root, `v${DEMO_MEDIA_VERSION}`);
}

/** Returns the cached index if a complete build of this version exists. */
export async function loadDemoMedia(root: string): Promise<DemoWorldIndex | undefined> {
  try {
    const index = JSON.parse(await readFile(join(mediaDir(root), 'world.json'), 'utf8')) as DemoWorldIndex;
    return index.version === DEMO_MEDIA_VERSION ? index : undefined;
  } catch {
    return undefined;
  }
}

export async function buildDemoMedia(
  root: string,
  onProgress: (p: BuildProgress) => void,
  signal?: AbortSignal,
): Promise<DemoWorldIndex> {
  const started = Date.now();
  const final = mediaDir(root);
  const work = `${final}.building-${process.pid}-${started}`;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });

  // Progress weights ≈ encode cost: content renders two renditions of 100 s; each creative a mezzanine + ladder.
  const weights = [CONTENT_SECONDS * 1.2, ...DEMO_CREATIVES.map((c) => c.durationSeconds * 1.6)];
  const total = weights.reduce((a, b) => a + b, 0);
  let done = 0;
  const stage = (index: number, label: string) => (f: number) =>
    onProgress({ step: label, progress: Math.min(0.999, (done + (weights[index] ?? 0) * f) / total) });

  try {
    const contentDir = join(work, 'content');
    await mkdir(join(contentDir, 'encoded'), { recursive: true });
    const report = stage(0, `Encoding demo content (${CONTENT_SECONDS} s, ${CONTENT_RENDITIONS.length} renditions)`);
    report(0);
    const sources = await encodeContent(join(contentDir, 'encoded'), { signal, onProgress: (f) => report(f * 0.95) });
    const content = await packageAsset({ id: 'content', durationSeconds: CONTENT_SECONDS, renditions: CONTENT_RENDITIONS, sources, outDir: contentDir, signal });
    await rm(join(contentDir, 'encoded'), { recursive: true, force: true });
    done += weights[0] ?? 0;

    const creatives: DemoWorldIndex['creatives'] = [];
    for (const [i, c] of DEMO_CREATIVES.entries()) {
      const dir = join(work, 'ads', c.id);
      await mkdir(join(dir, 'encoded'), { recursive: true });
      const r = stage(i + 1, `Making ad creative "${c.title}"`);
      r(0);
      const mezz = join(dir, 'mezzanine.mp4');
      await encodeMezzanine(c, mezz, { signal, onProgress: (f) => r(f * 0.4) });
      const renditions = await conditionCreative(mezz, c, join(dir, 'encoded'), { signal, onProgress: (f) => r(0.4 + f * 0.55) });
      const packaged = await packageAsset({ id: c.id, durationSeconds: c.durationSeconds, renditions: CONTENT_RENDITIONS, sources: renditions, outDir: dir, signal });
      await rm(join(dir, 'encoded'), { recursive: true, force: true });
      creatives.push({
        ...packaged,
        title: c.title,
        mezzanine: { width: MEZZANINE.width, height: MEZZANINE.height, fps: MEZZANINE.fps, bitrateKbps: MEZZANINE.bitrateKbps, bytes: (await stat(mezz)).size },
      });
      done += weights[i + 1] ?? 0;
    }

    const index: DemoWorldIndex = {
      version: DEMO_MEDIA_VERSION,
      createdAt: new Date().toISOString(),
      buildMs: Date.now() - started,
      bytes: 0,
      content,
      creatives,
    };
    index.bytes = await treeBytes(work);
    await writeFile(join(work, 'world.json'), JSON.stringify(index, null, 2));
    await rm(final, { recursive: true, force: true });
    await rename(work, final);
    onProgress({ step: 'Demo world ready', progress: 1 });
    return index;
  } catch (e) {
    await rm(work, { recursive: true, force: true });
    throw e;
  }
}
