// MediaTailor's configuration API (PutPlaybackConfiguration, Get…, List…, Delete…) in its REST shapes.
// AWS SigV4 headers are accepted and ignored: a loopback bench has nothing to authenticate against.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EventBus } from '../bus/event-bus.js';
import {
  PlaybackConfigurationNameSchema,
  PutPlaybackConfigurationSchema,
  describeZodError,
  type PlaybackConfiguration,
  type PutPlaybackConfigurationRequest,
} from '../../shared/playback-config.js';
import { HttpError } from '../http/errors.js';
import type { PlaybackConfigStore } from './store.js';

export interface ConfigRoutesOptions {
  store: PlaybackConfigStore;
  bus: EventBus;
  /** The account segment of playback URLs (MediaTailor puts a hex account id there). */
  accountId: string;
}

export function requestBaseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/** Adds the fields MediaTailor computes: endpoint prefixes on this server, ARN, log config. */
export function describeConfiguration(c: PutPlaybackConfigurationRequest, base: string, accountId: string): PlaybackConfiguration {
  const name = encodeURIComponent(c.Name);
  return {
    ...c,
    PlaybackConfigurationArn: `arn:aws:mediatailor:local:000000000000:playbackConfiguration/${c.Name}`,
    PlaybackEndpointPrefix: base,
    SessionInitializationEndpointPrefix: `${base}/v1/session/${accountId}/${name}/`,
    HlsConfiguration: { ManifestEndpointPrefix: `${base}/v1/master/${accountId}/${name}/` },
    DashConfiguration: {
      MpdLocation: 'EMT_DEFAULT',
      OriginManifestType: 'MULTI_PERIOD',
      ...c.DashConfiguration,
      ManifestEndpointPrefix: `${base}/v1/dash/${accountId}/${name}/`,
    },
    LogConfiguration: { PercentEnabled: 0 },
  };
}

function parseName(raw: string): string {
  const r = PlaybackConfigurationNameSchema.safeParse(raw);
  if (!r.success) throw new HttpError(400, `Name: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

export async function configRoutes(app: FastifyInstance, opts: ConfigRoutesOptions): Promise<void> {
  const { store, bus, accountId } = opts;

  app.put('/playbackConfiguration', async (req, reply) => {
    if (req.body === undefined || req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
      throw new HttpError(400, 'Request body must be a JSON object with at least "Name"');
    }
    const parsed = PutPlaybackConfigurationSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
    await store.put(parsed.data);
    bus.emit({ kind: 'config.changed', name: parsed.data.Name, action: 'put' });
    return reply.code(200).send(describeConfiguration(parsed.data, requestBaseUrl(req), accountId));
  });

  app.get<{ Params: { name: string } }>('/playbackConfiguration/:name', async (req) => {
    const name = parseName(req.params.name);
    const c = store.get(name);
    if (!c) throw new HttpError(404, `Playback configuration "${name}" does not exist`);
    return describeConfiguration(c, requestBaseUrl(req), accountId);
  });

  app.get<{ Querystring: { MaxResults?: string; NextToken?: string } }>('/playbackConfigurations', async (req) => {
    const all = store.list();
    const max = req.query.MaxResults === undefined ? 100 : Number(req.query.MaxResults);
    if (!Number.isInteger(max) || max < 1 || max > 100) throw new HttpError(400, 'MaxResults: must be an integer 1..100');
    let start = 0;
    if (req.query.NextToken) {
      const after = Buffer.from(req.query.NextToken, 'base64url').toString('utf8');
      start = all.findIndex((c) => c.Name > after);
      if (start < 0) start = all.length;
    }
    const page = all.slice(start, start + max);
    const base = requestBaseUrl(req);
    const body: { Items: PlaybackConfiguration[]; NextToken?: string } = {
      Items: page.map((c) => describeConfiguration(c, base, accountId)),
    };
    const last = page.at(-1);
    if (last && start + max < all.length) body.NextToken = Buffer.from(last.Name, 'utf8').toString('base64url');
    return body;
  });

  app.delete<{ Params: { name: string } }>('/playbackConfiguration/:name', async (req, reply) => {
    const name = parseName(req.params.name);
    if (!(await store.delete(name))) throw new HttpError(404, `Playback configuration "${name}" does not exist`);
    bus.emit({ kind: 'config.changed', name, action: 'delete' });
    return reply.code(204).send();
  });
}
