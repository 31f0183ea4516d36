// Where the e2e runs find their browser and Electron, without downloading anything.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Debian's Chromium by default; STITCHBENCH_CHROMIUM overrides (e.g. Google Chrome on a laptop). */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.STITCHBENCH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * The Electron binary's path if it is installed, found WITHOUT requiring 'electron' (which would try to
 * download it, and fails offline). Returns the reason when it is not there.
 */
export function electronBinary(): { path: string } | { reason: string } {
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathTxt = join(pkg, 'path.txt');
  if (!existsSync(pathTxt)) {
    return { reason: 'Electron binary not installed (node_modules/electron/path.txt missing): it is downloaded on first `npm start` on a machine with internet access; this machine cannot download it' };
  }
  const bin = join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? { path: bin } : { reason: `Electron binary missing at ${bin}` };
}
