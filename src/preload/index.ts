// The smallest bridge the renderer needs: desktop info, a native save dialog, menu commands and the
// native theme. Runs sandboxed; never hands the page ipcRenderer or an IPC event object.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, isBenchCommand, type BenchCommand, type DesktopInfo, type StitchbenchBridge } from '../shared/ipc.js';

const arg = process.argv.find((a) => a.startsWith('--stitchbench-engine-url='));

const bridge: StitchbenchBridge = {
  isElectron: true,
  ...(arg ? { engineUrl: arg.slice('--stitchbench-engine-url='.length) } : {}),
  info: () => ipcRenderer.invoke(IPC.info) as Promise<DesktopInfo>,
  saveFile: (suggestedName, contents) => ipcRenderer.invoke(IPC.saveFile, { suggestedName, contents }) as Promise<boolean>,
  onCommand: (listener) => {
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isBenchCommand(command)) listener(command as BenchCommand);
    };
    ipcRenderer.on(IPC.command, forward);
    return () => {
      ipcRenderer.removeListener(IPC.command, forward);
    };
  },
  setTheme: (source) => ipcRenderer.invoke(IPC.setTheme, source) as Promise<void>,
};

contextBridge.exposeInMainWorld('stitchbench', bridge);
