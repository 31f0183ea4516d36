/** Loads the shared VAST/VMAP fixtures (see /work/shared/fixtures/PROVENANCE.md, "vast/"). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// test/ads -> repo root -> sibling `shared/` checkout; overridable for other layouts.
export const VAST_FIXTURE_DIR = process.env.STITCHBENCH_FIXTURES
  ? join(process.env.STITCHBENCH_FIXTURES, 'vast')
  : fileURLToPath(new URL('../../../shared/fixtures/vast/', import.meta.url));

/** Text of a fixture by its path under vast/, e.g. 'vast-client-js/sample.xml'. */
export function fixture(rel: string): string {
  return readFileSync(join(VAST_FIXTURE_DIR, rel), 'utf8');
}

/** Every fixture file, as 'folder/name.xml', sorted. */
export function allFixtures(): string[] {
  return readdirSync(VAST_FIXTURE_DIR, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(VAST_FIXTURE_DIR.replace(/\/?$/, '/').length))
    .sort();
}
