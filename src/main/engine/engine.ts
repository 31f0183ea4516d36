// The engine: one HTTP server holding the control API, the event stream, the demo world and (later)
// the stitcher. Hosted by Electron's main process or by the headless CLI; never imports electron.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DemoCatalog, HealthStatus } from '../../shared/catalog.js';
import { EventBus } from '../bus/event-bus.js';
import { configRoutes, requestBaseUrl } from '../config/routes.js';
import { PlaybackConfigStore } from '../config/store.js';
import { demoAdsPlugin } from '../demo/ads/index.js';
import { demoOriginRoutes } from '../demo/origin/routes.js';
import { ORIGIN_FAULTS } from '../demo/origin/faults.js';
import { DEMO_CONFIG_NAME, DemoWorld, defaultDemoMediaRoot } from '../demo/world.js';
import { HttpError, installErrorHandlers } from '../http/errors.js';
import { CONTENT_SECURITY_POLICY } from '../http/security-headers.js';
import { eventRoutes } from '../http/sse.js';
import { ensureDemoConfiguration } from './demo-config.js';
import { loadAccountId } from './state.js';
import { VERSION } from './version.js';
import { AvailDecider } from '../avails/decide.js';
import { HlsCreativeLoader } from '../creatives/hls-creative.js';
import { DashCreativeLoader } from '../creatives/dash-creative.js';
import { OriginFetcher } from '../origin/fetcher.js';
import { playbackRoutes } from '../playback/routes.js';
import { sessionApiRoutes } from '../playback/session-api.js';
import { sessionInitializerRoutes } from '../session-initializer/routes.js';
import { SettingsFile } from '../session-initializer/settings.js';
import { manifestInspectorRoutes } from '../inspect/manifest-routes.js';
import { MemorySessionStore } from '../sessions/store.js';
import { AdConditioner } from '../transcode/conditioner.js';
import { ProfileDiscovery } from '../transcode/discover.js';
import { prewarmDemo } from '../transcode/prewarm-demo.js';
import { transcodeRoutes } from '../transcode/routes.js';
import { Transcoder } from '../transcode/transcoder.js';
import { BeaconSender } from '../tracking/sender.js';
import { Tracker } from '../tracking/tracker.js';
import { trackingRoutes } from '../tracking/routes.js';
import { primetimeBootstrapRoutes } from '../primetime/bootstrap-routes.js';
import { AdsLog } from '../tracking/ads-log.js';
import { adsLogRoutes } from '../tracking/ads-log-routes.js';
import { AdsExchangeStore } from '../inspect/ads-exchanges.js';
import { adsInspectorRoutes } from '../inspect/ads-routes.js';
import { PlayerObservations } from '../verdict/observations.js';
import { verdictRoutes } from '../verdict/routes.js';
import { Prefetcher } from '../prefetch/prefetcher.js';
import { prefetchRoutes } from '../prefetch/routes.js';
import { PrefetchScheduleStore } from '../prefetch/store.js';
import { manifestEvidence, manifestExport } from '../verdict/manifest-evidence.js';

export interface EngineOptions {
  dataDir: string;
  /** Default 127.0.0.1: the bench is a local tool unless told otherwise. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Built renderer to serve at / (the headless host and Electron both load the UI from here). */
  rendererDir?: string;
  /** Where demo media is cached; default <dataDir>/demo-media. Tests share one to build it once. */
  demoMediaRoot?: string;
  /** Where transcoded ads are cached; default <dataDir>/transcode. Tests share one so ads transcode once. */
  transcodeCacheDir?: string;
  /** Disk cap of the transcode cache in bytes (default 2 GiB). */
  transcodeCacheBytes?: number;
  /** x264 preset for ad transcodes (default veryfast). */
  transcodePreset?: string;
  /** Transcode the demo configuration's ads for the demo content once the demo world is ready (default true). */
  prewarmDemo?: boolean;
  /** Extra origins allowed to call the control API from a browser (e.g. the renderer dev server). */
  allowedOrigins?: string[];
  logger?: boolean;
  /** Injectable clock for the live demo channel. */
  now?: () => number;
}

