// The ADS inspector's API: a session's ADS exchanges (URL, headers, status, timing, parsed ads, body) and one
// exchange's body as the ADS served it.
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/errors.js';
import type { SessionStore } from '../sessions/store.js';
import type { AdsExchangesResponse } from '../../shared/inspect-ads.js';
import type { AdsExchangeStore } from './ads-exchanges.js';

export interface AdsInspectorDeps {
  exchanges: AdsExchangeStore;
  sessions: SessionStore;
}

/** Served as sent only when it cannot run as a page on the engine's origin (which also serves the UI). */
const SAFE_TYPE = /^(application\/([\w.+-]*\+)?(xml|json)|text\/(xml|plain))\b/i;

export async function adsInspectorRoutes(app: FastifyInstance, deps: AdsInspectorDeps): Promise<void> {
  // ?body=0 leaves the bodies out (a polling UI fetches the one it shows from …/body).
  app.get<{ Params: { id: string }; Querystring: { body?: string } }>('/api/sessions/:id/ads-exchanges', async (req, reply): Promise<AdsExchangesResponse> => {
    const id = req.params.id;
    const exchanges = deps.exchanges.list(id);
    // A live session may not have asked the ADS yet: known but empty, not 404.
    if (!exchanges && !(await deps.sessions.peek(id))) throw new HttpError(404, `No ADS exchanges for session "${id}" (unknown, or dropped as one of the least recently active)`);
    const withBodies = req.query.body !== '0' && req.query.body !== 'false';
    reply.header('cache-control', 'no-store');
    return { sessionId: id, exchanges: withBodies ? (exchanges ?? []) : (exchanges ?? []).map(({ body: _body, ...x }) => x) };
  });

  app.get<{ Params: { id: string; exchangeId: string } }>('/api/sessions/:id/ads-exchanges/:exchangeId/body', async (req, reply) => {
    const { id, exchangeId } = req.params;
    const x = deps.exchanges.get(id, exchangeId);
    if (!x) throw new HttpError(404, `No ADS exchange "${exchangeId}" in session "${id}"`);
    if (x.body === undefined) throw new HttpError(404, `ADS exchange "${exchangeId}" has no response body (${x.requested ? x.failure ?? 'no answer' : `not sent: ${x.failure}`})`);
    const type = x.contentType && SAFE_TYPE.test(x.contentType) ? x.contentType : 'text/plain; charset=utf-8';
    return reply
      .type(type)
      .header('cache-control', 'no-store')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('x-stitchbench-body-truncated', x.bodyTruncated ? 'true' : 'false')
      .send(x.body);
  });
}
