// What the beacon log highlights about one beacon, in one word: the state the engine reports, refined by the
// verdict's judgement (missing = owed and never fired; early/late against the playhead; duplicate reports).
import type { BeaconEntry, BeaconLog } from '../../shared/beacons';

export type BeaconFlag = 'fired' | 'failed' | 'in-flight' | 'pending' | 'missing' | 'early' | 'late' | 'duplicate';

export function beaconFlag(b: BeaconEntry): BeaconFlag {
  if (b.missing) return 'missing';
  if (b.state === 'failed') return 'failed';
  if (b.state === 'in-flight') return 'in-flight';
  if (b.state === 'not-fired') return 'pending';
  if ((b.duplicates ?? 0) > 0) return 'duplicate';
  if (b.timing?.verdict === 'early') return 'early';
  if (b.timing?.verdict === 'late') return 'late';
  return 'fired';
}

export const PROBLEM_FLAGS: BeaconFlag[] = ['missing', 'failed', 'early', 'late', 'duplicate'];

export function flagCounts(log: BeaconLog): Record<BeaconFlag, number> {
  const counts: Record<BeaconFlag, number> = { fired: 0, failed: 0, 'in-flight': 0, pending: 0, missing: 0, early: 0, late: 0, duplicate: 0 };
  for (const a of log.avails) for (const ad of a.ads) for (const b of ad.beacons) counts[beaconFlag(b)]++;
  return counts;
}
