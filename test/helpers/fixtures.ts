// Where the shared real-world fixtures live: $STITCHBENCH_FIXTURES, else the `shared/` checkout beside the repo
// (see ../shared/fixtures/PROVENANCE.md). One resolver for every suite and bench.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_ROOT = process.env.STITCHBENCH_FIXTURES ?? fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

/** A fixture folder, e.g. fixtureDir('hls'). */
export function fixtureDir(kind: 'hls' | 'dash' | 'vast' | 'scte35'): string {
  return join(FIXTURES_ROOT, kind);
}
