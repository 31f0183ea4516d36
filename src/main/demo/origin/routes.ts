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
//
// Content manifests and segments also take fault parameters (fault, segfault, delay, every — see faults.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventBus } from '../../bus/event-bus.js';
import { HttpError } from '../../http/errors.js';
import type { DemoWorld } from '../world.js';
import { AD_PACKAGES, DEMO_PACKAGES, type DemoPackage } from './packages.js';
import { renderManifest, segmentPath } from './render.js';
import type { PackagedAsset } from '../media/model.js';
import type { DashPeriodLayout } from './dash.js';
import { OriginFaultInjector } from './fault-injector.js';
import { delayOf, ORIGIN_FAULTS, ORIGIN_TIMEOUT_CAP_MS, playlistCarry, segmentCarry, type OriginFaults } from './faults.js';
import { join } from 'node:path';

const TEXT = 'text/plain; charset=utf-8';

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
  const faults = new OriginFaultInjector();
  /** Segment fault applied to a request, for the segment.served event. */
  const segmentFaultOf = new WeakMap<FastifyRequest, string>();
  app.addHook('preClose', async () => faults.holds.releaseAll());

  app.addHook('onRequest', async (_req, reply) => {
    reply.header('access-control-allow-origin', '*');
  });
  app.addHook('onResponse', async (req, reply) => {
    const source = (req.routeOptions.config as SegmentRouteConfig).segmentSource;
    if (!source) return;
    const fault = segmentFaultOf.get(req);
    bus.emit({
      kind: 'segment.served',
      path: pathOf(req),
      source,
      ad: source === 'demo-ads',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      bytes: Number(reply.getHeader('content-length') ?? 0),
      ...(fault ? { fault } : {}),
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
    injected: { fault?: string; nowMs?: number; carry?: { playlists: string; segments: string }; t0?: number } = {},
  ) => {
    const t0 = injected.t0 ?? performance.now();
    const base = `${req.protocol}://${req.host}`;
    const out = renderManifest({
      asset, pkg, live, file, nowMs: injected.nowMs ?? now(), markers, utcTimingUrl: `${base}/demo/origin/time`, dashPeriods,
      ...(injected.carry ? { carry: injected.carry } : {}),
    });
    if (!out) throw new HttpError(404, `No manifest "${file}" in this ${pkg.format.toUpperCase()} packaging`);
    const ms = Math.round((performance.now() - t0) * 100) / 100;
    const fault = injected.fault;
    bus.emit({ kind: 'manifest.served', path: pathOf(req), format: out.format, source: 'demo-origin', status: 200, ms, bytes: Buffer.byteLength(out.body), ...(fault ? { fault } : {}) });
    if (fault) reply.header('x-demo-origin-fault', fault);
    return reply
      .type(out.contentType)
      .header('cache-control', live ? 'no-cache' : 'max-age=60')
      .send(out.body);
  };

  /** A content manifest under fault parameters: an injected error, a held answer, or the manifest. */
  const faultyManifest = async (req: FastifyRequest, reply: FastifyReply, asset: PackagedAsset, pkg: DemoPackage, live: boolean, file: string, dashPeriods: DashPeriodLayout, f: OriginFaults) => {
    const t0 = performance.now();
    const carry = { playlists: playlistCarry(f), segments: segmentCarry(f) };
    const decision = faults.manifest(pathOf(req), f, now());
    const applied = decision.applied;
    const format = pkg.format === 'dash' ? 'dash' : file === 'master.m3u8' ? 'hls-multivariant' : 'hls-media';
    const fail = (status: number, body: string) => {
      bus.emit({ kind: 'manifest.served', path: pathOf(req), format, source: 'demo-origin', status, ms: Math.round((performance.now() - t0) * 100) / 100, bytes: Buffer.byteLength(body), error: body.trim(), ...(applied ? { fault: applied } : {}) });
      return reply.code(status).type(TEXT).header('cache-control', 'no-store').header('x-demo-origin-fault', applied ?? 'none').send(body);
    };
    if (applied === '404') return fail(404, 'demo origin fault=404: not found\n');
    if (applied === '500') return fail(500, 'demo origin fault=500: internal server error\n');
    if (applied === 'slow' || applied === 'timeout') {
      const r = await faults.holds.hold(reply, applied === 'slow' ? delayOf(f) : ORIGIN_TIMEOUT_CAP_MS);
      if (r === 'aborted') {
        // Nothing to send; the bench still sees the request (499, as nginx logs a client that left).
        bus.emit({ kind: 'manifest.served', path: pathOf(req), format, source: 'demo-origin', status: 499, ms: Math.round((performance.now() - t0) * 100) / 100, bytes: 0, error: 'client disconnected', fault: applied });
        reply.hijack();
        return reply;
      }
      if (r === 'closing') return fail(503, 'demo origin is shutting down\n');
      if (applied === 'timeout') return fail(504, `demo origin fault=timeout: gave up after ${ORIGIN_TIMEOUT_CAP_MS} ms\n`);
      return sendManifest(req, reply, asset, pkg, live, file, true, dashPeriods, { fault: applied, carry, t0 });
    }
    return sendManifest(req, reply, asset, pkg, live, file, true, dashPeriods, { ...(applied ? { fault: applied } : {}), nowMs: decision.nowMs, carry });
  };

  const sendSegment = (reply: FastifyReply, assetDir: string, asset: PackagedAsset, pkg: DemoPackage, track: string, file: string) => {
    const rel = segmentPath(asset, pkg, track, file);
    if (!rel) throw new HttpError(404, `No segment "${track}/${file}" in this packaging`);
    return reply.header('cache-control', 'max-age=86400').sendFile(rel, assetDir);
  };

  /** Server clock for DASH UTCTiming (urn:mpeg:dash:utc:http-iso:2014). */
  app.get('/demo/origin/time', async (_req, reply) => reply.type('text/plain').header('cache-control', 'no-store').send(new Date(now()).toISOString()));

  /** What the fault parameters do (the catalog's originFaults, for curl users). */
  app.get('/demo/origin/faults', async () => ({ faults: ORIGIN_FAULTS }));

  app.get<{ Params: { kind: string; pkg: string; file: string }; Querystring: { periods?: unknown } }>('/demo/origin/:kind/:pkg/:file', async (req, reply) => {
    const index = requireReady(world);
    const live = parseKind(req.params.kind);
    const pkg = lookupPackage(DEMO_PACKAGES, req.params.pkg);
    const dashPeriods = pkg.format === 'dash' ? parseDashPeriods(req.query.periods) : 'multi';
    const f = faults.parse(req.query, live);
    if (!f.fault && !f.segfault) return sendManifest(req, reply, index.content, pkg, live, req.params.file, true, dashPeriods);
    return faultyManifest(req, reply, index.content, pkg, live, req.params.file, dashPeriods, f);
  });

  app.get<{ Params: { kind: string; pkg: string; track: string; file: string } }>(
    '/demo/origin/:kind/:pkg/:track/:file',
    { config: { segmentSource: 'demo-origin' } satisfies SegmentRouteConfig },
    async (req, reply) => {
      const index = requireReady(world);
      const { kind, track, file } = req.params;
      parseKind(kind);
      const pkg = lookupPackage(DEMO_PACKAGES, req.params.pkg);
      const f = faults.parse(req.query);
      const applied = faults.segment(`/demo/origin/${kind}/${req.params.pkg}/${track}`, f);
      if (applied) {
        segmentFaultOf.set(req, applied);
        reply.header('x-demo-origin-fault', applied);
      }
      if (applied === '404') return reply.code(404).type(TEXT).header('cache-control', 'no-store').send('demo origin segfault=404: not found\n');
      if (applied === 'slow') {
        const t0 = performance.now();
        const r = await faults.holds.hold(reply, delayOf(f));
        if (r === 'aborted') {
          // onResponse never runs for a response that was never sent: report it here.
          bus.emit({ kind: 'segment.served', path: pathOf(req), source: 'demo-origin', ad: false, status: 499, ms: Math.round(performance.now() - t0), bytes: 0, fault: applied });
          reply.hijack();
          return reply;
        }
        if (r === 'closing') return reply.code(503).type(TEXT).header('cache-control', 'no-store').send('demo origin is shutting down\n');
      }
      return sendSegment(reply, join(world.dir, 'content'), index.content, pkg, track, file);
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

function pathOf(req: FastifyRequest): string {
  return req.url.split('?')[0] ?? req.url;
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
