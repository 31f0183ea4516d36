// The session setup: how the next sessions are made (ADS fault modes, parameters, reporting and insertion mode,
// a second player for comparison). Read from the page URL at start and written back to it on every change, so
// the URL is a permalink that reproduces the setup (with ?config= and ?asset= for what plays).
import { create } from 'zustand';
import { setUrlParam } from '../lib/url-params';

export type Compare = 'off' | 'same-session' | 'second-session';

export interface Setup {
  adsFault: string;
  adsDelayMs: number;
  wrapper: number;
  beacons: string;
  /** "k=v&k2=v2" → ads.k (ADS query / [player_params.k]). */
  adsParams: string;
  /** Player params of explicit sessions (client-side reporting). */
  playerParams: string;
  /** Query parameters for the origin (e.g. the demo origin's fault modes). */
  originParams: string;
  reportingMode: 'server' | 'client';
  insertion: 'stitched' | 'guided';
  compare: Compare;
  /** Player B: its ads params (personalisation) and asset (default: A's). */
  bAdsParams: string;
  bAssetId: string;
}

interface SetupStore {
  /** What the form shows (edited freely). */
  draft: Setup;
  /** What players use: the draft as of the last Apply (or the URL at start). */
  applied: Setup;
  /** Bumped by Apply, so players start new sessions even when nothing changed. */
  generation: number;
  set(patch: Partial<Setup>): void;
  apply(): void;
}

const KEYS: Record<keyof Setup, string> = {
  adsFault: 'fault',
  adsDelayMs: 'delay',
  wrapper: 'wrapper',
  beacons: 'beacons',
  adsParams: 'ads',
  playerParams: 'player',
  originParams: 'origin',
  reportingMode: 'reporting',
  insertion: 'insertion',
  compare: 'compare',
  bAdsParams: 'b.ads',
  bAssetId: 'b.asset',
};

const DEFAULTS: Setup = {
  adsFault: '',
  adsDelayMs: 2000,
  wrapper: 0,
  beacons: '',
  adsParams: '',
  playerParams: '',
  originParams: '',
  reportingMode: 'server',
  insertion: 'stitched',
  compare: 'off',
  bAdsParams: '',
  bAssetId: '',
};

function fromUrl(): Setup {
  const p = new URLSearchParams(location.search);
  const s = { ...DEFAULTS };
  const str = (k: keyof Setup) => p.get(KEYS[k]) ?? (DEFAULTS[k] as string);
  const num = (k: keyof Setup, min: number, max: number) => {
    const n = Number(p.get(KEYS[k]));
    return p.has(KEYS[k]) && Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : (DEFAULTS[k] as number);
  };
  s.adsFault = str('adsFault');
  s.adsDelayMs = num('adsDelayMs', 0, 30_000);
  s.wrapper = num('wrapper', 0, 10);
  s.beacons = str('beacons');
  s.adsParams = str('adsParams');
  s.playerParams = str('playerParams');
  s.originParams = str('originParams');
  s.reportingMode = p.get(KEYS.reportingMode) === 'client' ? 'client' : 'server';
  s.insertion = p.get(KEYS.insertion)?.toLowerCase() === 'guided' ? 'guided' : 'stitched';
  const c = p.get(KEYS.compare);
  s.compare = c === 'same-session' || c === 'second-session' ? c : 'off';
  s.bAdsParams = str('bAdsParams');
  s.bAssetId = str('bAssetId');
  return s;
}

function toUrl(s: Setup): void {
  for (const k of Object.keys(KEYS) as (keyof Setup)[]) {
    const v = s[k];
    setUrlParam(KEYS[k], v === DEFAULTS[k] ? null : String(v));
  }
}

const initial = fromUrl();

export const useSetup = create<SetupStore>()((set, get) => ({
  draft: initial,
  applied: initial,
  generation: 0,
  set: (patch) => set(({ draft }) => ({ draft: { ...draft, ...patch } })),
  apply: () => {
    const applied = { ...get().draft };
    toUrl(applied);
    set(({ generation }) => ({ applied, generation: generation + 1 }));
  },
}));

/** The draft differs from what plays. */
export function isDirty(s: Pick<SetupStore, 'draft' | 'applied'>): boolean {
  return (Object.keys(KEYS) as (keyof Setup)[]).some((k) => s.draft[k] !== s.applied[k]);
}
