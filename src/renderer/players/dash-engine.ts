// dash.js behind the PlaybackEngine contract. A stitched source first opens its stitcher session (one GET that
// follows MediaTailor's 302 to ?aws.sessionId=…), so dash.js, the avails panel and the session API share one
// session; period switches are then told apart as ad Periods (segments through /v1/dashsegment/, named by the
// session API's avails[].periods) and content.
import { MediaPlayer, type ErrorEvent as DashErrorEvent, type MediaPlayerClass, type StreamInfo } from 'dashjs';
import { fetchDashAdPeriods, openDashSession, type DashAdPeriodInfo } from '../api/dash-session';
import { adPeriodsOfManifest, type DashAdPeriodRef } from '../lib/dash-ad-periods';
import { formatBitrate, formatMediaTime } from '../lib/format';
import { describeMediaError } from '../lib/media-error';
import type { EngineCallbacks, EngineOptions, PlaybackEngine } from './types';

// dash.js reports every problem as an `error` event; these codes leave the player unable to go on
// (manifest, capability, MediaSource, append). Segment download errors are retried by dash.js itself.
const FATAL_CODES = new Set([10, 11, 20, 23, 24, 25, 31, 32, 34, 35]);

export function createDashEngine({ video, url, stitched, autoplay, callbacks }: EngineOptions): PlaybackEngine {
  const player = MediaPlayer().create();
  /** dash.js is initialized (it cannot be destroyed before): at once for the origin, once the session is open. */
  let started = false;
  let destroyed = false;
  const abort = new AbortController();

  if (!stitched) {
    startPlayer(player, { video, url, autoplay, callbacks });
    started = true;
  } else {
    openDashSession(url, abort.signal).then(
      (session) => {
        if (destroyed) return;
        callbacks.session(session.sessionId);
        callbacks.sourceUrl(session.url);
        callbacks.log({ type: 'session', level: 'info', text: `stitcher session ${session.sessionId}` });
        startPlayer(player, { video, url: session.url, autoplay, callbacks, sessionId: session.sessionId, signal: abort.signal });
        started = true;
      },
      (err: unknown) => {
        if (destroyed) return;
        const message = `no stitcher session: ${err instanceof Error ? err.message : String(err)}`;
        callbacks.log({ type: 'error', level: 'error', text: `fatal ${message}` });
        callbacks.fatal(message);
        callbacks.failed(message);
      },
    );
  }

  return {
    name: `dash.js ${player.getVersion()}`,
    rendition() {
      const r = started ? player.getCurrentRepresentationForType('video') : null;
      if (!r) return {};
      // Index within the same list whose length is shown, so "level 2/4" is consistent.
      const all = player.getRepresentationsByType('video');
      const index = all.findIndex((x) => x.id === r.id);
      return {
        level: index >= 0 ? index : undefined,
        levelCount: all.length,
        bitrate: r.bandwidth,
        height: r.height || undefined,
      };
    },
    destroy() {
      destroyed = true;
      abort.abort();
      if (started) player.destroy();
    },
  };
}

interface StartOptions {
  video: HTMLVideoElement;
  url: string;
  autoplay: boolean;
  callbacks: EngineCallbacks;
  /** The stitcher session the URL serves: its ad Periods are announced. */
  sessionId?: string;
  signal?: AbortSignal;
}

/** Wires dash.js's events to the callbacks and starts loading `url`. */
function startPlayer(player: MediaPlayerClass, { video, url, autoplay, callbacks, sessionId, signal }: StartOptions): void {
  const events = MediaPlayer.events;
  let waitingSince: number | undefined;
  let periodId: string | undefined;
  const ads = sessionId ? adPeriodTracker(sessionId, callbacks, signal) : undefined;

  player.on(events.STREAM_INITIALIZED, (e) => {
    const info = e.streamInfo;
    callbacks.log({
      type: 'stream',
      level: 'info',
      text: `initialized${info ? ` period ${info.id}, duration ${formatMediaTime(info.duration)}` : ''}`,
    });
  });

  player.on(events.MANIFEST_LOADED, (e) => ads?.manifest(e.data));

  player.on(events.FRAGMENT_LOADING_COMPLETED, (e) => {
    const r = e.request;
    if (r.mediaType !== 'video' || r.type !== 'MediaSegment' || !r.firstByteDate || !r.startDate) return;
    callbacks.segment({ ttfbMs: r.firstByteDate.getTime() - r.startDate.getTime(), ad: (r.url ?? '').includes('/v1/dashsegment/') });
  });

  player.on(events.QUALITY_CHANGE_RENDERED, (e) => {
    const r = e.newRepresentation;
    callbacks.log({
      type: 'quality',
      level: 'info',
      text: `${e.mediaType} → ${r ? `${r.id} ${formatBitrate(r.bandwidth)}${r.height ? ` ${r.height}p` : ''}` : 'unknown'}`,
    });
  });

  player.on(events.PERIOD_SWITCH_COMPLETED, (e) => {
    // dash.js 5 names only the Period switched to: the one before is the last one switched to.
    const to = e.toStreamInfo;
    const from = e.fromStreamInfo?.id ?? periodId;
    periodId = to?.id ?? periodId;
    callbacks.log({
      type: 'period',
      level: 'info',
      text: `period ${from ?? '–'} → ${to?.id ?? '–'}${to ? ` at ${formatMediaTime(to.start)}` : ''}`,
    });
    if (to) ads?.switchedTo(to);
  });

  // dash.js has no stall event of its own: a stall is the time from `waiting` to `playing`.
  player.on(events.PLAYBACK_WAITING, () => {
    if (waitingSince !== undefined) return;
    waitingSince = performance.now();
    callbacks.log({ type: 'stall', level: 'warn', text: `waiting at ${formatMediaTime(video.currentTime)}` });
  });
  player.on(events.PLAYBACK_PLAYING, () => {
    if (waitingSince === undefined) return;
    const ms = performance.now() - waitingSince;
    waitingSince = undefined;
    callbacks.log({ type: 'stall', level: 'warn', text: `playing again after ${Math.round(ms)} ms` });
  });

  player.on(events.ERROR, (e) => onError(e));
  player.on(events.PLAYBACK_ERROR, (e) => {
    const message = `playback error: ${describeMediaError(e.error)}`;
    callbacks.log({ type: 'error', level: 'error', text: message });
    callbacks.fatal(message);
    callbacks.failed(message);
  });

  function onError(e: DashErrorEvent): void {
    const { message, fatal } = describeDashError(e);
    if (!fatal) {
      callbacks.log({ type: 'error', level: 'warn', text: message });
      return;
    }
    callbacks.log({ type: 'error', level: 'error', text: `fatal ${message}` });
    callbacks.fatal(message);
    callbacks.failed(message);
  }

  player.initialize(video, url, autoplay);
}

