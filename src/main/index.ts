// Electron entry: starts the engine in the main process and shows the renderer it serves,
// in a sandboxed, context-isolated window. All product logic lives in the engine.
import { join } from 'node:path';
import { app, BrowserWindow, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { createEngine, type Engine } from './engine/engine.js';
import { VERSION } from './engine/version.js';
import { registerIpc } from './electron/ipc.js';
import { hardenSession, lockDownContents } from './electron/security.js';
import { hardenedWebPreferences } from './electron/web-preferences.js';

let engine: Engine | undefined;

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
  const trusted = [new URL(engine.url).origin, ...(devServer ? [new URL(devServer).origin] : [])];
  hardenSession(trusted);
  app.on('web-contents-created', (_e, contents) => lockDownContents(contents, trusted));
  registerIpc({ engineUrl: engine.url, version: VERSION, dataDir }, trusted);
  installMenu(engine.url);

  const win = new BrowserWindow({
    width: 1600,
    height: 1000,
    minWidth: 1000,
    minHeight: 640,
    title: 'Stitchbench',
    backgroundColor: '#0b1020',
    show: false,
    webPreferences: hardenedWebPreferences(join(import.meta.dirname, '..', 'preload', 'index.cjs'), engine.url),
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(devServer ?? `${engine.url}/`);
}

/** The application menu: standard roles plus shortcuts a bench user reaches for. */
function installMenu(engineUrl: string): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Open the bench in a browser', click: () => void shell.openExternal(engineUrl) },
        { label: 'Engine health (/healthz)', click: () => void shell.openExternal(`${engineUrl}/healthz`) },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

app.whenReady().then(start, (e: unknown) => {
  console.error('Stitchbench failed to start:', e);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  void engine?.close();
});
