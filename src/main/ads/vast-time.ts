// VAST/VMAP time values: HH:MM:SS(.mmm), n%, and (leniently) plain seconds. Pure.

const HMS = /^(\d{1,3}):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;
const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/;
const SECONDS = /^\d+(?:\.\d+)?$/;

const ms = (s: number) => Math.round(s * 1000) / 1000;

/**
 * HH:MM:SS or HH:MM:SS.mmm → seconds. Plain numbers ("30") are accepted as seconds, as vast-client-js and most
 * players do, because ad servers do send them. Anything else → undefined.
 */
export function parseVastTime(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  const m = HMS.exec(s);
  if (m) return ms(Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]));
  if (SECONDS.test(s)) return ms(Number(s));
  return undefined;
}

export type VastOffset = { seconds: number } | { percent: number };

/** Tracking@offset and Linear@skipoffset: a VAST time or n% (0..100). */
export function parseVastOffset(raw: string | undefined): VastOffset | undefined {
  if (raw === undefined) return undefined;
  const p = PERCENT.exec(raw.trim());
  if (p) {
    const percent = Number(p[1]);
    return percent <= 100 ? { percent } : undefined;
  }
  const seconds = parseVastTime(raw);
  return seconds === undefined ? undefined : { seconds };
}
