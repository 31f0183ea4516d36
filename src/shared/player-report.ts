// What a player (the bench's hls.js / dash.js, or `stitchbench check`) reports about its own playback, so the
// engine can judge a session on what actually played: stalls, discontinuities, period switches, errors, and the
// playhead over wall time (which is how the verdict tells an early beacon from a late one).

export type PlayerObservationType =
  | 'position'
  | 'stall'
  | 'discontinuity'
  | 'period'
  | 'level'
  | 'ad-start'
  | 'ad-end'
  | 'error'
  | 'seek'
  | 'ended';

export interface PlayerObservation {
  type: PlayerObservationType;
  /** Wall-clock time (epoch ms) it happened at the player. */
  at: number;
  /** Playhead (media element currentTime, seconds) at that moment. */
  position: number;
  /** HLS: EXT-X-PROGRAM-DATE-TIME of the playhead (epoch ms) when the stream has one; maps live playheads to the
   *  session's timeline. */
  pdtMs?: number;
  /** stall: how long playback waited. */
  durationMs?: number;
  /** ad-start/ad-end: the avail (HLS avail key or availId, DASH availId). */
  availId?: string;
  /** error: fatal errors stop playback. */
  fatal?: boolean;
  /** Free text: the level switched to, the Period id, the error message … */
  detail?: string;
  /** Which player reported it (set by the engine from the report; two players may share a session). */
  player?: string;
}

/** Body of POST /api/sessions/{id}/player. */
export interface PlayerReport {
  /** Which player: hls.js, dash.js, native, check … */
  player: string;
  observations: PlayerObservation[];
}
