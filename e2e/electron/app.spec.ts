// The desktop app: runs only where the Electron binary exists (it cannot be downloaded on CI here).
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary, ROOT } from '../support/env.js';

const found = electronBinary();

test.describe('Electron app', () => {
  test.skip('reason' in found, 'reason' in found ? found.reason : '');

  test('opens a hardened window that plays the demo', async () => {
    const app = await electron.launch({
      executablePath: 'path' in found ? found.path : '',
      args: [join(ROOT, 'out', 'main', 'index.js')],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    const page = await app.firstWindow();
    // No Node in the page, the bridge present, pop-ups denied.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => (window as unknown as { stitchbench?: { isElectron: boolean } }).stitchbench?.isElectron)).toBe(true);
    // window.open is denied.
    const opened = await page.evaluate(() => window.open('https://example.com') === null);
    expect(opened).toBe(true);
    await expect(page.getByTestId('player-video').first()).toBeVisible({ timeout: 120_000 });
    await app.close();
  });

  test('has the bench menus, a small bridge, and refuses to navigate away', async () => {
    const app = await electron.launch({
      executablePath: 'path' in found ? found.path : '',
      args: [join(ROOT, 'out', 'main', 'index.js')],
    });
    const page = await app.firstWindow();
    const menus = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label) ?? []);
    expect(menus).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Session', 'Help']));
    const bridgeKeys = await page.evaluate(() => Object.keys((window as unknown as { stitchbench?: object }).stitchbench ?? {}).sort());
    expect(bridgeKeys).toEqual(['engineUrl', 'info', 'isElectron', 'onCommand', 'saveFile', 'setTheme']);
    // A menu command reaches the page's theme through the one command channel.
    const toggle = page.getByTestId('theme-toggle');
    const before = await toggle.getAttribute('data-theme-choice');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.send('bench:command', { type: 'toggle-theme' }));
    await expect(toggle).not.toHaveAttribute('data-theme-choice', before ?? '');
    const url = page.url();
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(url);
    await app.close();
  });
});
