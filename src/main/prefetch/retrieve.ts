// One session's prefetch ADS call: the session's own ADS URL (its ads.* parameters, headers, aliases) with the
// schedule's DynamicVariables standing in for what only the break would tell: [scte.*] values,
// [session.avail_duration_secs|ms] and [player_params.*]. Goes through the same VAST client (wrappers, timeouts,
// the bus and the ADS inspector) as an avail's call, tagged availId "prefetch:<schedule>".
import { resolveVast } from '../ads/resolve.js';
import type { AdsExchangeSink } from '../ads/exchange.js';
import type { VastResponse } from '../ads/types.js';
import { adsTimeout } from '../avails/decide.js';
import { deviceHeaders, sessionAdsUrl } from '../avails/ads-url.js';
import type { EventBus } from '../bus/event-bus.js';
import type { Session } from '../sessions/types.js';

export interface RetrieveDeps {
  bus: EventBus;
  exchanges?: AdsExchangeSink;
}

export function prefetchAvailId(schedule: string): string {
  return `prefetch:${schedule}`;
}

/** Splits DynamicVariables by namespace ("scte.event_id" → scte.event_id). */
export function variablesByNamespace(vars: Record<string, string>): { scte: Record<string, string>; playerParams: Record<string, string>; durationSeconds: number } {
  const scte: Record<string, string> = {};
  const playerParams: Record<string, string> = {};
  let durationSeconds = 0;
  for (const [k, v] of Object.entries(vars)) {
    const dot = k.indexOf('.');
    const ns = k.slice(0, dot);
    const name = k.slice(dot + 1);
    if (ns === 'scte') scte[name] = v;
    else if (ns === 'player_params') playerParams[name] = v;
    else if (k === 'session.avail_duration_secs' && Number.isFinite(Number(v))) durationSeconds = Number(v);
    else if (k === 'session.avail_duration_ms' && Number.isFinite(Number(v))) durationSeconds = Number(v) / 1000;
  }
  return { scte, playerParams, durationSeconds };
}

export async function retrieveAds(session: Session, schedule: string, vars: Record<string, string>, deps: RetrieveDeps): Promise<{ url?: string; vast?: VastResponse; error?: string }> {
  const template = session.config.AdDecisionServerUrl;
  if (!template) return { error: 'The playback configuration has no AdDecisionServerUrl' };
  const v = variablesByNamespace(vars);
  const url = sessionAdsUrl(session, template, { index: session.availCount, durationSeconds: v.durationSeconds, scte: v.scte, playerParams: v.playerParams });
  const vast = await resolveVast(url, {
    timeoutMs: adsTimeout(session),
    headers: deviceHeaders(session),
    bus: deps.bus,
    sessionId: session.id,
    availId: prefetchAvailId(schedule),
    urlTemplate: template,
    exchanges: deps.exchanges,
  });
  if (vast.ads.length === 0) return { url, vast, error: vast.error ?? 'the ADS returned no ads' };
  return { url, vast };
}
