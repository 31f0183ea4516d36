// The renderer window's webPreferences, kept free of electron imports so a unit test can assert the
// hardening without an Electron binary. The BrowserWindow call site checks it against Electron's type.
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
  additionalArguments: string[];
}

export function hardenedWebPreferences(preload: string, engineUrl: string): HardenedWebPreferences {
  return {
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
    // The engine URL for the renderer when it is served by the Vite dev server.
    additionalArguments: [`--stitchbench-engine-url=${engineUrl}`],
  };
}
