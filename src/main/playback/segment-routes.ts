// /v1/segment/…: every ad segment of a stitched playlist comes through here (302 to the creative's segment),
// so the engine sees exactly which ad segments a player fetched — where server-side beacons fire.
import type { FastifyInstance } from 'fastify';
import { emptyWebVtt, plannedSegment, trackPlan } from '../avails/track-plan.js';
import { HttpError } from '../http/errors.js';
import { adSegmentServed, decidedAvail } from './ad-segment.js';
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
      return reply.code(302).header('cache-control', 'no-store').redirect(seg.url);
    },
  );
}
