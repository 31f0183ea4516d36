// Electron hardening in one place: what the renderer may load, navigate to, open, and ask for.
import { session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../http/security-headers.js';

/** Origins the app's own pages come from (the engine; the Vite dev server in development). */
export function isTrustedOrigin(url: string, trusted: readonly string[]): boolean {
  try {
    return trusted.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

export function hardenSession(trusted: readonly string[]): void {
  const ses = session.defaultSession;
  // The renderer needs no camera, notifications, USB, …: deny every permission request.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Add the CSP to our own documents even when they come from the Vite dev server.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (details.resourceType === 'mainFrame' && isTrustedOrigin(details.url, trusted)) {
      headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    }
    callback({ responseHeaders: headers });
  });
}

/** No navigation away from the app, no new windows; http(s) links open in the user's browser. */
export function lockDownContents(contents: WebContents, trusted: readonly string[]): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedOrigin(url, trusted)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url) && !isTrustedOrigin(url, trusted)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** IPC is only answered for our own top-level page, never for a frame from elsewhere. */
export function assertTrustedSender(event: IpcMainInvokeEvent, trusted: readonly string[]): void {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isTrustedOrigin(frame.url, trusted)) {
    throw new Error('IPC refused: untrusted sender');
  }
}
