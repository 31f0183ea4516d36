// The bench as a QA engineer uses it, in Chromium against the headless host: the demo VOD plays through both
// breaks; the ad timeline shows the four ads, the beacon log every expected beacon fired, the latency panel
// figures, and the QA verdict passes. Then a fault (the ADS never answers) shows as failures while content plays
// on. Screenshots of each state go to reports/screenshots/ (CI keeps them as artifacts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { ROOT } from '../support/env.js';
import { baseUrl, currentTime, installStallProbe, playerSession, seekTo, startPlaying, BEFORE_BREAK_1, BEFORE_BREAK_2 } from '../support/playback.js';

const SHOTS = join(ROOT, 'reports', 'screenshots');
const RATE = 2;

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}

async function tab(page: Page, id: string): Promise<void> {
  await page.getByTestId(`tab-${id}`).click();
  await expect(page.getByTestId(`tab-${id}`)).toHaveAttribute('aria-selected', 'true');
}

test('demo VOD: two breaks play; timeline, beacon log, latency and a passing verdict', async ({ page }, info) => {
  test.setTimeout(150_000);
  await installStallProbe(page);
  await page.goto(`${baseUrl()}/?asset=vod-hls-ts`);
  await playerSession(page);
  await startPlaying(page, RATE);

  // Through break 1 (20–40 s) and break 2 (70–90 s), each from a few seconds before it.
  await seekTo(page, BEFORE_BREAK_1);
  await expect.poll(() => currentTime(page), { timeout: 40_000, intervals: [250] }).toBeGreaterThan(42);
  await seekTo(page, BEFORE_BREAK_2);
  await expect.poll(() => currentTime(page), { timeout: 40_000, intervals: [250] }).toBeGreaterThan(92);

  // Timeline: two avails with two ads each, the planned lane and what played, the playhead past both.
  const timeline = page.getByTestId('ad-timeline');
  await expect(timeline.getByTestId('timeline-avail')).toHaveCount(2);
  await expect(timeline.locator('[data-testid="timeline-block"][data-kind="ad"]')).toHaveCount(4);
  await expect.poll(async () => Number(await timeline.getByTestId('timeline-planned').getByTestId('timeline-playhead').getAttribute('data-t'))).toBeGreaterThan(90);
  expect(await timeline.getByTestId('timeline-played').locator('.timeline-played-span').count()).toBeGreaterThanOrEqual(2);
  // A marker's SCTE-35 / tag details on hover.
  await timeline.getByTestId('timeline-marker').first().hover();
  await expect(page.getByTestId('timeline-detail')).toContainText('Avail 10');
  const card = page.getByTestId('scte35-card');
  await expect(card).toContainText('cue-out');
  await expect(card.locator('[data-field="command"]')).toHaveText('splice_insert');
  await expect(card.locator('[data-field="duration"]')).toHaveText('20.000 s');

  // Beacon log: all 24 expected beacons fired (4 ads × impression, start, 3 quartiles, complete), none flagged.
  await tab(page, 'beacons');
  const summary = page.getByTestId('beacon-summary');
  await expect(summary).toHaveAttribute('data-expected', '24');
  await expect(summary).toHaveAttribute('data-fired', '24', { timeout: 20_000 });
  await expect(summary).toHaveAttribute('data-problems', '0');
  await expect(page.locator('[data-testid="beacon-row"][data-flag="fired"]')).toHaveCount(24);
  await shot(page, info, 'bench-beacons');

  // Latency: MediaTailor's three and segment TTFB have samples and figures.
  await tab(page, 'latency');
  for (const series of ['processing', 'origin', 'ads', 'ttfb']) {
    const card = page.locator(`[data-testid="latency-card"][data-series="${series}"]`);
    await expect.poll(async () => Number(await card.getAttribute('data-count')), { message: series }).toBeGreaterThan(0);
    await expect(card.locator('[data-stat="p95"]')).toHaveText(/^\d+(\.\d)? ms$/);
  }
  await shot(page, info, 'bench-latency');

  // Verdict: passes, with the beacon checks judged (not skipped).
  await tab(page, 'verdict');
  await expect(page.getByTestId('verdict-status')).toHaveAttribute('data-status', 'pass', { timeout: 20_000 });
  for (const id of ['ads-filled', 'ad-durations', 'beacons-complete', 'beacons-order', 'beacons-timing', 'discontinuities', 'stalls-at-boundaries', 'player-errors']) {
    await expect(page.locator(`[data-testid="verdict-check"][data-check="${id}"]`), id).toHaveAttribute('data-status', 'pass');
  }
  await expect(page.getByTestId('header-verdict')).toHaveAttribute('data-status', 'pass');
  // The same setup as a CI command: the playback URL without the session id.
  await expect(page.getByTestId('copy-check-command')).toHaveAttribute('data-command', /^npx stitchbench check 'http:\/\/127\.0\.0\.1:\d+\/v1\/master\/[^']+\/demo\/vod\/hls-ts\/master\.m3u8' --speed 10 --junit verdict\.xml$/);
  await shot(page, info, 'bench-verdict-pass');

  // The JUnit export is the same verdict.
  const session = await playerSession(page);
  const junit = await (await page.request.get(`${baseUrl()}/api/sessions/${session}/verdict?format=junit`)).text();
  expect(junit).toMatch(/<testsuite name="stitchbench\.session\.[^"]+" tests="11" failures="0"/);
});

