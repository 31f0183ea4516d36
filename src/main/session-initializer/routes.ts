// MediaTailor's session-initialization micro-service for prefetch (AWS sample): a front door that spreads
// sessions over StreamCount stream ids, so prefetch schedules (one per StreamId) each serve a share of viewers.
//   GET  /session-initializer/v1/master/… and …/v1/dash/…  → 302 to the same path without the prefix, plus
//        aws.streamId=N (N uniform in 1..StreamCount)
//   POST /session-initializer/v1/session/… {adsParams…}     → the explicit session, created with a random stream id:
//        {manifestUrl, trackingUrl}
// The counts per stream id since start are observable (GET /session-initializer/stats).
import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { describeZodError } from '../../shared/playback-config.js';
import type { EventBus } from '../bus/event-bus.js';
import { HttpError } from '../http/errors.js';
import { SettingsFile, StreamCountSettingsSchema } from './settings.js';

export interface SessionInitializerDeps {
  bus: EventBus;
  settings: SettingsFile;
}

export async function sessionInitializerRoutes(app: FastifyInstance, deps: SessionInitializerDeps): Promise<void> {
  const counts = new Map<string, number>();
  const pick = (): string => {
    const id = String(randomInt(1, deps.settings.get().StreamCount + 1));
    counts.set(id, (counts.get(id) ?? 0) + 1);
    return id;
  };
  /** The rest of the URL after the prefix, with aws.streamId set (replacing one the client sent). */
  const target = (url: string, kind: string, streamId: string): string => {
    const u = new URL(url, 'http://x');
    u.searchParams.set('aws.streamId', streamId);
    return `/v1/${kind}${u.pathname.slice(`/session-initializer/v1/${kind}`.length)}${u.search}`;
  };

  const redirect = (kind: 'master' | 'dash') => async (req: { url: string }, reply: FastifyReply) => {
    const streamId = pick();
    return reply.code(302).header('cache-control', 'no-store').header('access-control-allow-origin', '*').redirect(target(req.url, kind, streamId));
  };
  app.get('/session-initializer/v1/master/*', redirect('master'));
  app.get('/session-initializer/v1/dash/*', redirect('dash'));

  // Creates the session through the playback API itself (one code path for sessions), as the sample's Lambda
  // calls MediaTailor; the answer is MediaTailor's.
  app.post('/session-initializer/v1/session/*', async (req, reply) => {
    const streamId = pick();
    const res = await app.inject({
      method: 'POST',
      url: target(req.url, 'session', streamId),
      headers: { 'content-type': 'application/json', ...(req.headers['user-agent'] ? { 'user-agent': req.headers['user-agent'] } : {}), 'x-forwarded-for': req.ip },
      payload: JSON.stringify(req.body ?? {}),
    });
    return reply.code(res.statusCode).type(String(res.headers['content-type'] ?? 'application/json')).header('access-control-allow-origin', '*').send(res.body);
  });

  app.get('/session-initializer/settings', async () => deps.settings.get());
  app.put('/session-initializer/settings', async (req) => {
    const parsed = StreamCountSettingsSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, `Invalid settings: ${describeZodError(parsed.error)}`);
    await deps.settings.put(parsed.data);
    deps.bus.emit({ kind: 'config.changed', name: 'session-initializer', action: 'put' });
    return deps.settings.get();
  });

  app.get('/session-initializer/stats', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    const byId = Object.fromEntries([...counts.entries()].sort((a, b) => Number(a[0]) - Number(b[0])));
    return { streamCount: deps.settings.get().StreamCount, total: [...counts.values()].reduce((a, b) => a + b, 0), counts: byId };
  });
}
