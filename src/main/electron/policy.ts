// The shell's security decisions as pure functions (no electron import), so they are unit-tested
// without the Electron binary; security.ts and ipc.ts wire them to Electron's hooks.

/** Origins the app's own pages come from (the engine; the Vite dev server in development). */
export function isTrustedOrigin(url: string, trusted: readonly string[]): boolean {
  try {
    return trusted.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

/**
 * Links leave the app only for the user's browser, and only as https — or the app's own origin (the
 * loopback engine: "open the bench in a browser"), which is the same page the window already shows.
 */
export function isExternalAllowed(url: string, trusted: readonly string[]): boolean {
  try {
    return new URL(url).protocol === 'https:' || isTrustedOrigin(url, trusted);
  } catch {
    return false;
  }
}

/** The only permission the page needs is fullscreen for the players; everything else is denied. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

export function isPermissionAllowed(permission: string, requestingUrl: string, trusted: readonly string[]): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedOrigin(requestingUrl, trusted);
}

/** What an IPC sender looks like to the checks: its frame's URL and whether it is a top-level frame. */
export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

/** IPC is only answered for our own top-level page, never for a sub-frame or a page from elsewhere. */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, trusted: readonly string[]): boolean {
  return Boolean(frame) && frame!.parent === null && isTrustedOrigin(frame!.url, trusted);
}

/**
 * The CSP the shell adds to its own documents. From the Vite dev server (development only) React's
 * fast-refresh preamble is an inline script and HMR talks over ws:, so those two are allowed there;
 * the production policy is the engine's, unchanged.
 */
export function shellContentSecurityPolicy(base: string, development: boolean): string {
  if (!development) return base;
  return base
    .split('; ')
    .map((d) => {
      if (d.startsWith('script-src ')) return `${d} 'unsafe-inline'`;
      if (d.startsWith('connect-src ')) return `${d} ws: wss:`;
      return d;
    })
    .join('; ');
}
