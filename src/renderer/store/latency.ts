// Latency series per session: MediaTailor's three (manifest processing, origin, ADS) from the event stream, and
// segment time-to-first-byte from the bench's players. Bounded per series; committed in batches like the log.
import { create } from 'zustand';
import type { BenchEvent } from '../../shared/events';
import { batcher } from '../lib/batcher';

export type LatencySeries = 'processing' | 'origin' | 'ads' | 'ttfb';
export const LATENCY_SERIES: LatencySeries[] = ['processing', 'origin', 'ads', 'ttfb'];

export interface LatencyPoint {
  /** Epoch ms. */
  at: number;
  ms: number;
  /** The request gave up (ADS or origin timeout). */
  timeout?: boolean;
  /** Segment TTFB: an ad segment (302 to the creative). */
  ad?: boolean;
}

const MAX_POINTS = 600;
const MAX_SESSIONS = 10;

type Series = Record<LatencySeries, LatencyPoint[]>;

interface LatencyState {
  bySession: Record<string, Series>;
}

export const useLatency = create<LatencyState>()(() => ({ bySession: {} }));

const empty = (): Series => ({ processing: [], origin: [], ads: [], ttfb: [] });

const enqueue = batcher<{ sessionId: string; series: LatencySeries; point: LatencyPoint }>(250, (batch) =>
  useLatency.setState(({ bySession }) => {
    const next = { ...bySession };
    for (const { sessionId, series, point } of batch) {
      const cur = next[sessionId] === bySession[sessionId] ? { ...(next[sessionId] ?? empty()) } : next[sessionId]!;
      cur[series] = [...cur[series], point].slice(-MAX_POINTS);
      next[sessionId] = cur;
    }
    const ids = Object.keys(next);
    for (const old of ids.slice(0, Math.max(0, ids.length - MAX_SESSIONS))) delete next[old];
    return { bySession: next };
  }),
);

export function addLatency(sessionId: string, series: LatencySeries, point: LatencyPoint): void {
  enqueue({ sessionId, series, point });
}

/** Engine events that carry a latency of the stitcher's. */
export function ingestLatencyEvent(e: BenchEvent): void {
  if (!e.sessionId) return;
  if (e.kind === 'manifest.served' && e.source === 'stitcher') {
    if (e.processingMs !== undefined) addLatency(e.sessionId, 'processing', { at: e.at, ms: e.processingMs });
    if (e.originMs !== undefined) addLatency(e.sessionId, 'origin', { at: e.at, ms: e.originMs });
  } else if (e.kind === 'ads.request' && e.side === 'client') {
    addLatency(e.sessionId, 'ads', { at: e.at, ms: e.ms, ...(e.failure === 'timeout' || e.failure === 'budget' ? { timeout: true } : {}) });
  } else if (e.kind === 'origin.fetch' && e.error && /timeout|timed out/i.test(e.error)) {
    addLatency(e.sessionId, 'origin', { at: e.at, ms: e.ms, timeout: true });
  }
}

const NONE: LatencyPoint[] = [];
export function seriesOf(state: LatencyState, sessionId: string | null, series: LatencySeries): LatencyPoint[] {
  return (sessionId && state.bySession[sessionId]?.[series]) || NONE;
}