/**
 * Tells ad Periods from content ones for a stitched session and says where ads start and content resumes.
 * An ad Period is one whose segments go through /v1/dashsegment/ (read from every manifest dash.js loads) or
 * that the session API lists in avails[].periods; the session API also names its ad. Announcements keep the
 * order of the switches even when one waits for the session API.
 */
function adPeriodTracker(sessionId: string, callbacks: EngineCallbacks, signal?: AbortSignal) {
  const fromManifest = new Map<string, DashAdPeriodRef>();
  const fromApi = new Map<string, DashAdPeriodInfo>();
  /** Period ids the session API has been asked about (once each: a content Period is never in its list). */
  const asked = new Set<string>();
  let lookups: Promise<void> = Promise.resolve();
  let announcements: Promise<void> = Promise.resolve();
  let apiFailed = false;
  /** Playing an ad Period (false: content; undefined: nothing played yet). */
  let inAd: boolean | undefined;

  /** Asks the session API about these Period ids (queued after any lookup under way). */
  function lookUp(ids: string[]): Promise<void> {
    const fresh = ids.filter((id) => !fromApi.has(id) && !asked.has(id));
    if (fresh.length === 0) return lookups;
    for (const id of fresh) asked.add(id);
    lookups = lookups.then(async () => {
      if (fresh.every((id) => fromApi.has(id))) return;
      try {
        for (const [id, info] of await fetchDashAdPeriods(sessionId, signal)) fromApi.set(id, info);
      } catch (err) {
        if (signal?.aborted || apiFailed) return;
        apiFailed = true;
        callbacks.log({ type: 'ad', level: 'warn', text: `session API unavailable, ads named by their segment URLs only: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
    return lookups;
  }

  function announce(info: StreamInfo): void {
    const id = info.id;
    const ref = fromManifest.get(id);
    const named = fromApi.get(id);
    if (!ref && !named) {
      if (inAd) callbacks.log({ type: 'ad', level: 'info', text: `content resumes at ${formatMediaTime(info.start)} (period ${id})` });
      inAd = false;
      callbacks.adPeriod(null);
      return;
    }
    inAd = true;
    const availId = named?.availId ?? /^(.+)_\d+$/.exec(id)?.[1] ?? ref!.availKey;
    callbacks.adPeriod(availId);
    const what = named ? `${named.kind} ${id} (${named.adId})` : `ad ${id}`;
    const where = named ? `avail ${availId}, ${named.position}/${named.count}` : `avail ${availId}, #${ref!.index + 1}`;
    callbacks.log({ type: 'ad', level: 'info', text: `${what} started at ${formatMediaTime(info.start)} · ${where}` });
  }

  return {
    manifest(manifest: unknown): void {
      const found = adPeriodsOfManifest(manifest).filter((r) => r.session === sessionId);
      for (const r of found) fromManifest.set(r.periodId, r);
      // Name the ads before playback reaches them.
      void lookUp(found.map((r) => r.periodId));
    },
    switchedTo(info: StreamInfo): void {
      const known = fromApi.has(info.id) || (fromManifest.has(info.id) && asked.has(info.id));
      const ready = known ? lookups : lookUp([info.id]);
      // Wait for a lookup of this Period (or the one naming it) before saying what it is, in switch order.
      announcements = announcements.then(() => ready).then(() => {
        if (!signal?.aborted) announce(info);
      });
    },
  };
}

function describeDashError(e: DashErrorEvent): { message: string; fatal: boolean } {
  const err = e.error;
  if (typeof err === 'string') {
    // Legacy string errors: capability/mediasource ones are fatal, download/cc ones are not.
    const detail = typeof e.event === 'string' ? e.event : 'message' in e.event ? e.event.message : e.event.url;
    return { message: `${err}: ${detail}`, fatal: err === 'capability' || err === 'mediasource' };
  }
  return { message: `code ${err.code}: ${err.message}`, fatal: FATAL_CODES.has(err.code) };
}
