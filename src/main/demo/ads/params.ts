// Query validation: every bad value becomes a 400 naming the parameter instead of a crash or a silent default.
import { z } from 'zod';
import { MAX_ADS } from './pick-ads.js';
import { formatVastTime, VAST_VERSIONS } from './vast-xml.js';

export const FAULTS = ['slow', '500', 'garbage', 'empty', 'loop', 'timeout', 'nofill'] as const;
export type Fault = (typeof FAULTS)[number];
/** Faults that change the ADS's transport (how/whether it answers) rather than the document it answers with. */
/** Beacon faults: tracking URLs point at a host that refuses connections, or the sink answers HTTP 500. */
export const BEACON_FAULTS = ['down', '500'] as const;
export type BeaconFault = (typeof BEACON_FAULTS)[number];
export const TRANSPORT_FAULTS: readonly Fault[] = ['slow', 'timeout', '500', 'garbage'];

export const DEFAULT_DELAY_MS = 2000;
export const MAX_DELAY_MS = 30_000;
export const MAX_WRAPPERS = 10;
export const MAX_BREAKS = 20;
export const DEFAULT_BREAKS = 'start,00:00:20.000,end';

const intParam = (min: number, max: number) =>
  z.string().trim().regex(/^-?\d+$/, 'expected an integer').transform(Number).pipe(z.number().min(min).max(max));

/** '3' is accepted as shorthand for '3.0'. */
const versionParam = z.preprocess((x) => (typeof x === 'string' && /^[234]$/.test(x) ? `${x}.0` : x), z.enum(VAST_VERSIONS));

const idList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[\w.-]{1,64}$/, 'expected comma-separated creative ids')).min(1).max(MAX_ADS));

const label = z.string().regex(/^[\w.:-]{1,128}$/, 'expected 1-128 characters of [A-Za-z0-9_.:-]');

const common = {
  v: versionParam.default('3.0'),
  pod: intParam(0, MAX_ADS).optional(),
  // 0 is what a stitcher sends when the break's length is unknown ([session.avail_duration_secs] of a CUE-OUT without
  // a duration, or a prefetch): the default pod, as if dur were absent.
  dur: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'expected a number of seconds')
    .transform(Number)
    .pipe(z.number().min(0).max(3600))
    .transform((n) => (n === 0 ? undefined : n))
    .optional(),
  ads: idList.optional(),
  sid: label.optional(),
  wrapper: intParam(0, MAX_WRAPPERS).default(0),
  fault: z.enum(FAULTS).optional(),
  beacons: z.enum(BEACON_FAULTS).optional(),
  delay: intParam(0, MAX_DELAY_MS).default(DEFAULT_DELAY_MS),
  hls: z.enum(['ts', 'fmp4']).default('ts'),
};

export const vastQuery = z.object({
  ...common,
  /** Break id, set on tag URLs emitted by /vmap so hits stay attributable to a break. */
  brk: label.optional(),
  /** Rotation offset into the creatives (set by /vmap so breaks differ). */
  rotate: intParam(0, 10_000).default(0),
});
export type VastQuery = z.output<typeof vastQuery>;

/** start | end | HH:MM:SS(.mmm) | n% | #n | plain seconds (normalised to HH:MM:SS.mmm). */
function normaliseOffset(raw: string): string | undefined {
  const o = raw.trim();
  if (o === 'start' || o === 'end' || /^#\d+$/.test(o)) return o;
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(o);
  if (pct) return Number(pct[1]) <= 100 ? o : undefined;
  const hms = /^(\d{1,2}):([0-5]\d):([0-5]\d(?:\.\d{1,3})?)$/.exec(o);
  if (hms) return formatVastTime(Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3]));
  if (/^\d+(\.\d+)?$/.test(o)) return formatVastTime(Number(o));
  return undefined;
}

const breaksParam = z.string().transform((s, ctx) => {
  const parts = s.split(',');
  const out: string[] = [];
  for (const p of parts) {
    const o = normaliseOffset(p);
    if (o === undefined) {
      ctx.addIssue({ code: 'custom', message: `bad time offset '${p}' (use start, end, HH:MM:SS.mmm, seconds, n% or #n)` });
      return z.NEVER;
    }
    out.push(o);
  }
  if (out.length > MAX_BREAKS) {
    ctx.addIssue({ code: 'custom', message: `at most ${MAX_BREAKS} breaks` });
    return z.NEVER;
  }
  return out;
});

export const vmapQuery = z.object({
  ...common,
  breaks: breaksParam.default(DEFAULT_BREAKS.split(',')),
  /** tag=1: breaks reference /vast by AdTagURI instead of carrying inline VAST. */
  tag: z.enum(['0', '1', 'true', 'false']).transform((t) => t === '1' || t === 'true').default(false),
});
export type VmapQuery = z.output<typeof vmapQuery>;

export const trackQuery = z.object({
  ev: z.string().min(1).max(64),
  sid: label.optional(),
  ad: z.string().max(128).optional(),
  code: z.string().max(32).optional(),
  /** Set by beacons=500: the sink records the hit and answers 500. */
  fail: z.enum(['500']).optional(),
});

export const eventsQuery = z.object({ sid: label.optional() });

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): Parsed<z.output<S>> {
  const r = schema.safeParse(query ?? {});
  if (r.success) return { ok: true, value: r.data };
  const message = r.error.issues
    .map((i) => `Invalid query parameter '${i.path.map(String).join('.') || 'query'}': ${i.message}`)
    .join('; ');
  return { ok: false, message };
}

/** Serialises the document-level parameters of a /vast request (used for wrapper hops and VMAP tag URLs). */
export function vastSearch(q: Omit<VastQuery, 'delay'> & { delay?: number }): string {
  const s = new URLSearchParams({ v: q.v });
  if (q.pod !== undefined) s.set('pod', String(q.pod));
  if (q.dur !== undefined) s.set('dur', String(q.dur));
  if (q.ads) s.set('ads', q.ads.join(','));
  if (q.sid) s.set('sid', q.sid);
  if (q.wrapper > 0) s.set('wrapper', String(q.wrapper));
  if (q.fault) s.set('fault', q.fault);
  if (q.fault === 'slow' && q.delay !== undefined) s.set('delay', String(q.delay));
  if (q.hls !== 'ts') s.set('hls', q.hls);
  if (q.beacons) s.set('beacons', q.beacons);
  if (q.brk) s.set('brk', q.brk);
  if (q.rotate > 0) s.set('rotate', String(q.rotate));
  return s.toString();
}
