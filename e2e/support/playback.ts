// What the web e2e runs observe of a player: stalls measured on the <video> element itself, the stitcher's
// ad segments as the browser fetched them, the session the page created, and the bench's view of it.
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The longest wait for data that the player may show, the way a viewer would notice it. */
export const MAX_STALL_MS = 1_000;
/** Demo content and the pre-conditioned ads have 2 s segments. */
export const SEGMENT_SECONDS = 2;
/** Where the VOD tests start playing: 6 s of content before each break (ads replace breaks one for one). */
export const BEFORE_BREAK_1 = 14;
export const BEFORE_BREAK_2 = 64;

export const baseUrl = (): string => {
  const url = process.env.STITCHBENCH_E2E_URL;
  if (!url) throw new Error('STITCHBENCH_E2E_URL is not set (the global setup starts the server)');
  return url;
};

// ---- stalls ------------------------------------------------------------------------------------------

interface StallProbe {
  /** performance.now() of the first `playing`; stalls before it are start-up, not stalls. */
  startedAt: number | null;
  waitingSince: number | null;
  /** A seek is under way: waiting for it is the seek's cost, not a stall. */
  seeking: boolean;
  stalls: { at: number; ms: number; currentTime: number }[];
}

declare global {
  interface Window {
    __stallProbe?: StallProbe;
  }
}

/**
 * Records every `waiting` → `playing` interval of any <video> after its first `playing`, except while a seek
 * the test asked for is under way. Media events do not bubble, but a capturing listener on the document sees
 * them. Must be installed before the page loads.
 */
export async function installStallProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probe: StallProbe = { startedAt: null, waitingSince: null, seeking: false, stalls: [] };
    window.__stallProbe = probe;
    const on = (type: string, fn: (v: HTMLVideoElement) => void) =>
      document.addEventListener(type, (e) => e.target instanceof HTMLVideoElement && fn(e.target), true);
    on('waiting', () => {
      if (probe.startedAt !== null && !probe.seeking) probe.waitingSince ??= performance.now();
    });
    on('playing', (v) => {
      const now = performance.now();
      probe.startedAt ??= now;
      probe.seeking = false;
      if (probe.waitingSince !== null) {
        probe.stalls.push({ at: probe.waitingSince, ms: Math.round(now - probe.waitingSince), currentTime: v.currentTime });
        probe.waitingSince = null;
      }
    });
  });
}

/** Seeks the player (to just before an ad break, say) and waits until it plays from there again. */
export async function seekTo(page: Page, seconds: number): Promise<void> {
  await video(page).evaluate(async (v: HTMLVideoElement, t: number) => {
    const probe = window.__stallProbe;
    if (probe) {
      probe.seeking = true;
      probe.waitingSince = null;
    }
    const playing = new Promise<void>((resolve) => v.addEventListener('playing', () => resolve(), { once: true }));
    v.currentTime = t;
    // A seek within buffered media may not pause playback at all: then there is no new `playing`.
    await Promise.race([playing, new Promise<void>((resolve) => v.addEventListener('seeked', () => setTimeout(resolve, 250), { once: true }))]);
    if (probe && !v.paused && v.readyState >= 3) probe.seeking = false;
  }, seconds);
  await expect.poll(() => currentTime(page), { timeout: 15_000, intervals: [100] }).toBeGreaterThan(seconds);
}

/** Stalls so far, including one still going on (its length up to now). */
export async function stalls(page: Page): Promise<{ ms: number; currentTime: number }[]> {
  return page.evaluate(() => {
    const p = window.__stallProbe;
    if (!p) throw new Error('stall probe not installed');
    const open = p.waitingSince !== null ? [{ ms: Math.round(performance.now() - p.waitingSince), currentTime: -1 }] : [];
    return [...p.stalls.map(({ ms, currentTime }) => ({ ms, currentTime })), ...open];
  });
}

export async function expectNoStallOver(page: Page, maxMs: number): Promise<void> {
  const started = await page.evaluate(() => window.__stallProbe?.startedAt ?? null);
  expect(started, 'the video never fired `playing`').not.toBeNull();
  const long = (await stalls(page)).filter((s) => s.ms > maxMs);
  expect(long, `stalls longer than ${maxMs} ms`).toEqual([]);
}

