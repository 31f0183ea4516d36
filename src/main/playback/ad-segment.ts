// What the HLS and DASH ad segment routes share: finding the session's decided avail, and the one
// `segment.served` event per ad segment request (where server-side beacons will hook in).
import type { AvailDecision } from '../avails/types.js';
import { HttpError } from '../http/errors.js';
import type { Session } from '../sessions/types.js';
import { checkAccount, findSession, type SessionDeps } from './sessions.js';

export async function decidedAvail(deps: SessionDeps, p: { acct: string; session: string; key: string }): Promise<{ session: Session; decision: AvailDecision }> {
  checkAccount(deps, p.acct);
  const session = await findSession(deps, p.session);
  const decision = session.decided.get(Number(p.key));
  if (!decision) throw new HttpError(404, `Session ${session.id} has no avail ${p.key}`);
  return { session, decision };
}

export function adSegmentServed(deps: SessionDeps, sessionId: string, url: string, t0: number, status: number, bytes: number): void {
  deps.bus.emit({
    kind: 'segment.served',
    sessionId,
    path: url.split('?')[0]!,
    source: 'stitcher',
    ad: true,
    status,
    ms: Math.round((performance.now() - t0) * 100) / 100,
    bytes,
  });
}

/** Which tracks' ad segments fire beacons: video (or muxed variants); audio only when the content has no video.
 *  Audio and subtitle segments of the same ad would otherwise fire them early or twice over. */
export function drivesBeacons(session: Session, track: number): boolean {
  if (session.format === 'dash') {
    const sets = session.dashSets ?? [];
    const type = sets.find((s) => s.n === track)?.contentType;
    return type === 'video' || (type === 'audio' && !sets.some((s) => s.contentType === 'video'));
  }
  const kind = session.tracks.find((t) => t.n === track)?.kind;
  const hasVideo = session.tracks.some((t) => t.kind === 'variant' || t.kind === 'video');
  return kind === 'variant' || kind === 'video' || (kind === 'audio' && !hasVideo);
}
