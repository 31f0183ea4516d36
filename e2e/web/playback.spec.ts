// The bench in a real browser: demo content plays stitched by the bench's own stitcher through hls.js and
// dash.js, and the live event log shows the engine serving it. Ads themselves are proven in stitched.spec.ts
// (HLS) and dash-stitched.spec.ts (DASH).
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

async function expectSource(page: Page, mode: 'stitched' | 'origin'): Promise<void> {
  const badge = page.getByTestId('player-source').first();
  await expect(badge).toHaveAttribute('data-mode', mode);
  await expect(badge).toHaveText(mode === 'stitched' ? /^stitched · session [0-9a-f]{8}$/ : 'origin');
}

test('the demo VOD (HLS TS) plays stitched in hls.js past 5 s without errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url()}/?asset=vod-hls-ts&panel=events`);
  await playbackProgress(page, 5);
  await expectSource(page, 'stitched');
  await expect(page.getByTestId('player-url').first()).toContainText('/v1/master/');
  await expect(page.getByTestId('event-log')).toContainText('segment.served');
  await expect(page.getByTestId('event-log')).toContainText('stitcher');
  expect(errors).toEqual([]);
});

test('the demo VOD (DASH) plays stitched in dash.js past 5 s without errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url()}/?asset=vod-dash`);
  await playbackProgress(page, 5);
  await expectSource(page, 'stitched');
  // dash.js plays the session's own MPD (the stitcher's 302 target), not the URL that creates sessions.
  await expect(page.getByTestId('player-url').first()).toContainText(/\/v1\/dash\/[^/]+\/demo\/vod\/dash\/manifest\.mpd\?aws\.sessionId=[0-9a-f-]{36}$/);
  await expect(page.getByTestId('ad-avails').first()).toHaveAttribute('data-count', '2');
  expect(errors).toEqual([]);
});

for (const [asset, mode] of [['live-hls-fmp4', 'stitched'], ['live-dash', 'stitched']] as const) {
test(`the live demo channel (${asset}) plays (${mode})`, async ({ page }) => {
  await page.goto(`${url()}/?asset=${asset}`);
  await expectSource(page, mode);
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
