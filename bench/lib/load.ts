// A small closed-loop HTTP load generator (undici Pool): N connections each issuing requests back to back
// for a fixed time; reports requests/s and latency percentiles. Enough to compare two routes of one server.
import { Pool } from 'undici';

export interface LoadResult {
  name: string;
  connections: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export async function load(name: string, origin: string, path: string, connections: number, durationMs = 3000): Promise<LoadResult> {
  const pool = new Pool(origin, { connections, pipelining: 1 });
  const samples: number[] = [];
  let errors = 0;
  const end = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const res = await pool.request({ method: 'GET', path });
        await res.body.text();
        if (res.statusCode !== 200) errors++;
      } catch {
        errors++;
      }
      samples.push(performance.now() - t0);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - start) / 1000;
  await pool.close();
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))] ?? 0;
  return { name, connections, rps: samples.length / elapsed, p50Ms: pct(0.5), p99Ms: pct(0.99), errors };
}

export function reportLoad(rows: LoadResult[], baselineFor: (r: LoadResult) => LoadResult): void {
  console.log(`${'case'.padEnd(46)} ${'conns'.padStart(5)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'× baseline rps'.padStart(15)}`);
  for (const r of rows) {
    const b = baselineFor(r);
    console.log(`${r.name.padEnd(46)} ${String(r.connections).padStart(5)} ${r.rps.toFixed(0).padStart(8)} ${r.p50Ms.toFixed(2).padStart(8)} ${r.p99Ms.toFixed(2).padStart(8)} ${(r.rps / b.rps).toFixed(2).padStart(15)}${r.errors ? `  (${r.errors} errors)` : ''}`);
  }
}
