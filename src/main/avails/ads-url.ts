// A session's ADS request URL: the configured template with MediaTailor's dynamic variables expanded, the
// session's ads.* parameters as [player_params.*] (and appended when the template does not use them), aliases
// applied. One place for every caller (avails, VOD VMAP, live pre-roll).
import { randomInt } from 'node:crypto';
import { adsParamsToQuery, expandAdsUrl } from '../ads/template.js';
import type { Session } from '../sessions/types.js';

export interface AdsUrlContext {
  index: number;
  /** The avail's duration to ask for ([session.avail_duration_secs|ms]); 0 when unknown. */
  durationSeconds: number;
  asset?: Record<string, string>;
  scte?: Record<string, string>;
  /** [player_params.*] that win over the session's (a prefetch schedule's DynamicVariables). */
  playerParams?: Record<string, string>;
}

export function sessionAdsUrl(session: Session, template: string, ctx: AdsUrlContext): string {
  const { template: t, playerParams } = adsParamsToQuery(template, session.request.adsParams);
  const c = session.request.client;
  return expandAdsUrl(
    t,
    {
      session: {
        id: session.id,
        uuid: session.id,
        availDurationSecs: Math.round(ctx.durationSeconds),
        availDurationMs: Math.round(ctx.durationSeconds * 1000),
        ...(c.ip ? { clientIp: c.ip } : {}),
        ...(c.referer ? { referer: c.referer } : {}),
        ...(c.userAgent ? { userAgent: c.userAgent } : {}),
      },
      avail: { index: ctx.index, random: randomInt(0, 2 ** 31) },
      playerParams: { ...playerParams, ...session.request.playerParams, ...ctx.playerParams },
      ...(ctx.asset ? { asset: ctx.asset } : {}),
      ...(ctx.scte ? { scte: ctx.scte } : {}),
    },
    session.config.ConfigurationAliases ? { aliases: session.config.ConfigurationAliases } : {},
  ).url;
}

/** Headers that tell the ADS who the viewer is (MediaTailor forwards the player's IP and user agent). */
export function deviceHeaders(session: Session): Record<string, string> {
  const c = session.request.client;
  const h: Record<string, string> = {};
  if (c.ip) h['x-device-ip'] = c.ip;
  if (c.userAgent) {
    h['x-device-user-agent'] = c.userAgent;
    h['user-agent'] = c.userAgent;
  }
  if (c.referer) h['x-device-referer'] = c.referer;
  return h;
}
