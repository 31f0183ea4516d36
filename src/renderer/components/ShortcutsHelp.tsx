// The keyboard shortcuts overlay: `?` opens (and closes) it, Escape closes it. It lists whatever is
// registered in lib/shortcuts, so new shortcuts show up here by themselves.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { installBenchCommands } from '../lib/bench-commands';
import { listShortcuts, registerShortcut, subscribeShortcuts } from '../lib/shortcuts';
import './ShortcutsHelp.css';

/** How a combo reads to a person: "mod" is Ctrl (Cmd on a Mac), "+" joins keys. */
function keysOf(combo: string): string[] {
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
  const parts = combo === '+' ? ['+'] : combo.split('+');
  return parts.map((p) => (p === 'mod' ? (isMac ? '⌘' : 'Ctrl') : p.length === 1 ? p : p.charAt(0).toUpperCase() + p.slice(1)));
}

export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const shortcuts = useSyncExternalStore(subscribeShortcuts, listShortcuts);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(installBenchCommands, []);
  useEffect(() => registerShortcut('?', () => setOpen((o) => !o), 'Show or hide this list'), []);
  useEffect(() => {
    if (!open) return;
    // Registered only while open, so Escape means nothing to the bench otherwise.
    const off = registerShortcut('Escape', () => setOpen(false), 'Close this list');
    const returnFocus = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => {
      off();
      returnFocus?.focus?.();
    };
  }, [open]);

  if (!open) return null;
  return (
    <div className="shortcuts-backdrop" onClick={() => setOpen(false)}>
      <div
        className="shortcuts-help"
        data-testid="shortcuts-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-help-title"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="shortcuts-help-head">
          <h2 id="shortcuts-help-title">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="icon-button" aria-label="Close keyboard shortcuts" onClick={() => setOpen(false)}>
            ×
          </button>
        </div>
        <dl className="shortcuts-list">
          {shortcuts.map((s) => (
            <div key={s.combo} className="shortcuts-row">
              <dt>
                {keysOf(s.combo).map((k, i) => (
                  <kbd key={i}>{k}</kbd>
                ))}
              </dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
        <p className="shortcuts-note">Keys are ignored while typing in a field. In the desktop app, the menus list Ctrl/⌘ shortcuts too.</p>
      </div>
    </div>
  );
}
