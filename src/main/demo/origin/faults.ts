// Fault injection on the demo origin, chosen by query parameter like the demo ADS's (demo/ads/params.ts):
// what the parameters are, how they validate (a bad value is a 400 naming the parameter), how they are
// described to the UI, and which of them a manifest carries onto the URIs it lists — the stitcher only
// passes a playback URL's origin parameters to the first (multivariant/MPD) request, so a fault meant for
// the media playlists it refreshes, or for the segments a player fetches, has to ride on those URIs.
import { z } from 'zod';
import type { OriginFaultInfo } from '../../../shared/catalog.js';
import { parseQuery } from '../ads/params.js';

export const MANIFEST_FAULTS = ['slow', 'timeout', '404', '500', 'stale'] as const;
export type ManifestFault = (typeof MANIFEST_FAULTS)[number];
export const SEGMENT_FAULTS = ['404', 'slow'] as const;
export type SegmentFault = (typeof SEGMENT_FAULTS)[number];

/** Longer than the stitcher's 2 s origin timeout (origin/fetcher.ts), so a plain fault=slow makes it time out. */
export const DEFAULT_ORIGIN_DELAY_MS = 2500;
export const MAX_ORIGIN_DELAY_MS = 30_000;
export const MAX_EVERY = 1000;
/** fault=timeout holds the request this long before answering 504 itself (as the demo ADS does). */
export const ORIGIN_TIMEOUT_CAP_MS = 60_000;

const intParam = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, 'expected an integer').transform(Number).pipe(z.number().min(min).max(max));

// Other parameters (periods, anything a playback URL passes through) are not ours to judge: loose object.
const faultQuery = z.looseObject({
  fault: z.enum(MANIFEST_FAULTS).optional(),
  segfault: z.enum(SEGMENT_FAULTS).optional(),
  delay: intParam(0, MAX_ORIGIN_DELAY_MS).optional(),
  every: intParam(1, MAX_EVERY).optional(),
});

export interface OriginFaults {
  fault?: ManifestFault;
  segfault?: SegmentFault;
  /** As given (undefined: DEFAULT_ORIGIN_DELAY_MS); kept apart so URIs carry only what the user wrote. */
  delay?: number;
  every?: number;
}

export type ParsedFaults = { ok: true; value: OriginFaults } | { ok: false; message: string };

export function parseOriginFaults(query: unknown): ParsedFaults {
  const r = parseQuery(faultQuery, query);
  if (!r.ok) return r;
  const { fault, segfault, delay, every } = r.value;
  return {
    ok: true,
    value: { ...(fault ? { fault } : {}), ...(segfault ? { segfault } : {}), ...(delay !== undefined ? { delay } : {}), ...(every !== undefined ? { every } : {}) },
  };
}

export const delayOf = (f: OriginFaults): number => f.delay ?? DEFAULT_ORIGIN_DELAY_MS;

function search(f: OriginFaults, keys: readonly (keyof OriginFaults)[]): string {
  const s = new URLSearchParams();
  for (const k of keys) if (f[k] !== undefined) s.set(k, String(f[k]));
  return s.toString();
}

/** Canonical text of every fault parameter given, for counter keys. */
export function faultKey(f: OriginFaults): string {
  return search(f, ['fault', 'segfault', 'delay', 'every']);
}

/** Query (no '?') a multivariant puts on its media playlist URIs: all fault parameters, '' without any. */
export function playlistCarry(f: OriginFaults): string {
  return f.fault || f.segfault ? faultKey(f) : '';
}

/** Query a media playlist or MPD puts on its segment URIs: the segment fault and its modifiers, '' without one. */
export function segmentCarry(f: OriginFaults): string {
  return f.segfault ? search(f, ['segfault', 'delay', 'every']) : '';
}

export function withCarry(uri: string, query: string): string {
  return query ? `${uri}${uri.includes('?') ? '&' : '?'}${query}` : uri;
}

const EVERY = { param: 'every', description: `apply to every N-th request only, 1..${MAX_EVERY} (default 1: every request)` } as const;
const DELAY = { param: 'delay', description: `ms, 0..${MAX_ORIGIN_DELAY_MS} (default ${DEFAULT_ORIGIN_DELAY_MS}: past the stitcher's 2 s origin timeout)` } as const;

/** What the UI offers in its fault picker (GET /demo/catalog originFaults, GET /demo/origin/faults). */
export const ORIGIN_FAULTS: OriginFaultInfo[] = [
  { param: 'fault', value: 'slow', target: 'manifest', modifiers: [DELAY, EVERY], description: 'answer the manifest after `delay` ms (the stitcher gives up at 2 s: 504)' },
  { param: 'fault', value: 'timeout', target: 'manifest', modifiers: [EVERY], description: `never answer until the client disconnects (504 after ${ORIGIN_TIMEOUT_CAP_MS / 1000} s)` },
  { param: 'fault', value: '404', target: 'manifest', modifiers: [EVERY], description: 'HTTP 404 for the manifest (the stitcher answers 502)' },
  { param: 'fault', value: '500', target: 'manifest', modifiers: [EVERY], description: 'HTTP 500 for the manifest (the stitcher answers 502)' },
  { param: 'fault', value: 'stale', target: 'manifest', liveOnly: true, modifiers: [EVERY], description: 'the live playlist stops advancing: the same window as the previous answer' },
  { param: 'segfault', value: '404', target: 'segment', modifiers: [EVERY], description: 'HTTP 404 for media segments (every N-th segment of a rendition with every=N)' },
  { param: 'segfault', value: 'slow', target: 'segment', modifiers: [DELAY, EVERY], description: 'send media segments after `delay` ms' },
];
