// The playhead over wall time, on the session's timeline: when did playback reach second t of the session, and
// did it play through t at all (a seek over an ad, or joining a live stream after it, means its beacons were never
// owed)? VOD and DASH players' currentTime is already on the session's timeline; a live HLS player's is not, so its
// samples map through PROGRAM-DATE-TIME to the session's time zero. Each player that reported is tracked on its own
// (two players can share a session); "reached" means any of them did.
import type { PlayerObservation } from '../../shared/player-report.js';

export interface PlayheadSample {
  /** Wall clock, epoch ms. */
  at: number;
  /** Seconds on the session's timeline. */
  t: number;
  /** The first sample after a seek (or a jump backwards): no continuous playback from the previous one. */
  jump?: boolean;
}

interface PlayerTrack {
  samples: PlayheadSample[];
  /** Running maximum of samples[].t: monotone, so "first sample at or past t" is a binary search. */
  reach: number[];
  /** Spans of the timeline played continuously, sorted and merged. */
  played: [number, number][];
}

export interface PlayheadTrack {
  players: PlayerTrack[];
  /** Furthest point reached, or null without samples. */
  maxT: number | null;
  /** Samples over all players (for "is there any"). */
  samples: number;
  /** Why samples could not be placed on the session's timeline, when they could not. */
  unmapped?: string;
}

/** How far either side of a sample counts as played (a player samples every ~250 ms). */
const SLACK_S = 0.25;

export function playheadTrack(observations: readonly PlayerObservation[], live: boolean, format: 'hls' | 'dash', timeZeroPdtMs?: number): PlayheadTrack {
  const byPlayer = new Map<string, PlayheadSample[]>();
  let unmapped: string | undefined;
  let seekPending = new Set<string>();
  for (const o of observations) {
    const who = o.player ?? '';
    let list = byPlayer.get(who);
    if (!list) byPlayer.set(who, (list = []));
    if (o.type === 'seek') {
      seekPending.add(who);
      continue;
    }
    let t: number | undefined = o.position;
    if (live && format === 'hls') {
      if (o.pdtMs === undefined || timeZeroPdtMs === undefined) {
        unmapped = 'live HLS playhead without PROGRAM-DATE-TIME cannot be placed on the session timeline';
        t = undefined;
      } else t = (o.pdtMs - timeZeroPdtMs) / 1000;
    }
    if (t === undefined || !Number.isFinite(t)) continue;
    const prev = list.at(-1);
    const jump = seekPending.has(who) || (prev !== undefined && t < prev.t - SLACK_S);
    seekPending.delete(who);
    list.push({ at: o.at, t, ...(jump ? { jump } : {}) });
  }
  seekPending = new Set();
  const players = [...byPlayer.values()].filter((s) => s.length > 0).map(trackOf);
  const all = players.flatMap((p) => p.reach.slice(-1));
  return {
    players,
    maxT: all.length ? Math.max(...all) : null,
    samples: players.reduce((n, p) => n + p.samples.length, 0),
    ...(players.length === 0 && unmapped ? { unmapped } : {}),
  };
}

function trackOf(samples: PlayheadSample[]): PlayerTrack {
  // Reports arrive in order per player; sorting keeps a late batch harmless.
  samples.sort((a, b) => a.at - b.at);
  const reach: number[] = [];
  let max = -Infinity;
  for (const s of samples) reach.push((max = Math.max(max, s.t)));
  const spans: [number, number][] = [];
  samples.forEach((s, i) => {
    const prev = samples[i - 1];
    spans.push(prev && !s.jump && s.t >= prev.t ? [prev.t, s.t] : [s.t, s.t]);
  });
  spans.sort((a, b) => a[0] - b[0]);
  const played: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = played.at(-1);
    if (last && a <= last[1] + 1e-6) last[1] = Math.max(last[1], b);
    else played.push([a, b]);
  }
  return { samples, reach, played };
}

/** The first merged played span that reaches t (its end, with slack, at or after t); spans are sorted. */
function spanReaching(played: readonly [number, number][], t: number): [number, number] | undefined {
  let lo = 0;
  let hi = played.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (played[mid]![1] + SLACK_S < t) lo = mid + 1;
    else hi = mid;
  }
  return played[lo];
}

/** Did some player play through second t of the session (not skip it by seeking, not join after it)? */
export function playedThrough(track: PlayheadTrack, t: number): boolean {
  return track.players.some(({ played }) => {
    const span = spanReaching(played, t);
    return span !== undefined && span[0] - SLACK_S <= t;
  });
}

/**
 * Did one played span run from at or before `from` on to `to`? Unlike playedThrough, no slack before `from`: a player
 * that joined a moment after a beacon's time never played it (and, server-side, never asked for its segment).
 */
export function playedAcross(track: PlayheadTrack, from: number, to: number): boolean {
  return track.players.some(({ played }) => {
    const span = spanReaching(played, to);
    return span !== undefined && span[0] <= from + JOIN_EPSILON_S;
  });
}

/** Float noise between a join position and a beacon time that are the same moment. */
const JOIN_EPSILON_S = 0.01;

/** Wall time (epoch ms) when the playhead first reached t, interpolated between samples; undefined if no player
 *  did. The earliest over all players. */
export function wallTimeAt(track: PlayheadTrack, t: number): number | undefined {
  let best: number | undefined;
  for (const p of track.players) {
    const at = firstReach(p, t);
    if (at !== undefined && (best === undefined || at < best)) best = at;
  }
  return best;
}

function firstReach({ samples: s, reach }: PlayerTrack, t: number): number | undefined {
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
  // Before the first sample, or right after a seek: the sample itself is the best we know.
  if (!prev || cur.jump || prev.t > t) return cur.at;
  const span = cur.t - prev.t;
  return span <= 0 ? cur.at : prev.at + ((t - prev.t) / span) * (cur.at - prev.at);
}
