// The playhead over wall time, on the session's timeline: when did playback reach second t of the session? That
// is what tells an early beacon from a late one. VOD and DASH players' currentTime is already on the session's
// timeline; a live HLS player's is not, so its samples map through PROGRAM-DATE-TIME to the session's time zero.
import type { PlayerObservation } from '../../shared/player-report.js';

export interface PlayheadSample {
  /** Wall clock, epoch ms. */
  at: number;
  /** Seconds on the session's timeline. */
  t: number;
}

export interface PlayheadTrack {
  samples: PlayheadSample[];
  /** Running maximum of samples[].t: monotone, so "first sample at or past t" is a binary search. */
  reach: number[];
  /** Furthest point reached, or null without samples. */
  maxT: number | null;
  /** Why samples could not be placed on the session's timeline, when they could not. */
  unmapped?: string;
}

export function playheadTrack(observations: readonly PlayerObservation[], live: boolean, format: 'hls' | 'dash', timeZeroPdtMs?: number): PlayheadTrack {
  const samples: PlayheadSample[] = [];
  let unmapped: string | undefined;
  for (const o of observations) {
    let t: number | undefined = o.position;
    if (live && format === 'hls') {
      if (o.pdtMs === undefined || timeZeroPdtMs === undefined) {
        unmapped = 'live HLS playhead without PROGRAM-DATE-TIME cannot be placed on the session timeline';
        t = undefined;
      } else t = (o.pdtMs - timeZeroPdtMs) / 1000;
    }
    if (t !== undefined && Number.isFinite(t)) samples.push({ at: o.at, t });
  }
  samples.sort((a, b) => a.at - b.at);
  const reach: number[] = [];
  let max = -Infinity;
  for (const s of samples) reach.push((max = Math.max(max, s.t)));
  const maxT = samples.length ? max : null;
  return { samples, reach, maxT, ...(samples.length === 0 && unmapped ? { unmapped } : {}) };
}

/** Wall time (epoch ms) when the playhead first reached t, interpolated between samples; undefined if it never did. */
export function wallTimeAt(track: PlayheadTrack, t: number): number | undefined {
  const { samples: s, reach } = track;
  // The first sample at or past t is the first whose running maximum is.
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reach[mid]! >= t) hi = mid;
    else lo = mid + 1;
  }
  const cur = s[lo];
  if (!cur) return undefined;
  const prev = s[lo - 1];
  // Before the first sample, or across a seek backwards/forwards: the sample itself is the best we know.
  if (!prev || prev.t > t || cur.t - prev.t > (cur.at - prev.at) / 1000 + 5) return cur.at;
  const span = cur.t - prev.t;
  return span <= 0 ? cur.at : prev.at + ((t - prev.t) / span) * (cur.at - prev.at);
}
