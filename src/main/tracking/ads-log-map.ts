// Which ADS interaction log records one bus event stands for (pure): the stitcher's ADS requests, avail decisions
// and beacons, in MediaTailor's event types and field names. AdsLog (ads-log.ts) adds the fields every record
// shares (session, configuration, account, request id, time) and keeps them.
import type { AdsLogAvail, AdsLogBenchInfo, AdsLogEventType, AdsLogRecord, AdsLogVastAd, BenchEventOf } from '../../shared/events.js';
import { VMAP_ERROR } from '../ads/error-codes.js';

/** A record without the fields AdsLog adds. */
export type AdsLogEntry = { eventType: AdsLogEventType; eventDescription: string } & Pick<
  AdsLogRecord,
  'adsRequestUrl' | 'requestHeaders' | 'vastResponse' | 'avail' | 'beaconInfo' | 'error' | 'additionalInfo' | 'bench'
>;

const secs = (s: number) => Math.round(s * 1000) / 1000;
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** One stitcher ADS request (side 'client'): the request, then what came of it. */
export function adsRequestEntries(e: BenchEventOf<'ads.request'>): AdsLogEntry[] {
  const depth = e.depth ?? 0;
  const vmap = e.doc === 'vmap';
  const bench: AdsLogBenchInfo = defined({ availId: e.availId, depth, status: e.status, ms: e.ms, bytes: e.bytes, ads: e.ads, failure: e.failure, errorCode: e.errorCode });
  const forAvail = e.availId !== undefined ? ` for avail ${e.availId}` : '';
  const out: AdsLogEntry[] = [
    depth === 0
      ? { eventType: 'MAKING_ADS_REQUEST', eventDescription: vmap ? 'Requesting a VMAP ad plan for the VOD content' : `Requesting ads${forAvail}`, adsRequestUrl: e.url, bench }
      : { eventType: 'VAST_REDIRECT', eventDescription: `Following VAST redirect ${depth} (Wrapper VASTAdTagURI)${forAvail}`, adsRequestUrl: e.url, bench },
  ];
  const answered = !e.error && e.status >= 200 && e.status < 300;
  if (answered) {
    const n = e.ads ?? 0;
    if (vmap) {
      out.push(n > 0 ? { eventType: 'VAST_RESPONSE', eventDescription: `Got VMAP response: ${n} break(s) in ${e.ms} ms`, adsRequestUrl: e.url, bench } : { eventType: 'EMPTY_VMAP_RESPONSE', eventDescription: `Got an empty VMAP response in ${e.ms} ms`, adsRequestUrl: e.url, bench });
      return out;
    }
    const vastResponse = vastResponseOf(e);
    const wrappers = e.vastAds?.filter((a) => a.wrapper !== undefined).length ?? 0;
    const what = `${n - wrappers} InLine ad(s)${wrappers ? `, ${wrappers} Wrapper(s) to follow` : ''}`;
    if (n > 0) {
      out.push(depth === 0
        ? { eventType: 'VAST_RESPONSE', eventDescription: `Got VAST${e.version ? ` ${e.version}` : ''} response: ${what} in ${e.ms} ms`, adsRequestUrl: e.url, vastResponse, bench }
        : { eventType: 'REDIRECTED_VAST_RESPONSE', eventDescription: `Got VAST response after redirect ${depth}: ${what} in ${e.ms} ms`, adsRequestUrl: e.url, vastResponse, bench });
    } else {
      out.push(depth === 0
        ? { eventType: 'EMPTY_VAST_RESPONSE', eventDescription: `Got a VAST response with no ads in ${e.ms} ms`, adsRequestUrl: e.url, vastResponse, bench }
        : { eventType: 'ERROR_VAST_REDIRECT_EMPTY_RESPONSE', eventDescription: `VAST redirect ${depth} answered no ads`, adsRequestUrl: e.url, vastResponse, bench });
    }
    return out;
  }
  // A VMAP request answered by a VAST is not an error: the engine reads that one answer as the VAST (vod-vmap.ts).
  if (vmap && e.errorCode === VMAP_ERROR.SCHEMA) return out;
  const error = e.error ?? `HTTP ${e.status}`;
  const requestHeaders = e.requestHeaders ? Object.entries(e.requestHeaders).map(([name, value]) => ({ name, value })) : undefined;
  const type = failureType(e, depth);
  out.push(defined({ eventType: type, eventDescription: error, adsRequestUrl: e.url, requestHeaders, bench, ...(type === 'ERROR_ADS_INVALID_RESPONSE' ? { additionalInfo: `HTTP ${e.status}` } : {}) }));
  return out;
}

