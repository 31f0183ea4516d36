// Validation of CreatePrefetchSchedule bodies in MediaTailor's shapes. Timestamps are epoch seconds as the AWS
// API sends them (ISO-8601 strings are accepted too, for people typing JSON); a bad body is a 400 naming the field.
import { z } from 'zod';
import type { PrefetchSchedule } from '../../shared/prefetch.js';

/** MediaTailor's limits, kept where sensible on a bench. */
export const LIMITS = { activeSchedulesPerConfiguration: 25, availMatchingCriteria: 5 } as const;

const timestamp = z.unknown().transform((v, ctx) => {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  const ms = typeof v === 'string' ? Date.parse(v) : Number.NaN;
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: v === undefined ? 'required' : `${JSON.stringify(v)} is not a timestamp (epoch seconds or ISO-8601)` });
    return z.NEVER;
  }
  return ms / 1000;
});

const criteria = z
  .array(z.object({ DynamicVariable: z.string().min(1).max(128), Operator: z.literal('EQUALS') }).strict())
  .max(LIMITS.availMatchingCriteria, `at most ${LIMITS.availMatchingCriteria} AvailMatchingCriteria`);

const variables = z.record(z.string().min(1).max(128), z.string().max(1024));

const shaping = {
  TrafficShapingType: z.enum(['RETRIEVAL_WINDOW', 'TPS']).optional(),
  TrafficShapingRetrievalWindow: z.object({ RetrievalWindowDurationSeconds: z.number().int().min(1).max(86_400) }).strict().optional(),
  TrafficShapingTpsConfiguration: z.object({ PeakTps: z.number().int().min(1).max(100_000), PeakConcurrentUsers: z.number().int().min(1).optional() }).strict().optional(),
};

const retrieval = z.object({ StartTime: timestamp.optional(), EndTime: timestamp, DynamicVariables: variables.optional(), ...shaping }).strict();
const consumption = z.object({ StartTime: timestamp.optional(), EndTime: timestamp, AvailMatchingCriteria: criteria.optional() }).strict();
const recurring = z
  .object({
    StartTime: timestamp.optional(),
    EndTime: timestamp,
    RecurringConsumption: z.object({ RetrievedAdExpirationSeconds: z.number().int().min(1).optional(), AvailMatchingCriteria: criteria.optional() }).strict(),
    RecurringRetrieval: z.object({ DelayAfterAvailEndSeconds: z.number().int().min(0).optional(), DynamicVariables: variables.optional(), ...shaping }).strict(),
  })
  .strict();

export const CreatePrefetchScheduleSchema = z
  .object({
    ScheduleType: z.enum(['SINGLE', 'RECURRING']).optional(),
    StreamId: z.string().regex(/^[\w.-]{1,64}$/, 'StreamId: 1–64 characters of letters, digits, _ . -').optional(),
    Retrieval: retrieval.optional(),
    Consumption: consumption.optional(),
    RecurringPrefetchConfiguration: recurring.optional(),
    // AWS SDKs may send these; they are taken from the path.
    Name: z.string().optional(),
    PlaybackConfigurationName: z.string().optional(),
    Tags: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const NAME = /^[\w.-]{1,64}$/;

/** The schedule to store, or the first problem in words. `nowS`: default start times. */
export function readCreateBody(body: unknown, config: string, name: string, arn: string, nowS: number): { ok: true; schedule: PrefetchSchedule } | { ok: false; message: string } {
  const parsed = CreatePrefetchScheduleSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { ok: false, message: `${i.path.join('.') || 'body'}: ${i.message}` };
  }
  const b = parsed.data;
  const type = b.ScheduleType ?? 'SINGLE';
  const base = { Arn: arn, Name: name, PlaybackConfigurationName: config, ScheduleType: type, ...(b.StreamId ? { StreamId: b.StreamId } : {}) };
  const window = (what: string, start: number, end: number) => (end <= start ? `${what}.EndTime must be after its StartTime` : undefined);
  const shapingProblem = (where: string, s: { TrafficShapingType?: string | undefined; TrafficShapingRetrievalWindow?: unknown; TrafficShapingTpsConfiguration?: unknown }) =>
    s.TrafficShapingType === 'RETRIEVAL_WINDOW' && !s.TrafficShapingRetrievalWindow
      ? `${where}.TrafficShapingRetrievalWindow is required with TrafficShapingType RETRIEVAL_WINDOW`
      : s.TrafficShapingType === 'TPS' && !s.TrafficShapingTpsConfiguration
        ? `${where}.TrafficShapingTpsConfiguration is required with TrafficShapingType TPS`
        : undefined;

  if (type === 'SINGLE') {
    if (!b.Retrieval) return { ok: false, message: 'Retrieval is required for a SINGLE schedule' };
    if (!b.Consumption) return { ok: false, message: 'Consumption is required for a SINGLE schedule' };
    if (b.RecurringPrefetchConfiguration) return { ok: false, message: 'RecurringPrefetchConfiguration is only for ScheduleType RECURRING' };
    const r = { ...b.Retrieval, StartTime: b.Retrieval.StartTime ?? nowS };
    const c = { ...b.Consumption, StartTime: b.Consumption.StartTime ?? r.StartTime };
    const problem =
      window('Retrieval', r.StartTime, r.EndTime) ??
      window('Consumption', c.StartTime, c.EndTime) ??
      (c.EndTime <= r.StartTime ? 'Consumption.EndTime must be after Retrieval.StartTime' : undefined) ??
      (r.EndTime <= nowS ? 'Retrieval.EndTime is in the past' : undefined) ??
      shapingProblem('Retrieval', r) ??
      criteriaProblem(c.AvailMatchingCriteria, r.DynamicVariables, 'Consumption');
    if (problem) return { ok: false, message: problem };
    return { ok: true, schedule: { ...base, Retrieval: r, Consumption: c } };
  }
  const rec = b.RecurringPrefetchConfiguration;
  if (!rec) return { ok: false, message: 'RecurringPrefetchConfiguration is required for a RECURRING schedule' };
  if (b.Retrieval || b.Consumption) return { ok: false, message: 'Retrieval and Consumption are for SINGLE schedules; a RECURRING one uses RecurringPrefetchConfiguration' };
  const r = { ...rec, StartTime: rec.StartTime ?? nowS };
  const problem =
    window('RecurringPrefetchConfiguration', r.StartTime, r.EndTime) ??
    (r.EndTime <= nowS ? 'RecurringPrefetchConfiguration.EndTime is in the past' : undefined) ??
    shapingProblem('RecurringPrefetchConfiguration.RecurringRetrieval', r.RecurringRetrieval) ??
    criteriaProblem(r.RecurringConsumption.AvailMatchingCriteria, r.RecurringRetrieval.DynamicVariables, 'RecurringPrefetchConfiguration.RecurringConsumption');
  if (problem) return { ok: false, message: problem };
  return { ok: true, schedule: { ...base, RecurringPrefetchConfiguration: r } };
}

/** A criterion compares the avail's variable with the retrieval's value for it: without one it could never match. */
function criteriaProblem(criteria: { DynamicVariable: string }[] | undefined, vars: Record<string, string> | undefined, where: string): string | undefined {
  for (const c of criteria ?? []) {
    if (!vars || !Object.hasOwn(vars, c.DynamicVariable)) return `${where}.AvailMatchingCriteria: ${c.DynamicVariable} has no value in the retrieval's DynamicVariables to match`;
  }
  return undefined;
}
