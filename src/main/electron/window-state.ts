// Keeps the main window where the user left it: bounds, maximized and fullscreen are saved to
// userData/window-state.json (debounced while resizing or moving, at once on close) and restored,
// fitted to the displays present, on the next start. The fitting logic is in window-bounds.ts.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, screen, type BrowserWindow } from 'electron';
import { restoreWindowState, serializeWindowState, type WindowState } from './window-bounds.js';

const SAVE_DEBOUNCE_MS = 500;

export function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

export function loadWindowState(file: string): WindowState {
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = undefined; // first start
  }
  return restoreWindowState(
    text,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
}

function save(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Write then rename, so a crash mid-write never leaves a half file behind.
    writeFileSync(`${file}.tmp`, serializeWindowState(state));
    renameSync(`${file}.tmp`, file);
  } catch (e) {
    console.warn('Stitchbench: could not save the window state:', e);
  }
}

function snapshot(win: BrowserWindow): WindowState {
  // Normal bounds, so un-maximizing after a restart returns to the size the user chose.
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
}

/** Applies the restored maximized/fullscreen flags and saves every later change. */
export function trackWindowState(win: BrowserWindow, file: string, restored: WindowState): void {
  if (restored.maximized) win.maximize();
  if (restored.fullScreen) win.setFullScreen(true);
  let timer: NodeJS.Timeout | undefined;
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!win.isDestroyed()) save(file, snapshot(win));
    }, SAVE_DEBOUNCE_MS);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('enter-full-screen', later);
  win.on('leave-full-screen', later);
  win.on('close', () => {
    clearTimeout(timer);
    save(file, snapshot(win));
  });
}
