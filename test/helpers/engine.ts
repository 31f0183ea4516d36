// Starts a real engine on 127.0.0.1:0 with a throwaway data dir and the shared, prebuilt demo media.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine, type EngineOptions } from '../../src/main/engine/engine.js';
import { TEST_DEMO_MEDIA_ROOT, TEST_TRANSCODE_ROOT } from '../global-setup.js';

export interface TestEngine extends Engine {
  dataDir: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  json<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }>;
  dispose(): Promise<void>;
}

export async function startTestEngine(opts: Partial<EngineOptions> & { keepDataDir?: boolean } = {}): Promise<TestEngine> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'stitchbench-test-')));
  const engine = await createEngine({ demoMediaRoot: TEST_DEMO_MEDIA_ROOT, transcodeCacheDir: TEST_TRANSCODE_ROOT, ...opts, dataDir });
  await engine.demoReady;
  const get = (path: string, init?: RequestInit) => fetch(`${engine.url}${path}`, init);
  return Object.assign(engine, {
    dataDir,
    get,
    async json<T>(path: string, init?: RequestInit) {
      const res = await get(path, init);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
    },
    async dispose() {
      await engine.close();
      if (!opts.keepDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  });
}
