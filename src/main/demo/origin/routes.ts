// HTTP face of the demo origin (/demo/origin/…) and of the demo ads' media (/demo/ads/media/…).
// Manifests are rendered per request (live ones from the wall clock); segments are files sent with
// Range/ETag support. Every response is reported on the bus.
//
// DASH manifest option (content only, /demo/origin/{vod|live}/dash/manifest.mpd):
//   (none)          a new Period at every ad-break start, and live at every loop start, each break's Period
//                   carrying its one SCTE-35 Event — like MediaPackage with "period triggers: ADS", which is
//                   what MediaTailor's default MULTI_PERIOD mode expects (it reads one Event per Period).
//   ?periods=single the single-Period layout for MediaTailor's SINGLE_PERIOD mode: VOD one Period with
//                   every Event, live one Period per loop with the Events of the breaks in the window.
//   any other value of `periods` is a 400. HLS manifests and ad creatives ignore it (creatives are always
//   one Period without Events).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventBus } from '../../bus/event-bus.js';
import { HttpError } from '../../http/errors.js';
import type { DemoWorld } from '../world.js';
import { AD_PACKAGES, DEMO_PACKAGES, type DemoPackage } from './packages.js';
import { renderManifest, segmentPath } from './render.js';
import type { PackagedAsset } from '../media/model.js';
import type { DashPeriodLayout } from './dash.js';
import { join } from 'node:path';

export interface DemoOriginOptions {
  bus: EventBus;
  world: DemoWorld;
  /** Current time; injectable so live windows are testable. */
  now?: () => number;
}

interface SegmentRouteConfig {
  segmentSource?: 'demo-origin' | 'demo-ads';
}

function requireReady(world: DemoWorld): NonNullable<DemoWorld['index']> {
  if (world.state === 'failed') throw new HttpError(503, `Demo world failed to build: ${world.error ?? 'unknown error'}`);
  if (!world.index) throw new HttpError(503, `Demo world is still being built (${Math.round(world.progress * 100)} %: ${world.step})`);
  return world.index;
}

function lookupPackage(table: Record<string, DemoPackage>, name: string): DemoPackage {
  const pkg = Object.hasOwn(table, name) ? table[name] : undefined;
  if (!pkg) throw new HttpError(404, `Unknown packaging "${name}" (expected one of: ${Object.keys(table).join(', ')})`);
  return pkg;
}

