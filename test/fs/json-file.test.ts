// The data dir's JSON files: missing vs unreadable vs ok, atomic serialised writes, and a failed write that does not
// block the next one.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonFile } from '../../src/main/fs/json-file.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('JsonFile', () => {
  it('tells missing, unreadable and ok apart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'json-file-'));
    const f = new JsonFile(join(dir, 'a.json'));
    expect(await f.read()).toEqual({ state: 'missing' });
    await writeFile(f.path, '{"half":');
    expect(await f.read()).toMatchObject({ state: 'unreadable', cause: 'json' });
    const aside = await f.moveAside(42);
    expect(aside).toBe(`${f.path}.corrupt-42`);
    expect(await f.read()).toEqual({ state: 'missing' });
    await f.write({ a: 1 });
    expect(await f.read()).toEqual({ state: 'ok', value: { a: 1 } });
    expect((await new JsonFile(dir).read()).state).toBe('unreadable'); // a directory: an I/O error, not "missing"
  });

  it('serialises writes (the last one wins, no temp file left) and survives a failed one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'json-file-'));
    const f = new JsonFile(join(dir, 'b.json'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => f.write({ i })));
    expect(JSON.parse(await readFile(f.path, 'utf8'))).toEqual({ i: 19 });
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const broken = new JsonFile(join(dir, 'no-such-dir', 'c.json'));
    await expect(broken.write({})).rejects.toThrow();
    // Same file object after a failure: the next write still runs (here it fails again, for its own reason).
    await expect(broken.write({})).rejects.toThrow(/ENOENT/);
    await f.write({ after: true });
    expect(JSON.parse(await readFile(f.path, 'utf8'))).toEqual({ after: true });
  });
});
