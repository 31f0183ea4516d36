// VOD content without ad markers: one ADS request for the session. A VMAP answer places its breaks at the
// nearest segment boundary at or after each timeOffset (ad insertion); a plain VAST answer becomes a
// pre-roll — MediaTailor's documented behaviour. The one answer is read as either (resolveVmapOrVast): the
// ADS is never asked twice. A Primetime pttimeline replaces all of this: one avail per timeline break.
import { resolveBreak, resolveVmapOrVast } from '../ads/resolve.js';
import { resolveTimeOffset } from '../ads/types.js';
import type { AvailDecider } from '../avails/decide.js';
import { adsTimeout } from '../avails/decide.js';
import { deviceHeaders, sessionAdsUrl } from '../avails/ads-url.js';
import type { VodInsertion } from '../avails/types.js';
import type { EventBus } from '../bus/event-bus.js';
import type { Session } from '../sessions/types.js';
import { timelineInsertions } from '../primetime/timeline-insertions.js';

export async function planVodInsertions(session: Session, contentSeconds: number, decider: AvailDecider, bus: EventBus): Promise<VodInsertion[]> {
  if (session.request.vodTimeline) return timelineInsertions(session, session.request.vodTimeline, contentSeconds, decider);
  const template = session.config.AdDecisionServerUrl;
  if (!template) return [];
  const url = sessionAdsUrl(session, template, { index: 0, durationSeconds: 0 });
  const opts = { timeoutMs: adsTimeout(session), bus, sessionId: session.id, headers: deviceHeaders(session), exchanges: decider.exchanges };
  const answer = await resolveVmapOrVast(url, { ...opts, urlTemplate: template });
  if (answer.doc === 'vast') {
    // A VAST (or no usable answer at all): a pre-roll, which also reports why there are no ads.
    const key = -1;
    return [{ key, atSeconds: 0, decision: decider.decide(session, { key, availId: 'preroll', live: false, vast: answer.vast }) }];
  }
  const out: VodInsertion[] = [];
  answer.vmap.breaks.forEach((brk, i) => {
    const at = resolveTimeOffset(brk.timeOffset, contentSeconds);
    if (at === undefined || at > contentSeconds + 0.001) return;
    const key = -(i + 1);
    const availId = brk.breakId ?? `vmap-${i + 1}`;
    const decision = resolveBreak(brk, { ...opts, parentExchangeId: answer.exchangeId, baseUrl: url, availId }).then((vast) => decider.decide(session, { key, availId, live: false, vast, breakTracking: brk.trackingEvents }));
    out.push({ key, atSeconds: at, decision });
  });
  return out;
}
