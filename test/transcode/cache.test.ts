// The transcode cache on disk: commit moves a finished folder into place, entries survive a reload, the least
// recently used go first past the size cap, and interrupted or unreadable folders are not served.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TranscodeCache, WORK_DIR } from '../../src/main/transcode/cache.js';
import type { ContentProfile } from '../../src/shared/transcode.js';

const profile: ContentProfile = { key: 'p1', renditions: [{ width: 640, height: 360, fps: 25, videoKbps: 646, h264Profile: 'main', h264Level: 30 }], segmentSeconds: 2, summary: '640x360@25 646k · no audio · 2 s segments' };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stitchbench-cache-'));
  await mkdir(join(dir, WORK_DIR));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function work(name: string, bytes: number): Promise<string> {
  const w = join(dir, WORK_DIR, name);
  await mkdir(join(w, 'ts'), { recursive: true });
  await writeFile(join(w, 'ts', 'seg_00000.ts'), Buffer.alloc(bytes, 1));
  return w;
}

const fields = (key: string, at: number) => ({ key, adKey: `creative:${key}`, sourceUrl: `https://ads/${key}.mp4`, profile, durationSeconds: 10, createdAt: at, lastUsedAt: at, encodeMs: 1000 });

describe('TranscodeCache', () => {
  it('commits, measures, lists newest use first, and reloads after a restart', async () => {
    const c = new TranscodeCache(dir, 10_000);
    const e = await c.commit(await work('a', 1000), fields('a_000000000001', 1));
    expect(e.bytes).toBe(1000); // the media, measured before entry.json is written
    await c.commit(await work('b', 1000), fields('b_000000000002', 2));
    c.touch('a_000000000001', 3);
    expect(c.list().map((x) => x.key)).toEqual(['a_000000000001', 'b_000000000002']);
    await c.flush();
    const again = new TranscodeCache(dir, 10_000);
    await again.load();
    expect(again.list().map((x) => [x.key, x.lastUsedAt])).toEqual([['a_000000000001', 3], ['b_000000000002', 2]]);
    expect(again.totalBytes()).toBe(c.totalBytes());
  });

  it('evicts the least recently used past the cap, never the entry just committed', async () => {
    const evicted: string[] = [];
    const c = new TranscodeCache(dir, 2500, (e) => evicted.push(e.key));
    await c.commit(await work('a', 1000), fields('a_000000000001', 1));
    await c.commit(await work('b', 1000), fields('b_000000000002', 2));
    c.touch('a_000000000001', 5); // a is now more recent than b
    await c.commit(await work('c', 1000), fields('c_000000000003', 6));
    expect(evicted).toEqual(['b_000000000002']);
    expect(c.list().map((x) => x.key).sort()).toEqual(['a_000000000001', 'c_000000000003']);
    expect((await readdir(dir)).sort()).toEqual([WORK_DIR, 'a_000000000001', 'c_000000000003']);
    // A single entry larger than the cap is kept (it was just asked for); the others make room.
    await c.commit(await work('d', 5000), fields('d_000000000004', 7));
    expect(c.list().map((x) => x.key)).toEqual(['d_000000000004']);
  });

  it('does not evict an ad used in the last 10 minutes (it may be mid-play): the cap is exceeded until it ages', async () => {
    let now = 100 * 60_000;
    const c = new TranscodeCache(dir, 1500, undefined, () => now);
    await c.commit(await work('a', 1000), fields('a_000000000001', now - 60_000));
    await c.commit(await work('b', 1000), fields('b_000000000002', now));
    expect(c.list()).toHaveLength(2);
    now += 11 * 60_000;
    await c.commit(await work('c', 1000), fields('c_000000000003', now));
    expect(c.list().map((x) => x.key)).toEqual(['c_000000000003']);
  });

  it('ignores folders without a readable entry.json, and entries of another format version', async () => {
    await mkdir(join(dir, 'half_000000000009'));
    await writeFile(join(dir, 'half_000000000009', 'entry.json'), '{ not json');
    await mkdir(join(dir, 'old_000000000008'));
    await writeFile(join(dir, 'old_000000000008', 'entry.json'), JSON.stringify({ ...fields('old_000000000008', 1), version: 0 }));
    const c = new TranscodeCache(dir, 10_000);
    await c.load();
    expect(c.list()).toEqual([]);
    expect(await c.refresh('half_000000000009')).toBeUndefined();
  });
});
