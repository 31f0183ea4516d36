// The QA verdict is recomputed every 2–3 s while the bench UI is open (header badge + verdict panel), so it must
// stay cheap on a long live session. Fixture: 2 h of live with a 40 s avail every 50 s (144 avails × 2 ads × 6
// beacons = 1728 beacons, all fired), the observation cap of 5000 playhead samples, and a 60-segment stitched
// playlist per track. Baseline in the same run: JSON.stringify of the beacon report (what answering costs anyway).
import type { AvailDecision } from '../src/main/avails/types.js';
import type { Evidence } from '../src/main/verdict/evidence.js';
import { playheadTrack } from '../src/main/verdict/playhead.js';
import { judge } from '../src/main/verdict/verdict.js';
import type { BeaconAvail, BeaconReport } from '../src/shared/beacons.js';
import type { PlayerObservation } from '../src/shared/player-report.js';

const T0 = 1_800_000_000_000;
const AVAILS = 144;
const EVENTS: [string, number][] = [['impression', 0], ['start', 0], ['firstQuartile', 5], ['midpoint', 10], ['thirdQuartile', 15], ['complete', 20]];

const avails: BeaconAvail[] = [];
const decisions: AvailDecision[] = [];
for (let i = 0; i < AVAILS; i++) {
  const start = 20 + i * 50;
  avails.push({
    availId: String(i),
    key: i,
    startSeconds: start,
    ads: [0, 1].map((item) => ({
      item,
      adId: `ad${item}`,
      title: null,
      startSeconds: start + item * 20,
      durationSeconds: 20,
      beacons: EVENTS.map(([event, off]) => {
        const due = start + item * 20 + off;
        return { id: `${i}/${item}/${event}`, event, offsetSeconds: off, dueAtSeconds: due, urls: ['http://ads/t'], state: 'fired' as const, sender: 'server' as const, firedAt: T0 + due * 1000 - 8000, trigger: 'seg', results: [{ url: 'http://ads/t', status: 200, ms: 3, attempts: 1, at: 0 }] };
      }),
    })),
  });
  decisions.push({ key: i, availId: String(i), index: i, durationSeconds: 40, startOffset: 0, items: [0, 1].map((k) => ({ kind: 'ad', adId: `ad${k}`, offset: k * 20, duration: 20 })), filledSeconds: 40, slateSeconds: 0, skipped: [], decidedAt: T0 } as unknown as AvailDecision);
}
const report: BeaconReport = { sessionId: 'bench', reportingMode: 'server', summary: { expected: AVAILS * 12, fired: AVAILS * 12, failed: 0, 'in-flight': 0, 'not-fired': 0 }, avails };
// 5000 samples over 2 h: one every ~1.44 s.
const observations: PlayerObservation[] = Array.from({ length: 5000 }, (_, i) => ({ type: 'position' as const, at: T0 + i * 1440, position: i * 1.44 }));
const playlist = ['#EXTM3U', '#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:3000'];
for (let s = 0; s < 60; s++) {
  if (s === 20 || s === 30) playlist.push('#EXT-X-DISCONTINUITY');
  playlist.push('#EXTINF:2.000,', s >= 20 && s < 30 ? `/v1/segment/a/s/0/7/0/${s}.ts` : `c${s}.ts`);
}
const ev: Evidence = {
  sessionId: 'bench', format: 'hls', live: true, reportingMode: 'server', avails: decisions, availStarts: new Map(avails.map((a) => [a.key, a.startSeconds!])), beacons: report, observations,
  playhead: playheadTrack(observations, false, 'hls'),
  manifests: { latest: [0, 1].map((t) => ({ track: String(t), text: playlist.join('\n') })), findings: [] },
};

function rate(fn: () => void, ms = 1500): { opsPerSec: number; msPerOp: number } {
  for (let i = 0; i < 5; i++) fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    fn();
    n++;
  }
  const el = performance.now() - start;
  return { opsPerSec: (n / el) * 1000, msPerOp: el / n };
}

const verdict = judge(ev, T0);
if (verdict.status !== 'pass') throw new Error(`fixture should pass: ${JSON.stringify(verdict.checks.filter((c) => c.status === 'fail'))}`);
const base = rate(() => JSON.stringify(report));
const full = rate(() => judge(ev, T0));
const track = rate(() => playheadTrack(observations, false, 'hls'));
console.log('verdict (2 h live: 144 avails, 1728 beacons, 5000 playhead samples)');
console.log(`  baseline JSON.stringify(beacon report)  ${base.msPerOp.toFixed(2)} ms`);
console.log(`  judge (11 checks)                       ${full.msPerOp.toFixed(2)} ms   ${(full.msPerOp / base.msPerOp).toFixed(2)}× baseline`);
console.log(`  playhead track from observations        ${track.msPerOp.toFixed(2)} ms`);
