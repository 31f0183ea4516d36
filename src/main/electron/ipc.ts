// IPC handlers for what a browser cannot do; every call's sender is checked first.
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain } from 'electron';
import { IPC, type DesktopInfo, type SaveFileRequest } from '../../shared/ipc.js';
import { assertTrustedSender } from './security.js';

export function registerIpc(info: DesktopInfo, trusted: readonly string[]): void {
  ipcMain.handle(IPC.info, (event) => {
    assertTrustedSender(event, trusted);
    return info;
  });
  ipcMain.handle(IPC.saveFile, async (event, request: SaveFileRequest) => {
    assertTrustedSender(event, trusted);
    if (!request || typeof request.suggestedName !== 'string' || typeof request.contents !== 'string') {
      throw new Error('saveFile: expected { suggestedName, contents } strings');
    }
    const win = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: request.suggestedName.replace(/[\\/]/g, '_') };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return false;
    await writeFile(result.filePath, request.contents);
    return true;
  });
}