export async function demoOriginRoutes(app: FastifyInstance, opts: DemoOriginOptions): Promise<void> {
  const { bus, world } = opts;
  const now = opts.now ?? Date.now;

  app.addHook('onRequest', async (_req, reply) => {
    reply.header('access-control-allow-origin', '*');
  });
  app.addHook('onResponse', async (req, reply) => {
    const source = (req.routeOptions.config as SegmentRouteConfig).segmentSource;
    if (!source) return;
    bus.emit({
      kind: 'segment.served',
      path: req.url.split('?')[0] ?? req.url,
      source,
      ad: source === 'demo-ads',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      bytes: Number(reply.getHeader('content-length') ?? 0),
    });
  });

  const sendManifest = (
    req: FastifyRequest,
    reply: FastifyReply,
    asset: PackagedAsset,
    pkg: DemoPackage,
    live: boolean,
    file: string,
    markers: boolean,
    dashPeriods: DashPeriodLayout = 'multi',
  ) => {
    const t0 = performance.now();
    const base = `${req.protocol}://${req.host}`;
    const out = renderManifest({ asset, pkg, live, file, nowMs: now(), markers, utcTimingUrl: `${base}/demo/origin/time`, dashPeriods });
    if (!out) throw new HttpError(404, `No manifest "${file}" in this ${pkg.format.toUpperCase()} packaging`);
    const ms = Math.round((performance.now() - t0) * 100) / 100;
    bus.emit({ kind: 'manifest.served', path: req.url.split('?')[0] ?? req.url, format: out.format, source: 'demo-origin', status: 200, ms, bytes: Buffer.byteLength(out.body) });
    return reply
      .type(out.contentType)
      .header('cache-control', live ? 'no-cache' : 'max-age=60')
      .send(out.body);
  };

  const sendSegment = (reply: FastifyReply, assetDir: string, asset: PackagedAsset, pkg: DemoPackage, track: string, file: string) => {
    const rel = segmentPath(asset, pkg, track, file);
    if (!rel) throw new HttpError(404, `No segment "${track}/${file}" in this packaging`);
    return reply.header('cache-control', 'max-age=86400').sendFile(rel, assetDir);
  };

  /** Server clock for DASH UTCTiming (urn:mpeg:dash:utc:http-iso:2014). */
  app.get('/demo/origin/time', async (_req, reply) => reply.type('text/plain').header('cache-control', 'no-store').send(new Date(now()).toISOString()));

  app.get<{ Params: { kind: string; pkg: string; file: string }; Querystring: { periods?: unknown } }>('/demo/origin/:kind/:pkg/:file', async (req, reply) => {
    const index = requireReady(world);
    const live = parseKind(req.params.kind);
    const pkg = lookupPackage(DEMO_PACKAGES, req.params.pkg);
    const dashPeriods = pkg.format === 'dash' ? parseDashPeriods(req.query.periods) : 'multi';
    return sendManifest(req, reply, index.content, pkg, live, req.params.file, true, dashPeriods);
  });

  app.get<{ Params: { kind: string; pkg: string; track: string; file: string } }>(
    '/demo/origin/:kind/:pkg/:track/:file',
    { config: { segmentSource: 'demo-origin' } satisfies SegmentRouteConfig },
    async (req, reply) => {
      const index = requireReady(world);
      parseKind(req.params.kind);
      return sendSegment(reply, join(world.dir, 'content'), index.content, lookupPackage(DEMO_PACKAGES, req.params.pkg), req.params.track, req.params.file);
    },
  );

  const creative = (id: string) => {
    const index = requireReady(world);
    const c = index.creatives.find((x) => x.id === id);
    if (!c) throw new HttpError(404, `Unknown demo creative "${id}"`);
    return c;
  };

  app.get<{ Params: { ad: string } }>('/demo/ads/media/:ad/mezzanine.mp4', { config: { segmentSource: 'demo-ads' } satisfies SegmentRouteConfig }, async (req, reply) => {
    creative(req.params.ad);
    return reply.header('cache-control', 'max-age=86400').sendFile('mezzanine.mp4', join(world.dir, 'ads', req.params.ad));
  });

  app.get<{ Params: { ad: string; pkg: string; file: string } }>('/demo/ads/media/:ad/:pkg/:file', async (req, reply) => {
    const c = creative(req.params.ad);
    return sendManifest(req, reply, c, lookupPackage(AD_PACKAGES, req.params.pkg), false, req.params.file, false);
  });

  app.get<{ Params: { ad: string; pkg: string; track: string; file: string } }>(
    '/demo/ads/media/:ad/:pkg/:track/:file',
    { config: { segmentSource: 'demo-ads' } satisfies SegmentRouteConfig },
    async (req, reply) => {
      const c = creative(req.params.ad);
      return sendSegment(reply, join(world.dir, 'ads', c.id), c, lookupPackage(AD_PACKAGES, req.params.pkg), req.params.track, req.params.file);
    },
  );
}

function parseKind(kind: string): boolean {
  if (kind === 'live') return true;
  if (kind === 'vod') return false;
  throw new HttpError(404, `Unknown demo asset kind "${kind}" (expected vod or live)`);
}

/** `?periods=` on a DASH content manifest: absent → one Period per ad break (MediaPackage-style); `single`. */
function parseDashPeriods(value: unknown): DashPeriodLayout {
  if (value === undefined) return 'multi';
  if (value === 'single') return 'single';
  throw new HttpError(
    400,
    `Unknown DASH periods option ${JSON.stringify(value)}: use periods=single for one Period (per loop, live) holding every break's Event, or leave it out for a new Period at every ad break`,
  );
}
