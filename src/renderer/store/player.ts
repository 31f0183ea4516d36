// Players: which asset each player slot shows, and what each player reports about itself
// (state, stats, fatal errors, its own event list). Keyed by player id so two players can run
// side by side and any panel can read either.
import { create } from 'zustand';
import { autoplayEnabled } from '../lib/url-params';

export const PRIMARY_PLAYER = 'main';

export type PlayerState = 'idle' | 'loading' | 'playing' | 'paused' | 'waiting' | 'ended' | 'error';

export interface PlayerLogEntry {
  id: number;
  at: number;
  /** Short event name: manifest, level, discontinuity, period, stall, error, … */
  type: string;
  level: 'info' | 'warn' | 'error';
  text: string;
}

export interface PlayerStats {
  currentTime: number;
  /** Infinity for live. NaN before metadata. */
  duration: number;
  /** Seconds buffered ahead of the playhead. */
  bufferLength: number;
  level?: number;
  levelCount?: number;
  /** Bits per second of the playing rendition. */
  bitrate?: number;
  height?: number;
  /** EXT-X-PROGRAM-DATE-TIME at the playhead (live HLS maps it onto the session's timeline). */
  pdtMs?: number;
}

/** What the player was pointed at: the stitcher (a session with ads) or the origin (content only). */
export type SourceMode = 'stitched' | 'origin';

/** Ads as the player met them: stitched ad segments (HLS) or ad Periods (DASH) it played, HLS Interstitials it started. */
export interface AdPlayback {
  /** Stitched ad segments that became the playing fragment (HLS), in total and per avail key. */
  segments: number;
  byAvail: Record<string, number>;
  /** Stitched ad Periods playback entered (DASH), in total and per avail id. */
  periods: number;
  periodsByAvail: Record<string, number>;
  /** Playing an ad right now (avail key), or null for content. */
  current: string | null;
  /** HLS Interstitials (guided insertion) started, and their assets started. */
  interstitials: number;
  interstitialAssets: number;
}

export interface PlayerRuntime {
  engine: string | null;
  url: string | null;
  mode: SourceMode | null;
  /** Why the origin is played when it is (no playback configuration). */
  modeNote: string | null;
  /** The stitcher's session id, once the player's first manifest response named it. */
  sessionId: string | null;
  state: PlayerState;
  stats: PlayerStats;
  fatalErrors: number;
  ads: AdPlayback;
  /** What actually played as ads, on the player's timeline (the ad timeline's "played" lane). */
  adSpans: AdSpan[];
  log: PlayerLogEntry[];
}

export interface AdSpan {
  availId: string;
  from: number;
  /** Undefined while it plays. */
  to?: number;
}

export interface SourceInfo {
  engine: string;
  url: string;
  mode: SourceMode;
  modeNote?: string;
}

const MAX_LOG = 300;
const EMPTY_STATS: PlayerStats = { currentTime: 0, duration: Number.NaN, bufferLength: 0 };

const NO_ADS: AdPlayback = { segments: 0, byAvail: {}, periods: 0, periodsByAvail: {}, current: null, interstitials: 0, interstitialAssets: 0 };

export const emptyRuntime = (): PlayerRuntime => ({
  engine: null,
  url: null,
  mode: null,
  modeNote: null,
  sessionId: null,
  state: 'idle',
  stats: EMPTY_STATS,
  fatalErrors: 0,
  ads: NO_ADS,
  adSpans: [],
  log: [],
});

interface PlayerStore {
  autoplay: boolean;
  /** Player id → asset id loaded in it. */
  slots: Record<string, string | null>;
  runtime: Record<string, PlayerRuntime>;

  loadAsset(playerId: string, assetId: string): void;
  /** A new source is being attached: forget the previous one's state, errors and log. */
  startSource(playerId: string, source: SourceInfo): void;
  setSession(playerId: string, sessionId: string): void;
  /** The engine plays another URL than it was given (a stitched DASH session's own URL). */
  setUrl(playerId: string, url: string): void;
  /** The playing fragment changed: an ad segment of avail `availKey`, or content (null). */
  setAdSegment(playerId: string, availKey: string | null): void;
  /** DASH: playback entered an ad Period of avail `availId`, or a content Period (null). */
  setAdPeriod(playerId: string, availId: string | null): void;
  countInterstitial(playerId: string, what: 'event' | 'asset'): void;
  setEngineName(playerId: string, engine: string): void;
  /** Nothing to play: back to idle. */
  clearSource(playerId: string): void;
  setState(playerId: string, state: PlayerState): void;
  setStats(playerId: string, stats: PlayerStats): void;
  log(playerId: string, entry: Omit<PlayerLogEntry, 'id' | 'at'>): void;
  countFatal(playerId: string): void;
  /** The player entered avail `availId`'s ads (or content, null) at `position`. */
  markAdSpan(playerId: string, availId: string | null, position: number): void;
  /** Panels follow this player's session (the one clicked last). */
  focused: string;
  focus(playerId: string): void;
}