function failureType(e: BenchEventOf<'ads.request'>, depth: number): AdsLogEventType {
  switch (e.failure) {
    case 'timeout':
    case 'budget':
      return 'ERROR_ADS_TIMEOUT';
    case 'parse':
    case 'too-large':
      return 'ERROR_ADS_RESPONSE_PARSE';
    case 'network':
      if (/ENOTFOUND|EAI_AGAIN/.test(e.error ?? '')) return 'ERROR_UNKNOWN_HOST';
      return depth === 0 ? 'ERROR_ADS_IO' : 'ERROR_VAST_REDIRECT_FAILED';
    case 'http':
      return depth === 0 ? 'ERROR_ADS_INVALID_RESPONSE' : 'ERROR_VAST_REDIRECT_FAILED';
    default:
      return depth === 0 ? 'ERROR_UNKNOWN' : 'ERROR_VAST_REDIRECT_FAILED';
  }
}

function vastResponseOf(e: BenchEventOf<'ads.request'>): NonNullable<AdsLogRecord['vastResponse']> {
  const vastAds = (e.vastAds ?? []).map((a): AdsLogVastAd => ({
    vastAdId: a.id,
    adSystem: a.adSystem ?? '',
    adTitle: a.adTitle ?? '',
    creativeId: a.creativeId ?? '',
    creativeAdId: a.creativeAdId ?? '',
    duration: a.durationSeconds ?? 0,
    vastMediaFiles: (a.mediaFiles ?? []).map((m) => ({ uri: m.url, id: m.id ?? '', delivery: m.delivery, type: m.type, apiFramework: m.apiFramework ?? '', width: m.width ?? 0, height: m.height ?? 0, bitrate: m.bitrateKbps ?? 0 })),
    ...(a.wrapper !== undefined ? { vastAdTagUri: a.wrapper } : {}),
  }));
  return { version: e.version ?? '', vastAds, errors: e.errorUrls ?? [] };
}

/** MediaTailor's skippedReason for the bench's skip reasons (the bench's own name where MediaTailor has none). */
const SKIPPED_REASON: Record<string, string> = {
  EXCEEDS_AVAIL_DURATION: 'AVAIL_DURATION_EXCEEDED',
  RENDITION_MISMATCH: 'NO_VARIANT_MATCH',
  AD_PLAYLIST_ERROR: 'MEDIA_FILE_UNAVAILABLE',
};

/** MediaTailor maps each content variant to its ad playlist; one ad multivariant / MPD serves them all here. */
const playlistUris = (url: string | undefined): Record<string, string> => (url ? { '*': url } : {});

