// MediaTailor's playback API: implicit sessions (GET /v1/master…), explicit ones (POST /v1/session…),
// per-session media playlists (/v1/manifest…), ad segments (/v1/segment…) and HLS Interstitials asset lists.
// Errors follow MediaTailor's contract: 400 expired/bad request, 404 unknown, 502 bad origin, 504 origin timeout.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestBaseUrl } from '../config/routes.js';
import { HttpError } from '../http/errors.js';
import { describeZodError } from '../../shared/playback-config.js';
import type { SessionRequest } from '../sessions/types.js';
import type { Tracker } from '../tracking/tracker.js';
import { playbackCors } from './cors.js';
import { mediaPlaylistFor, multivariantFor, type HlsDeps } from './hls-manifest.js';
import { dashManifestFor } from './dash-manifest.js';
import { dashSegmentRoutes } from './dash-segment-routes.js';
import { insertionModeOf, SessionBodySchema, splitQuery, streamIdOf } from './request-params.js';
import { assetUrl, checkAccount, clientOf, configFor, createSession, findSession, type SessionDeps } from './sessions.js';
import { segmentRoutes } from './segment-routes.js';
import { interstitialRoutes } from './interstitials.js';

/** Server-side beacons fire from the ad segment routes. */
export type PlaybackDeps = SessionDeps & HlsDeps & { tracker: Tracker };

const M3U8 = 'application/vnd.apple.mpegurl';
const MPD = 'application/dash+xml';

const streamOf = (raw: string | undefined): { streamId?: string } => {
  const id = streamIdOf(raw);
  return id ? { streamId: id } : {};
};

function formatOf(asset: string): 'hls' | 'dash' {
  return /\.mpd$/i.test(asset.split('?')[0]!) ? 'dash' : 'hls';
}

