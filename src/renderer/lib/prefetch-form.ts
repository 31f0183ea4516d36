// The "New schedule" form's draft and the CreatePrefetchSchedule body it becomes. Times in the draft are
// seconds from now (what a demo thinks in); the MediaTailor API takes epoch seconds. Pure: now is passed in.
import type { AvailMatchingCriteria, TrafficShapingFields, TrafficShapingType } from '../../shared/prefetch';

export const EVENT_ID_VARIABLE = 'scte.event_id';
/** The break's length is unknown when prefetching: the schedule says what to ask the ADS for. */
export const DURATION_VARIABLE = 'session.avail_duration_secs';

export interface PrefetchDraft {
  name: string;
  recurring: boolean;
  /** '' for any stream id, else 1..10 (the session initializer's ids). */
  streamId: string;
  shaping: TrafficShapingType;
  retrievalWindowS: number;
  peakTps: number;
  /** '' for no criterion; else avails whose scte.event_id equals it. */
  eventId: string;
  /** Avail seconds to ask the ADS for ([session.avail_duration_secs]); 0 leaves it unknown. */
  availSeconds: number;
  // SINGLE: seconds from now.
  retrievalStartS: number;
  retrievalEndS: number;
  consumptionStartS: number;
  consumptionEndS: number;
  // RECURRING: the schedule's window (seconds from now), and each cycle's timing.
  recurringStartS: number;
  recurringEndS: number;
  delayAfterAvailEndS: number;
  adExpiryS: number;
}

/** Demo defaults: retrieve over the next minute (spread over 30 s), consume for ten minutes. */
export function defaultDraft(name: string): PrefetchDraft {
  return {
    name,
    recurring: false,
    streamId: '',
    shaping: 'RETRIEVAL_WINDOW',
    retrievalWindowS: 30,
    peakTps: 5,
    eventId: '',
    // The demo channel's breaks are 20 s.
    availSeconds: 20,
    retrievalStartS: 0,
    retrievalEndS: 60,
    consumptionStartS: 0,
    consumptionEndS: 600,
    recurringStartS: 0,
    recurringEndS: 3600,
    delayAfterAvailEndS: 10,
    adExpiryS: 600,
  };
}

/** prefetch-<n>, one past the highest n in use (so a deleted schedule's name is not reused at once). */
export function nextScheduleName(existing: readonly string[]): string {
  const used = existing.map((n) => /^prefetch-(\d+)$/.exec(n)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return `prefetch-${Math.max(0, ...used) + 1}`;
}

export interface CreatePrefetchScheduleBody {
  ScheduleType: 'SINGLE' | 'RECURRING';
  StreamId?: string;
  Retrieval?: TrafficShapingFields & { StartTime: number; EndTime: number; DynamicVariables?: Record<string, string> };
  Consumption?: { StartTime: number; EndTime: number; AvailMatchingCriteria?: AvailMatchingCriteria[] };
  RecurringPrefetchConfiguration?: {
    StartTime: number;
    EndTime: number;
    RecurringConsumption: { RetrievedAdExpirationSeconds: number; AvailMatchingCriteria?: AvailMatchingCriteria[] };
    RecurringRetrieval: TrafficShapingFields & { DelayAfterAvailEndSeconds: number; DynamicVariables?: Record<string, string> };
  };
}

export type PrefetchRequest = { ok: true; name: string; body: CreatePrefetchScheduleBody } | { ok: false; error: string };

/** The body for POST /prefetchSchedule/{config}/{name}. Only what the form cannot send at all is refused here;
 *  limits and time rules are the engine's to judge (its 400 message is shown as it is). */
export function prefetchRequest(d: PrefetchDraft, nowMs: number): PrefetchRequest {
  const name = d.name.trim();
  if (!name) return { ok: false, error: 'A schedule needs a name' };
  const numbers = [d.availSeconds, d.retrievalWindowS, d.peakTps, d.retrievalStartS, d.retrievalEndS, d.consumptionStartS, d.consumptionEndS, d.recurringStartS, d.recurringEndS, d.delayAfterAvailEndS, d.adExpiryS];
  if (numbers.some((n) => !Number.isFinite(n))) return { ok: false, error: 'Every time field needs a number' };
  const at = (offsetS: number) => Math.floor(nowMs / 1000) + Math.round(offsetS);
  const eventId = d.eventId.trim();
  const criteria = eventId ? { AvailMatchingCriteria: [{ DynamicVariable: EVENT_ID_VARIABLE, Operator: 'EQUALS' as const }] } : {};
  const vars: Record<string, string> = {};
  if (eventId) vars[EVENT_ID_VARIABLE] = eventId;
  if (d.availSeconds > 0) vars[DURATION_VARIABLE] = String(Math.round(d.availSeconds));
  const variables = Object.keys(vars).length ? { DynamicVariables: vars } : {};
  const shaping: TrafficShapingFields =
    d.shaping === 'TPS'
      ? { TrafficShapingType: 'TPS', TrafficShapingTpsConfiguration: { PeakTps: Math.round(d.peakTps) } }
      : { TrafficShapingType: 'RETRIEVAL_WINDOW', TrafficShapingRetrievalWindow: { RetrievalWindowDurationSeconds: Math.round(d.retrievalWindowS) } };
  const stream = d.streamId ? { StreamId: d.streamId } : {};
  if (d.recurring) {
    return {
      ok: true,
      name,
      body: {
        ScheduleType: 'RECURRING',
        ...stream,
        RecurringPrefetchConfiguration: {
          StartTime: at(d.recurringStartS),
          EndTime: at(d.recurringEndS),
          RecurringConsumption: { RetrievedAdExpirationSeconds: Math.round(d.adExpiryS), ...criteria },
          RecurringRetrieval: { DelayAfterAvailEndSeconds: Math.round(d.delayAfterAvailEndS), ...variables, ...shaping },
        },
      },
    };
  }
  return {
    ok: true,
    name,
    body: {
      ScheduleType: 'SINGLE',
      ...stream,
      Retrieval: { StartTime: at(d.retrievalStartS), EndTime: at(d.retrievalEndS), ...variables, ...shaping },
      Consumption: { StartTime: at(d.consumptionStartS), EndTime: at(d.consumptionEndS), ...criteria },
    },
  };
}
