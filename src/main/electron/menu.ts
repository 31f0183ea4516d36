// The application menu as a template built from injected actions. Only Electron's types are imported
// (erased at build time), so a unit test can walk the template without an Electron binary; index.ts
// builds and installs it. Page commands go over one IPC channel (see sendCommand in ipc.ts).
import type { MenuItemConstructorOptions } from 'electron';
import { PANEL_COUNT, type BenchCommand } from '../../shared/ipc.js';

export const MEDIATAILOR_API_REFERENCE = 'https://docs.aws.amazon.com/mediatailor/latest/apireference/Welcome.html';

export interface MenuActions {
  isMac: boolean;
  /** Packaged builds ship without the DevTools menu item. */
  isPackaged: boolean;
  /** The loopback engine's URL, for "Open the bench in a browser". */
  engineUrl: string;
  /** Sends a command to the focused window's page. */
  send(command: BenchCommand): void;
  showAbout(): void;
  openDocs(): void;
  /** Opens a link in the user's browser (policy-checked: https or the app's own origin). */
  openLink(url: string): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: BenchCommand, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => a.send(cmd),
  });
  const panels = Array.from({ length: PANEL_COUNT }, (_, i) => command(`Show panel ${i + 1}`, { type: 'show-panel', panel: i + 1 }, `CmdOrCtrl+${i + 1}`));

  return [
    ...(a.isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [command('Export session report…', { type: 'export' }, 'CmdOrCtrl+E'), separator, a.isMac ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        // Ctrl/Cmd+R restarts playback (Session menu), so reloading the UI takes Shift.
        { role: 'reload', label: 'Reload UI', accelerator: 'CmdOrCtrl+Shift+R' },
        command('Toggle theme', { type: 'toggle-theme' }, 'CmdOrCtrl+Shift+T'),
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        ...(a.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Session',
      submenu: [command('Restart playback', { type: 'restart' }, 'CmdOrCtrl+R'), command('Stop', { type: 'stop' }, 'CmdOrCtrl+.'), separator, ...panels],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'About Stitchbench', click: () => a.showAbout() },
        { label: 'Documentation (README)', click: () => a.openDocs() },
        { label: 'MediaTailor API reference', click: () => a.openLink(MEDIATAILOR_API_REFERENCE) },
        separator,
        { label: 'Open the bench in a browser', click: () => a.openLink(a.engineUrl) },
      ],
    },
  ];
}
