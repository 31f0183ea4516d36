// Stitched DASH in a real browser: the renderer opens a session on the playback configuration's DASH URL
// (/v1/dash/… answers 302 to ?aws.sessionId=…) and hands dash.js the session's own MPD; the stitcher has split
// the content into Periods around each break, one ad Period per ad ({availId}_{k}) whose segments come through
// /v1/dashsegment/… and redirect to the ad media. dash.js must switch into every ad Period and back to content
// without stalling, and the bench's session API must agree with what the browser played and fetched.
// Demo content: 100 s of 2 s segments, 20 s breaks at 20 s and 70 s, each replaced by two 10 s ads.
import { expect, test, type Page } from '@playwright/test';
import {
  baseUrl,
  currentTime,
  expectNoPlayerErrors,
  expectNoStallOver,
  fetchSession,
  installStallProbe,
  periodSwitches,
  playerLog,
  playerSession,
  recordNetwork,
  seekTo,
  stalls,
  startPlaying,
  type NetworkLog,
  type SessionView,
  BEFORE_BREAK_1,
  BEFORE_BREAK_2,
  MAX_STALL_MS,
  SEGMENT_SECONDS,
} from '../support/playback.js';

/**
 * The VOD test seeks to just before each break and plays through it in real time. At 2× (as the HLS tests play),
 * Chromium's software decoder on a loaded 2-core runner occasionally froze inside an ad with media buffered —
 * 1× is what viewers do and what the stall budget is about.
 */
const RATE = 1;

/** One page load, one session: a single GET without the session id (302 → the session), every MPD of that session. */
function expectOneDashSession(net: NetworkLog, session: string): void {
  const creating = net.dashManifests.filter((m) => !new URL(m.url).searchParams.has('aws.sessionId'));
  expect(
    creating.map((m) => [m.status, m.session]),
    'GETs of the stitched URL without aws.sessionId (each creates a session)',
  ).toEqual([[302, session]]);
  const served = net.dashManifests.filter((m) => new URL(m.url).searchParams.has('aws.sessionId'));
  expect(served.length, 'MPDs of the session served').toBeGreaterThan(0);
  for (const m of served) {
    expect(new URL(m.url).searchParams.get('aws.sessionId'), m.url).toBe(session);
    expect([m.status, m.session], m.url).toEqual([200, session]);
  }
}

/** Ad segments fetched for one ad Period, by content adaptation set: distinct media segment files, and init. */
function fetchedForPeriod(net: NetworkLog, availKey: string, index: number): Map<number, { media: Set<string>; init: boolean }> {
  const bySet = new Map<number, { media: Set<string>; init: boolean }>();
  for (const f of net.dashAdSegments) {
    if (f.availKey !== availKey || f.index !== index) continue;
    const entry = bySet.get(f.set) ?? { media: new Set<string>(), init: false };
    if (f.file === 'init.mp4') entry.init = true;
    else entry.media.add(f.file);
    bySet.set(f.set, entry);
  }
  return bySet;
}

/** Every ad Period's segments came through /v1/dashsegment/ of this session and redirected to its ad's DASH media. */
function expectAdSegmentsFetched(net: NetworkLog, session: string, avail: SessionView['avails'][number]): void {
  const periods = avail.periods ?? [];
  periods.forEach((p, index) => {
    const ad = avail.ads.find((a) => a.adId === p.adId);
    expect(ad, `ad ${p.adId} of Period ${p.id} in the avail's ads`).toBeDefined();
    const folder = ad!.creative.slice(0, ad!.creative.lastIndexOf('/') + 1);
    // The engine's transcode of the demo mezzanine, packaged as DASH over CMAF segments.
    expect(ad!.creative, `creative of ${p.adId}`).toMatch(/\/v1\/transcoded\/[^/]+_[0-9a-f]{12}\/manifest\.mpd$/);
    const bySet = fetchedForPeriod(net, String(avail.key), index);
    // Video and audio: each fetched its init segment and every media segment of the ad.
    expect(bySet.size, `adaptation sets fetched for ad Period ${p.id}`).toBeGreaterThanOrEqual(2);
    for (const [set, { media, init }] of bySet) {
      expect(init, `init segment of set ${set} in ad Period ${p.id}`).toBe(true);
      expect(media.size, `media segments of set ${set} in ad Period ${p.id}`).toBe(Math.ceil(p.duration / SEGMENT_SECONDS));
    }
    for (const f of net.dashAdSegments.filter((x) => x.availKey === String(avail.key) && x.index === index)) {
      expect(f.session).toBe(session);
      expect(f.mediaUrl.startsWith(folder), `${f.mediaUrl} is media of ${ad!.creative}`).toBe(true);
    }
  });
}

/** Ad Period ids of the session's avails, in order. */
function adPeriodIds(s: SessionView): string[] {
  return s.avails.flatMap((a) => (a.periods ?? []).map((p) => p.id));
}

