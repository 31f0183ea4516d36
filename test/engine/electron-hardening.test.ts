// Electron's security settings, policies and menu, checked without the Electron binary: the window is
// built through an injected constructor, the decisions are pure functions, the menu is a template.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuActions } from '../../src/main/electron/menu.js';
import {
  isExternalAllowed,
  isPermissionAllowed,
  isTrustedOrigin,
  isTrustedSender,
  shellContentSecurityPolicy,
} from '../../src/main/electron/policy.js';
import { createHardenedWindow, type HardenedWindowOptions } from '../../src/main/electron/web-preferences.js';
import { CONTENT_SECURITY_POLICY } from '../../src/main/http/security-headers.js';
import { isBenchCommand, isThemeSource, PANEL_COUNT } from '../../src/shared/ipc.js';

const APP = 'http://127.0.0.1:4321';
const TRUSTED = [APP];

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
}

describe('the window', () => {
  class FakeWindow {
    constructor(readonly options: HardenedWindowOptions) {}
  }
  const base = { x: 10, y: 20, width: 1200, height: 800, minWidth: 1000, minHeight: 640, title: 'Stitchbench', backgroundColor: '#14171d', show: false };
  const { options } = createHardenedWindow(FakeWindow, base, '/x/preload.cjs', 'http://127.0.0.1:1');

  it('isolates and sandboxes the renderer without Node integration or insecure content', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('enableRemoteModule');
    expect(options.webPreferences.additionalArguments).toEqual(['--stitchbench-engine-url=http://127.0.0.1:1']);
  });

  it('keeps the restored bounds and the window options it was given', () => {
    expect(options).toMatchObject(base);
  });
});

describe('Content-Security-Policy', () => {
  it('is strict: scripts only from self, no eval, no plugins, no framing', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it('lets the players work: engine media and fetches, MSE blob: media, hls.js blob:/self workers', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d['media-src']).toEqual(expect.arrayContaining(["'self'", 'blob:', 'http:']));
    expect(d['connect-src']).toEqual(expect.arrayContaining(["'self'", 'http:']));
    expect(d['worker-src']).toEqual(expect.arrayContaining(["'self'", 'blob:']));
  });

  it('is the engine policy unchanged in production; development only adds what Vite needs (no eval)', () => {
    expect(shellContentSecurityPolicy(CONTENT_SECURITY_POLICY, false)).toBe(CONTENT_SECURITY_POLICY);
    const dev = directives(shellContentSecurityPolicy(CONTENT_SECURITY_POLICY, true));
    expect(dev['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev['connect-src']).toEqual(expect.arrayContaining(['ws:']));
    expect(JSON.stringify(dev)).not.toMatch(/unsafe-eval/);
  });
});

describe('policy', () => {
  it('trusts only the app origins, exactly', () => {
    expect(isTrustedOrigin(`${APP}/index.html`, TRUSTED)).toBe(true);
    expect(isTrustedOrigin('http://127.0.0.1:4322/', TRUSTED)).toBe(false);
    expect(isTrustedOrigin('http://localhost:4321/', TRUSTED)).toBe(false);
    expect(isTrustedOrigin('https://127.0.0.1:4321/', TRUSTED)).toBe(false);
    expect(isTrustedOrigin('file:///etc/passwd', TRUSTED)).toBe(false);
    expect(isTrustedOrigin('not a url', TRUSTED)).toBe(false);
  });

  it('opens external links only as https (or the app itself)', () => {
    expect(isExternalAllowed('https://docs.aws.amazon.com/mediatailor/', TRUSTED)).toBe(true);
    expect(isExternalAllowed(`${APP}/`, TRUSTED)).toBe(true);
    for (const url of ['http://example.com/', 'file:///c:/windows/system32/calc.exe', 'smb://host/share', 'javascript:alert(1)', 'ms-msdt:x', '']) {
      expect(isExternalAllowed(url, TRUSTED), url).toBe(false);
    }
  });

  it('grants fullscreen to the app and nothing else to anyone', () => {
    expect(isPermissionAllowed('fullscreen', `${APP}/`, TRUSTED)).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'https://evil.example/', TRUSTED)).toBe(false);
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'usb', 'unknown']) {
      expect(isPermissionAllowed(p, `${APP}/`, TRUSTED), p).toBe(false);
    }
  });

  it('answers IPC only from the app top-level frame', () => {
    expect(isTrustedSender({ url: `${APP}/`, parent: null }, TRUSTED)).toBe(true);
    expect(isTrustedSender({ url: `${APP}/`, parent: {} }, TRUSTED)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, TRUSTED)).toBe(false);
    expect(isTrustedSender(null, TRUSTED)).toBe(false);
  });
});

