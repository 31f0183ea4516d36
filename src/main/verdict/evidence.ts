// Everything the verdict judges, gathered from a session in one plain object so the checks stay pure functions
// (and tests can hand them evidence built by hand).
import type { AvailDecision } from '../avails/types.js';
import type { Session } from '../sessions/types.js';
import type { BeaconReport } from '../../shared/beacons.js';
import type { PlayerObservation } from '../../shared/player-report.js';
import { beaconReport } from '../tracking/report.js';
import { playheadTrack, type PlayheadTrack } from './playhead.js';

/** A manifest lint finding (see src/main/inspect): only the fields the verdict reads. */
export interface ManifestFinding {
  rule: string;
  severity: 'error' | 'warn' | 'info';
  message: string;
  source?: 'origin' | 'stitched';
  track?: string;
}

/** The stitched manifests as served, newest refresh per track, plus lint findings over all refreshes. */
export interface ManifestEvidence {
  latest: { track: string; text: string }[];
  findings: ManifestFinding[];
}

export interface Evidence {
  sessionId: string;
  format: 'hls' | 'dash';
  live: boolean;
  reportingMode: 'server' | 'client';
  /** Settled decisions in break order. */
  avails: AvailDecision[];
  /** Avail key → where it starts on the session's timeline. */
  availStarts: Map<number, number>;
  beacons: BeaconReport;
  observations: readonly PlayerObservation[];
  playhead: PlayheadTrack;
  manifests?: ManifestEvidence;
}

export function gatherEvidence(session: Session, observations: readonly PlayerObservation[], manifests?: ManifestEvidence): Evidence {
  const availStarts = new Map<number, number>();
  for (const [key, t] of session.availTimes ?? []) availStarts.set(key, t.start);
  return {
    sessionId: session.id,
    format: session.format,
    live: session.live ?? false,
    reportingMode: session.request.reportingMode,
    avails: [...session.decided.values()].sort((a, b) => a.key - b.key),
    availStarts,
    beacons: beaconReport(session),
    observations,
    playhead: playheadTrack(observations, session.live ?? false, session.format, session.timeZeroPdtMs),
    ...(manifests ? { manifests } : {}),
  };
}