/** One avail decision: wrapper failures no request reported, PLANNED_AVAIL, then FILLED_AVAIL or WARNING_NO_ADVERTISEMENTS. */
export function availEntries(e: BenchEventOf<'avail'>): AdsLogEntry[] {
  // Without a signalled duration the event's durationSeconds is the filled time; the origin said nothing.
  const origin = e.durationSignalled === false ? 0 : e.durationSeconds;
  const filled = e.filledSeconds;
  const avail: AdsLogAvail = {
    availId: e.availId,
    originAvailDuration: secs(origin),
    filledDuration: secs(filled),
    fillRate: origin > 0 ? Math.min(1, secs(filled / origin)) : e.ads.length > 0 ? 1 : 0,
    numAds: e.ads.length,
    creativeAds: e.ads.map((a) => ({
      uri: a.mezzanineUrl ?? a.creative ?? '',
      creativeUniqueId: a.creativeId ?? a.mezzanineUrl ?? a.adId,
      ...(a.adSystem ? { adSystem: a.adSystem } : {}),
      adContent: { adPlaylistUris: playlistUris(a.creative) },
      trackingEvents: a.trackingEvents ?? {},
      vastDuration: secs(a.vastDurationSeconds ?? a.durationSeconds),
      transcodedAdDuration: secs(a.durationSeconds),
    })),
    skippedAds: e.skipped.map((s) => {
      const mt = SKIPPED_REASON[s.reason];
      const detail = mt ? [s.reason, s.detail].filter(Boolean).join(': ') : s.detail;
      return { adId: s.adId, creativeUniqueId: s.adId, skippedReason: mt ?? s.reason, ...(detail ? { skippedDetail: detail } : {}) };
    }),
    slateAd: e.slate ? { uri: e.slate.creative, creativeUniqueId: 'slate', adContent: { adPlaylistUris: playlistUris(e.slate.creative) }, transcodedAdDuration: secs(e.slate.durationSeconds) } : null,
  };
  const prefix = `${e.fallbackReason}: `;
  const bench: AdsLogBenchInfo = defined({
    availId: e.availId, index: e.index, fallbackReason: e.fallbackReason,
    fallbackDetail: e.fallback?.startsWith(prefix) ? e.fallback.slice(prefix.length) : undefined,
    slateDuration: e.slateSeconds ? secs(e.slateSeconds) : undefined, adsMs: e.adsMs, prefetch: e.prefetch,
  });
  const out: AdsLogEntry[] = [];
  // Wrapper chains cut short before a request (limit, loop) left no ads.request event: say so here.
  for (const f of e.vast?.failures ?? []) {
    if (f.kind === 'wrapper-limit' || f.kind === 'wrapper-loop') {
      out.push({ eventType: 'ERROR_VAST_REDIRECT_FAILED', eventDescription: f.message, bench: { availId: e.availId, depth: f.depth, failure: f.kind, errorCode: f.code } });
    }
  }
  const signalled = origin > 0 ? `${secs(origin)} s signalled` : 'no duration signalled';
  const from = e.prefetch ? ` from prefetch schedule ${e.prefetch.schedule} (ADS called ${new Date(e.prefetch.retrievedAt).toISOString()}, ${e.prefetch.adsMsAvoided} ms avoided)` : '';
  out.push({ eventType: 'PLANNED_AVAIL', eventDescription: `Avail ${e.availId}: ${signalled}, ${e.ads.length} ad(s) planned for ${secs(filled)} s${from}`, avail, bench });
  if (e.ads.length > 0) {
    const skipped = e.skipped.length ? `, ${e.skipped.length} skipped` : '';
    const of = origin > 0 ? ` of ${secs(origin)}` : '';
    out.push({ eventType: 'FILLED_AVAIL', eventDescription: `Filled avail ${e.availId}: ${e.ads.length} ad(s), ${secs(filled)}${of} s (fill rate ${avail.fillRate})${skipped}`, avail, bench });
  } else {
    out.push({ eventType: 'WARNING_NO_ADVERTISEMENTS', eventDescription: `No ads in avail ${e.availId}: ${e.fallback ?? 'the ADS returned none'}`, avail, bench });
  }
  return out;
}

/** A beacon the stitcher fired (server-side) or relayed for a player (client-side). */
export function beaconEntries(e: BenchEventOf<'beacon'>): AdsLogEntry[] {
  if (e.sender !== 'server' && e.sender !== 'client') return [];
  const status = e.status ?? 0;
  const ok = !e.error && status >= 200 && status < 400;
  const beaconInfo = { beaconUri: e.url, trackingEvent: e.event, beaconHttpResponseCode: status };
  const bench: AdsLogBenchInfo = defined({ availId: e.availId, adId: e.adId, firedBy: e.sender, attempts: e.attempts, ms: e.ms });
  if (ok) return [{ eventType: 'BEACON_FIRED', eventDescription: `Fired ${e.event} beacon: HTTP ${status}${e.ms !== undefined ? ` in ${e.ms} ms` : ''}`, beaconInfo, bench }];
  const error = e.error ?? `HTTP ${status}`;
  const tries = (e.attempts ?? 1) > 1 ? ` after ${e.attempts} attempts` : '';
  return [{ eventType: 'ERROR_FIRING_BEACON_FAILED', eventDescription: `Firing the ${e.event} beacon failed${tries}: ${error}`, beaconInfo, error, bench }];
}
