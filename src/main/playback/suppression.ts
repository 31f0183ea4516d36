// AvailSuppression (live only), judged against where the live edge was when the session started:
//  OFF               every avail is filled; one in progress at join is filled from the join point.
//  BEHIND_LIVE_EDGE  avails that started Value or more before the join edge are not filled.
//  AFTER_LIVE_EDGE   avails that started before join edge + Value are not filled (no ads right after tune-in).
// FillPolicy decides the avail in progress at that boundary: PARTIAL_AVAIL fills what is left of it,
// FULL_AVAIL_ONLY leaves it to content.
import type { PlaybackConfiguration } from '../../shared/playback-config.js';

export type Suppression = NonNullable<PlaybackConfiguration['AvailSuppression']>;

export function hmsToSeconds(v: string | undefined): number {
  if (!v) return 0;
  const [h = 0, m = 0, s = 0] = v.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

export interface SuppressionInput {
  /** Seconds between the avail's start and the join edge (> 0: it started before the session). */
  ageSeconds: number;
  /** The avail was already running when the session joined. */
  inProgress: boolean;
}

export function suppressed(s: Suppression | undefined, a: SuppressionInput): boolean {
  const mode = s?.Mode ?? 'OFF';
  if (mode === 'OFF') return false;
  const value = hmsToSeconds(s?.Value);
  const keepPartial = s?.FillPolicy === 'PARTIAL_AVAIL' && a.inProgress;
  if (mode === 'BEHIND_LIVE_EDGE') return a.ageSeconds > 0 && a.ageSeconds >= value && !keepPartial;
  // AFTER_LIVE_EDGE: anything starting before join + Value.
  return a.ageSeconds > -value && !keepPartial;
}