// ---- network -----------------------------------------------------------------------------------------

export interface AdSegmentFetch {
  session: string;
  /** Track number (the n of /v1/manifest/…/{n}.m3u8). */
  track: number;
  availKey: string;
  item: number;
  k: number;
  /** Where the stitcher redirected to. */
  mediaUrl: string;
}

const AD_SEGMENT = /\/v1\/segment\/[^/]+\/([^/]+)\/(\d+)\/([^/]+)\/(\d+)\/(\d+)\.[a-z0-9]+(?:\?|$)/i;

/** A stitched DASH ad segment: /v1/dashsegment/{acct}/{session}/{availKey}/{k-1}/{set}-{rep}/{n}.m4s or init.mp4. */
export interface DashAdSegmentFetch {
  session: string;
  availKey: string;
  /** Index of the ad Period within its avail (k − 1 of Period id {availId}_{k}). */
  index: number;
  /** Content adaptation set and representation the ad segment stands in for. */
  set: number;
  rep: number;
  /** "init.mp4" or "{n}.m4s". */
  file: string;
  /** Where the stitcher redirected to. */
  mediaUrl: string;
}

const DASH_AD_SEGMENT = /\/v1\/dashsegment\/[^/]+\/([^/]+)\/([^/]+)\/(\d+)\/(\d+)-(\d+)\/(init\.mp4|\d+\.m4s)(?:\?|$)/;

export interface NetworkLog {
  /** Stitched ad segments whose redirect chain (/v1/segment/… → 302 → ad media) ended in a 200. */
  adSegments: AdSegmentFetch[];
  /** The same for DASH (/v1/dashsegment/… → 302 → ad media → 200). */
  dashAdSegments: DashAdSegmentFetch[];
  /** Responses of the stitcher's DASH endpoint (/v1/dash/…): the 302 that creates a session, then its MPDs. */
  dashManifests: { url: string; status: number; session: string | undefined }[];
  /** Every URL requested, in order. */
  requests: string[];
  /** Multivariant responses of the stitcher: their session header, and whether they joined an existing session. */
  masters: { url: string; status: number; session: string | undefined }[];
  /** Bodies of the stitcher's media playlists (/v1/manifest/…), by URL (last one kept). */
  mediaPlaylists: Map<string, string>;
}

export function recordNetwork(page: Page): NetworkLog {
  const log: NetworkLog = { adSegments: [], dashAdSegments: [], dashManifests: [], requests: [], masters: [], mediaPlaylists: new Map() };
  page.on('request', (req) => log.requests.push(req.url()));
  page.on('response', (res) => {
    const url = res.url();
    if (url.includes('/v1/master/')) log.masters.push({ url, status: res.status(), session: res.headers()['x-stitchbench-session'] });
    if (url.includes('/v1/dash/')) log.dashManifests.push({ url, status: res.status(), session: res.headers()['x-stitchbench-session'] });
    if (url.includes('/v1/manifest/') && res.status() === 200) {
      res.text().then(
        (body) => log.mediaPlaylists.set(url, body),
        () => {},
      );
    }
  });
  page.on('requestfinished', (req) => {
    let first = req;
    for (let r = req.redirectedFrom(); r; r = r.redirectedFrom()) first = r;
    if (first === req) return; // not redirected: not a stitched ad segment (or not its final hop)
    const d = DASH_AD_SEGMENT.exec(first.url());
    if (d) {
      void req.response().then((res) => {
        if (res?.status() !== 200) return;
        log.dashAdSegments.push({ session: d[1]!, availKey: d[2]!, index: Number(d[3]), set: Number(d[4]), rep: Number(d[5]), file: d[6]!, mediaUrl: req.url() });
      });
      return;
    }
    const m = AD_SEGMENT.exec(first.url());
    if (!m) return;
    void req.response().then((res) => {
      if (res?.status() !== 200) return;
      log.adSegments.push({ session: m[1]!, track: Number(m[2]), availKey: m[3]!, item: Number(m[4]), k: Number(m[5]), mediaUrl: req.url() });
    });
  });
  return log;
}

