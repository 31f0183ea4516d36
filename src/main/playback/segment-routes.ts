// /v1/segment/…: every ad segment of a stitched playlist comes through here (302 to the creative's segment),
// so the engine sees exactly which ad segments a player fetched — where server-side beacons fire.
import type { FastifyInstance } from 'fastify';
import { emptyWebVtt, plannedSegment, trackPlan } from '../avails/track-plan.js';
import { HttpError } from '../http/errors.js';
import { adSegmentServed, decidedAvail, drivesBeacons } from './ad-segment.js';
import type { AvailDecision } from '../avails/types.js';
import type { TrackPlan } from '../avails/track-plan.js';
import type { Session } from '../sessions/types.js';
import type { PlaybackDeps } from './routes.js';

export async function segmentRoutes(app: FastifyInstance, deps: PlaybackDeps): Promise<void> {
  app.get<{ Params: { acct: string; session: string; n: string; key: string; item: string; file: string } }>(
    '/v1/segment/:acct/:session/:n/:key/:item/:file',
    async (req, reply) => {
      const t0 = performance.now();
      const { session, decision } = await decidedAvail(deps, req.params);
      const k = Number.parseInt(req.params.file, 10);
      const plan = trackPlan(decision, Number(req.params.n), { prefix: '', accountId: session.accountId, sessionId: session.id });
      const seg = Number.isFinite(k) ? plannedSegment(plan, Number(req.params.item), k) : undefined;
      if (!seg) throw new HttpError(404, `No ad segment ${req.params.item}/${req.params.file} in avail ${req.params.key}`);
      const emit = (status: number, bytes: number) => adSegmentServed(deps, session.id, req.url, t0, status, bytes);
      if (!seg.url) {
        const body = emptyWebVtt();
        emit(200, body.length);
        return reply.type('text/vtt').header('cache-control', 'max-age=3600').send(body);
      }
      emit(302, 0);
      reportAdSegment(deps, session, decision, plan, Number(req.params.n), Number(req.params.item), k, req.url);
      return reply.code(302).header('cache-control', 'no-store').redirect(seg.url);
    },
  );
}

/** Server-side beacons: the segment's span within its ad, from the track's plan (the reference tracks only). */
function reportAdSegment(deps: PlaybackDeps, session: Session, d: AvailDecision, plan: TrackPlan, n: number, item: number, k: number, path: string): void {
  if (!drivesBeacons(session, n)) return;
  const own = plan.segments.map((s, i) => ({ s, i })).filter(({ s }) => s.item === item);
  const at = own[k];
  if (!at) return;
  const seg = plan.avail.segments[at.i]!;
  const start = seg.offset - d.items[item]!.offset;
  deps.tracker.adSegment(session, d, item, start, start + seg.duration, k === own.length - 1, path.split('?')[0]!);
}
