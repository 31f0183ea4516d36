// The Ad transcoding panel against the real engine: the demo's ads were transcoded at start (pre-warm), a removed
// ad is transcoded again by the Pre-warm button with a live progress bar, and the cache shows it back.
import { expect, test } from '@playwright/test';
import { baseUrl } from '../support/playback.js';

test('Ad transcoding panel: cached demo ads, a removed ad re-transcoded by Pre-warm with progress, then cached again', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${baseUrl()}/?asset=vod-hls-ts&panel=transcoding`);
  const panel = page.getByTestId('transcode-panel');
  await expect(panel).toBeVisible();

  // The engine pre-warmed the demo configuration: every demo ad (and the slate) is cached for the demo profile.
  const entries = panel.getByTestId('transcode-cache-entry');
  await expect.poll(() => entries.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
  await expect(panel.getByTestId('transcode-profile').first()).toContainText('1280x720@25');
  const ad1 = entries.filter({ hasText: 'AD 1' }).first();
  await expect(ad1).toContainText('640x360@25');
  const key = (await ad1.getAttribute('data-key'))!;
  expect(key).toMatch(/^ad1_[0-9a-f]{12}$/);

  // Remove ad 1 from the cache; Pre-warm transcodes it again, with a progress bar, until it is ready.
  await ad1.getByTestId('transcode-cache-remove').click();
  await expect(panel.locator(`[data-testid="transcode-cache-entry"][data-key="${key}"]`)).toHaveCount(0);
  await panel.getByTestId('transcode-prewarm').click();
  await expect(panel.getByTestId('transcode-prewarm-result')).toBeVisible();
  const job = panel.locator(`[data-testid="transcode-job"][data-key="${key}"]`).first();
  await expect(job).toBeVisible({ timeout: 10_000 });
  await expect(job.getByTestId('transcode-progress')).toBeVisible();
  await testInfo.attach('transcode-panel-running', { body: await page.screenshot(), contentType: 'image/png' });
  await expect(job).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(job).toContainText(/real time/);
  await expect(panel.locator(`[data-testid="transcode-cache-entry"][data-key="${key}"]`)).toHaveCount(1, { timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath('transcode-panel.png') });
  await testInfo.attach('transcode-panel-ready', { path: testInfo.outputPath('transcode-panel.png'), contentType: 'image/png' });
  expect(pageErrors).toEqual([]);
});
