// /v1/dashsegment/…: every ad segment (and init segment) of a stitched MPD comes through here — 302 to the
// creative's file — so the engine sees exactly which ad segments a player fetched, as for HLS.
import type { FastifyInstance } from 'fastify';
import { dashAvailPlan } from '../avails/dash-plan.js';
import { HttpError } from '../http/errors.js';
import { adSegmentServed, decidedAvail, drivesBeacons } from './ad-segment.js';
import type { PlaybackDeps } from './routes.js';

export async function dashSegmentRoutes(app: FastifyInstance, deps: PlaybackDeps): Promise<void> {
  app.get<{ Params: { acct: string; session: string; key: string; period: string; track: string; file: string } }>(
    '/v1/dashsegment/:acct/:session/:key/:period/:track/:file',
    async (req, reply) => {
      const t0 = performance.now();
      const { session, decision } = await decidedAvail(deps, req.params);
      const planned = dashAvailPlan(decision, { prefix: '', accountId: session.accountId, sessionId: session.id });
      const target = planned.targets.get(Number(req.params.period))?.get(req.params.track);
      const m = /^(\d+)\.m4s$/.exec(req.params.file);
      const url = req.params.file === 'init.mp4' ? target?.init : m ? target?.urls[Number(m[1]) - 1] : undefined;
      if (!url) throw new HttpError(404, `No ad segment ${req.params.period}/${req.params.track}/${req.params.file} in avail ${req.params.key}`);
      adSegmentServed(deps, session.id, req.url, t0, 302, 0);
      const k = Number(req.params.period);
      const item = planned.items[k];
      const n = m ? Number(m[1]) - 1 : -1;
      const span = target?.spans[n];
      // One ad is one Period (slates may be several, but carry no beacons): the span is the ad's own time.
      if (span && item !== undefined && target && drivesBeacons(session, target.set) && planned.items.indexOf(item) === k) {
        deps.tracker.adSegment(session, decision, item, span[0], span[1], n === target.spans.length - 1, req.url.split('?')[0]!);
      }
      return reply.code(302).header('cache-control', 'no-store').redirect(url);
    },
  );
}
