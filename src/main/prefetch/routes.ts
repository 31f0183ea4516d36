// MediaTailor's prefetch schedule API, and the bench's view of what schedules did.
//   POST   /prefetchSchedule/{config}/{name}  CreatePrefetchSchedule → 200 the schedule
//   GET    /prefetchSchedule/{config}/{name}  GetPrefetchSchedule
//   DELETE /prefetchSchedule/{config}/{name}  DeletePrefetchSchedule → 204
//   POST   /prefetchSchedule/{config}         ListPrefetchSchedules {MaxResults, NextToken, StreamId, ScheduleType}
//   GET    /api/prefetch[?config=]            windows, phase and each session's retrieval (the bench's panel)
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ListPrefetchSchedulesResponse } from '../../shared/prefetch.js';
import type { EventBus } from '../bus/event-bus.js';
import type { PlaybackConfigStore } from '../config/store.js';
import { HttpError } from '../http/errors.js';
import type { Prefetcher } from './prefetcher.js';
import { LIMITS, NAME, readCreateBody } from './schema.js';
import type { PrefetchScheduleStore } from './store.js';

export interface PrefetchRoutesDeps {
  bus: EventBus;
  configs: PlaybackConfigStore;
  schedules: PrefetchScheduleStore;
  prefetcher: Prefetcher;
  now: () => number;
}

const ListBody = z
  .object({
    MaxResults: z.number().int().min(1).max(100).optional(),
    NextToken: z.string().regex(/^\d+$/, 'NextToken: not one this API gave').optional(),
    StreamId: z.string().optional(),
    ScheduleType: z.enum(['SINGLE', 'RECURRING', 'ALL']).optional(),
  })
  .strict();

type Params = { config: string; name: string };

export async function prefetchRoutes(app: FastifyInstance, deps: PrefetchRoutesDeps): Promise<void> {
  const configOf = (name: string) => {
    if (!deps.configs.get(name)) throw new HttpError(404, `Playback configuration ${name} not found`);
  };
  const scheduleOf = ({ config, name }: Params) => {
    configOf(config);
    const s = deps.schedules.get(config, name);
    if (!s) throw new HttpError(404, `Prefetch schedule ${name} not found for playback configuration ${config}`);
    return s;
  };

  app.post<{ Params: Params }>('/prefetchSchedule/:config/:name', async (req) => {
    const { config, name } = req.params;
    configOf(config);
    if (!NAME.test(name)) throw new HttpError(400, 'Name: 1–64 characters of letters, digits, _ . -');
    if (deps.schedules.get(config, name)) throw new HttpError(409, `Prefetch schedule ${name} already exists for ${config}: delete it first`, 'ConflictException');
    const now = deps.now();
    if (deps.schedules.activeCount(config, now) >= LIMITS.activeSchedulesPerConfiguration) {
      throw new HttpError(400, `${config} already has ${LIMITS.activeSchedulesPerConfiguration} active prefetch schedules (MediaTailor's limit): delete one first`);
    }
    const arn = `arn:aws:mediatailor:local:000000000000:prefetchSchedule/${config}/${name}`;
    const read = readCreateBody(req.body, config, name, arn, now / 1000);
    if (!read.ok) throw new HttpError(400, read.message);
    await deps.schedules.put(read.schedule);
    deps.bus.emit({ kind: 'prefetch', action: 'created', configName: config, schedule: name });
    void deps.prefetcher.tick(); // a window open now starts at once, not at the next tick
    return read.schedule;
  });

  app.get<{ Params: Params }>('/prefetchSchedule/:config/:name', async (req) => scheduleOf(req.params));

  app.delete<{ Params: Params }>('/prefetchSchedule/:config/:name', async (req, reply) => {
    const s = scheduleOf(req.params);
    await deps.schedules.delete(s.PlaybackConfigurationName, s.Name);
    deps.prefetcher.forget(s);
    deps.bus.emit({ kind: 'prefetch', action: 'deleted', configName: s.PlaybackConfigurationName, schedule: s.Name });
    return reply.code(204).send();
  });

  app.post<{ Params: { config: string } }>('/prefetchSchedule/:config', async (req): Promise<ListPrefetchSchedulesResponse> => {
    configOf(req.params.config);
    const parsed = ListBody.safeParse(req.body ?? {});
    if (!parsed.success) throw new HttpError(400, `${parsed.error.issues[0]!.path.join('.') || 'body'}: ${parsed.error.issues[0]!.message}`);
    const { MaxResults = 100, NextToken, StreamId, ScheduleType = 'ALL' } = parsed.data;
    const all = deps.schedules
      .list(req.params.config)
      .filter((s) => (ScheduleType === 'ALL' || s.ScheduleType === ScheduleType) && (StreamId === undefined || s.StreamId === StreamId))
      .sort((a, b) => a.Name.localeCompare(b.Name));
    const from = NextToken ? Number(NextToken) : 0;
    const items = all.slice(from, from + MaxResults);
    return { Items: items, ...(from + MaxResults < all.length ? { NextToken: String(from + MaxResults) } : {}) };
  });

  app.get<{ Querystring: { config?: string } }>('/api/prefetch', async (req, reply) => {
    if (req.query.config !== undefined) configOf(req.query.config);
    return reply.header('cache-control', 'no-store').send(deps.prefetcher.overview(req.query.config));
  });
}
