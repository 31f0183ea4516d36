// IPC handlers for what a browser cannot do; every call's sender is checked first, every payload's shape.
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain, nativeTheme, type WebContents } from 'electron';
import { IPC, isBenchCommand, isThemeSource, type BenchCommand, type DesktopInfo, type SaveFileRequest } from '../../shared/ipc.js';
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
  ipcMain.handle(IPC.setTheme, (event, source: unknown) => {
    assertTrustedSender(event, trusted);
    if (!isThemeSource(source)) throw new Error('setTheme: expected "system", "dark" or "light"');
    // Title bar, menus and dialogs follow; so does prefers-color-scheme in the page.
    nativeTheme.themeSource = source;
  });
}

/** Sends a menu command to a window's page (the preload forwards it to `stitchbench.onCommand`). */
export function sendCommand(contents: WebContents | undefined, command: BenchCommand): void {
  if (contents && !contents.isDestroyed() && isBenchCommand(command)) contents.send(IPC.command, command);
}
