/** Loads the shared VAST/VMAP fixtures (see /work/shared/fixtures/PROVENANCE.md, "vast/"). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDir } from '../helpers/fixtures.js';

export const VAST_FIXTURE_DIR = fixtureDir('vast');

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
