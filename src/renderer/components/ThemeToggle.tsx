// Cycles the theme system → dark → light; the label says what is in effect (also: `t`, View ▸ Toggle theme).
import { useEffect } from 'react';
import { installBenchCommands } from '../lib/bench-commands';
import { nextThemeChoice, themeLabel } from '../theme/theme-choice';
import { useTheme } from '../theme/theme';

export function ThemeToggle() {
  const choice = useTheme((s) => s.choice);
  const resolved = useTheme((s) => s.resolved);
  const cycle = useTheme((s) => s.cycle);
  // The keyboard and the desktop menu reach the theme through bench commands.
  useEffect(installBenchCommands, []);
  return (
    <button
      type="button"
      className="text-button theme-toggle"
      data-testid="theme-toggle"
      data-theme-choice={choice}
      title={`Switch to ${nextThemeChoice(choice)} (t)`}
      onClick={cycle}
    >
      {themeLabel(choice, resolved)}
    </button>
  );
}