describe('IPC payloads', () => {
  it('accepts only well-formed bench commands', () => {
    for (const c of [{ type: 'restart' }, { type: 'stop' }, { type: 'toggle-theme' }, { type: 'export' }, { type: 'show-panel', panel: 1 }, { type: 'show-panel', panel: PANEL_COUNT }]) {
      expect(isBenchCommand(c), JSON.stringify(c)).toBe(true);
    }
    for (const c of [null, 'restart', {}, { type: 'reboot' }, { type: 'show-panel' }, { type: 'show-panel', panel: 0 }, { type: 'show-panel', panel: PANEL_COUNT + 1 }, { type: 'show-panel', panel: 1.5 }]) {
      expect(isBenchCommand(c), JSON.stringify(c)).toBe(false);
    }
  });

  it('accepts only the three theme sources', () => {
    expect(['system', 'dark', 'light'].every(isThemeSource)).toBe(true);
    expect([undefined, 'DARK', 'blue', 1].some(isThemeSource)).toBe(false);
  });
});

describe('application menu', () => {
  function build(overrides: Partial<MenuActions> = {}) {
    const actions: MenuActions = {
      isMac: false,
      isPackaged: false,
      engineUrl: APP,
      send: vi.fn(),
      showAbout: vi.fn(),
      openDocs: vi.fn(),
      openLink: vi.fn(),
      ...overrides,
    };
    return { actions, template: menuTemplate(actions) };
  }
  function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
    return template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
  }
  function byLabel(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
    const found = items(template).find((i) => i.label === label);
    if (!found) throw new Error(`no menu item ${label}`);
    return found;
  }
  const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

  it('has File, Edit, View, Session, Window and Help menus', () => {
    const { template } = build();
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'editMenu', 'View', 'Session', 'windowMenu', 'help']);
    expect(build({ isMac: true }).template[0]!.role).toBe('appMenu');
  });

  it('sends session commands to the page with their accelerators', () => {
    const { template, actions } = build();
    const expected: Array<[string, string, unknown]> = [
      ['Export session report…', 'CmdOrCtrl+E', { type: 'export' }],
      ['Toggle theme', 'CmdOrCtrl+Shift+T', { type: 'toggle-theme' }],
      ['Restart playback', 'CmdOrCtrl+R', { type: 'restart' }],
      ['Stop', 'CmdOrCtrl+.', { type: 'stop' }],
      ...Array.from({ length: PANEL_COUNT }, (_, i): [string, string, unknown] => [`Show panel ${i + 1}`, `CmdOrCtrl+${i + 1}`, { type: 'show-panel', panel: i + 1 }]),
    ];
    for (const [label, accelerator, command] of expected) {
      const item = byLabel(template, label);
      expect(item.accelerator, label).toBe(accelerator);
      click(item);
      expect(actions.send).toHaveBeenLastCalledWith(command);
      expect(isBenchCommand(command)).toBe(true);
    }
  });

  it('never binds one accelerator twice (Reload UI moved off Ctrl/Cmd+R)', () => {
    const { template } = build();
    const accelerators = items(template).flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(byLabel(template, 'Reload UI')).toMatchObject({ role: 'reload', accelerator: 'CmdOrCtrl+Shift+R' });
  });

  it('shows Toggle DevTools only when not packaged', () => {
    const roles = (t: MenuItemConstructorOptions[]) => items(t).map((i) => i.role);
    expect(roles(build({ isPackaged: false }).template)).toContain('toggleDevTools');
    expect(roles(build({ isPackaged: true }).template)).not.toContain('toggleDevTools');
  });

  it('has zoom, full screen, quit and the standard edit roles', () => {
    const roles = items(build().template).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit']));
    expect(items(build({ isMac: true }).template).map((i) => i.role)).toContain('close');
  });

  it('Help: About, docs, and only https or the app itself opened externally', () => {
    const { template, actions } = build();
    click(byLabel(template, 'About Stitchbench'));
    expect(actions.showAbout).toHaveBeenCalled();
    click(byLabel(template, 'Documentation (README)'));
    expect(actions.openDocs).toHaveBeenCalled();
    click(byLabel(template, 'MediaTailor API reference'));
    click(byLabel(template, 'Open the bench in a browser'));
    const opened = vi.mocked(actions.openLink).mock.calls.map(([url]) => url);
    expect(opened.length).toBe(2);
    for (const url of opened) expect(isExternalAllowed(url, TRUSTED), url).toBe(true);
  });
});
