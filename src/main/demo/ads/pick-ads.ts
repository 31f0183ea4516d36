// Which creatives fill a request: explicit list, a pod of N (round-robin), or a duration filled greedily.
import type { DemoAdCreative } from './types.js';

export const DEFAULT_POD = 2;
/** Upper bound on ads in one response, whatever the request says. */
export const MAX_ADS = 20;

export interface PickRequest {
  pod?: number;
  /** Avail duration in seconds; used only when `pod` is not given. */
  dur?: number;
  /** Explicit creative ids, in order; wins over pod and dur. */
  ads?: string[];
  /** Rotation offset into the creative list, so successive VMAP breaks do not repeat the same ads. */
  rotate?: number;
}

export type PickResult = { ok: true; ads: DemoAdCreative[] } | { ok: false; message: string };

export function pickAds(creatives: DemoAdCreative[], req: PickRequest): PickResult {
  const n = creatives.length;
  // Nothing built yet: an empty answer, never an error.
  if (n === 0) return { ok: true, ads: [] };
  if (req.ads && req.ads.length > 0) {
    const byId = new Map(creatives.map((c) => [c.id, c]));
    const out: DemoAdCreative[] = [];
    for (const id of req.ads) {
      const c = byId.get(id);
      if (!c) return { ok: false, message: `Invalid query parameter 'ads': unknown creative '${id}' (known: ${creatives.map((x) => x.id).join(', ')})` };
      out.push(c);
    }
    return { ok: true, ads: out };
  }
  const start = req.rotate ?? 0;
  if (req.dur !== undefined && req.pod === undefined) return { ok: true, ads: fill(creatives, req.dur, start) };
  const pod = Math.min(req.pod ?? DEFAULT_POD, MAX_ADS);
  return { ok: true, ads: Array.from({ length: pod }, (_, i) => creatives[(start + i) % n]!) };
}

/** Walk the rotation taking the next creative that still fits; stop when none fits (never exceed the avail). */
function fill(creatives: DemoAdCreative[], dur: number, start: number): DemoAdCreative[] {
  const n = creatives.length;
  const out: DemoAdCreative[] = [];
  let left = dur;
  let next = start % n;
  while (out.length < MAX_ADS) {
    let chosen = -1;
    for (let k = 0; k < n; k++) {
      const idx = (next + k) % n;
      const d = creatives[idx]!.durationSeconds;
      // Millisecond tolerance: 10 + 20 must fit a 30 s avail despite float noise.
      if (d > 0 && d <= left + 0.001) {
        chosen = idx;
        break;
      }
    }
    if (chosen < 0) break;
    out.push(creatives[chosen]!);
    left -= creatives[chosen]!.durationSeconds;
    next = (chosen + 1) % n;
  }
  return out;
}