/** Distinct ad segments (item/k) fetched for one avail, optionally for a set of tracks. */
export function adSegmentsOf(log: NetworkLog, availKey: string, tracks?: number[]): Set<string> {
  return new Set(
    log.adSegments.filter((s) => s.availKey === availKey && (!tracks || tracks.includes(s.track))).map((s) => `${s.item}/${s.k}`),
  );
}

// ---- the page's player -------------------------------------------------------------------------------

export function video(page: Page) {
  return page.getByTestId('player-video').first();
}

export async function currentTime(page: Page): Promise<number> {
  return video(page).evaluate((v: HTMLVideoElement) => v.currentTime);
}

/**
 * Waits for playback to start, then sets the playback rate (the demo VOD is 100 s; tests play it faster).
 * The default rate too: loading a new source (an interstitial asset in its own MediaSource) resets the rate to it.
 */
export async function startPlaying(page: Page, rate = 1): Promise<void> {
  await expect.poll(() => currentTime(page), { timeout: 30_000, intervals: [200] }).toBeGreaterThan(0);
  if (rate !== 1) {
    await video(page).evaluate((v: HTMLVideoElement, r: number) => {
      v.defaultPlaybackRate = r;
      v.playbackRate = r;
    }, rate);
  }
}

/** The stitcher session the player shows (its header badge), once it is known. */
export async function playerSession(page: Page): Promise<string> {
  const badge = page.getByTestId('player-source').first();
  await expect(badge).toHaveAttribute('data-mode', 'stitched');
  await expect(badge).toHaveAttribute('data-session-id', /^[\w-]{8,}$/);
  return (await badge.getAttribute('data-session-id'))!;
}

/** The player's own event list, oldest first (the page shows it newest first). */
export async function playerLog(page: Page, type?: string): Promise<{ type: string; level: string; text: string }[]> {
  const entries = await page
    .getByTestId('player-log')
    .first()
    .locator(type ? `li[data-type="${type}"]` : 'li[data-type]')
    .evaluateAll((lis) =>
      lis.map((li) => ({
        type: li.getAttribute('data-type') ?? '',
        level: li.getAttribute('data-level') ?? '',
        text: li.querySelector('.player-log-text')?.textContent ?? '',
      })),
    );
  return entries.reverse();
}

/** dash.js period switches as the player logged them ("period {from} → {to} at {t}"), oldest first; `from` is
 *  null for the first Period played. */
export async function periodSwitches(page: Page): Promise<{ from: string | null; to: string }[]> {
  return (await playerLog(page, 'period')).flatMap(({ text }) => {
    const m = /^period (\S+) → (\S+)/.exec(text);
    return m ? [{ from: m[1] === '–' ? null : m[1]!, to: m[2]! }] : [];
  });
}

export async function expectNoPlayerErrors(page: Page): Promise<void> {
  await expect(page.getByTestId('player-errors').first()).toHaveText('0');
  await expect(page.getByTestId('player-log').first().locator('li[data-level="error"]')).toHaveCount(0);
}

// ---- the bench's session API -------------------------------------------------------------------------

export interface SessionView {
  sessionId: string;
  format: 'hls' | 'dash';
  live: boolean | null;
  insertionMode: string;
  tracks: { n: number; kind: string }[];
  avails: {
    availId: string;
    key: number;
    durationSeconds: number | null;
    filledSeconds: number;
    slateSeconds: number;
    fallback: string | null;
    ads: { kind: string; adId: string; offset: number; duration: number; creative: string }[];
    /** DASH: the avail's ad Periods in order (ids {availId}_{k}, what dash.js reports on a period switch). */
    periods?: { id: string; adId: string; kind: string; duration: number }[];
  }[];
}

export async function fetchSession(request: APIRequestContext, id: string): Promise<SessionView> {
  const res = await request.get(`${baseUrl()}/api/sessions/${encodeURIComponent(id)}`);
  expect(res.status(), `GET /api/sessions/${id}`).toBe(200);
  return (await res.json()) as SessionView;
}
