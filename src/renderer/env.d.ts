// Globals and module shapes the renderer relies on but TypeScript cannot see.

interface StitchbenchBridge {
  /** True inside the Electron shell (set by the preload), absent in the headless web UI. */
  isElectron: boolean;
  /** Engine base URL when the page is not served by the engine itself (e.g. loaded from file://). */
  engineUrl?: string;
  /** Native save dialog; resolves false when the user cancels. */
  saveFile?(name: string, contents: string): Promise<boolean>;
}

interface Window {
  stitchbench?: StitchbenchBridge;
}

// Vite's `?url` suffix: the import resolves to the emitted asset's URL.
declare module '*?url' {
  const url: string;
  export default url;
}
