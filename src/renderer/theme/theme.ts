// The theme: 'system' | 'dark' | 'light', kept in localStorage, applied as data-theme on <html>
// (styles.css is the dark theme, light.css overrides it), following prefers-color-scheme when 'system'.
// The menu's "Toggle theme" and the `t` key arrive as the toggle-theme bench command.
import { create } from 'zustand';
import type { StitchbenchBridge } from '../../shared/ipc';
import { onBenchCommand } from '../lib/bench-commands';
import {
  THEME_STORAGE_KEY,
  nextThemeChoice,
  parseThemeChoice,
  resolveTheme,
  type ResolvedTheme,
  type ThemeChoice,
} from './theme-choice';
import './light.css';

export type { ResolvedTheme, ThemeChoice } from './theme-choice';

const lightQuery = window.matchMedia('(prefers-color-scheme: light)');

function readStored(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return parseThemeChoice(null); // storage disabled
  }
}

interface ThemeState {
  choice: ThemeChoice;
  resolved: ResolvedTheme;
  setChoice(choice: ThemeChoice): void;
  cycle(): void;
}

export const useTheme = create<ThemeState>((set, get) => {
  const initial = readStored();
  return {
    choice: initial,
    resolved: resolveTheme(initial, lightQuery.matches),
    setChoice: (choice) => {
      try {
        localStorage.setItem(THEME_STORAGE_KEY, choice);
      } catch {
        // Not persisted; still applied for this session.
      }
      set({ choice, resolved: resolveTheme(choice, lightQuery.matches) });
    },
    cycle: () => get().setChoice(nextThemeChoice(get().choice)),
  };
});

function bridge(): Partial<StitchbenchBridge> | undefined {
  return (globalThis as { stitchbench?: Partial<StitchbenchBridge> }).stitchbench;
}

/** In the desktop app, native chrome (title bar, menus, dialogs) follows the choice. */
function tellShell(choice: ThemeChoice): void {
  bridge()?.setTheme?.(choice).catch(() => undefined);
}

function applyToDocument(resolved: ResolvedTheme): void {
  document.documentElement.dataset.theme = resolved;
}

applyToDocument(useTheme.getState().resolved);
tellShell(useTheme.getState().choice);
useTheme.subscribe((state, previous) => {
  if (state.resolved !== previous.resolved) applyToDocument(state.resolved);
  if (state.choice !== previous.choice) tellShell(state.choice);
});
lightQuery.addEventListener('change', (e) => {
  const { choice } = useTheme.getState();
  useTheme.setState({ resolved: resolveTheme(choice, e.matches) });
});
onBenchCommand('toggle-theme', () => useTheme.getState().cycle());
