// HTTP face of ad transcoding: the transcoded ads themselves (/v1/transcoded/{key}/…, what stitched manifests
// point at), and the control API the UI uses (/api/transcode…): overview, pre-warm, cancel, cache removal.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TranscodeOverview } from '../../shared/transcode.js';
import { describeZodError } from '../../shared/playback-config.js';
import type { PlaybackConfigStore } from '../config/store.js';
import { HttpError } from '../http/errors.js';
import { entryInfo } from './cache.js';
import { prewarm, type PrewarmDeps } from './prewarm.js';

export interface TranscodeRouteDeps extends PrewarmDeps {
  configs: PlaybackConfigStore;
}

const PrewarmSchema = z
  .object({
    configName: z.string().min(1).max(128),
    asset: z.string().min(1).max(2048).optional(),
    availSeconds: z.number().int().min(1).max(3600).optional(),
  })
  .strict();

const KEY = /^[A-Za-z0-9._-]+_[0-9a-f]{12}$/;

export async function transcodeRoutes(app: FastifyInstance, deps: TranscodeRouteDeps): Promise<void> {
  const { transcoder } = deps;
  await app.register(fastifyStatic, {
    root: transcoder.cache.dir,
    prefix: '/v1/transcoded/',
    decorateReply: false,
    dotfiles: 'deny',
    index: false,
    // Players on other origins (a customer's player page) fetch ad segments too.
    setHeaders: (res, path) => {
      res.header('access-control-allow-origin', '*');
      res.header('cache-control', /\.(ts|m4s|mp4)$/.test(path) ? 'max-age=86400' : 'max-age=60');
    },
  });

  app.get('/api/transcode', async (): Promise<TranscodeOverview> => ({
    jobs: transcoder.jobs(),
    cache: { entries: transcoder.cache.list().map(entryInfo), bytes: transcoder.cache.totalBytes(), maxBytes: transcoder.cache.maxBytes },
    profiles: (await deps.discovery.list()).slice(0, 20),
    concurrency: transcoder.concurrency,
    queueLimit: transcoder.queueLimit,
    preset: transcoder.preset,
  }));

  app.post('/api/transcode/prewarm', async (req) => {
    const parsed = PrewarmSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, `Invalid pre-warm request: ${describeZodError(parsed.error)}`);
    const config = deps.configs.get(parsed.data.configName);
    if (!config) throw new HttpError(404, `No playback configuration named "${parsed.data.configName}"`);
    return prewarm(deps, config, parsed.data);
  });

  app.delete<{ Params: { id: string } }>('/api/transcode/jobs/:id', async (req, reply) => {
    const r = transcoder.cancel(req.params.id);
    if (r === 'unknown') throw new HttpError(404, `No transcode job "${req.params.id}"`);
    if (r === 'finished') throw new HttpError(409, `Transcode job "${req.params.id}" has already finished`);
    return reply.code(204).send();
  });

  app.delete<{ Params: { key: string } }>('/api/transcode/cache/:key', async (req, reply) => {
    if (!KEY.test(req.params.key) || !(await transcoder.cache.remove(req.params.key))) throw new HttpError(404, `No cached transcode "${req.params.key}"`);
    return reply.code(204).send();
  });

  app.delete('/api/transcode/cache', async (_req, reply) => {
    await transcoder.cache.clear();
    transcoder.forgetFailures();
    return reply.code(204).send();
  });
}
