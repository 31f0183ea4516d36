// The bench's own view of sessions (not a MediaTailor API): what the UI, tests and reports read to see
// what the stitcher decided — tracks, avails with their ads / skipped ads / fallbacks, debug manifests.
import type { FastifyInstance } from 'fastify';
import type { AvailDecision } from '../avails/types.js';
import { dashAvailPlan } from '../avails/dash-plan.js';
import { HttpError } from '../http/errors.js';
import type { SessionStore } from '../sessions/store.js';
import type { Session } from '../sessions/types.js';
import type { AvailView, SessionView } from '../../shared/session-view.js';

function availView(d: AvailDecision, s: Session): AvailView {
  return {
    availId: d.availId,
    key: d.key,
    index: d.index,
    // Where the avail starts on the session's timeline (null until a manifest placed it).
    startSeconds: s.availTimes?.get(d.key)?.start ?? null,
    marker: d.marker ?? null,
    durationSeconds: d.durationSeconds ?? null,
    startOffset: d.startOffset,
    filledSeconds: d.filledSeconds,
    slateSeconds: d.slateSeconds,
    fallback: d.fallback ?? null,
    fallbackDetail: d.fallbackDetail ?? null,
    adsUrl: d.adsUrl ?? null,
    adsMs: d.adsMs ?? null,
    prefetch: d.prefetch ?? null,
    vast: d.vast ?? null,
    ads: d.items.map((i) => ({ kind: i.kind, adId: i.adId, offset: i.offset, duration: i.duration, creative: i.creative.url, title: i.ad?.adTitle ?? null })),
    skipped: d.skipped,
    // DASH: the ad Periods' ids in order (what dash.js reports on a period switch).
    ...(s.format === 'dash' && !d.fallback ? { periods: dashAvailPlan(d, { prefix: '', accountId: s.accountId, sessionId: s.id }).plan.periods.map((p) => ({ id: p.id, adId: p.adId, kind: p.kind, duration: p.duration })) } : {}),
  };
}

export function sessionView(s: Session, full: boolean): SessionView & { tracks: Session['tracks']; debug?: Session['debug'] } {
  return {
    sessionId: s.id,
    configName: s.configName,
    asset: s.asset,
    format: s.format,
    originUrl: s.originUrl,
    live: s.live ?? null,
    timeZeroPdtMs: s.timeZeroPdtMs ?? null,
    container: s.container ?? null,
    reportingMode: s.request.reportingMode,
    streamId: s.request.streamId ?? null,
    insertionMode: s.request.insertionMode,
    createdAt: s.createdAt,
    lastAccessAt: s.lastAccessAt,
    ttlSeconds: Math.round(s.ttlMs / 1000),
    tracks: s.tracks,
    avails: [...s.decided.values()].sort((a, b) => a.key - b.key).map((d) => availView(d, s)),
    ...(full ? { adsParams: s.request.adsParams, playerParams: s.request.playerParams, debug: debugView(s) } : {}),
  };
}

/** logMode DEBUG (MediaTailor's switch): the last 40 media manifests inline. Every session's full history, with
 *  lint, is GET /api/sessions/:id/manifests — kept out of this view, which players poll. */
function debugView(s: Session) {
  return s.request.logMode === 'DEBUG' ? s.debug.filter((d) => d.track !== 'multivariant').slice(-40) : [];
}

export async function sessionApiRoutes(app: FastifyInstance, opts: { store: SessionStore }): Promise<void> {
  app.get('/api/sessions', async () => ({ sessions: (await opts.store.list()).map((s) => sessionView(s, false)) }));
  app.get<{ Params: { id: string } }>('/api/sessions/:id', async (req) => {
    const s = await opts.store.peek(req.params.id);
    if (!s) throw new HttpError(404, `Unknown session "${req.params.id}"`);
    return sessionView(s, true);
  });
}
