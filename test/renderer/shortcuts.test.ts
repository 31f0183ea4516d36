// The renderer's keyboard shortcuts, bench-command emitter and theme rules, under Node with fake key events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BENCH_SHORTCUTS, dispatchBenchCommand, installBenchCommands, onBenchCommand } from '../../src/renderer/lib/bench-commands';
import {
  handleShortcutKey,
  isEditableTarget,
  listShortcuts,
  matchesCombo,
  registerShortcut,
  subscribeShortcuts,
  type KeyEventLike,
} from '../../src/renderer/lib/shortcuts';
import { nextThemeChoice, parseThemeChoice, resolveTheme, themeLabel } from '../../src/renderer/theme/theme-choice';
import { PANEL_COUNT, type BenchCommand, type StitchbenchBridge } from '../../src/shared/ipc';

function key(k: string, extra: Partial<KeyEventLike> = {}): KeyEventLike & { prevented: boolean } {
  const e = {
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    target: { tagName: 'BODY' },
    prevented: false,
    preventDefault() {
      e.prevented = true;
    },
    ...extra,
  };
  return e;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('combos', () => {
  it('matches letters with their Shift state and characters as typed', () => {
    expect(matchesCombo('t', key('t'))).toBe(true);
    expect(matchesCombo('t', key('T', { shiftKey: true }))).toBe(false);
    expect(matchesCombo('shift+t', key('T', { shiftKey: true }))).toBe(true);
    expect(matchesCombo('?', key('?', { shiftKey: true }))).toBe(true);
    expect(matchesCombo('1', key('1'))).toBe(true);
    expect(matchesCombo('Escape', key('Escape'))).toBe(true);
    expect(matchesCombo('+', key('+', { shiftKey: true }))).toBe(true);
  });

  it('requires modifiers to match exactly; mod is Ctrl or Cmd', () => {
    expect(matchesCombo('t', key('t', { ctrlKey: true }))).toBe(false);
    expect(matchesCombo('r', key('r', { metaKey: true }))).toBe(false);
    expect(matchesCombo('t', key('t', { altKey: true }))).toBe(false);
    expect(matchesCombo('mod+k', key('k', { ctrlKey: true }))).toBe(true);
    expect(matchesCombo('mod+k', key('k', { metaKey: true }))).toBe(true);
    expect(matchesCombo('mod+k', key('k'))).toBe(false);
    expect(matchesCombo('ctrl+k', key('k', { metaKey: true }))).toBe(false);
  });

  it('knows where typing happens', () => {
    for (const t of [{ tagName: 'INPUT' }, { tagName: 'textarea' }, { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }]) {
      expect(isEditableTarget(t), JSON.stringify(t)).toBe(true);
    }
    for (const t of [{ tagName: 'BUTTON' }, { tagName: 'VIDEO' }, null, undefined, 'INPUT']) {
      expect(isEditableTarget(t), JSON.stringify(t)).toBe(false);
    }
  });
});

describe('registry', () => {
  it('runs the matching handler once and prevents the default', () => {
    const h = vi.fn();
    cleanups.push(registerShortcut('x', h, 'Do x'));
    const e = key('x');
    expect(handleShortcutKey(e)).toBe(true);
    expect(h).toHaveBeenCalledTimes(1);
    expect(e.prevented).toBe(true);
    expect(handleShortcutKey(key('y'))).toBe(false);
  });

  it('ignores keys typed into inputs, textareas, selects and contenteditable, and auto-repeat', () => {
    const h = vi.fn();
    cleanups.push(registerShortcut('x', h, 'Do x'));
    for (const target of [{ tagName: 'INPUT' }, { tagName: 'TEXTAREA' }, { tagName: 'SELECT' }, { tagName: 'P', isContentEditable: true }]) {
      const e = key('x', { target });
      expect(handleShortcutKey(e)).toBe(false);
      expect(e.prevented).toBe(false);
    }
    expect(handleShortcutKey(key('x', { repeat: true }))).toBe(false);
    expect(handleShortcutKey(key('x', { isComposing: true }))).toBe(false);
    expect(handleShortcutKey(key('x', { defaultPrevented: true }))).toBe(false);
    expect(h).not.toHaveBeenCalled();
  });

  it('lets a later registration shadow an earlier one until it is removed (e.g. Escape in an overlay)', () => {
    const first = vi.fn();
    const second = vi.fn();
    cleanups.push(registerShortcut('Escape', first, 'Base'));
    const off = registerShortcut('Escape', second, 'Close overlay');
    handleShortcutKey(key('Escape'));
    expect(second).toHaveBeenCalledTimes(1);
    expect(listShortcuts().filter((s) => s.combo === 'Escape')).toEqual([{ combo: 'Escape', description: 'Close overlay' }]);
    off();
    handleShortcutKey(key('Escape'));
    expect(first).toHaveBeenCalledTimes(1);
    expect(listShortcuts().find((s) => s.combo === 'Escape')?.description).toBe('Base');
  });

  it('notifies subscribers with a new, stable list on change', () => {
    const listener = vi.fn();
    cleanups.push(subscribeShortcuts(listener));
    const before = listShortcuts();
    expect(listShortcuts()).toBe(before);
    const off = registerShortcut('z', () => {}, 'Zed');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listShortcuts()).not.toBe(before);
    expect(listShortcuts()).toContainEqual({ combo: 'z', description: 'Zed' });
    off();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('bench commands', () => {
  it('delivers each command to its subscribers only, and survives a failing handler', () => {
    const restart = vi.fn();
    const panel = vi.fn();
    const boom = vi.fn(() => {
      throw new Error('boom');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    cleanups.push(onBenchCommand('restart', boom), onBenchCommand('restart', restart), onBenchCommand('show-panel', panel), () => error.mockRestore());
    dispatchBenchCommand({ type: 'restart' });
    dispatchBenchCommand({ type: 'show-panel', panel: 4 });
    dispatchBenchCommand({ type: 'show-panel', panel: 99 } as BenchCommand); // malformed: dropped
    expect(restart).toHaveBeenCalledTimes(1);
    expect(panel).toHaveBeenCalledExactlyOnceWith({ type: 'show-panel', panel: 4 });
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('wires the default keys and the desktop bridge into the emitter, once', () => {
    let fromMenu: ((c: BenchCommand) => void) | undefined;
    const onCommand = vi.fn((cb: (c: BenchCommand) => void) => {
      fromMenu = cb;
      return () => {};
    });
    (globalThis as { stitchbench?: Partial<StitchbenchBridge> }).stitchbench = { isElectron: true, onCommand };
    cleanups.push(() => delete (globalThis as { stitchbench?: unknown }).stitchbench);
    installBenchCommands();
    installBenchCommands();
    expect(onCommand).toHaveBeenCalledTimes(1);

    const seen: BenchCommand[] = [];
    const types = ['restart', 'stop', 'export', 'toggle-theme', 'show-panel'] as const;
    for (const t of types) cleanups.push(onBenchCommand(t, (c) => seen.push(c)));

    for (const k of ['r', 's', 'e', 't', '1', String(PANEL_COUNT)]) handleShortcutKey(key(k));
    fromMenu!({ type: 'stop' });
    expect(seen).toEqual([
      { type: 'restart' },
      { type: 'stop' },
      { type: 'export' },
      { type: 'toggle-theme' },
      { type: 'show-panel', panel: 1 },
      { type: 'show-panel', panel: PANEL_COUNT },
      { type: 'stop' },
    ]);
    expect(listShortcuts().map((s) => s.combo)).toEqual(expect.arrayContaining(DEFAULT_BENCH_SHORTCUTS.map((s) => s.combo)));
  });
});

describe('theme choice', () => {
  it('cycles system → dark → light → system', () => {
    expect(nextThemeChoice('system')).toBe('dark');
    expect(nextThemeChoice('dark')).toBe('light');
    expect(nextThemeChoice('light')).toBe('system');
  });

  it('defaults to dark and ignores junk in storage', () => {
    expect(parseThemeChoice(null)).toBe('dark');
    expect(parseThemeChoice('neon')).toBe('dark');
    expect(parseThemeChoice('system')).toBe('system');
  });

  it('follows the system only when asked to, and says so on the button', () => {
    expect(resolveTheme('system', true)).toBe('light');
    expect(resolveTheme('system', false)).toBe('dark');
    expect(resolveTheme('dark', true)).toBe('dark');
    expect(themeLabel('system', 'light')).toBe('Theme: system (light)');
    expect(themeLabel('dark', 'dark')).toBe('Theme: dark');
  });
});

describe('light theme contrast (WCAG AA, 4.5:1 for text)', () => {
  const css = readFileSync(join(import.meta.dirname, '../../src/renderer/theme/light.css'), 'utf8');
  const block = /:root\[data-theme='light'\]\s*\{([^}]*)\}/.exec(css)![1]!;
  const vars = Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  const backgrounds = ['bg', 'bg-raised', 'bg-sunken', 'bg-hover'];
  // The UI writes text in all of these; status and kind colours also fill chips that carry white text.
  const texts = ['text', 'text-dim', 'text-faint', 'accent', 'ok', 'warn', 'bad', ...Object.keys(vars).filter((k) => k.startsWith('k-'))];

  it('every text colour reads on every background', () => {
    expect(Object.keys(vars)).toEqual(expect.arrayContaining([...backgrounds, ...texts]));
    for (const t of texts) for (const b of backgrounds) expect(contrast(vars[t]!, vars[b]!), `--${t} on --${b}`).toBeGreaterThanOrEqual(4.5);
  });

  it('white chip text reads on every status and kind colour', () => {
    for (const t of texts.filter((k) => !k.startsWith('text'))) expect(contrast('#ffffff', vars[t]!), `white on --${t}`).toBeGreaterThanOrEqual(4.5);
  });
});
