// MediaTailor's client-side tracking API (GET /v1/tracking/{acct}/{config}/{session}): the avails the session's
// manifests have shown so far, each ad with its VAST metadata and every tracking event with its beacon URLs and
// time on the session's timeline. Ids follow the manifest: HLS availId/adId are the media sequence numbers of the
// first segment (of the avail / the ad) in the session's playlists; DASH the ad Period ids. Live answers page with
// nextToken: a token returns only avails that started after the last one it saw.
import type { AvailDecision } from '../avails/types.js';
import { trackPlan } from '../avails/track-plan.js';
import { dashAvailPlan } from '../avails/dash-plan.js';
import type { Session } from '../sessions/types.js';
import { referenceTrack } from '../playback/avail-times.js';
import { expectedFor } from './tracker.js';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
const dur = (s: number) => `PT${Number(s.toFixed(3))}S`;
const sec = (s: number) => Math.round(s * 1000) / 1000;

/** adId per placed item, as the manifest names the ad. */
function adIds(session: Session, d: AvailDecision, availMs: number | undefined): string[] {
  if (session.format === 'dash') {
    const planned = dashAvailPlan(d, { prefix: '', accountId: session.accountId, sessionId: session.id });
    return d.items.map((_, i) => planned.plan.periods[planned.items.indexOf(i)]?.id ?? `${d.availId}_${i + 1}`);
  }
  const segs = trackPlan(d, referenceTrack(session), { prefix: '', accountId: session.accountId, sessionId: session.id }).segments;
  return d.items.map((_, i) => {
    const first = segs.findIndex((s) => s.item === i);
    return availMs !== undefined && first >= 0 ? String(availMs + first) : `${d.availId}-${i + 1}`;
  });
}

/** The avail's and its ads' ids as the tracking API names them (see the header). */
export function trackingIds(session: Session, d: AvailDecision): { availId: string; adIds: string[] } {
  const time = session.availTimes?.get(d.key);
  const ids = adIds(session, d, time?.mediaSequence);
  const availId = session.format === 'dash' ? (ids[0] ?? d.availId) : time?.mediaSequence !== undefined ? String(time.mediaSequence) : d.availId;
  return { availId, adIds: ids };
}

function availJson(session: Session, d: AvailDecision) {
  const time = session.availTimes!.get(d.key)!;
  const { availId, adIds: ids } = trackingIds(session, d);
  const expected = expectedFor(d);
  const at = (offsetInAvail: number) => sec(time.start + offsetInAvail);
  const pdt = (offsetInAvail: number) => (time.pdtMs !== undefined ? iso(time.pdtMs + offsetInAvail * 1000) : null);
  const breakEvents = expected.filter((b) => b.event === 'breakStart' || b.event === 'breakEnd');
  const ads = d.items
    .map((it, i) => ({ it, i }))
    .filter(({ it }) => it.kind === 'ad' && it.ad)
    .map(({ it, i }) => {
      const ad = it.ad!;
      const start = it.offset - d.startOffset;
      return {
        adId: ids[i]!,
        adParameters: '',
        adProgramDateTime: pdt(start),
        adSystem: ad.adSystem ?? '',
        adTitle: ad.adTitle ?? '',
        adVerifications: [],
        companionAds: [],
        creativeId: ad.creativeId ?? '',
        creativeSequence: ad.sequence !== undefined ? String(ad.sequence) : '',
        duration: dur(it.duration),
        durationInSeconds: sec(it.duration),
        extensions: (ad.extensions ?? []).map((x) => ({ type: x.type ?? null, content: x.xml })),
        mediaFiles: {
          mediaFilesList: ad.mediaFiles.map((m) => ({ mediaFileUri: m.url, mediaType: m.type, delivery: m.delivery, width: m.width ?? 0, height: m.height ?? 0, bitrate: m.bitrateKbps ?? 0, apiFramework: m.apiFramework ?? null })),
          mezzanine: ad.mezzanines[0]?.url ?? '',
        },
        skipOffset: ad.skipOffsetSeconds !== undefined ? dur(ad.skipOffsetSeconds) : null,
        startTime: dur(at(start)),
        startTimeInSeconds: at(start),
        trackingEvents: expected
          .filter((b) => b.item === i && b.event !== 'breakStart' && b.event !== 'breakEnd')
          .map((b) => ({
            beaconUrls: b.urls,
            duration: dur(b.event === 'impression' ? it.duration : 0),
            durationInSeconds: b.event === 'impression' ? sec(it.duration) : 0,
            eventId: b.id,
            eventProgramDateTime: pdt(start + b.offset),
            eventType: b.event,
            startTime: dur(at(start + b.offset)),
            startTimeInSeconds: at(start + b.offset),
          })),
        vastAdId: ad.adId,
      };
    });
  const filled = d.items.reduce((t, x) => t + x.duration, 0);
  return {
    adBreakTrackingEvents: breakEvents.map((b) => ({ beaconUrls: b.urls, eventType: b.event })),
    adMarkerDuration: d.durationSeconds !== undefined ? dur(d.durationSeconds) : null,
    ads,
    availId,
    availProgramDateTime: pdt(0),
    duration: dur(filled),
    durationInSeconds: sec(filled),
    meta: null,
    nonLinearAdsList: [],
    startTime: dur(time.start),
    startTimeInSeconds: time.start,
  };
}

function decodeToken(token: string | undefined): number | undefined {
  if (!token) return undefined;
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown };
    return typeof v.after === 'number' ? v.after : undefined;
  } catch {
    return undefined;
  }
}

export class TokenError extends Error {}

export function trackingResponse(session: Session, nextToken?: string) {
  const after = decodeToken(nextToken);
  if (nextToken && after === undefined) throw new TokenError(`Invalid nextToken "${nextToken.slice(0, 40)}"`);
  const shown = [...session.decided.values()]
    .filter((d) => !d.fallback && d.items.some((i) => i.kind === 'ad') && session.availTimes?.has(d.key))
    .sort((a, b) => session.availTimes!.get(a.key)!.start - session.availTimes!.get(b.key)!.start);
  const page = shown.filter((d) => after === undefined || session.availTimes!.get(d.key)!.start > after + 0.0005);
  const last = page.at(-1);
  const lastStart = last ? session.availTimes!.get(last.key)!.start : after;
  return {
    avails: page.map((d) => availJson(session, d)),
    // Live: the token to ask for what comes next (the same one back when nothing new has started).
    ...(session.live ? { nextToken: Buffer.from(JSON.stringify({ after: lastStart ?? -1 })).toString('base64url') } : {}),
    nonLinearAvails: [],
  };
}
