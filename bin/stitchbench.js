#!/usr/bin/env node
// Entry of `stitchbench` / `npx stitchbench`: runs the built headless host.
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('stitchbench: the app is not built yet. Run `npm run build` first.\n');
  process.exit(1);
}
await import(cli.href);
