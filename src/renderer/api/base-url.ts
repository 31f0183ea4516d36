// Where the engine lives. The web UI is served by the engine itself (same origin); the Electron
// shell may load the page from elsewhere and tells us the engine's address through the preload.

export function engineBaseUrl(): string {
  const fromBridge = window.stitchbench?.engineUrl;
  return (fromBridge ?? location.origin).replace(/\/+$/, '');
}

/** Absolute URL of an engine path such as "/healthz". */
export function engineUrl(path: string): string {
  return `${engineBaseUrl()}${path.startsWith('/') ? path : `/${path}`}`;
}
