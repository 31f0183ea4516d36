// The few things only the desktop shell can do, exposed to the renderer by the preload script.
export const IPC = {
  info: 'stitchbench:info',
  saveFile: 'stitchbench:save-file',
} as const;

export interface DesktopInfo {
  engineUrl: string;
  version: string;
  dataDir: string;
}

export interface SaveFileRequest {
  suggestedName: string;
  contents: string;
}

/** What the preload exposes to the page as `stitchbench` in the desktop app (absent in a plain browser). */
export interface StitchbenchBridge {
  isElectron: true;
  /** Set in development, when the renderer comes from the Vite dev server instead of the engine. */
  engineUrl?: string;
  info(): Promise<DesktopInfo>;
  saveFile(suggestedName: string, contents: string): Promise<boolean>;
}
