// Electron entry: starts the engine in the main process and shows the renderer it serves,
// in a sandboxed, context-isolated window. All product logic lives in the engine.
import { join } from 'node:path';
import { app, BrowserWindow, Menu, nativeTheme } from 'electron';
import { createEngine, type Engine } from './engine/engine.js';
import { VERSION } from './engine/version.js';
import { openDocs, showAbout } from './electron/help.js';
import { registerIpc, sendCommand } from './electron/ipc.js';
import { menuTemplate } from './electron/menu.js';
import { hardenSession, lockDownContents, openExternalSafely } from './electron/security.js';
import { createHardenedWindow } from './electron/web-preferences.js';
import { MIN_SIZE } from './electron/window-bounds.js';
import { loadWindowState, trackWindowState, windowStateFile } from './electron/window-state.js';

let engine: Engine | undefined;
let mainWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  const dataDir = join(app.getPath('userData'), 'data');
  engine = await createEngine({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    rendererDir: join(import.meta.dirname, '..', 'renderer'),
    ...(devServer ? { allowedOrigins: [new URL(devServer).origin] } : {}),
  });
  const engineUrl = engine.url;
  const trusted = [new URL(engineUrl).origin, ...(devServer ? [new URL(devServer).origin] : [])];
  hardenSession(trusted, Boolean(devServer));
  // Before any window exists: every webContents (the window, DevTools, anything later) is locked down.
  app.on('web-contents-created', (_e, contents) => lockDownContents(contents, trusted));
  registerIpc({ engineUrl, version: VERSION, dataDir }, trusted);
  app.setAboutPanelOptions({ applicationName: 'Stitchbench', applicationVersion: VERSION });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
        engineUrl,
        send: (command) => sendCommand((BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents, command),
        showAbout: () => showAbout(VERSION, engineUrl),
        openDocs,
        openLink: (url) => openExternalSafely(url, trusted),
      }),
    ),
  );

  const stateFile = windowStateFile();
  const state = loadWindowState(stateFile);
  const win = createHardenedWindow(
    BrowserWindow,
    {
      ...state.bounds,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      title: 'Stitchbench',
      // The page's --bg, so nothing flashes before the first paint.
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#14171d' : '#f6f7f9',
      show: false,
    },
    join(import.meta.dirname, '..', 'preload', 'index.cjs'),
    engineUrl,
  );
  mainWindow = win;
  win.on('closed', () => {
    mainWindow = undefined;
  });
  trackWindowState(win, stateFile, state);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(devServer ?? `${engineUrl}/`);
}

app.whenReady().then(start, (e: unknown) => {
  console.error('Stitchbench failed to start:', e);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  void engine?.close();
});
