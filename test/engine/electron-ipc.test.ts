// The IPC boundary with Electron replaced by fakes (vi.mock's factory means the real 'electron' package,
// which would try to download its binary, is never loaded): every handler refuses untrusted senders and
// malformed payloads, and the preload exposes only its small typed bridge.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC, type StitchbenchBridge } from '../../src/shared/ipc.js';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

const fake = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  rendererListeners: new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>(),
  exposed: new Map<string, unknown>(),
  invoke: [] as unknown[][],
  nativeTheme: { themeSource: 'system' as string },
}));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: Handler) => fake.handlers.set(channel, fn) },
  nativeTheme: fake.nativeTheme,
  BrowserWindow: { fromWebContents: () => null, getFocusedWindow: () => null },
  dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true })) },
  session: {},
  shell: { openExternal: vi.fn() },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      fake.invoke.push(args);
      return undefined;
    },
    on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
      const set = fake.rendererListeners.get(channel) ?? new Set();
      set.add(fn);
      fake.rendererListeners.set(channel, set);
    },
    removeListener: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => fake.rendererListeners.get(channel)?.delete(fn),
  },
}));

const APP = 'http://127.0.0.1:4321';
const own = { senderFrame: { url: `${APP}/`, parent: null }, sender: {} };
const foreign = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} };
const subFrame = { senderFrame: { url: `${APP}/`, parent: { url: `${APP}/` } }, sender: {} };
const noFrame = { senderFrame: null, sender: {} };

describe('main-process IPC handlers', () => {
  beforeEach(async () => {
    fake.handlers.clear();
    const { registerIpc } = await import('../../src/main/electron/ipc.js');
    registerIpc({ engineUrl: APP, version: '0.1.0', dataDir: '/tmp/x' }, [APP]);
  });

  const call = (channel: string, event: unknown, ...args: unknown[]) => Promise.resolve().then(() => fake.handlers.get(channel)!(event, ...args));

  it('registers exactly the documented channels', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([IPC.info, IPC.saveFile, IPC.setTheme].sort());
  });

  it('refuses every channel to foreign pages, sub-frames and frameless senders', async () => {
    for (const channel of fake.handlers.keys()) {
      for (const event of [foreign, subFrame, noFrame]) {
        await expect(call(channel, event, 'dark'), channel).rejects.toThrow(/untrusted sender/);
      }
    }
  });

  it('answers the app itself', async () => {
    await expect(call(IPC.info, own)).resolves.toEqual({ engineUrl: APP, version: '0.1.0', dataDir: '/tmp/x' });
    await expect(call(IPC.saveFile, own, { suggestedName: 'report.json', contents: '{}' })).resolves.toBe(false); // dialog cancelled
  });

  it('validates payloads and sets the native theme', async () => {
    await expect(call(IPC.setTheme, own, 'purple')).rejects.toThrow(/expected/);
    await expect(call(IPC.saveFile, own, { suggestedName: 1 })).rejects.toThrow(/expected/);
    await call(IPC.setTheme, own, 'light');
    expect(fake.nativeTheme.themeSource).toBe('light');
  });
});

describe('preload bridge', () => {
  it('exposes only `stitchbench` with typed functions, forwarding only valid commands', async () => {
    await import('../../src/preload/index.js');
    expect([...fake.exposed.keys()]).toEqual(['stitchbench']);
    const bridge = fake.exposed.get('stitchbench') as StitchbenchBridge;
    expect(Object.keys(bridge).sort()).toEqual(['info', 'isElectron', 'onCommand', 'saveFile', 'setTheme']);
    expect(Object.values(bridge).every((v) => typeof v === 'function' || typeof v === 'boolean' || typeof v === 'string')).toBe(true);

    const received: unknown[] = [];
    const off = bridge.onCommand((c) => received.push(c));
    const emit = (payload: unknown) => fake.rendererListeners.get(IPC.command)?.forEach((fn) => fn({ sender: 'ipc-event-object' }, payload));
    emit({ type: 'restart' });
    emit({ type: 'show-panel', panel: 3 });
    emit({ type: 'rm -rf' });
    emit('stop');
    expect(received).toEqual([{ type: 'restart' }, { type: 'show-panel', panel: 3 }]);
    off();
    emit({ type: 'stop' });
    expect(received).toHaveLength(2);

    await bridge.setTheme('dark');
    expect(fake.invoke.at(-1)).toEqual([IPC.setTheme, 'dark']);
  });
});
