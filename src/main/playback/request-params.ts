// How a playback request's parameters split, as MediaTailor does: `ads.*` → ADS (player params),
// `aws.*` → the stitcher itself, everything else → the origin. The explicit session body is validated.
import { z } from 'zod';
import { HttpError } from '../http/errors.js';
import type { SessionRequest } from '../sessions/types.js';

export interface SplitQuery {
  ads: Record<string, string>;
  aws: Record<string, string>;
  origin: Record<string, string>;
}

export function splitQuery(query: Record<string, unknown>): SplitQuery {
  const out: SplitQuery = { ads: {}, aws: {}, origin: {} };
  for (const [k, raw] of Object.entries(query)) {
    const v = Array.isArray(raw) ? String(raw.at(-1)) : String(raw);
    if (k.startsWith('ads.')) out.ads[k.slice(4)] = v;
    else if (k.startsWith('aws.')) out.aws[k.slice(4)] = v;
    else if (k.startsWith('manifestParams.')) out.origin[k.slice(15)] = v;
    else out.origin[k] = v;
  }
  return out;
}

const stringRecord = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String));

export const SessionBodySchema = z.looseObject({
  adsParams: stringRecord.optional(),
  playerParams: stringRecord.optional(),
  manifestParams: stringRecord.optional(),
  reportingMode: z.enum(['client', 'server', 'CLIENT', 'SERVER']).transform((s) => s.toLowerCase() as 'client' | 'server').optional(),
  availSuppression: z
    .object({
      mode: z.enum(['OFF', 'BEHIND_LIVE_EDGE', 'AFTER_LIVE_EDGE']).optional(),
      value: z.string().regex(/^\d{2}:[0-5]\d:[0-5]\d$/, 'must be HH:MM:SS').optional(),
      fillPolicy: z.enum(['FULL_AVAIL_ONLY', 'PARTIAL_AVAIL']).optional(),
    })
    .optional(),
  insertionMode: z.enum(['STITCHED_ONLY', 'PLAYER_SELECT', 'GUIDED', 'STITCHED']).optional(),
  logMode: z.enum(['DEBUG', 'STANDARD']).optional(),
});
export type SessionBody = z.output<typeof SessionBodySchema>;

/** aws.streamId as MediaTailor takes it: a short token; anything else is a 400 naming it. */
export function streamIdOf(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[\w.-]{1,64}$/.test(raw)) throw new HttpError(400, `Invalid aws.streamId "${raw.slice(0, 80)}": expected 1-64 characters of [A-Za-z0-9_.-]`);
  return raw;
}

export function insertionModeOf(raw: string | undefined, configDefault: string | undefined): SessionRequest['insertionMode'] {
  const v = raw?.toUpperCase();
  if (v === 'GUIDED' || v === 'PLAYER_SELECT') return 'PLAYER_SELECT';
  if (v === 'STITCHED' || v === 'STITCHED_ONLY') return 'STITCHED_ONLY';
  return configDefault === 'PLAYER_SELECT' ? 'PLAYER_SELECT' : 'STITCHED_ONLY';
}

export function withQuery(url: string, params: Record<string, string>): string {
  const entries = Object.entries(params);
  if (!entries.length) return url;
  const u = new URL(url);
  for (const [k, v] of entries) u.searchParams.set(k, v);
  return u.toString();
}
