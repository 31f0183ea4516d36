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
}

export interface PlayerRuntime {
  engine: string | null;
  url: string | null;
  state: PlayerState;
  stats: PlayerStats;
  fatalErrors: number;
  log: PlayerLogEntry[];
}

const MAX_LOG = 300;
const EMPTY_STATS: PlayerStats = { currentTime: 0, duration: Number.NaN, bufferLength: 0 };

export const emptyRuntime = (): PlayerRuntime => ({
  engine: null,
  url: null,
  state: 'idle',
  stats: EMPTY_STATS,
  fatalErrors: 0,
  log: [],
});

interface PlayerStore {
  autoplay: boolean;
  /** Player id → asset id loaded in it. */
  slots: Record<string, string | null>;
  runtime: Record<string, PlayerRuntime>;

  loadAsset(playerId: string, assetId: string): void;
  /** A new source is being attached: forget the previous one's state, errors and log. */
  startSource(playerId: string, engine: string, url: string): void;
  setEngineName(playerId: string, engine: string): void;
  /** Nothing to play: back to idle. */
  clearSource(playerId: string): void;
  setState(playerId: string, state: PlayerState): void;
  setStats(playerId: string, stats: PlayerStats): void;
  log(playerId: string, entry: Omit<PlayerLogEntry, 'id' | 'at'>): void;
  countFatal(playerId: string): void;
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
    startSource: (playerId, engine, url) =>
      patch(playerId, () => ({ ...emptyRuntime(), engine, url, state: 'loading' })),
    setEngineName: (playerId, engine) => patch(playerId, (r) => (r.engine === engine ? {} : { engine })),
    clearSource: (playerId) => patch(playerId, () => emptyRuntime()),
    setState: (playerId, state) =>
      patch(playerId, (r) => (r.state === state || (r.state === 'error' && state !== 'loading') ? {} : { state })),
    setStats: (playerId, stats) => patch(playerId, (r) => (sameStats(r.stats, stats) ? {} : { stats })),
    log: (playerId, entry) =>
      patch(playerId, (r) => ({ log: [{ ...entry, id: nextLogId++, at: Date.now() }, ...r.log].slice(0, MAX_LOG) })),
    countFatal: (playerId) => patch(playerId, (r) => ({ fatalErrors: r.fatalErrors + 1 })),
  };
});

function sameStats(a: PlayerStats, b: PlayerStats): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof PlayerStats)[]);
  for (const k of keys) if (!Object.is(a[k], b[k])) return false;
  return true;
}
