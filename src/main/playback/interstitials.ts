// HLS Interstitials (guided insertion): the media playlist announces each avail with an EXT-X-DATERANGE of
// CLASS "com.apple.hls.interstitial" whose X-ASSET-LIST points here; the player fetches the list and plays each
// asset, then resumes content. Each asset is served through the engine — a multivariant with the session's
// variants, each a media playlist of that ad's segments through /v1/segment/… — so server-side beacons fire in
// guided mode as in stitched mode (MediaTailor does it with session-less beacon data in the ad URIs).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { trackPlan } from '../avails/track-plan.js';
import type { AvailDecision } from '../avails/types.js';
import { requestBaseUrl } from '../config/routes.js';
import { HttpError } from '../http/errors.js';
import type { Session } from '../sessions/types.js';
import { assetMediaPlaylist } from '../stitch/hls/asset-playlist.js';
import { isMultivariant } from '../stitch/hls/scan-media.js';
import { parseMultivariant, singleVariant } from '../stitch/hls/multivariant.js';
import { checkAccount, findSession } from './sessions.js';
import type { PlaybackDeps } from './routes.js';

type AssetParams = { acct: string; session: string; key: string; item: string };

const HLS = 'application/vnd.apple.mpegurl';
const assetBase = (s: Session, key: number, item: number) => `/v1/interstitials/${s.accountId}/${s.id}/${key}/${item}`;

export async function interstitialRoutes(app: FastifyInstance, deps: PlaybackDeps): Promise<void> {
  const decisionOf = async (p: { acct: string; session: string; key: string }): Promise<{ session: Session; decision: AvailDecision }> => {
    checkAccount(deps, p.acct);
    const session = await findSession(deps, p.session);
    const decision = session.decided.get(Number(p.key));
    if (!decision) throw new HttpError(404, `Session ${session.id} has no avail ${p.key}`);
    return { session, decision };
  };
  const itemOf = (d: AvailDecision, raw: string): number => {
    const item = Number(raw);
    if (!Number.isInteger(item) || !d.items[item] || d.items[item]!.kind === 'slate') throw new HttpError(404, `Avail ${d.availId} has no asset ${raw}`);
    return item;
  };
  const playlist = (reply: FastifyReply, text: string) => reply.header('content-type', HLS).header('cache-control', 'no-cache').send(text);

  app.get<{ Params: { acct: string; session: string; key: string } }>('/v1/interstitials/:acct/:session/:key/assets.json', async (req, reply) => {
    const { session, decision } = await decisionOf(req.params);
    const ASSETS = decision.items.flatMap((i, idx) =>
      i.kind === 'slate' ? [] : [{ URI: `${assetBase(session, decision.key, idx)}/master.m3u8`, DURATION: Math.round(i.creative.duration * 1000) / 1000, 'X-AD-ID': i.adId }],
    );
    return reply.header('cache-control', 'no-cache').send({ ASSETS });
  });

  // The asset's multivariant: the session's own variants and renditions, so the ad plays on the ladder it was matched to.
  app.get<{ Params: AssetParams }>('/v1/interstitials/:acct/:session/:key/:item/master.m3u8', async (req, reply) => {
    const { session, decision } = await decisionOf(req.params);
    const item = itemOf(decision, req.params.item);
    const origin = await deps.fetcher.get(session.originUrl, { sessionId: session.id });
    const mv = isMultivariant(origin.body) ? parseMultivariant(origin.body, origin.url) : singleVariant(origin.url, 2_000_000);
    return playlist(reply, mv.render((n) => `${assetBase(session, decision.key, item)}/${n}.m3u8`));
  });

  app.get<{ Params: AssetParams & { n: string } }>('/v1/interstitials/:acct/:session/:key/:item/:n.m3u8', async (req, reply) => {
    const { session, decision } = await decisionOf(req.params);
    const item = itemOf(decision, req.params.item);
    const n = Number(req.params.n);
    if (!Number.isInteger(n) || !session.tracks[n]) throw new HttpError(404, `Session ${session.id} has no track ${req.params.n}`);
    const prefix = (session.config.CdnConfiguration?.AdSegmentUrlPrefix ?? requestBaseUrl(req)).replace(/\/+$/, '');
    const plan = trackPlan(decision, n, { prefix, accountId: session.accountId, sessionId: session.id });
    return playlist(reply, assetMediaPlaylist(plan.avail.segments.filter((_, i) => plan.segments[i]!.item === item)));
  });
}