export interface Engine {
  readonly url: string;
  readonly bus: EventBus;
  readonly world: DemoWorld;
  readonly app: FastifyInstance;
  /** Account id in playback URLs (/v1/master/{accountId}/…). */
  readonly accountId: string;
  readonly sessions: MemorySessionStore;
  /** Ad transcoding: jobs, queue and the on-disk cache. */
  readonly transcoder: Transcoder;
  readonly discovery: ProfileDiscovery;
  /** Resolves when the demo world is ready, its ads transcoded (or when either failed). */
  readonly demoReady: Promise<void>;
  /** Prefetch schedules at work (tests drive `tick()` with an injected clock). */
  readonly prefetcher: Prefetcher;
  close(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const started = Date.now();
  await mkdir(options.dataDir, { recursive: true });
  const bus = new EventBus();
  const store = new PlaybackConfigStore(options.dataDir);
  const loaded = await store.load();
  const accountId = await loadAccountId(options.dataDir);
  const world = new DemoWorld(options.demoMediaRoot ?? defaultDemoMediaRoot(options.dataDir), bus);
  const allowed = new Set(options.allowedOrigins ?? []);

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT, forceCloseConnections: true });
  installErrorHandlers(app);
  if (loaded.skipped.length) bus.emit({ kind: 'error', where: 'configuration store', message: `Skipped invalid stored configurations: ${loaded.skipped.join(', ')}` });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      if (req.method === 'OPTIONS') {
        return reply
          .header('access-control-allow-methods', 'GET, PUT, POST, DELETE')
          .header('access-control-allow-headers', 'content-type')
          .code(204)
          .send();
      }
    }
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
    return payload;
  });

  app.get('/healthz', async (_req, reply) => {
    const body: HealthStatus = {
      status: world.state === 'ready' ? 'ok' : world.state === 'failed' ? 'failed' : 'starting',
      version: VERSION,
      demo: { state: world.state, step: world.step, progress: world.progress, ...(world.error ? { error: world.error } : {}) },
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
    };
    return reply.code(world.state === 'ready' ? 200 : 503).header('cache-control', 'no-store').send(body);
  });

  app.get('/demo/catalog', async (req) => {
    if (world.state !== 'ready') throw new HttpError(503, `Demo world is not ready (${world.state}: ${world.step})`);
    return { ...world.catalog(requestBaseUrl(req)), originFaults: ORIGIN_FAULTS } satisfies DemoCatalog;
  });

  await app.register(configRoutes, { store, bus, accountId });
  const now = options.now ?? Date.now;
  const sessions = new MemorySessionStore((s) =>
    bus.emit({ kind: 'session', sessionId: s.id, action: 'expired', configName: s.configName, asset: s.asset, format: s.format, reportingMode: s.request.reportingMode }),
  now);
  const transcoder = new Transcoder({
    dir: options.transcodeCacheDir ?? join(options.dataDir, 'transcode'),
    bus,
    ...(options.transcodeCacheBytes ? { maxBytes: options.transcodeCacheBytes } : {}),
    ...(options.transcodePreset ? { preset: options.transcodePreset } : {}),
  });
  await transcoder.init();
  const discovery = new ProfileDiscovery(bus);
  let baseUrl = '';
  const conditioner = new AdConditioner(discovery, transcoder, () => baseUrl);
  const loader = new HlsCreativeLoader(bus);
  const adsExchanges = new AdsExchangeStore();
  const schedules = new PrefetchScheduleStore(options.dataDir);
  const schedulesProblem = await schedules.load();
  if (schedulesProblem) bus.emit({ kind: 'error', where: 'prefetch', message: schedulesProblem });
  const prefetcher = new Prefetcher({ schedules, sessions, bus, exchanges: adsExchanges, now });
  const decider = new AvailDecider({ bus, loader, dashLoader: new DashCreativeLoader(bus), conditioner, now, exchanges: adsExchanges, prefetch: prefetcher });
  const fetcher = new OriginFetcher(bus, { now });
  const tracker = new Tracker(new BeaconSender({ bus }), now);
  await app.register(playbackRoutes, { bus, store: sessions, configs: store, accountId, now, fetcher, decider, tracker });
  await app.register(trackingRoutes, { bus, store: sessions, configs: store, accountId, now, tracker });
  await app.register(primetimeBootstrapRoutes, { bus, store: sessions, configs: store, accountId, now });
  await app.register(sessionApiRoutes, { store: sessions });
  const initializerSettings = new SettingsFile(options.dataDir);
  const settingsProblem = await initializerSettings.load();
  if (settingsProblem) bus.emit({ kind: 'error', where: 'session-initializer', message: settingsProblem });
  await app.register(sessionInitializerRoutes, { bus, settings: initializerSettings });
  await app.register(manifestInspectorRoutes, { store: sessions });
  await app.register(adsLogRoutes, { adsLog: new AdsLog(bus, accountId) });
  await app.register(adsInspectorRoutes, { exchanges: adsExchanges, sessions });
  await app.register(verdictRoutes, { store: sessions, bus, observations: new PlayerObservations(bus), now, manifests: manifestEvidence, exportSections: (s) => ({ ...manifestExport(s) }) });
  await app.register(prefetchRoutes, { bus, configs: store, schedules, prefetcher, now });
  await app.register(eventRoutes, { bus });
  await app.register(transcodeRoutes, { bus, configs: store, discovery, transcoder, demoConfigName: DEMO_CONFIG_NAME });

  await app.register(fastifyStatic, {
    root: options.rendererDir && existsSync(options.rendererDir) ? options.rendererDir : options.dataDir,
    serve: Boolean(options.rendererDir && existsSync(options.rendererDir)),
    prefix: '/',
    index: ['index.html'],
  });
  await app.register(demoOriginRoutes, { bus, world, ...(options.now ? { now: options.now } : {}) });
  await app.register(demoAdsPlugin, { prefix: '/demo/ads', bus, creatives: () => world.creatives(), baseUrl: () => `${baseUrl}/demo/ads` });

  const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  baseUrl = toDisplayUrl(address);
  await ensureDemoConfiguration(store, baseUrl);
  const demoDeps = { bus, discovery, transcoder, demoConfigName: DEMO_CONFIG_NAME };
  prefetcher.start();
  const demoReady = world.start(options.prewarmDemo === false ? undefined : (report) => prewarmDemo(demoDeps, store, report));

  return {
    url: baseUrl,
    bus,
    world,
    app,
    accountId,
    sessions,
    transcoder,
    discovery,
    demoReady,
    prefetcher,
    async close() {
      prefetcher.close();
      world.stop();
      sessions.close();
      await transcoder.close();
      await app.close();
      await demoReady.catch(() => undefined);
    },
  };
}

/** fastify reports e.g. http://[::1]:1234 or http://0.0.0.0:1234; show a URL a browser can open. */
function toDisplayUrl(address: string): string {
  return address.replace('://0.0.0.0:', '://127.0.0.1:').replace('://[::]:', '://127.0.0.1:');
}
