// The renderer window's webPreferences, kept apart (type-only electron import) so a unit test can
// assert the hardening without an Electron binary.
import type { WebPreferences } from 'electron';

export function hardenedWebPreferences(preload: string, engineUrl: string): WebPreferences {
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
