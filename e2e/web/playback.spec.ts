// The bench in a real browser: demo content plays through hls.js and dash.js, and the live
// event log shows the origin serving it.
import { expect, test, type Page } from '@playwright/test';

const url = () => process.env.STITCHBENCH_E2E_URL ?? '';

async function playbackProgress(page: Page, minSeconds: number): Promise<void> {
  const video = page.getByTestId('player-video').first();
  await expect(video).toBeVisible();
  await expect
    .poll(async () => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000, intervals: [500] })
    .toBeGreaterThan(minSeconds);
  await expect(page.getByTestId('player-errors').first()).toHaveText('0');
}

test('the demo VOD (HLS TS) plays in hls.js past 5 s without errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url()}/?asset=vod-hls-ts`);
  await playbackProgress(page, 5);
  await expect(page.getByTestId('event-log')).toContainText('segment.served');
  expect(errors).toEqual([]);
});

test('the demo VOD (DASH) plays in dash.js past 5 s without errors', async ({ page }) => {
  await page.goto(`${url()}/?asset=vod-dash`);
  await playbackProgress(page, 5);
});

for (const asset of ['live-hls-fmp4', 'live-dash']) {
test(`the live demo channel (${asset}) plays`, async ({ page }) => {
  await page.goto(`${url()}/?asset=${asset}`);
  const video = page.getByTestId('player-video').first();
  const start = await (async () => {
    await expect.poll(async () => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 }).toBeGreaterThan(0);
    return video.evaluate((v: HTMLVideoElement) => v.currentTime);
  })();
  await expect.poll(async () => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 }).toBeGreaterThan(start + 4);
  await expect(page.getByTestId('player-errors').first()).toHaveText('0');
});
}

test('a newcomer sees content and the demo assets listed without clicking', async ({ page }) => {
  await page.goto(url());
  await expect(page.getByTestId('asset-vod-hls-ts')).toBeVisible();
  await expect(page.getByTestId('asset-live-dash')).toBeVisible();
  await playbackProgress(page, 2);
});
