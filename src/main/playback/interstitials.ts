// HLS Interstitials (guided insertion): the media playlist announces each avail with an EXT-X-DATERANGE of
// CLASS "com.apple.hls.interstitial" whose X-ASSET-LIST points here; the player fetches the list and plays
// each ad's own HLS, then resumes content.
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/errors.js';
import { checkAccount, findSession } from './sessions.js';
import type { PlaybackDeps } from './routes.js';

export async function interstitialRoutes(app: FastifyInstance, deps: PlaybackDeps): Promise<void> {
  app.get<{ Params: { acct: string; session: string; key: string } }>('/v1/interstitials/:acct/:session/:key/assets.json', async (req, reply) => {
    checkAccount(deps, req.params.acct);
    const session = await findSession(deps, req.params.session);
    const decision = session.decided.get(Number(req.params.key));
    if (!decision) throw new HttpError(404, `Session ${session.id} has no avail ${req.params.key}`);
    const ASSETS = decision.items
      .filter((i) => i.kind !== 'slate')
      .map((i) => ({ URI: i.creative.url, DURATION: Math.round(i.creative.duration * 1000) / 1000, 'X-AD-ID': i.adId }));
    return reply.header('cache-control', 'no-cache').send({ ASSETS });
  });
}
