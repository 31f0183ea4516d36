// The few things only the desktop shell can do, exposed to the renderer by the preload script.
export const IPC = {
  info: 'stitchbench:info',
  saveFile: 'stitchbench:save-file',
  /** main → renderer: a menu command (one channel, typed payload). */
  command: 'bench:command',
  /** renderer → main: the theme the user chose, so native chrome (title bar, dialogs) matches. */
  setTheme: 'stitchbench:set-theme',
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

/** The bench's numbered panels (menu "Show panel N", keys 1–N). */
export const PANEL_COUNT = 8;

/** Commands the menu (desktop) or the keyboard (everywhere) send to the UI. */
export type BenchCommand =
  | { type: 'restart' }
  | { type: 'stop' }
  | { type: 'toggle-theme' }
  | { type: 'export' }
  | { type: 'show-panel'; panel: number };

export type BenchCommandType = BenchCommand['type'];

const SIMPLE_COMMANDS: readonly string[] = ['restart', 'stop', 'toggle-theme', 'export'];

/** Payloads cross a process boundary: check their shape rather than trust it. */
export function isBenchCommand(value: unknown): value is BenchCommand {
  if (typeof value !== 'object' || value === null) return false;
  const { type, panel } = value as { type?: unknown; panel?: unknown };
  if (type === 'show-panel') return Number.isInteger(panel) && (panel as number) >= 1 && (panel as number) <= PANEL_COUNT;
  return typeof type === 'string' && SIMPLE_COMMANDS.includes(type);
}

export type ThemeSource = 'system' | 'dark' | 'light';

export function isThemeSource(value: unknown): value is ThemeSource {
  return value === 'system' || value === 'dark' || value === 'light';
}

/** What the preload exposes to the page as `stitchbench` in the desktop app (absent in a plain browser). */
export interface StitchbenchBridge {
  isElectron: true;
  /** Set in development, when the renderer comes from the Vite dev server instead of the engine. */
  engineUrl?: string;
  info(): Promise<DesktopInfo>;
  saveFile(suggestedName: string, contents: string): Promise<boolean>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onCommand(listener: (command: BenchCommand) => void): () => void;
  /** Makes native chrome follow the page's theme. */
  setTheme(source: ThemeSource): Promise<void>;
}