async function expectStitchedSource(page: Page, session: string): Promise<void> {
  await expect(page.getByTestId('player-source').first()).toHaveText(`stitched · session ${session.slice(0, 8)}`);
  // dash.js plays the session's own URL, not the one that creates sessions.
  const url = new URL((await page.getByTestId('player-url').first().textContent()) ?? '');
  expect(url.pathname).toMatch(/^\/v1\/dash\/[^/]+\/demo\/.+\.mpd$/);
  expect(url.searchParams.get('aws.sessionId')).toBe(session);
}

test('VOD (DASH): dash.js switches into all four ad Periods and back to content, no stall over 1 s, no errors', async ({ page, request }) => {
  test.setTimeout(150_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await installStallProbe(page);
  const net = recordNetwork(page);

  await page.goto(`${baseUrl()}/?asset=vod-dash`);
  const session = await playerSession(page);
  await expectStitchedSource(page, session);
  expect(new URL(net.dashManifests[0]!.url).pathname).toMatch(/\/v1\/dash\/[^/]+\/demo\/vod\/dash\/manifest\.mpd$/);

  await startPlaying(page, RATE);
  // Through break 1 (20–40 s), then break 2 (70–90 s).
  await seekTo(page, BEFORE_BREAK_1);
  await expect.poll(() => currentTime(page), { timeout: 50_000, intervals: [250] }).toBeGreaterThan(42);
  await seekTo(page, BEFORE_BREAK_2);
  await expect.poll(() => currentTime(page), { timeout: 50_000, intervals: [250] }).toBeGreaterThan(92);

  const s = await fetchSession(request, session);
  expect([s.format, s.live]).toEqual(['dash', false]);
  expect(s.avails.map((a) => [a.availId, a.durationSeconds, a.filledSeconds, a.fallback, (a.periods ?? []).map((p) => [p.id, p.kind, p.duration])])).toEqual([
    ['20000', 20, 20, null, [['20000_1', 'ad', 10], ['20000_2', 'ad', 10]]],
    ['70000', 20, 20, null, [['70000_1', 'ad', 10], ['70000_2', 'ad', 10]]],
  ]);
  const ads = adPeriodIds(s);

  // dash.js switched from content into each ad Period in turn and back to content after each break.
  const switches = await periodSwitches(page);
  const firstAd = switches.findIndex((x) => ads.includes(x.to));
  expect(firstAd, `switches: ${JSON.stringify(switches)}`).toBeGreaterThan(0);
  expect(switches.slice(firstAd).map((x) => (ads.includes(x.to) ? x.to : 'content')), `switches: ${JSON.stringify(switches)}`).toEqual([
    '20000_1',
    '20000_2',
    'content',
    '70000_1',
    '70000_2',
    'content',
  ]);
  expect(ads.includes(switches[firstAd - 1]!.to), 'the first break is entered from content').toBe(false);
  // The player said which ad each Period is (the session API's ad ids) and where content resumed.
  const named = (await playerLog(page, 'ad')).map((e) => e.text);
  const expected = s.avails.flatMap((a) => [
    ...(a.periods ?? []).map((p, i, all) => new RegExp(`^ad ${p.id} \\(${p.adId}\\) started at .* · avail ${a.availId}, ${i + 1}/${all.length}$`)),
    /^content resumes at /,
  ]);
  expect(named).toHaveLength(expected.length);
  named.forEach((text, i) => expect(text).toMatch(expected[i]!));
  // The avails line shows both avails and the ad Periods played in each.
  for (const a of s.avails) {
    await expect(page.locator(`[data-testid="ad-avail"][data-avail-id="${a.availId}"]`)).toHaveAttribute('data-played-periods', '2');
  }

  // One session, and every ad segment came through the stitcher and from the ad's own media.
  expectOneDashSession(net, session);
  for (const a of s.avails) expectAdSegmentsFetched(net, session, a);
  expect(net.dashAdSegments.every((f) => f.session === session)).toBe(true);

  await expectNoStallOver(page, MAX_STALL_MS);
  await expectNoPlayerErrors(page);
  expect(pageErrors).toEqual([]);
});

test('live (DASH): two stitched breaks entered through period switches at 1×, no stall over 1 s, no errors', async ({ page, request }) => {
  // A 20 s break at 20 s and 70 s of every 100 s loop: the second break whose first ad Period starts after the
  // page joined is at most ~100 s of playback away (joining just after a break began), ~50 s on average.
  test.setTimeout(170_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await installStallProbe(page);
  const net = recordNetwork(page);

  await page.goto(`${baseUrl()}/?asset=live-dash`);
  const session = await playerSession(page);
  await expectStitchedSource(page, session);
  await startPlaying(page);

  // Breaks whose first ad Period playback switched into from a Period before it (a break under way at the
  // join, where dash.js starts inside an ad Period, does not count). A stall over 1 s fails at once: at 1×
  // nothing else would end the wait early.
  let breaks: string[] = [];
  const deadline = Date.now() + 140_000;
  for (;;) {
    breaks = await breaksEntered(page);
    if (breaks.length >= 2) break;
    const stuck = (await stalls(page)).find((x) => x.ms > MAX_STALL_MS);
    expect(stuck, `a stall over ${MAX_STALL_MS} ms while waiting for two breaks (entered so far: ${breaks.join(', ') || 'none'}); player: ${await playerSummary(page)}`).toBeUndefined();
    expect(Date.now() < deadline, `two breaks entered through a period switch into their first ad Period within 140 s (entered: ${breaks.join(', ') || 'none'}); player: ${await playerSummary(page)}`).toBe(true);
    await page.waitForTimeout(1_000);
  }

  const s = await fetchSession(request, session);
  expect([s.format, s.live]).toEqual(['dash', true]);
  const ads = adPeriodIds(s);
  const switches = await periodSwitches(page);
  for (const availId of breaks.slice(0, 2)) {
    const avail = s.avails.find((a) => a.availId === availId);
    expect(avail, `avail ${availId} in the session API`).toBeDefined();
    // Filled (a break the session joined half-way through gets ads, or slate, for what was left of it).
    expect([avail!.durationSeconds, avail!.fallback]).toEqual([20, null]);
    expect(avail!.filledSeconds + avail!.slateSeconds).toBeGreaterThan(0);
    const ids = (avail!.periods ?? []).map((p) => p.id);
    expect(ids.length, `ad Periods of avail ${availId}`).toBeGreaterThan(0);
    expect(ids, `ad Periods of avail ${availId}`).toEqual(ids.map((_, k) => `${availId}_${k + 1}`));
    // Entered from content …
    const into = switches.find((x) => x.to === ids[0]);
    expect(ads.includes(into!.from!), `Period before ${ids[0]}`).toBe(false);
    // … with the first ad's video and audio fetched through the stitcher, from that ad's own media.
    expect(fetchedForPeriod(net, String(avail!.key), 0).size, `adaptation sets fetched for ad Period ${ids[0]}`).toBeGreaterThanOrEqual(2);
    for (const f of net.dashAdSegments.filter((x) => x.availKey === String(avail!.key))) {
      expect(f.session).toBe(session);
      const ad = avail!.ads.find((a) => a.adId === avail!.periods![f.index]!.adId)!;
      expect(f.mediaUrl.startsWith(ad.creative.slice(0, ad.creative.lastIndexOf('/') + 1)), `${f.mediaUrl} is media of ${ad.creative}`).toBe(true);
    }
  }
  // The first of them played whole: its ad Periods in turn, then back to content.
  const firstIds = (s.avails.find((a) => a.availId === breaks[0])!.periods ?? []).map((p) => p.id);
  const from = switches.findIndex((x) => x.to === firstIds[0]);
  expect(
    switches.slice(from, from + firstIds.length + 1).map((x) => (ads.includes(x.to) ? x.to : 'content')),
    `period switches from ${firstIds[0]}: ${JSON.stringify(switches.slice(from))}`,
  ).toEqual([...firstIds, 'content']);

  expectOneDashSession(net, session);
  await expectNoStallOver(page, MAX_STALL_MS);
  await expectNoPlayerErrors(page);
  expect(pageErrors).toEqual([]);
});

/** Avail ids of the breaks whose first ad Period ("{ad|slate|…} {id} ({adId}) started … · avail {id}, 1/{n}") a period
 *  switch entered from another Period. */
async function breaksEntered(page: Page): Promise<string[]> {
  const firstAds = new Map<string, string>();
  for (const { text } of await playerLog(page, 'ad')) {
    const m = /^\S+ (\S+) \(\S+\) started at .* · avail (\S+), 1\/\d+$/.exec(text);
    if (m) firstAds.set(m[1]!, m[2]!);
  }
  const avails = (await periodSwitches(page)).filter((x) => x.from !== null && firstAds.has(x.to)).map((x) => firstAds.get(x.to)!);
  return [...new Set(avails)];
}

/** Where the player is and what it last said, for a failure message. */
async function playerSummary(page: Page): Promise<string> {
  const recent = (await playerLog(page)).filter((e) => ['period', 'ad', 'stall', 'error'].includes(e.type)).slice(-8);
  return `currentTime ${(await currentTime(page)).toFixed(2)}; recent: ${recent.map((e) => `[${e.type}] ${e.text}`).join(' | ')}`;
}

// A failed run keeps the player's whole event list (period switches, ads, stalls, dash.js errors) as evidence.
test.afterEach(async ({ page }, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  const log = await playerLog(page).catch(() => []);
  await testInfo.attach('player-log.txt', { body: log.map((e) => `${e.level.padEnd(5)} ${e.type.padEnd(8)} ${e.text}`).join('\n'), contentType: 'text/plain' });
});
