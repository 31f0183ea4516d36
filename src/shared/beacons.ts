// Expected vs fired beacons per avail and ad (GET /api/sessions/{id}/beacons): what the beacon log and the verdict read.

export type BeaconState = 'fired' | 'failed' | 'in-flight' | 'not-fired';

export interface BeaconUrlResult {
  url: string;
  /** Last attempt's status; 0 when no response arrived. */
  status: number;
  ms: number;
  attempts: number;
  at: number;
  error?: string;
}

export interface BeaconEntry {
  /** `${availKey}/${item}/${event}[@offset]`. */
  id: string;
  event: string;
  offsetSeconds: number;
  /** When it is due on the session's timeline (null while the avail's place in the output is unknown). */
  dueAtSeconds: number | null;
  urls: string[];
  state: BeaconState;
  sender?: 'server' | 'client';
  firedAt?: number;
  /** The ad segment path that fired it, or "client". */
  trigger?: string;
  results?: BeaconUrlResult[];
  /** Times the player reported it again after it fired (client-side reporting). */
  duplicates?: number;
  /** Beacon log only: fired time vs when the playhead reached its time (needs player reports). */
  timing?: { deltaMs: number; verdict: 'on-time' | 'early' | 'late' };
  /** Beacon log only: owed by now (the playhead passed its time) and never fired. */
  missing?: boolean;
}

export interface BeaconAd {
  item: number;
  adId: string;
  title: string | null;
  startSeconds: number | null;
  durationSeconds: number;
  beacons: BeaconEntry[];
}

export interface BeaconAvail {
  availId: string;
  key: number;
  startSeconds: number | null;
  ads: BeaconAd[];
}

export interface BeaconReport {
  sessionId: string;
  reportingMode: 'server' | 'client';
  summary: { expected: number } & Record<BeaconState, number>;
  avails: BeaconAvail[];
}

/** GET /api/sessions/{id}/beacon-log: the report with each beacon judged (timing, missing) and how far the player got. */
export interface BeaconLog extends BeaconReport {
  playheadSeconds: number | null;
}
