// A tiny keyboard-shortcut registry: registerShortcut(combo, handler, description) and one keydown
// listener. Keys typed into inputs, textareas, selects and contenteditable are never shortcuts.
// DOM-type-free (structural types) so it is unit-tested under Node.

/** The parts of a KeyboardEvent the registry reads. */
export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: unknown;
  preventDefault(): void;
}

export interface ShortcutInfo {
  combo: string;
  description: string;
}

interface ParsedCombo {
  key: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  /** Ctrl on Windows/Linux, Cmd on macOS: either satisfies it. */
  mod: boolean;
}

interface Entry extends ShortcutInfo {
  parsed: ParsedCombo;
  handler: (event: KeyEventLike) => void;
}

/**
 * "t", "?", "Escape", "shift+ArrowUp", "mod+k". The last part is the key (KeyboardEvent.key); "+" alone
 * is the plus key.
 */
export function parseCombo(combo: string): ParsedCombo {
  const parts = combo === '+' ? ['+'] : combo.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => p.trim().toLowerCase()));
  return { key, ctrl: mods.has('ctrl'), alt: mods.has('alt'), shift: mods.has('shift'), meta: mods.has('meta'), mod: mods.has('mod') };
}

export function matchesCombo(combo: string | ParsedCombo, e: KeyEventLike): boolean {
  const c = typeof combo === 'string' ? parseCombo(combo) : combo;
  if (c.mod ? !(e.ctrlKey || e.metaKey) : e.ctrlKey !== c.ctrl || e.metaKey !== c.meta) return false;
  if (e.altKey !== c.alt) return false;
  if (c.key.length === 1) {
    // Letters: Shift matters (t ≠ T). Other characters ("?", "1") already encode Shift per layout.
    if (/[a-z]/i.test(c.key)) return e.key.toLowerCase() === c.key.toLowerCase() && e.shiftKey === c.shift;
    return e.key === c.key;
  }
  return e.key.toLowerCase() === c.key.toLowerCase() && e.shiftKey === c.shift;
}

/** True for the places where a key press is text, not a command. */
export function isEditableTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const el = target as { tagName?: unknown; isContentEditable?: unknown };
  if (el.isContentEditable === true) return true;
  return typeof el.tagName === 'string' && ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase());
}

const entries: Entry[] = [];
const listeners = new Set<() => void>();
let snapshot: readonly ShortcutInfo[] = [];

function changed(): void {
  // One line per combo; the latest registration's description wins, as its handler does.
  const byCombo = new Map<string, ShortcutInfo>();
  for (const e of entries) byCombo.set(e.combo, { combo: e.combo, description: e.description });
  snapshot = [...byCombo.values()];
  for (const l of listeners) l();
}

/** Registers a shortcut; returns its unregister function. A later registration of a combo shadows earlier ones. */
export function registerShortcut(combo: string, handler: (event: KeyEventLike) => void, description: string): () => void {
  const entry: Entry = { combo, description, handler, parsed: parseCombo(combo) };
  entries.push(entry);
  changed();
  return () => {
    const i = entries.indexOf(entry);
    if (i >= 0) {
      entries.splice(i, 1);
      changed();
    }
  };
}

/** The registered shortcuts, stable between changes (usable with useSyncExternalStore). */
export function listShortcuts(): readonly ShortcutInfo[] {
  return snapshot;
}

export function subscribeShortcuts(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Runs the matching shortcut, if any; true when one ran. */
export function handleShortcutKey(e: KeyEventLike): boolean {
  if (e.defaultPrevented || e.isComposing || e.repeat || isEditableTarget(e.target)) return false;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (matchesCombo(entry.parsed, e)) {
      e.preventDefault();
      entry.handler(e);
      return true;
    }
  }
  return false;
}

interface KeydownTarget {
  addEventListener(type: 'keydown', listener: (e: KeyEventLike) => void): void;
  removeEventListener(type: 'keydown', listener: (e: KeyEventLike) => void): void;
}

let installedOn: KeydownTarget | undefined;
const onKeydown = (e: KeyEventLike): void => {
  handleShortcutKey(e);
};

/** Installs the one keydown listener (idempotent); returns its removal. */
export function installShortcutListener(target: KeydownTarget = globalThis as unknown as KeydownTarget): () => void {
  if (!installedOn) {
    target.addEventListener('keydown', onKeydown);
    installedOn = target;
  }
  return () => {
    installedOn?.removeEventListener('keydown', onKeydown);
    installedOn = undefined;
  };
}
