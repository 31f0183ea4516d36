// The session-initializer in the bench: its URL for the selected asset, StreamCount, and the spread of sessions
// over stream ids as players come in.
import { expect, test } from '@playwright/test';
import { baseUrl } from '../support/playback.js';

test('session initializer: the stream-id spread shows as sessions come in through it', async ({ page }) => {
  // The e2e data dir outlives runs: start from the default so that setting 4 is a change the Save button allows.
  await page.request.put(`${baseUrl()}/session-initializer/settings`, { data: { StreamCount: 3 } });
  await page.goto(`${baseUrl()}/?asset=vod-hls-ts&autoplay=0`);
  const panel = page.getByTestId('session-initializer');
  await expect(panel.locator('.front-door-url')).toContainText('/session-initializer/v1/master/');
  await page.getByTestId('stream-count').fill('4');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => ((await (await page.request.get(`${baseUrl()}/session-initializer/settings`)).json()) as { StreamCount: number }).StreamCount).toBe(4);
  const url = (await panel.locator('.front-door-url').textContent())!;
  for (let i = 0; i < 40; i++) {
    const res = await page.request.get(url, { maxRedirects: 0 });
    expect(res.status()).toBe(302);
    expect(res.headers().location).toMatch(/aws\.streamId=[1-4]$/);
  }
  const counts = page.getByTestId('stream-counts');
  await expect.poll(async () => Number(await counts.getAttribute('data-total')), { timeout: 10_000 }).toBeGreaterThanOrEqual(40);
  // Over 40 sessions every one of the 4 ids turns up (the chance one does not is 4 × 0.75^40 ≈ 4e-5).
  await expect(counts.locator('.stream-count')).toHaveCount(4);
});