test('fault: the ADS never answers — failures in the logs, content plays on, the verdict fails', async ({ page }, info) => {
  test.setTimeout(120_000);
  // The permalink form of the setup: demo ADS fault=timeout for this session.
  await page.goto(`${baseUrl()}/?asset=vod-hls-ts&fault=timeout&panel=verdict`);
  await expect(page.getByTestId('setup-ads-fault')).toHaveValue('timeout');
  const session = await playerSession(page);
  await startPlaying(page, RATE);
  // Content continues through the first break's time (20–40 s) even though no ads came.
  await seekTo(page, BEFORE_BREAK_1);
  await expect.poll(() => currentTime(page), { timeout: 40_000, intervals: [250] }).toBeGreaterThan(30);
  await expect(page.getByTestId('player-state')).toHaveAttribute('data-state', 'playing');

  // The verdict fails on the fill check, naming the reason.
  await expect(page.getByTestId('verdict-status')).toHaveAttribute('data-status', 'fail', { timeout: 20_000 });
  const filled = page.locator('[data-testid="verdict-check"][data-check="ads-filled"]');
  await expect(filled).toHaveAttribute('data-status', 'fail');
  await expect(filled).toContainText('ADS_TIMEOUT');
  // The timeline marks the avail as played without ads.
  await expect(page.locator('[data-testid="timeline-block"][data-kind="fallback"]').first()).toContainText('ADS_TIMEOUT');
  await shot(page, info, 'fault-ads-timeout-verdict');

  // The event log has the ADS interaction log's timeout record for this session.
  await tab(page, 'events');
  await page.getByPlaceholder('Filter text…').fill('ERROR_ADS_TIMEOUT');
  await expect(page.locator('[data-testid="event-row"][data-kind="ads.log"]').filter({ hasText: 'ERROR_ADS_TIMEOUT' }).first()).toBeVisible();
  // The ADS inspector shows the request that timed out.
  await tab(page, 'ads');
  await expect(page.locator('[data-testid="ads-exchange"][data-failure="timeout"]').first()).toBeVisible({ timeout: 15_000 });
  await shot(page, info, 'fault-ads-timeout-inspector');
  expect(session).toMatch(/^[\w-]{8,}$/);
});

test('client-side reporting: the bench’s player reports each tracking event through the bench as it plays', async ({ page }, info) => {
  test.setTimeout(120_000);
  await page.goto(`${baseUrl()}/?asset=vod-hls-ts&reporting=client&panel=beacons`);
  await expect(page.getByTestId('setup-reporting-client')).toBeChecked();
  const session = await playerSession(page);
  await startPlaying(page, RATE);
  await seekTo(page, BEFORE_BREAK_1);
  await expect.poll(() => currentTime(page), { timeout: 40_000, intervals: [250] }).toBeGreaterThan(42);
  // The first avail's two ads: 12 beacons, each reported by the player (sender client), none flagged.
  const rows = page.locator('[data-testid="beacon-row"][data-flag="fired"]');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(12);
  const report = (await (await page.request.get(`${baseUrl()}/api/sessions/${session}/beacon-log`)).json()) as { reportingMode: string; avails: { ads: { beacons: { sender?: string; state: string; timing?: { verdict: string } }[] }[] }[] };
  expect(report.reportingMode).toBe('client');
  const first = report.avails[0]!.ads.flatMap((a) => a.beacons);
  expect(first.map((b) => [b.state, b.sender])).toEqual(Array(12).fill(['fired', 'client']));
  // Client beacons fire as the playhead crosses them: on time, not ahead with the buffer.
  expect(first.every((b) => b.timing?.verdict === 'on-time')).toBe(true);
  await expect(page.getByTestId('beacon-summary')).toHaveAttribute('data-problems', '0');
  await shot(page, info, 'client-side-beacons');
});

test('any content URL plays stitched; two sessions side by side with different ads params', async ({ page }, info) => {
  test.setTimeout(90_000);
  await page.goto(`${baseUrl()}/?asset=vod-hls-ts`);
  await playerSession(page);
  // A URL outside the demo configuration's source (another host name for the same server): a derived configuration.
  const outside = `${baseUrl().replace('127.0.0.1', 'localhost')}/demo/origin/vod/hls-ts-daterange/master.m3u8`;
  await page.getByTestId('content-url-input').fill(outside);
  await page.getByTestId('content-url-play').click();
  await expect(page.getByTestId('config-list')).toContainText('demo-url');
  await expect(page.getByTestId('player-source').first()).toHaveAttribute('data-mode', 'stitched');
  await expect.poll(() => currentTime(page), { timeout: 30_000 }).toBeGreaterThan(1);
  expect(page.url()).toContain('asset=url');

  // Compare: a second session whose ADS gets pod=1 (personalisation), side by side.
  await page.getByTestId('setup-compare').selectOption('second-session');
  await page.getByTestId('setup-b-ads-params').fill('pod=1');
  await page.getByTestId('setup-apply').click();
  await expect(page.getByTestId('player')).toHaveCount(2);
  const badges = page.getByTestId('player-source');
  await expect(badges.nth(1)).toHaveAttribute('data-session-id', /^[\w-]{8,}$/);
  const [a, b] = await Promise.all([badges.nth(0).getAttribute('data-session-id'), badges.nth(1).getAttribute('data-session-id')]);
  expect(a).not.toBe(b);
  const view = (await (await page.request.get(`${baseUrl()}/api/sessions/${b}`)).json()) as { adsParams: Record<string, string>; configName: string };
  expect(view).toMatchObject({ configName: 'demo-url', adsParams: { pod: '1' } });
  expect(page.url()).toMatch(/compare=second-session/);
  await shot(page, info, 'two-sessions');
});
