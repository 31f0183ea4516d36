// p50/p95/max of a latency series (nearest-rank, what MediaTailor's CloudWatch percentiles approximate).
export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  max: number;
  timeouts: number;
}

export function latencyStats(points: readonly { ms: number; timeout?: boolean }[]): LatencyStats | null {
  if (points.length === 0) return null;
  const sorted = points.map((p) => p.ms).sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { count: sorted.length, p50: rank(0.5), p95: rank(0.95), max: sorted.at(-1)!, timeouts: points.filter((p) => p.timeout).length };
}
