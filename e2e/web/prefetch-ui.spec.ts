// Issue 8's front doors in the bench UI: a prefetch schedule made through the Prefetch panel's form on the live
// demo (listed with its phase, its retrievals, its consumption window on the ad timeline, the engine's 400 shown
// inline, deleted again), and a Primetime bootstrap URL built in the sidebar and played in player A.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { baseUrl, fetchSession, playerSession, startPlaying } from '../support/playback.js';

const CONFIG = 'demo';

/** The e2e data directory outlives runs: drop schedules an interrupted run left behind. */
async function deleteSchedules(request: APIRequestContext, prefix: string): Promise<void> {
  const res = await request.get(`${baseUrl()}/api/prefetch?config=${CONFIG}`);
  expect(res.status(), 'GET /api/prefetch').toBe(200);
  const overview = (await res.json()) as { schedules: { schedule: { Name: string } }[] };
  for (const { schedule } of overview.schedules) {
    if (schedule.Name.startsWith(prefix)) await request.delete(`${baseUrl()}/prefetchSchedule/${CONFIG}/${schedule.Name}`);
  }
}

test('prefetch: a schedule made through the form is listed with its phase, retrieves for the live session and can be deleted', async ({ page, request }) => {
  await deleteSchedules(request, 'e2e-ui-');
  const name = `e2e-ui-${Date.now().toString(36)}`;
  await page.goto(`${baseUrl()}/?asset=live-hls-fmp4`);
  const session = await playerSession(page);

  // Key 8 opens the panel, as 1–7 open the others.
  await page.locator('body').press('8');
  const panel = page.getByTestId('prefetch-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(`configuration ${CONFIG}`);
  const form = page.getByRole('form', { name: 'New schedule' });
  // The demo defaults: a prefetch-<n> name, SINGLE, retrieval now → +60 s over 30 s, consumption now → +10 min.
  await expect(form.getByLabel('Name')).toHaveValue(/^prefetch-\d+$/);
  await expect(form.getByLabel('Retrieval ends in (s)')).toHaveValue('60');
  await expect(form.getByLabel('Retrieval window (s)')).toHaveValue('30');
  await expect(form.getByLabel('Consumption ends in (s)')).toHaveValue('600');

  // A bad window: the engine's 400 message shows under the form.
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Retrieval starts in (s)').fill('60');
  await form.getByLabel('Retrieval ends in (s)').fill('10');
  await form.getByRole('button', { name: 'Create schedule' }).click();
  await expect(form.getByRole('alert')).toContainText('Retrieval.EndTime must be after its StartTime');

  await form.getByLabel('Retrieval starts in (s)').fill('0');
  await form.getByLabel('Retrieval ends in (s)').fill('60');
  await form.getByRole('button', { name: 'Create schedule' }).click();
  await expect(form.getByRole('status')).toContainText(`created ${name}`);

  const row = panel.getByRole('listitem', { name: `Schedule ${name}` });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('prefetch-phase')).toHaveText('retrieving');
  await expect(row.getByTestId('prefetch-retrieval-window')).toContainText('→ in ');
  await expect(row.getByTestId('prefetch-consumption-window')).toContainText(/in (9|10) min/);
  await expect(row).toContainText('retrieval window 30 s');
  const created = (await (await request.get(`${baseUrl()}/prefetchSchedule/${CONFIG}/${name}`)).json()) as { ScheduleType: string; Retrieval: { StartTime: number; EndTime: number } };
  expect(created.ScheduleType).toBe('SINGLE');
  expect(created.Retrieval.EndTime - created.Retrieval.StartTime).toBe(60);

  // Its retrievals: the live session playing gets one, planned inside the window.
  await row.getByRole('button', { name: `Show retrievals of ${name}` }).click();
  const retrievals = row.getByTestId('prefetch-retrievals');
  await expect(retrievals.locator('tbody tr').filter({ hasText: session.slice(0, 8) })).toHaveCount(1, { timeout: 15_000 });

  // The consumption window lies on the live session's ad timeline.
  await expect(page.getByTestId('ad-timeline').locator(`[data-testid="timeline-prefetch-band"][data-schedule="${name}"]`)).toBeVisible();

  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(row).toHaveCount(0);
  expect((await request.get(`${baseUrl()}/prefetchSchedule/${CONFIG}/${name}`)).status()).toBe(404);
});

