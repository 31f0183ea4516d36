// Architecture rules that keep the engine headless: only the Electron entry and preload touch electron.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/main/engine/version.js';

const root = join(import.meta.dirname, '..', '..');
const ELECTRON_ALLOWED = [/^src\/main\/index\.ts$/, /^src\/main\/electron\//, /^src\/preload\//];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.tsx?$/.test(d.name))
    .map((d) => relative(root, join(d.parentPath, d.name)));
}

describe('house rules', () => {
  it('the engine never imports electron', () => {
    const offenders = files(join(root, 'src'))
      .filter((f) => !ELECTRON_ALLOWED.some((r) => r.test(f)))
      .filter((f) => /from ['"]electron['"]|require\(['"]electron['"]\)|import\(['"]electron['"]\)/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('src/shared uses neither Node nor the DOM', () => {
    const offenders = files(join(root, 'src/shared')).filter((f) => /from ['"](node:|fs|path|electron)|\bdocument\.|\bwindow\./.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the stitch core is pure: no I/O, clocks or randomness in src/main/stitch or src/main/xml', () => {
    const offenders = [...files(join(root, 'src/main/stitch')), ...files(join(root, 'src/main/xml'))].filter((f) =>
      /from ['"](node:|fs|path|undici|fastify)|\bfetch\(|Date\.now|new Date\(\)|Math\.random|performance\.now/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('VERSION matches package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
