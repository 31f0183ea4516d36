// The pure rules of a prefetch schedule: its windows on the wall clock, its phase, when the traffic shaper places
// one session's ADS call, and whether an avail matches the schedule's criteria.
import type { AvailMatchingCriteria, PrefetchSchedule, PrefetchScheduleView, TrafficShapingFields } from '../../shared/prefetch.js';

export interface Window {
  start: number;
  end: number;
}

/** Retrieval and consumption windows in epoch ms. A recurring schedule retrieves and consumes across its whole window. */
export function windowsOf(s: PrefetchSchedule): { retrieval: Window; consumption: Window } {
  const ms = (t: number | undefined, fallback: number) => Math.round((t ?? fallback) * 1000);
  if (s.ScheduleType === 'RECURRING' && s.RecurringPrefetchConfiguration) {
    const r = s.RecurringPrefetchConfiguration;
    const w = { start: ms(r.StartTime, 0), end: ms(r.EndTime, 0) };
    return { retrieval: w, consumption: { ...w } };
  }
  const r = s.Retrieval!;
  const c = s.Consumption!;
  return { retrieval: { start: ms(r.StartTime, 0), end: ms(r.EndTime, 0) }, consumption: { start: ms(c.StartTime, r.StartTime ?? 0), end: ms(c.EndTime, 0) } };
}

export function phaseAt(s: PrefetchSchedule, now: number): PrefetchScheduleView['phase'] {
  const w = windowsOf(s);
  if (now >= w.consumption.end && now >= w.retrieval.end) return 'done';
  if (now >= w.retrieval.start && now < w.retrieval.end) return 'retrieving';
  if (now >= w.consumption.start && now < w.consumption.end) return 'consuming';
  return now < w.retrieval.start ? 'waiting' : 'consuming';
}

export function shapingOf(s: PrefetchSchedule): TrafficShapingFields {
  return s.ScheduleType === 'RECURRING' ? (s.RecurringPrefetchConfiguration?.RecurringRetrieval ?? {}) : (s.Retrieval ?? {});
}

export function retrievalVariables(s: PrefetchSchedule): Record<string, string> {
  return (s.ScheduleType === 'RECURRING' ? s.RecurringPrefetchConfiguration?.RecurringRetrieval.DynamicVariables : s.Retrieval?.DynamicVariables) ?? {};
}

export function criteriaOf(s: PrefetchSchedule): AvailMatchingCriteria[] {
  return (s.ScheduleType === 'RECURRING' ? s.RecurringPrefetchConfiguration?.RecurringConsumption.AvailMatchingCriteria : s.Consumption?.AvailMatchingCriteria) ?? [];
}

/**
 * When one session's ADS call is made. RETRIEVAL_WINDOW: a uniformly random moment in the first
 * RetrievalWindowDurationSeconds of what is left of the window (MediaTailor spreads calls randomly over it).
 * TPS: a queue, each call 1/PeakTps s after the schedule's previous one (`previousAt`), so no second sees more than
 * PeakTps calls. No shaping: at once. Undefined when that falls after the window's end (too late to fetch).
 */
export function shapedCallAt(window: Window, from: number, shaping: TrafficShapingFields, previousAt: number | undefined, random: () => number): number | undefined {
  const start = Math.max(window.start, from);
  if (start >= window.end) return undefined;
  let at = start;
  if (shaping.TrafficShapingType === 'RETRIEVAL_WINDOW' && shaping.TrafficShapingRetrievalWindow) {
    const span = Math.min(shaping.TrafficShapingRetrievalWindow.RetrievalWindowDurationSeconds * 1000, window.end - start);
    at = start + Math.floor(random() * span);
  } else if (shaping.TrafficShapingType === 'TPS' && shaping.TrafficShapingTpsConfiguration && previousAt !== undefined) {
    at = Math.max(start, previousAt + Math.ceil(1000 / shaping.TrafficShapingTpsConfiguration.PeakTps));
  }
  return at < window.end ? at : undefined;
}

/** EQUALS: the avail's value of each variable is the one the ads were retrieved with. No criteria: any avail. */
export function availMatches(criteria: AvailMatchingCriteria[], retrieved: Record<string, string>, avail: Record<string, string>): boolean {
  return criteria.every((c) => Object.hasOwn(avail, c.DynamicVariable) && avail[c.DynamicVariable] === retrieved[c.DynamicVariable]);
}
