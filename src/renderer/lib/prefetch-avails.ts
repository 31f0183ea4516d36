// What prefetching did for a session's avails: where each avail's ads came from (a prefetch or an ADS call at
// break time), the ADS latency prefetching spared it, and where schedules' consumption windows fall on a live
// session's timeline. Pure.
import type { PrefetchScheduleView } from '../../shared/prefetch';
import type { AvailView } from '../../shared/session-view';
import { latencyStats } from './percentiles';
import type { Range } from './timeline-layout';

export interface AvailSource {
  kind: 'prefetch' | 'live';
  label: string;
  title: string;
}

/** "prefetch" (naming its schedule) or "live ADS" (with its time); null when no ADS answered for it at all. */
export function availSource(a: Pick<AvailView, 'adsMs' | 'prefetch'>): AvailSource | null {
  if (a.prefetch) {
    const avoided = Math.round(a.prefetch.adsMsAvoided);
    return { kind: 'prefetch', label: 'prefetch', title: `ads prefetched by schedule ${a.prefetch.schedule}, retrieved at ${new Date(a.prefetch.retrievedAt).toISOString()} · ${avoided} ms ADS latency avoided` };
  }
  if (a.adsMs === null) return null;
  return { kind: 'live', label: 'live ADS', title: `ADS called at break time: ${Math.round(a.adsMs)} ms` };
}

export interface PrefetchSavings {
  avails: number;
  totalMs: number;
  p50Ms: number;
}

/** ADS latency avoided over the avails prefetching filled; null when none was. */
export function prefetchSavings(avails: readonly Pick<AvailView, 'prefetch'>[]): PrefetchSavings | null {
  const ms = avails.map((a) => a.prefetch?.adsMsAvoided).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const stats = latencyStats(ms.map((v) => ({ ms: v })));
  if (!stats) return null;
  return { avails: stats.count, totalMs: ms.reduce((s, v) => s + v, 0), p50Ms: stats.p50 };
}

export interface ConsumptionBand {
  name: string;
  phase: PrefetchScheduleView['phase'];
  /** Fractions 0..1 of the timeline's width. */
  left: number;
  width: number;
  /** Session seconds, unclipped (for the tooltip). */
  from: number;
  to: number;
}

/** Consumption windows (epoch ms) on a session timeline whose second 0 is `timeZeroMs`; clipped to the range,
 *  windows wholly outside it dropped. */
export function consumptionBands(schedules: readonly PrefetchScheduleView[], timeZeroMs: number, r: Range): ConsumptionBand[] {
  const span = r.to - r.from;
  if (!(span > 0)) return [];
  const out: ConsumptionBand[] = [];
  for (const s of schedules) {
    const from = (s.windows.consumption.start - timeZeroMs) / 1000;
    const to = (s.windows.consumption.end - timeZeroMs) / 1000;
    if (to <= r.from || from >= r.to) continue;
    const left = (Math.max(from, r.from) - r.from) / span;
    const right = (Math.min(to, r.to) - r.from) / span;
    out.push({ name: s.schedule.Name, phase: s.phase, left, width: right - left, from, to });
  }
  return out;
}
