// Adobe Primetime's manifest server front door: GET /auditude/variant/{publisherAssetId}/{base64 content URL}
// .m3u8|.mpd creates a session on the same stitching, ADS and tracking machinery as MediaTailor's paths and
// sends the client to its manifest — a 302, or JSON ({"Master-M3U8": …}) for simple tracking and iOS mobile web.
// Without pttrackingmode an HLS session reports client-side from EXT-X-MARKER tags (ext-x-marker.ts).
// CORS exactly as the seed says: an Origin is echoed with credentials, otherwise any origin; GET.
import type { FastifyInstance } from 'fastify';
import { DEMO_CONFIG_NAME } from '../demo/world.js';
import { playbackCors } from '../playback/cors.js';
import { clientOf, configFor, createSession, type SessionDeps } from '../playback/sessions.js';
import type { SessionRequest } from '../sessions/types.js';
import { HttpError } from '../http/errors.js';
import { decodeContentUrl, readBootstrapParams } from './bootstrap-params.js';

export async function primetimeBootstrapRoutes(app: FastifyInstance, deps: SessionDeps): Promise<void> {
  app.addHook('onRequest', async (req, reply) => playbackCors(req, reply, 'GET'));
  app.options('/auditude/*', async (_req, reply) => reply.header('access-control-allow-headers', 'content-type').code(204).send());

  app.get<{ Params: { assetId: string; file: string }; Querystring: Record<string, unknown> }>('/auditude/variant/:assetId/:file', async (req, reply) => {
    const m = /^(.+)\.(m3u8|mpd)$/i.exec(req.params.file);
    if (!m) throw new HttpError(404, `Expected /auditude/variant/{publisherAssetId}/{base64 content URL}.m3u8 or .mpd, got "${req.params.file}"`);
    const format = m[2]!.toLowerCase() === 'mpd' ? 'dash' : 'hls';
    const contentUrl = decodeContentUrl(m[1]!);
    const p = readBootstrapParams(req.query);
    const config = configFor(deps, req, p.config ?? DEMO_CONFIG_NAME);
    // Adobe: EXT-X-MARKER tags only when the bootstrap has no pttrackingmode; they are HLS tags (DASH stays server-side).
    const markers = p.trackingMode === undefined && format === 'hls';
    const request: SessionRequest = {
      adsParams: p.adsParams,
      playerParams: {},
      manifestParams: {},
      // simple: the client tracks from the sidecar; sstm: the server fires; simplesstm: the server fires and the
      // sidecar is there too (MediaTailor's hybrid mode); none (HLS): the client fires from EXT-X-MARKER tags.
      reportingMode: p.trackingMode === 'simple' || markers ? 'client' : 'server',
      insertionMode: 'STITCHED_ONLY',
      logMode: 'STANDARD',
      client: clientOf(req),
      ...(p.timeline ? { vodTimeline: p.timeline } : {}),
      ...(p.adWindow ? { availSuppression: p.adWindow } : {}),
      ...(markers ? { extXMarker: true } : {}),
    };
    const file = new URL(contentUrl).pathname.split('/').pop() || (format === 'dash' ? 'manifest.mpd' : 'master.m3u8');
    const asset = `primetime/${encodeURIComponent(req.params.assetId)}/${file}`;
    const session = await createSession(deps, { config, asset, format, originUrl: contentUrl, request });
    const kind = format === 'dash' ? 'dash' : 'master';
    const manifestUrl = `/v1/${kind}/${deps.accountId}/${encodeURIComponent(config.Name)}/${asset}?aws.sessionId=${session.id}`;
    const tracking = `/v1/tracking/${deps.accountId}/${encodeURIComponent(config.Name)}/${session.id}`;
    const sidecar = `${tracking}/primetime.${p.trackingVersion === 'vmap' ? 'vmap' : 'json'}`;
    reply.header('x-stitchbench-session', session.id).header('cache-control', 'no-store');
    if (p.json) {
      return { [format === 'dash' ? 'Master-MPD' : 'Master-M3U8']: manifestUrl, 'Tracking-URL': sidecar };
    }
    return reply.code(302).redirect(manifestUrl);
  });
}
