// Stitched ads in a real browser: the renderer plays the playback configuration's stitched URL
// (/v1/master/…), hls.js plays the ads the stitcher put in place of the origin's breaks (ad segments come
// through /v1/segment/… and redirect to the ad media), and the bench's session API agrees with what the
// browser fetched. Demo content: 100 s VOD of 2 s segments, 20 s breaks at 20 s and 70 s; ads replace them.
import { expect, test, type Page } from '@playwright/test';
import {
  adSegmentsOf,
  baseUrl,
  currentTime,
  expectNoPlayerErrors,
  expectNoStallOver,
  fetchSession,
  installStallProbe,
  playerSession,
  recordNetwork,
  seekTo,
  startPlaying,
  video,
  type NetworkLog,
  BEFORE_BREAK_1,
  BEFORE_BREAK_2,
  MAX_STALL_MS,
  SEGMENT_SECONDS,
} from '../support/playback.js';

/**
 * The VOD tests seek to just before each break and play through it at this rate: short runs, while hls.js still
 * keeps its buffer ahead with one of two cores busy elsewhere (at 4× the fMP4 stream stalled for ~2 s then).
 */
const RATE = 2;

/** item/k of the stitched ad segments of one avail in the media playlists served for `tracks`. */
function plannedAdSegments(net: NetworkLog, session: string, availKey: string | number, tracks: number[]): Set<string> {
  const out = new Set<string>();
  for (const [url, body] of net.mediaPlaylists) {
    const n = Number(/\/v1\/manifest\/[^/]+\/([^/]+)\/(\d+)\.m3u8/.exec(url)?.[2]);
    if (!url.includes(`/${session}/`) || !tracks.includes(n)) continue;
    for (const m of body.matchAll(new RegExp(`/v1/segment/[^/]+/${session}/${n}/${availKey}/(\\d+)/(\\d+)\\.`, 'g'))) out.add(`${m[1]}/${m[2]}`);
  }
  return out;
}

/**
 * hls.js reports the playing fragment from a 100 ms tick; at RATE a 2 s segment plays for 1 s, so on a loaded
 * CI machine one fragment might pass unreported. Fetching and the content/ad transitions are checked exactly.
 */
const PLAYED_SLACK = 1;

/** Stitched ad segments of an avail that the player reported as the playing fragment. */
async function playedSegments(page: Page, availId: string): Promise<number> {
  const el = page.locator(`[data-testid="ad-avail"][data-avail-id="${availId}"]`);
  await expect(el).toHaveCount(1);
  return Number(await el.getAttribute('data-played-segments'));
}

function adLog(page: Page) {
  return page.getByTestId('player-log').first().locator('li[data-type="ad"]');
}