let nextLogId = 1;

export const usePlayers = create<PlayerStore>()((set) => {
  const patch = (playerId: string, fn: (r: PlayerRuntime) => Partial<PlayerRuntime>) =>
    set((state) => {
      const current = state.runtime[playerId] ?? emptyRuntime();
      const changes = fn(current);
      // Returning the same state object tells zustand nothing changed: no re-render.
      if (Object.keys(changes).length === 0) return state;
      return { runtime: { ...state.runtime, [playerId]: { ...current, ...changes } } };
    });

  return {
    autoplay: autoplayEnabled,
    slots: { [PRIMARY_PLAYER]: null },
    runtime: {},

    loadAsset: (playerId, assetId) => set(({ slots }) => ({ slots: { ...slots, [playerId]: assetId } })),
    startSource: (playerId, { engine, url, mode, modeNote }) =>
      patch(playerId, () => ({ ...emptyRuntime(), engine, url, mode, modeNote: modeNote ?? null, state: 'loading' })),
    setSession: (playerId, sessionId) => patch(playerId, (r) => (r.sessionId === sessionId ? {} : { sessionId })),
    setUrl: (playerId, url) => patch(playerId, (r) => (r.url === url ? {} : { url })),
    setAdSegment: (playerId, availKey) =>
      patch(playerId, ({ ads }) => {
        if (availKey === null) return ads.current === null ? {} : { ads: { ...ads, current: null } };
        const byAvail = { ...ads.byAvail, [availKey]: (ads.byAvail[availKey] ?? 0) + 1 };
        return { ads: { ...ads, segments: ads.segments + 1, byAvail, current: availKey } };
      }),
    setAdPeriod: (playerId, availId) =>
      patch(playerId, ({ ads }) => {
        if (availId === null) return ads.current === null ? {} : { ads: { ...ads, current: null } };
        const periodsByAvail = { ...ads.periodsByAvail, [availId]: (ads.periodsByAvail[availId] ?? 0) + 1 };
        return { ads: { ...ads, periods: ads.periods + 1, periodsByAvail, current: availId } };
      }),
    countInterstitial: (playerId, what) =>
      patch(playerId, ({ ads }) => ({
        ads: what === 'event' ? { ...ads, interstitials: ads.interstitials + 1 } : { ...ads, interstitialAssets: ads.interstitialAssets + 1 },
      })),
    setEngineName: (playerId, engine) => patch(playerId, (r) => (r.engine === engine ? {} : { engine })),
    clearSource: (playerId) => patch(playerId, () => emptyRuntime()),
    setState: (playerId, state) =>
      patch(playerId, (r) => (r.state === state || (r.state === 'error' && state !== 'loading') ? {} : { state })),
    setStats: (playerId, stats) => patch(playerId, (r) => (sameStats(r.stats, stats) ? {} : { stats })),
    log: (playerId, entry) =>
      patch(playerId, (r) => ({ log: [{ ...entry, id: nextLogId++, at: Date.now() }, ...r.log].slice(0, MAX_LOG) })),
    countFatal: (playerId) => patch(playerId, (r) => ({ fatalErrors: r.fatalErrors + 1 })),
    markAdSpan: (playerId, availId, position) =>
      patch(playerId, ({ adSpans }) => {
        const spans = adSpans.map((s) => (s.to === undefined ? { ...s, to: position } : s));
        if (availId !== null) spans.push({ availId, from: position });
        return { adSpans: spans.slice(-100) };
      }),
    focused: PRIMARY_PLAYER,
    focus: (playerId) => set({ focused: playerId }),
  };
});

function sameStats(a: PlayerStats, b: PlayerStats): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof PlayerStats)[]);
  for (const k of keys) if (!Object.is(a[k], b[k])) return false;
  return true;
}
