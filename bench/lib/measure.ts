// Tiny benchmark harness: warm up, then time batches and report ops/s and per-op percentiles.
export interface Measurement {
  name: string;
  opsPerSecond: number;
  p50Us: number;
  p99Us: number;
}

export function measure(name: string, fn: () => unknown, opts: { warmupMs?: number; runMs?: number } = {}): Measurement {
  const warmupEnd = performance.now() + (opts.warmupMs ?? 300);
  while (performance.now() < warmupEnd) fn();
  const samples: number[] = [];
  const end = performance.now() + (opts.runMs ?? 1500);
  let ops = 0;
  const start = performance.now();
  while (performance.now() < end) {
    const t0 = performance.now();
    fn();
    samples.push((performance.now() - t0) * 1000);
    ops++;
  }
  const elapsed = (performance.now() - start) / 1000;
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))] ?? 0;
  return { name, opsPerSecond: ops / elapsed, p50Us: pct(0.5), p99Us: pct(0.99) };
}

export function report(rows: Measurement[], baseline: Measurement): void {
  console.log(`${'case'.padEnd(44)} ${'ops/s'.padStart(10)} ${'p50 µs'.padStart(9)} ${'p99 µs'.padStart(9)} ${'× baseline cost'.padStart(16)}`);
  for (const r of rows) {
    const ratio = baseline.opsPerSecond / r.opsPerSecond;
    console.log(`${r.name.padEnd(44)} ${r.opsPerSecond.toFixed(0).padStart(10)} ${r.p50Us.toFixed(1).padStart(9)} ${r.p99Us.toFixed(1).padStart(9)} ${ratio.toFixed(2).padStart(16)}`);
  }
}
