// Pure helpers for the session setup: `k=v` parameter text ↔ records, and the query a playback URL carries for a
// setup (ads.* to the ADS — the demo ADS reads its fault modes there — and origin parameters for the origin).

/** Demo ADS fault modes (src/main/demo/ads/params.ts), offered in the setup. */
export const ADS_FAULTS = ['slow', 'timeout', '500', 'garbage', 'empty', 'nofill', 'loop'] as const;
export const BEACON_FAULTS = ['down', '500'] as const;

export type ParamsParse = { ok: true; params: Record<string, string> } | { ok: false; error: string };

/** "a=1&b=2" or one pair per line; names are letters, digits, "_", "-", "." (what MediaTailor accepts). */
export function parseParams(text: string): ParamsParse {
  const params: Record<string, string> = {};
  for (const raw of text.split(/[\n&]/)) {
    const part = raw.trim();
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, error: `"${part}" is not name=value` };
    const name = part.slice(0, eq).trim();
    if (!/^[\w.-]{1,64}$/.test(name)) return { ok: false, error: `"${name}": names are letters, digits, _ - .` };
    params[name] = part.slice(eq + 1).trim();
  }
  return { ok: true, params };
}

export function formatParams(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export interface SetupQueryInput {
  adsFault: string;
  adsDelayMs: number;
  wrapper: number;
  beacons: string;
  adsParams: Record<string, string>;
  originParams: Record<string, string>;
}

/** Query parameters of the playback URL for a setup (implicit sessions pass ads.* and origin params this way). */
export function playbackQuery(s: SetupQueryInput): Record<string, string> {
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.adsParams)) q[`ads.${k}`] = v;
  if (s.adsFault) q['ads.fault'] = s.adsFault;
  if (s.adsFault === 'slow') q['ads.delay'] = String(s.adsDelayMs);
  if (s.wrapper > 0) q['ads.wrapper'] = String(s.wrapper);
  if (s.beacons) q['ads.beacons'] = s.beacons;
  for (const [k, v] of Object.entries(s.originParams)) q[k] = v;
  return q;
}

/** The ads params of an explicit session (POST /v1/session body), fault modes included. */
export function sessionAdsParams(s: SetupQueryInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(playbackQuery(s))) if (k.startsWith('ads.')) out[k.slice(4)] = v;
  return out;
}
