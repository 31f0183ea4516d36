// HTTP face of ad tracking: MediaTailor's client-side tracking API, the bench's beacon report (expected vs fired),
// and the relay a player uses to fire client-side beacons through the bench (so they are logged and verified).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { describeZodError } from '../../shared/playback-config.js';
import type { AvailDecision } from '../avails/types.js';
import { HttpError } from '../http/errors.js';
import { playbackCors } from '../playback/cors.js';
import { checkAccount, findSession, type SessionDeps } from '../playback/sessions.js';
import type { Session } from '../sessions/types.js';
import { TokenError, trackingIds, trackingResponse } from './client-api.js';
import { beaconReport } from './report.js';
import { primetimeJsonV2, primetimeVmap } from './primetime.js';
import { expectedFor, type Tracker } from './tracker.js';

export interface TrackingRouteDeps extends SessionDeps {
  tracker: Tracker;
}

const ClientBeaconSchema = z
  .object({
    /** The avail: the decision's availId (as /api/sessions shows it) or the tracking API's availId. */
    availId: z.string().min(1).max(200),
    /** The ad: its VAST Ad@id or the tracking API's adId. */
    adId: z.string().min(1).max(200),
    eventType: z.string().min(1).max(64),
    /** For progress events: which offset (seconds into the ad). */
    offsetSeconds: z.number().min(0).optional(),
  })
  .strict();

/** An ad by the ids either API shows: the decision's availId / VAST Ad@id, or the tracking API's. */
function findAd(session: Session, availId: string, adId: string): { d: AvailDecision; item: number } | undefined {
  for (const d of session.decided.values()) {
    const ids = trackingIds(session, d);
    if (d.availId !== availId && ids.availId !== availId) continue;
    const item = d.items.findIndex((it, i) => it.kind === 'ad' && (it.adId === adId || ids.adIds[i] === adId));
    if (item >= 0) return { d, item };
  }
  return undefined;
}

export async function trackingRoutes(app: FastifyInstance, deps: TrackingRouteDeps): Promise<void> {
  app.get<{ Params: { acct: string; config: string; session: string }; Querystring: { nextToken?: string } }>('/v1/tracking/:acct/:config/:session', async (req, reply) => {
    playbackCors(req, reply);
    checkAccount(deps, req.params.acct);
    const session = await findSession(deps, req.params.session);
    if (session.configName !== req.params.config) throw new HttpError(404, `Session ${session.id} belongs to configuration "${session.configName}", not "${req.params.config}"`);
    try {
      return trackingResponse(session, req.query.nextToken);
    } catch (e) {
      if (e instanceof TokenError) throw new HttpError(400, e.message);
      throw e;
    }
  });

  // Primetime's sidecars for the same session (JSON v2 and VMAP): what a Primetime client-tracking player reads.
  app.get<{ Params: { acct: string; config: string; session: string; format: string } }>('/v1/tracking/:acct/:config/:session/primetime.:format', async (req, reply) => {
    playbackCors(req, reply);
    checkAccount(deps, req.params.acct);
    const session = await findSession(deps, req.params.session);
    if (session.configName !== req.params.config) throw new HttpError(404, `Session ${session.id} belongs to configuration "${session.configName}", not "${req.params.config}"`);
    const t = trackingResponse(session);
    if (req.params.format === 'json') return primetimeJsonV2(t);
    if (req.params.format === 'vmap') return reply.type('application/xml').send(primetimeVmap(t));
    throw new HttpError(404, `Unknown sidecar format "${req.params.format}" (json or vmap)`);
  });

  app.get<{ Params: { id: string } }>('/api/sessions/:id/beacons', async (req) => {
    const session = await deps.store.peek(req.params.id);
    if (!session) throw new HttpError(404, `Unknown session "${req.params.id}"`);
    return beaconReport(session);
  });

  app.post<{ Params: { id: string } }>('/api/sessions/:id/beacons', async (req) => {
    const parsed = ClientBeaconSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, `Invalid client beacon: ${describeZodError(parsed.error)}`);
    const session = await deps.store.peek(req.params.id);
    if (!session) throw new HttpError(404, `Unknown session "${req.params.id}"`);
    const { availId, adId, eventType, offsetSeconds } = parsed.data;
    const found = findAd(session, availId, adId);
    if (!found) throw new HttpError(404, `Session ${session.id} has no ad "${adId}" in avail "${availId}"`);
    const owed = expectedFor(found.d).filter((b) => b.item === found.item && b.event === eventType);
    if (owed.length === 0) throw new HttpError(404, `Ad "${adId}" has no "${eventType}" tracking URLs`);
    const fired = deps.tracker.clientEvent(session, found.d, found.item, eventType, offsetSeconds);
    return { fired: fired.map((f) => f.id), alreadyFired: owed.map((b) => b.id).filter((id) => !fired.some((f) => f.id === id)) };
  });
}
