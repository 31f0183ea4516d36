// First start: while the demo world is being built the engine is up, says so (503 + progress), reports
// progress on the bus, and an interrupted build leaves nothing half-made behind.
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HealthStatus } from '../../src/shared/catalog.js';
import { createEngine } from '../../src/main/engine/engine.js';

describe('demo world first build', () => {
  it('shows progress while building and cleans up when stopped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stitchbench-build-'));
    const engine = await createEngine({ dataDir: dir });
    try {
      let health: HealthStatus | undefined;
      for (let i = 0; i < 100; i++) {
        const res = await fetch(`${engine.url}/healthz`);
        expect(res.status).toBe(503);
        health = (await res.json()) as HealthStatus;
        if (health.demo.progress > 0.01) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(health!.status).toBe('starting');
      expect(health!.demo.state).toBe('building');
      expect(health!.demo.step).toMatch(/Encoding demo content/);
      expect(health!.demo.progress).toBeGreaterThan(0.01);
      const catalog = await fetch(`${engine.url}/demo/catalog`);
      expect(catalog.status).toBe(503);
      expect(((await catalog.json()) as { message: string }).message).toMatch(/not ready/);
      const progress = engine.bus.recent({ kinds: ['demo.progress'] });
      expect(progress.length).toBeGreaterThan(0);
      // The configuration API works before the demo is ready.
      expect((await fetch(`${engine.url}/playbackConfiguration/demo`)).status).toBe(200);
    } finally {
      await engine.close();
    }
    const mediaRoot = join(dir, 'demo-media');
    expect(existsSync(mediaRoot) ? readdirSync(mediaRoot) : []).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });
});
