// One place for bench commands (restart, stop, toggle-theme, show-panel n, export): the desktop menu
// (over the preload bridge) and the keyboard both dispatch here; the UI subscribes with
// onBenchCommand(type, handler). Works without the bridge (plain browser). DOM-type-free for Node tests.
import { PANEL_COUNT, isBenchCommand, type BenchCommand, type BenchCommandType, type StitchbenchBridge } from '../../shared/ipc';
import { installShortcutListener, registerShortcut } from './shortcuts';

export type { BenchCommand, BenchCommandType } from '../../shared/ipc';

type CommandOf<T extends BenchCommandType> = Extract<BenchCommand, { type: T }>;
type AnyHandler = (command: BenchCommand) => void;

const handlers = new Map<BenchCommandType, Set<AnyHandler>>();

/** Subscribes to one command type; returns the unsubscribe function. */
export function onBenchCommand<T extends BenchCommandType>(type: T, handler: (command: CommandOf<T>) => void): () => void {
  let set = handlers.get(type);
  if (!set) handlers.set(type, (set = new Set()));
  const h = handler as AnyHandler;
  set.add(h);
  return () => {
    set.delete(h);
  };
}

/** Delivers a command to its subscribers; one failing handler does not stop the others. */
export function dispatchBenchCommand(command: BenchCommand): void {
  if (!isBenchCommand(command)) return;
  for (const h of [...(handlers.get(command.type) ?? [])]) {
    try {
      h(command);
    } catch (e) {
      console.error(`bench command ${command.type} failed:`, e);
    }
  }
}

/** The keys every host gets. The desktop menu uses Ctrl/Cmd combos for the same commands, so the two never collide. */
export const DEFAULT_BENCH_SHORTCUTS: ReadonlyArray<{ combo: string; command: BenchCommand; description: string }> = [
  { combo: 'r', command: { type: 'restart' }, description: 'Restart playback' },
  { combo: 's', command: { type: 'stop' }, description: 'Stop playback' },
  { combo: 'e', command: { type: 'export' }, description: 'Export session report' },
  { combo: 't', command: { type: 'toggle-theme' }, description: 'Cycle theme (system, dark, light)' },
  ...Array.from({ length: PANEL_COUNT }, (_, i) => ({
    combo: String(i + 1),
    command: { type: 'show-panel', panel: i + 1 } as const,
    description: `Show panel ${i + 1}`,
  })),
];

function desktopBridge(): Partial<StitchbenchBridge> | undefined {
  return (globalThis as { stitchbench?: Partial<StitchbenchBridge> }).stitchbench;
}

let installed = false;

/**
 * Wires the sources into the emitter once for the app's lifetime: the keydown listener with the default
 * shortcuts, and menu commands from the desktop shell when its bridge is present. Idempotent.
 */
export function installBenchCommands(): void {
  if (installed) return;
  installed = true;
  for (const s of DEFAULT_BENCH_SHORTCUTS) registerShortcut(s.combo, () => dispatchBenchCommand(s.command), s.description);
  if (typeof (globalThis as { addEventListener?: unknown }).addEventListener === 'function') installShortcutListener();
  desktopBridge()?.onCommand?.(dispatchBenchCommand);
}
