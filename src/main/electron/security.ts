// Electron hardening in one place: what the renderer may load, navigate to, open, and ask for.
// The decisions are pure functions in policy.ts; this file wires them to Electron's hooks.
import { session, shell, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../http/security-headers.js';
import { isExternalAllowed, isPermissionAllowed, isTrustedOrigin, isTrustedSender, shellContentSecurityPolicy } from './policy.js';

export function hardenSession(trusted: readonly string[], development: boolean): void {
  const ses = session.defaultSession;
  // Players may go fullscreen; camera, notifications, USB, … are all denied.
  ses.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl || wc.getURL(), trusted)),
  );
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, trusted));
  // The engine sends its CSP with every response; add it to our documents from the Vite dev server too.
  const csp = shellContentSecurityPolicy(CONTENT_SECURITY_POLICY, development);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (details.resourceType === 'mainFrame' && isTrustedOrigin(details.url, trusted)) {
      headers['Content-Security-Policy'] = [csp];
    }
    callback({ responseHeaders: headers });
  });
}

/** Opens a link in the user's browser (policy: https, or our own origin): the app's only shell.openExternal. */
export function openExternalSafely(url: string, trusted: readonly string[]): void {
  if (isExternalAllowed(url, trusted)) void shell.openExternal(url);
}

/** No navigation away from the app, no new windows, no webviews; https links open in the user's browser. */
export function lockDownContents(contents: WebContents, trusted: readonly string[]): void {
  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (!isTrustedOrigin(url, trusted)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (!isTrustedOrigin(url, trusted)) openExternalSafely(url, trusted);
    return { action: 'deny' };
  });
}

/** Throws unless the IPC message comes from our own top-level page. */
export function assertTrustedSender(event: IpcMainInvokeEvent | IpcMainEvent, trusted: readonly string[]): void {
  if (!isTrustedSender(event.senderFrame, trusted)) throw new Error('IPC refused: untrusted sender');
}
