// The QA verdict: every check over one session's evidence. Pure: evidence in, verdict out.
import type { CheckResult, Verdict } from '../../shared/verdict.js';
import type { Evidence } from './evidence.js';
import { adDurations, adsFilled } from './checks/ads.js';
import { beaconsComplete, beaconsInOrder, beaconsOnce, beaconsOnTime } from './checks/beacons.js';
import { dashPeriodContinuity, mediaSequenceContinuity } from './checks/manifests.js';
import { discontinuitiesPresent, noBoundaryStalls, noFatalErrors } from './checks/playback.js';

const CHECKS: ((ev: Evidence) => CheckResult)[] = [
  adsFilled,
  adDurations,
  beaconsComplete,
  beaconsInOrder,
  beaconsOnTime,
  beaconsOnce,
  discontinuitiesPresent,
  noBoundaryStalls,
  mediaSequenceContinuity,
  dashPeriodContinuity,
  noFatalErrors,
];

export function judge(ev: Evidence, at: number): Verdict {
  const checks = CHECKS.map((c) => c(ev));
  const status = checks.some((c) => c.status === 'fail') ? 'fail' : checks.some((c) => c.status === 'pass') ? 'pass' : 'pending';
  return {
    sessionId: ev.sessionId,
    at,
    status,
    checks,
    scope: {
      format: ev.format,
      live: ev.live,
      reportingMode: ev.reportingMode,
      avails: ev.avails.length,
      ads: ev.beacons.avails.reduce((n, a) => n + a.ads.length, 0),
      beaconsExpected: ev.beacons.summary.expected,
      playheadSeconds: ev.playhead.maxT,
      playerReports: ev.observations.length,
    },
  };
}
