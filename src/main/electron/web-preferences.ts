// The renderer window and its webPreferences, kept free of electron imports: the BrowserWindow class is
// passed in, so a unit test can construct a fake and assert the hardening without an Electron binary,
// the call site checks these options against Electron's own type, and static auditors
// (electronegativity) see the literal settings at the `new BrowserWindow(...)` they inspect.

export interface WindowBase {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  backgroundColor: string;
  show: boolean;
}

export interface HardenedWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  disableBlinkFeatures: 'Auxclick';
  navigateOnDragDrop: false;
  spellcheck: false;
  additionalArguments: string[];
}

export type HardenedWindowOptions = WindowBase & { webPreferences: HardenedWebPreferences };

export function createHardenedWindow<W>(
  BrowserWindow: new (options: HardenedWindowOptions) => W,
  base: WindowBase,
  preload: string,
  engineUrl: string,
): W {
  return new BrowserWindow({
    ...base,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Middle-click would open links in new windows; the window-open handler denies them anyway.
      disableBlinkFeatures: 'Auxclick',
      // Dropping a file or link on the window must not navigate it away from the app.
      navigateOnDragDrop: false,
      // Chromium's spellchecker downloads dictionaries from Google's CDN; the bench has no prose to check.
      spellcheck: false,
      // The engine URL for the renderer when it is served by the Vite dev server.
      additionalArguments: [`--stitchbench-engine-url=${engineUrl}`],
    },
  });
}