export async function playbackRoutes(app: FastifyInstance, deps: PlaybackDeps): Promise<void> {
  app.addHook('onRequest', async (req, reply) => {
    playbackCors(req, reply, req.url.startsWith('/v1/session/') ? 'GET, POST' : 'GET');
  });
  app.options('/v1/*', async (req, reply) => {
    reply.header('access-control-allow-headers', 'content-type');
    return reply.code(204).send();
  });

  const served = (req: FastifyRequest, reply: FastifyReply, body: string, format: 'hls-multivariant' | 'hls-media' | 'dash', extra: { sessionId: string; originMs?: number; adsMs?: number; processingMs?: number; track?: number }) => {
    deps.bus.emit({
      kind: 'manifest.served',
      path: req.url.split('?')[0]!,
      format,
      source: 'stitcher',
      status: 200,
      ms: Math.round(reply.elapsedTime * 100) / 100,
      bytes: Buffer.byteLength(body),
      ...extra,
    });
    return reply.type(format === 'dash' ? MPD : M3U8).header('cache-control', 'no-cache').send(body);
  };

  // Implicit session, or the multivariant of an explicit one (?aws.sessionId=).
  app.get<{ Params: { acct: string; config: string; '*': string }; Querystring: Record<string, string> }>('/v1/master/:acct/:config/*', async (req, reply) => {
    checkAccount(deps, req.params.acct);
    const q = splitQuery(req.query);
    const existing = q.aws.sessionId;
    let session;
    if (existing) {
      session = await findSession(deps, existing);
      if (session.configName !== req.params.config) throw new HttpError(400, `Session ${existing} belongs to configuration "${session.configName}", not "${req.params.config}"`);
    } else {
      const config = configFor(deps, req, req.params.config);
      const asset = req.params['*'];
      if (formatOf(asset) !== 'hls') throw new HttpError(400, `"${asset}" is not an HLS asset; use /v1/dash/… for DASH`);
      const request: SessionRequest = {
        adsParams: q.ads,
        playerParams: {},
        manifestParams: {},
        reportingMode: 'server',
        insertionMode: insertionModeOf(q.aws.insertionMode, config.InsertionMode),
        logMode: q.aws.logMode?.toUpperCase() === 'DEBUG' ? 'DEBUG' : 'STANDARD',
        client: clientOf(req),
        ...streamOf(q.aws.streamId),
      };
      session = await createSession(deps, { config, asset, format: 'hls', originUrl: assetUrl(config, asset, q.origin), request });
    }
    const body = await multivariantFor(deps, session);
    reply.header('x-stitchbench-session', session.id);
    return served(req, reply, body, 'hls-multivariant', { sessionId: session.id });
  });

  app.get<{ Params: { acct: string; session: string; file: string } }>('/v1/manifest/:acct/:session/:file', async (req, reply) => {
    checkAccount(deps, req.params.acct);
    const m = /^(\d{1,4})\.m3u8$/.exec(req.params.file);
    if (!m) throw new HttpError(404, `Unknown manifest "${req.params.file}" (expected <n>.m3u8)`);
    const session = await findSession(deps, req.params.session);
    if (session.tracks.length === 0) await multivariantFor(deps, session);
    const r = await mediaPlaylistFor(deps, session, Number(m[1]), requestBaseUrl(req));
    return served(req, reply, r.text, 'hls-media', { sessionId: session.id, originMs: r.originMs, adsMs: r.adsMs, processingMs: r.processingMs, track: Number(m[1]) });
  });

  // DASH: an implicit session answers 302 to the same URL with ?aws.sessionId= (MediaTailor's sticky redirect);
  // the session's MPD carries <Location> with that URL unless DashConfiguration.MpdLocation is DISABLED.
  app.get<{ Params: { acct: string; config: string; '*': string }; Querystring: Record<string, string> }>('/v1/dash/:acct/:config/*', async (req, reply) => {
    checkAccount(deps, req.params.acct);
    const q = splitQuery(req.query);
    const asset = req.params['*'];
    const existing = q.aws.sessionId;
    if (!existing) {
      const config = configFor(deps, req, req.params.config);
      if (formatOf(asset) !== 'dash') throw new HttpError(400, `"${asset}" is not a DASH asset (.mpd); use /v1/master/… for HLS`);
      const request: SessionRequest = {
        adsParams: q.ads,
        playerParams: {},
        manifestParams: {},
        reportingMode: 'server',
        insertionMode: 'STITCHED_ONLY',
        logMode: q.aws.logMode?.toUpperCase() === 'DEBUG' ? 'DEBUG' : 'STANDARD',
        client: clientOf(req),
        ...streamOf(q.aws.streamId),
      };
      const session = await createSession(deps, { config, asset, format: 'dash', originUrl: assetUrl(config, asset, q.origin), request });
      const target = new URLSearchParams({ ...q.origin, 'aws.sessionId': session.id });
      reply.header('x-stitchbench-session', session.id);
      return reply.code(302).header('cache-control', 'no-store').redirect(`/v1/dash/${deps.accountId}/${encodeURIComponent(config.Name)}/${asset}?${target.toString()}`);
    }
    const session = await findSession(deps, existing);
    if (session.configName !== req.params.config) throw new HttpError(400, `Session ${existing} belongs to configuration "${session.configName}", not "${req.params.config}"`);
    if (session.format !== 'dash') throw new HttpError(400, `Session ${existing} plays HLS; its manifest is /v1/master/…`);
    const r = await dashManifestFor(deps, session, requestBaseUrl(req));
    reply.header('x-stitchbench-session', session.id);
    return served(req, reply, r.text, 'dash', { sessionId: session.id, originMs: r.originMs, adsMs: r.adsMs, processingMs: r.processingMs });
  });

  // Explicit session initialisation (client- or server-side reporting).
  app.post<{ Params: { acct: string; config: string; '*': string } }>('/v1/session/:acct/:config/*', async (req) => {
    checkAccount(deps, req.params.acct);
    const raw = req.body ?? {};
    if (typeof raw !== 'object' || Array.isArray(raw)) throw new HttpError(400, 'Request body must be a JSON object');
    const parsed = SessionBodySchema.safeParse(raw);
    if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
    const body = parsed.data;
    const config = configFor(deps, req, req.params.config);
    const asset = req.params['*'];
    const format = formatOf(asset);
    const q = splitQuery(req.query as Record<string, string>);
    const request: SessionRequest = {
      adsParams: { ...q.ads, ...body.adsParams },
      playerParams: body.playerParams ?? {},
      manifestParams: body.manifestParams ?? {},
      reportingMode: body.reportingMode ?? 'server',
      insertionMode: insertionModeOf(body.insertionMode, config.InsertionMode),
      logMode: body.logMode ?? 'STANDARD',
      client: clientOf(req),
      ...streamOf(q.aws.streamId),
      ...(body.availSuppression
        ? { availSuppression: { ...(body.availSuppression.mode ? { Mode: body.availSuppression.mode } : {}), ...(body.availSuppression.value ? { Value: body.availSuppression.value } : {}), ...(body.availSuppression.fillPolicy ? { FillPolicy: body.availSuppression.fillPolicy } : {}) } }
        : {}),
    };
    const session = await createSession(deps, { config, asset, format, originUrl: assetUrl(config, asset, { ...q.origin, ...request.manifestParams }), request });
    const kind = format === 'dash' ? 'dash' : 'master';
    return {
      manifestUrl: `/v1/${kind}/${deps.accountId}/${encodeURIComponent(config.Name)}/${asset}?aws.sessionId=${session.id}`,
      trackingUrl: `/v1/tracking/${deps.accountId}/${encodeURIComponent(config.Name)}/${session.id}`,
    };
  });

  await app.register(segmentRoutes, deps);
  await app.register(dashSegmentRoutes, deps);
  await app.register(interstitialRoutes, deps);
}
