// `stitchbench check`: play a session headlessly like a player, let the engine judge it with the same checks
// as the bench UI, print the verdict, optionally write JUnit/JSON, and exit 0 (pass) or 1 (fail).
import { writeFile } from 'node:fs/promises';
import type { BeaconReport } from '../../shared/beacons.js';
import type { Verdict } from '../../shared/verdict.js';
import { ClientBeacons } from '../../shared/client-beacons.js';
import { formatVerdict } from './format.js';
import { openDash } from './dash-player.js';
import { openHls } from './hls-player.js';
import { playSegments } from './virtual-player.js';
import { ObservationReporter } from './reporter.js';
import { CheckError, resolveTarget } from './target.js';

export interface CheckOptions {
  url: string;
  durationS?: number;
  speed: number;
  asset: string;
  reportingMode: 'server' | 'client';
  junitFile?: string;
  jsonFile?: string;
  color: boolean;
  out(line: string): void;
}

export interface CheckOutcome {
  exitCode: 0 | 1 | 2;
  verdict?: Verdict;
  sessionId?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Beacons still in flight (a slow or dead host retries for up to ~10 s) are waited for, so they are judged. */
async function settleBeacons(base: string, sessionId: string, maxMs = 15_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${base}/api/sessions/${sessionId}/beacons`).catch(() => undefined);
    if (!res || res.status !== 200) return;
    const r = (await res.json()) as BeaconReport;
    if (r.summary['in-flight'] === 0) return;
    await sleep(200);
  }
}

export async function runCheck(o: CheckOptions): Promise<CheckOutcome> {
  const t0 = Date.now();
  try {
    const target = await resolveTarget(o.url, { asset: o.asset, reportingMode: o.reportingMode });
    const client = target.explicit ? new ClientBeacons(target.explicit.trackingUrl, `${target.base}/api/sessions/${target.explicit.sessionId}/beacons`) : undefined;
    await client?.poll(0);
    const log = (line: string) => o.out(`stitchbench check: ${line}`);
    const opened = target.format === 'dash' ? await openDash(target.playbackUrl, log) : await openHls(target.playbackUrl, log);
    const reporter = new ObservationReporter(target.base, opened.sessionId);
    const flusher = setInterval(() => void reporter.flush(), 1000);
    let result;
    try {
      result = await playSegments(opened.feed, {
        ...(o.durationS !== undefined ? { durationS: o.durationS } : {}),
        speed: o.speed,
        bufferAheadS: 30,
        report: (ob) => reporter.add(ob),
        onPlayhead: (p, pdt) => client?.tick(p, pdt),
      });
    } finally {
      clearInterval(flusher);
    }
    await reporter.flush();
    const sessionId = opened.sessionId;
    await settleBeacons(target.base, sessionId);
    const mode = target.explicit ? 'client-side' : 'server-side';
    const ttfb = [...result.ttfb].sort((a, b) => a - b);
    const p = (q: number) => ttfb[Math.min(ttfb.length - 1, Math.floor(q * ttfb.length))] ?? 0;
    o.out(
      `stitchbench check: played ${result.played.toFixed(1)} s (${target.format.toUpperCase()} ${opened.feed.live ? 'live' : 'VOD'}, ${mode} beacons) in ${((Date.now() - t0) / 1000).toFixed(1)} s: ` +
        `${result.segments} segments (${result.adSegments} ad), ${result.stalls} stalls, segment TTFB p50 ${p(0.5)} ms p95 ${p(0.95)} ms` +
        (client ? `, ${client.sent} client beacons reported${client.errors.length ? ` (${client.errors.length} errors: ${client.errors[0]})` : ''}` : ''),
    );
    const vres = await fetch(`${target.base}/api/sessions/${sessionId}/verdict`);
    if (vres.status !== 200) throw new CheckError(`the verdict could not be read: ${vres.status} ${(await vres.text()).slice(0, 200)}`);
    const verdict = (await vres.json()) as Verdict;
    o.out(formatVerdict(verdict, o.color));
    if (o.junitFile) {
      const j = await fetch(`${target.base}/api/sessions/${sessionId}/verdict?format=junit`);
      await writeFile(o.junitFile, await j.text());
      o.out(`stitchbench check: JUnit written to ${o.junitFile}`);
    }
    if (o.jsonFile) await writeFile(o.jsonFile, `${JSON.stringify(verdict, null, 2)}\n`);
    return { exitCode: verdict.status === 'pass' ? 0 : 1, verdict, sessionId };
  } catch (e) {
    if (e instanceof CheckError) {
      o.out(`stitchbench check: ${e.message}`);
      return { exitCode: 2 };
    }
    throw e;
  }
}