test('primetime: the bootstrap URL built for the asset plays in player A (302 and simple JSON)', async ({ page, request }) => {
  await page.goto(`${baseUrl()}/?asset=vod-hls-ts`);
  const first = await playerSession(page);
  const catalog = (await (await request.get(`${baseUrl()}/demo/catalog`)).json()) as { assets: { id: string; originUrl: string }[] };
  const origin = catalog.assets.find((a) => a.id === 'vod-hls-ts')!.originUrl;

  const builder = page.getByTestId('primetime-bootstrap');
  await builder.getByLabel('Targeting (k)').fill('genre=news;age=30');
  const shown = builder.getByTestId('primetime-url');
  await expect(shown).toContainText('/auditude/variant/vod-hls-ts/');
  const url = new URL((await shown.textContent())!);
  expect(url.pathname).toBe(`/auditude/variant/vod-hls-ts/${Buffer.from(origin).toString('base64url')}.m3u8`);
  expect(Object.fromEntries(url.searchParams)).toEqual({ pttrackingmode: 'sstm', k: 'genre=news;age=30', ptconfig: CONFIG });

  // sstm: the player follows the 302 to a new session with the targeting as ADS parameters.
  await builder.getByRole('button', { name: 'Play bootstrap in player A' }).click();
  await expect(page.getByTestId('player-source').first()).not.toHaveAttribute('data-session-id', first);
  const viaRedirect = await playerSession(page);
  await startPlaying(page);
  const s = (await fetchSession(request, viaRedirect)) as unknown as { asset: string; reportingMode: string; adsParams?: Record<string, string> };
  expect(s.asset).toBe('primetime/vod-hls-ts/master.m3u8');
  expect(s.reportingMode).toBe('server');
  expect(s.adsParams).toMatchObject({ genre: 'news', age: '30' });

  // simple: the JSON answer's Master-M3U8 plays (a session with client-side tracking).
  await builder.getByLabel('Tracking mode').selectOption('simple');
  await builder.getByRole('button', { name: 'Play bootstrap in player A' }).click();
  await expect(page.getByTestId('player-source').first()).not.toHaveAttribute('data-session-id', viaRedirect);
  const viaJson = await playerSession(page);
  await expect(page.getByTestId('player-url').first()).toContainText(`aws.sessionId=${viaJson}`);
  await startPlaying(page);
  const j = (await fetchSession(request, viaJson)) as unknown as { reportingMode: string };
  expect(j.reportingMode).toBe('client');

  // none: EXT-X-MARKER tags in the playlists, client-side reporting; the bench follows the 302 to the session.
  await builder.getByLabel('Tracking mode').selectOption('none');
  await builder.getByRole('button', { name: 'Play bootstrap in player A' }).click();
  await expect(page.getByTestId('player-source').first()).not.toHaveAttribute('data-session-id', viaJson);
  const viaMarkers = await playerSession(page);
  await expect(page.getByTestId('player-url').first()).toContainText(`aws.sessionId=${viaMarkers}`);
  await startPlaying(page);
  const m = (await fetchSession(request, viaMarkers)) as unknown as { reportingMode: string };
  expect(m.reportingMode).toBe('client');
  const master = await (await request.get((await page.getByTestId('player-url').first().textContent())!.trim())).text();
  const mediaPath = master.split('\n').find((l) => l.startsWith('/v1/manifest/'))!;
  expect(await (await request.get(`${baseUrl()}${mediaPath}`)).text()).toContain('#EXT-X-MARKER:ID=');
});