test('VOD (HLS TS): stitched ads replace both breaks; plays through them with no stall over 1 s and no errors', async ({ page, request }) => {
  test.setTimeout(90_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await installStallProbe(page);
  const net = recordNetwork(page);

  await page.goto(`${baseUrl()}/?asset=vod-hls-ts`);
  const session = await playerSession(page);
  await expect(page.getByTestId('player-source').first()).toHaveText(`stitched · session ${session.slice(0, 8)}`);
  // One page load, one session: the badge names the session of the stitcher's only multivariant response.
  expect(net.masters.map((m) => [m.status, m.session])).toEqual([[200, session]]);
  expect(net.masters[0]!.url).toContain('/v1/master/');
  expect(net.masters[0]!.url).toContain('/demo/vod/hls-ts/master.m3u8');

  await startPlaying(page, RATE);
  // Through break 1 (20–40 s), then break 2 (70–90 s on the stitched timeline: ads replace breaks one for one).
  await seekTo(page, BEFORE_BREAK_1);
  await expect.poll(() => currentTime(page), { timeout: 30_000, intervals: [250] }).toBeGreaterThan(42);
  await seekTo(page, BEFORE_BREAK_2);
  await expect.poll(() => currentTime(page), { timeout: 30_000, intervals: [250] }).toBeGreaterThan(92);

  const s = await fetchSession(request, session);
  expect(s.live).toBe(false);
  expect(s.avails.map((a) => [a.durationSeconds, a.filledSeconds, a.fallback])).toEqual([
    [20, 20, null],
    [20, 20, null],
  ]);
  const variants = s.tracks.filter((t) => t.kind === 'variant').map((t) => t.n);
  for (const avail of s.avails) {
    expect(avail.ads.length).toBeGreaterThan(0);
    const key = String(avail.key);
    // Every ad segment the stitcher listed for this avail was fetched through /v1/segment/ → 302 → 200 …
    const planned = plannedAdSegments(net, session, key, variants);
    expect(planned.size, `ad segments listed for avail ${key}`).toBe(Math.ceil(avail.filledSeconds / SEGMENT_SECONDS));
    expect([...adSegmentsOf(net, key, variants)].sort(), `ad segments fetched for avail ${key}`).toEqual([...planned].sort());
    // … from the ad's own media: the engine's transcode of the demo mezzanine (1080p30 → the content's ladder) …
    for (const seg of net.adSegments.filter((x) => x.availKey === key)) {
      expect(seg.session).toBe(session);
      const creative = avail.ads[seg.item]!.creative;
      expect(creative).toMatch(/\/v1\/transcoded\/ad\d_[0-9a-f]{12}\/hls-ts\.m3u8$/);
      expect(seg.mediaUrl.startsWith(creative.slice(0, creative.lastIndexOf('/') + 1)), `${seg.mediaUrl} is media of ${creative}`).toBe(true);
    }
    // … and became the playing fragment, one after another.
    expect(await playedSegments(page, avail.availId), `ad segments of avail ${key} played`).toBeGreaterThanOrEqual(planned.size - PLAYED_SLACK);
  }
  // The player went from content into each avail's ads and back (the log is newest first).
  const [a1, a2] = s.avails;
  await expect(adLog(page)).toHaveText([
    /content resumes at 1:(29|3\d)/,
    new RegExp(`ads of avail ${a2!.key} from 1:(09|1\\d)`),
    /content resumes at 0:(39|4\d)/,
    new RegExp(`ads of avail ${a1!.key} from 0:(19|2\\d)`),
  ]);

  // Server-side reporting: the player's own segment fetches fired every ad's beacons, once each, all answered.
  await expect
    .poll(async () => (await (await request.get(`${baseUrl()}/api/sessions/${session}/beacons`)).json()).summary, { timeout: 15_000 })
    .toMatchObject({ 'not-fired': 0, failed: 0, 'in-flight': 0, fired: 24 });

  await expectNoStallOver(page, MAX_STALL_MS);
  await expectNoPlayerErrors(page);
  expect(pageErrors).toEqual([]);
});

test('VOD (HLS fMP4, demuxed audio): the first break plays stitched ads on both the video and the audio track', async ({ page, request }) => {
  test.setTimeout(60_000);
  await installStallProbe(page);
  const net = recordNetwork(page);

  await page.goto(`${baseUrl()}/?asset=vod-hls-fmp4`);
  const session = await playerSession(page);
  await startPlaying(page, RATE);
  // Through the first break (20–40 s) and back in content.
  await seekTo(page, BEFORE_BREAK_1);
  await expect.poll(() => currentTime(page), { timeout: 30_000, intervals: [250] }).toBeGreaterThan(44);

  const s = await fetchSession(request, session);
  const audio = s.tracks.filter((t) => t.kind === 'audio').map((t) => t.n);
  const variants = s.tracks.filter((t) => t.kind === 'variant').map((t) => t.n);
  expect(audio.length, 'an audio rendition group').toBeGreaterThan(0);
  const first = s.avails.find((a) => a.key === Math.min(...s.avails.map((x) => x.key)))!;
  expect([first.durationSeconds, first.filledSeconds, first.fallback]).toEqual([20, 20, null]);
  const key = String(first.key);
  for (const [name, tracks] of [
    ['audio', audio],
    ['video', variants],
  ] as const) {
    const planned = plannedAdSegments(net, session, key, tracks);
    expect(planned.size, `${name} ad segments listed for avail ${key}`).toBeGreaterThanOrEqual(Math.floor(first.filledSeconds / SEGMENT_SECONDS));
    expect([...adSegmentsOf(net, key, tracks)].sort(), `${name} ad segments fetched for avail ${key}`).toEqual([...planned].sort());
  }
  expect(await playedSegments(page, first.availId), `ad segments of avail ${key} played`).toBeGreaterThanOrEqual(
    plannedAdSegments(net, session, key, variants).size - PLAYED_SLACK,
  );
  await expect(adLog(page).first()).toHaveText(/content resumes at 0:4\d/);

  await expectNoStallOver(page, MAX_STALL_MS);
  await expectNoPlayerErrors(page);
});

test('live (HLS TS): a stitched break plays from content into the ads and back, no stall over 1 s', async ({ page, request }) => {
  // The channel has a 20 s break every 50 s of wall clock: a whole break is behind us within ~72 s of
  // playback starting, wherever in the loop the page joins.
  test.setTimeout(120_000);
  await installStallProbe(page);
  const net = recordNetwork(page);

  await page.goto(`${baseUrl()}/?asset=live-hls-ts`);
  const session = await playerSession(page);
  await startPlaying(page);
  const startTime = await currentTime(page);

  // A break played whole: every segment of a fully filled avail was the playing fragment, and the player is
  // back in content. (An avail joined half-way never reaches its full count.)
  const avails = page.getByTestId('ad-avails').first();
  let played: { id: string; filled: number } | undefined;
  await expect
    .poll(
      async () => {
        played = await avails.evaluate((el: HTMLElement) => {
          if (el.dataset.playingAd) return undefined;
          for (const a of el.querySelectorAll<HTMLElement>('[data-testid="ad-avail"]')) {
            const filled = Number(a.dataset.filled);
            if (!a.dataset.fallback && filled > 0 && filled === Number(a.dataset.duration) && Number(a.dataset.playedSegments) >= Math.ceil(filled / 2)) {
              return { id: a.dataset.availId!, filled };
            }
          }
          return undefined;
        });
        return played;
      },
      { timeout: 85_000, intervals: [500] },
    )
    .toBeDefined();
  const { id, filled } = played!;

  const s = await fetchSession(request, session);
  expect(s.live).toBe(true);
  const avail = s.avails.find((a) => a.availId === id)!;
  expect(avail, `avail ${id} in the session API`).toBeDefined();
  expect([avail.filledSeconds, avail.fallback]).toEqual([filled, null]);
  expect(avail.ads.length).toBeGreaterThan(0);
  const fetched = adSegmentsOf(net, String(avail.key));
  expect(fetched.size, `ad segments of avail ${id} fetched through /v1/segment/`).toBeGreaterThanOrEqual(Math.ceil(filled / SEGMENT_SECONDS));
  expect(net.adSegments.every((x) => x.session === session)).toBe(true);
  // The playhead moved through the whole break.
  expect(await currentTime(page)).toBeGreaterThan(startTime + filled);
  await expect(adLog(page).first()).toHaveText(/content resumes/);

  await expectNoStallOver(page, MAX_STALL_MS);
  await expectNoPlayerErrors(page);
});

test('guided insertion (?insertion=guided): hls.js plays the avails as HLS Interstitials from the asset list', async ({ page, request }) => {
  test.setTimeout(60_000);
  await installStallProbe(page);
  const net = recordNetwork(page);

  await page.goto(`${baseUrl()}/?asset=vod-hls-ts&insertion=guided`);
  const session = await playerSession(page);
  expect(net.masters).toHaveLength(1);
  expect(new URL(net.masters[0]!.url).searchParams.get('aws.insertionMode')).toBe('GUIDED');
  // At 1×: hls.js's switches between the primary and the asset players are the thing under test here.
  await startPlaying(page);
  await seekTo(page, BEFORE_BREAK_1);

  const interstitials = page.getByTestId('player-interstitials').first();
  await expect(interstitials).toHaveAttribute('data-count', /^[1-9]/, { timeout: 30_000 });
  await expect(interstitials).toHaveAttribute('data-assets', /^[1-9]/);
  // The primary resumes after the first interstitial: 20 s of ads, X-RESUME-OFFSET 20 s. (While an asset
  // plays in its own MediaSource, the element's currentTime is the asset's.)
  await expect.poll(() => currentTime(page), { timeout: 40_000, intervals: [250] }).toBeGreaterThan(42);
  const s = await fetchSession(request, session);
  expect(s.insertionMode).toBe('PLAYER_SELECT');
  const first = s.avails.find((a) => a.key === Math.min(...s.avails.map((x) => x.key)))!;
  expect([first.durationSeconds, first.filledSeconds, first.fallback]).toEqual([20, 20, null]);
  await expect(
    page.getByTestId('player-log').first().locator('li[data-type="interstitial"]', { hasText: new RegExp(`ended ${first.availId}, resuming at 0:40`) }),
  ).toHaveCount(1);

  // What hls.js was given: the content with an interstitial DATERANGE pointing at an asset list …
  const playlists = [...net.mediaPlaylists];
  expect(playlists.length).toBeGreaterThan(0);
  let assetList: string | undefined;
  for (const [url, body] of playlists) {
    const daterange = body.split('\n').find((l) => l.startsWith('#EXT-X-DATERANGE:') && l.includes('CLASS="com.apple.hls.interstitial"'));
    expect(daterange, `interstitial DATERANGE in ${url}`).toBeDefined();
    const href = /X-ASSET-LIST="([^"]+)"/.exec(daterange!)?.[1];
    expect(href).toMatch(new RegExp(`/v1/interstitials/[^/]+/${session}/${first.key}/assets\\.json$`));
    assetList = new URL(href!, url).toString();
    expect(body).not.toContain('/v1/segment/');
  }
  // … the asset list, which it fetched, naming each ad as an engine-served asset …
  expect(net.requests.some((u) => u.startsWith(assetList!))).toBe(true);
  const res = await request.get(assetList!);
  expect(res.status()).toBe(200);
  const list = (await res.json()) as { ASSETS: { URI: string; DURATION: number; 'X-AD-ID': string }[] };
  expect(list.ASSETS.map((a) => a['X-AD-ID'])).toEqual(first.ads.map((a) => a.adId));
  for (const a of list.ASSETS) expect(a.URI).toMatch(new RegExp(`^/v1/interstitials/[^/]+/${session}/${first.key}/\\d+/master\\.m3u8$`));
  expect(list.ASSETS.reduce((t, a) => t + a.DURATION, 0)).toBeCloseTo(first.filledSeconds, 3);
  // … whose ad segments it played through /v1/segment/ (so the engine saw them) …
  const played = adSegmentsOf(net, String(first.key));
  expect(played.size, 'asset segments fetched through /v1/segment/').toBeGreaterThanOrEqual(Math.ceil(first.filledSeconds / 2));
  expect(net.adSegments.every((x) => x.session === session)).toBe(true);
  // … and the server-side beacons of the break fired, as in stitched mode.
  await expect
    .poll(async () => {
      const r = (await (await request.get(`${baseUrl()}/api/sessions/${session}/beacons`)).json()) as { avails: { key: number; ads: { beacons: { state: string }[] }[] }[] };
      return r.avails.find((a) => a.key === first.key)?.ads.flatMap((a) => a.beacons.map((b) => b.state));
    }, { timeout: 10_000 })
    .toEqual(Array.from({ length: first.ads.length * 6 }, () => 'fired'));

  await expectNoStallOver(page, MAX_STALL_MS);
  await expectNoPlayerErrors(page);
  expect(await video(page).evaluate((v: HTMLVideoElement) => v.error)).toBeNull();
});
