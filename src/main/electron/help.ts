// Help menu actions: the About box and the documentation.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { isExternalAllowed } from './policy.js';
import { openExternalSafely } from './security.js';

export function showAbout(version: string, engineUrl: string): void {
  const options = {
    type: 'info' as const,
    title: 'About Stitchbench',
    message: `Stitchbench ${version}`,
    detail: [
      'A test bench for server-side ad insertion.',
      `Engine: ${engineUrl}`,
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  const win = BrowserWindow.getFocusedWindow();
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

/** The project's https homepage when package.json names one; otherwise the README shipped with the app. */
export function openDocs(): void {
  const root = app.getAppPath();
  let homepage: unknown;
  try {
    homepage = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { homepage?: unknown }).homepage;
  } catch {
    homepage = undefined;
  }
  // No trusted origins here: only an https homepage qualifies.
  if (typeof homepage === 'string' && isExternalAllowed(homepage, [])) {
    openExternalSafely(homepage, []);
    return;
  }
  const readme = join(root, 'README.md');
  if (existsSync(readme)) void shell.openPath(readme);
}
