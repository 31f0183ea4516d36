// The smallest bridge the renderer needs: desktop info and a native save dialog. Runs sandboxed.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type DesktopInfo, type StitchbenchBridge } from '../shared/ipc.js';

const arg = process.argv.find((a) => a.startsWith('--stitchbench-engine-url='));

const bridge: StitchbenchBridge = {
  isElectron: true,
  ...(arg ? { engineUrl: arg.slice('--stitchbench-engine-url='.length) } : {}),
  info: () => ipcRenderer.invoke(IPC.info) as Promise<DesktopInfo>,
  saveFile: (suggestedName, contents) => ipcRenderer.invoke(IPC.saveFile, { suggestedName, contents }) as Promise<boolean>,
};

contextBridge.exposeInMainWorld('stitchbench', bridge);
