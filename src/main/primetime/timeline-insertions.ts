// A session's pttimeline as VOD insertions: one avail (one ADS request through the normal avail path, so ADS
// parameters and [session.avail_duration_secs] apply) per break that asks for ads. A post-roll goes at the
// content's end; breaks the content does not reach are skipped (the timeline may be longer than the asset).
import type { AvailDecider } from '../avails/decide.js';
import type { VodInsertion } from '../avails/types.js';
import type { Session } from '../sessions/types.js';
import { inserts, type TimelineBreak } from './timeline.js';

export function timelineInsertions(session: Session, breaks: TimelineBreak[], contentSeconds: number, decider: AvailDecider): VodInsertion[] {
  const out: VodInsertion[] = [];
  breaks.forEach((b, i) => {
    if (!inserts(b)) return; // position n or 0 ads: an empty slot, nothing to ask for
    const atSeconds = b.placement === 'post' ? contentSeconds : b.atSeconds;
    if (atSeconds > contentSeconds + 0.001) return;
    // Negative keys, as VMAP insertions (a session has one or the other); i counts the timeline's breaks.
    const key = -(i + 1);
    const availId = `pttimeline-${i + 1}`;
    const decision = decider.decide(session, { key, availId, live: false, maxAds: b.maxAds, ...(b.durationSeconds !== undefined ? { durationSeconds: b.durationSeconds } : {}) });
    out.push({ key, atSeconds, decision });
  });
  return out;
}
