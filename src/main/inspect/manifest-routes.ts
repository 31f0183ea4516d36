// GET /api/sessions/:id/manifests — the manifest inspector's data (see shared/inspect-manifests.ts).
// `?track=n` and `?since=<at>` keep polling responses small.
import type { FastifyInstance } from 'fastify';
import type { SessionManifests } from '../../shared/inspect-manifests.js';
import { HttpError } from '../http/errors.js';
import type { SessionStore } from '../sessions/store.js';
import { sessionManifests, type ManifestQuery } from './session-manifests.js';

export async function manifestInspectorRoutes(app: FastifyInstance, opts: { store: SessionStore }): Promise<void> {
  app.get<{ Params: { id: string }; Querystring: { track?: string; since?: string } }>('/api/sessions/:id/manifests', async (req, reply): Promise<SessionManifests> => {
    const s = await opts.store.peek(req.params.id);
    if (!s) throw new HttpError(404, `Unknown session "${req.params.id}"`);
    const q: ManifestQuery = {};
    const { track, since } = req.query;
    if (track !== undefined && track !== '') {
      if (track !== 'multivariant' && !/^\d+$/.test(track)) throw new HttpError(400, `track must be a track number or "multivariant", not "${track}"`);
      q.track = track;
    }
    if (since !== undefined && since !== '') {
      const n = Number(since);
      if (!Number.isFinite(n)) throw new HttpError(400, `since must be a time in ms (a refresh's "at"), not "${since}"`);
      q.since = n;
    }
    reply.header('cache-control', 'no-store');
    return sessionManifests(s, q);
  });
}
