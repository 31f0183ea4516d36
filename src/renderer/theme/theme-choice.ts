// The theme choice's pure rules: what it resolves to, what comes next, how it reads on the button.
import { isThemeSource, type ThemeSource } from '../../shared/ipc';

export type ThemeChoice = ThemeSource;
export type ResolvedTheme = 'dark' | 'light';

export const THEME_STORAGE_KEY = 'stitchbench.theme';

const ORDER: readonly ThemeChoice[] = ['system', 'dark', 'light'];

/** Dark until the user chooses: the bench is often projected, and it keeps headless test runs unchanged. */
export const DEFAULT_THEME: ThemeChoice = 'dark';

export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  return isThemeSource(stored) ? stored : DEFAULT_THEME;
}

export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length]!;
}

export function resolveTheme(choice: ThemeChoice, systemPrefersLight: boolean): ResolvedTheme {
  if (choice === 'system') return systemPrefersLight ? 'light' : 'dark';
  return choice;
}

export function themeLabel(choice: ThemeChoice, resolved: ResolvedTheme): string {
  if (choice === 'system') return `Theme: system (${resolved})`;
  return `Theme: ${choice}`;
}
