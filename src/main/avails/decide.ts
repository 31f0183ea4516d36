// Deciding one avail: ADS URL templating → VAST resolution (wrappers, timeouts) → each ad's stitchable
// renditions → fill policy → slate. Never throws: every failure becomes a fallback (content plays) or a
// skipped ad with its reason, VAST <Error> URLs are pinged with the matching code, and the outcome is
// published as an `avail` event.
import { pingVastErrors } from '../ads/error-ping.js';
import { VAST_ERROR } from '../ads/error-codes.js';
import type { AdsExchangeSink } from '../ads/exchange.js';
import { resolveVast } from '../ads/resolve.js';
import type { VastLinearAd, VastResponse, VmapTrackingEvent } from '../ads/types.js';
import type { EventBus } from '../bus/event-bus.js';
import type { HlsCreative, HlsCreativeLoader } from '../creatives/hls-creative.js';
import type { DashCreative, DashCreativeLoader } from '../creatives/dash-creative.js';
import { matchDashCreative } from '../creatives/dash-match.js';
import { matchCreative, type TrackMatch } from '../creatives/match.js';
import type { Session } from '../sessions/types.js';
import type { SpliceInfoSummary } from '../scte35/index.js';
import { fillAvail } from './fill.js';
import { dashCandidates, hlsCandidates, manifestUrlCandidates, transcodedCandidates } from './renditions.js';
import type { AdConditioner } from '../transcode/conditioner.js';
import { pickSource, urlSource } from '../transcode/source.js';
import { deviceHeaders, sessionAdsUrl } from './ads-url.js';
import type { AvailDecision, FallbackReason, PlacedItem, SkipReason } from './types.js';
import type { Prefetcher } from '../prefetch/prefetcher.js';

export interface DecideDeps {
  bus: EventBus;
  loader: HlsCreativeLoader;
  dashLoader: DashCreativeLoader;
  /** Transcoded renditions (skip-until-ready) for ads in TRANSCODE mode, and for slate and bumpers. */
  conditioner: AdConditioner;
  now?: () => number;
  /** Keeps every ADS exchange with its body (the ADS inspector). */
  exchanges?: AdsExchangeSink;
  /** Prefetch schedules: live avails take ads fetched before the break instead of calling the ADS. */
  prefetch?: Pick<Prefetcher, 'take' | 'afterAvail'>;
}

export interface AvailRequest {
  key: number;
  availId: string;
  /** Signalled duration; undefined when not signalled. */
  durationSeconds?: number;
  marker?: import('./types.js').AvailMarker;
  /** Break offset the viewer joins at (live mid-break); the output starts here. */
  startOffset?: number;
  live: boolean;
  scte?: SpliceInfoSummary;
  asset?: Record<string, string>;
  /** Decided without asking the ADS (suppression, zero duration). */
  fallback?: FallbackReason;
  fallbackDetail?: string;
  /** A VMAP break's already-resolved ads (VOD). */
  vast?: VastResponse;
  /** A different ADS URL (live pre-roll). */
  adsUrl?: string;
  /** VMAP break tracking (breakStart / breakEnd / error), fired around the avail's ads. */
  breakTracking?: VmapTrackingEvent[];
  /** At most this many ads (a Primetime pttimeline break's maximum_number_of_ads); the ADS's later ones are skipped. */
  maxAds?: number;
}

type Usable = { ok: true; creative: HlsCreative | DashCreative; match: Map<number, TrackMatch> } | { ok: false; reason: SkipReason; detail: string; vastError?: number };

/** Flat [scte.*] variables from a decoded marker. */
export function scteVariables(s: SpliceInfoSummary | undefined): Record<string, string> {
  if (!s) return {};
  const v: Record<string, string> = {};
  if (s.eventId !== undefined) v.event_id = String(s.eventId);
  if (s.segmentationTypeId !== undefined) v.segmentation_type_id = String(s.segmentationTypeId);
  if (s.upid) {
    v.segmentation_upid = s.upid.value;
    v.segmentation_upid_type = String(s.upid.type);
  }
  if (s.segmentNum !== undefined) v.segment_num = String(s.segmentNum);
  if (s.segmentsExpected !== undefined) v.segments_expected = String(s.segmentsExpected);
  if (s.avail) {
    v.avail_num = String(s.avail.num);
    v.avails_expected = String(s.avail.expected);
  }
  if (s.durationSeconds !== undefined) v.duration = String(s.durationSeconds);
  return v;
}

export class AvailDecider {
  constructor(private readonly deps: DecideDeps) {}

  /** For the session's other ADS requests (VOD VMAP), so they are kept alongside the avails'. */
  get exchanges(): AdsExchangeSink | undefined {
    return this.deps.exchanges;
  }

  async decide(session: Session, req: AvailRequest): Promise<AvailDecision> {
    const index = session.availCount++;
    const startOffset = req.startOffset ?? 0;
    const remaining = req.durationSeconds === undefined ? undefined : Math.max(0, req.durationSeconds - startOffset);
    const base: AvailDecision = {
      key: req.key,
      availId: req.availId,
      index,
      ...(req.durationSeconds !== undefined ? { durationSeconds: req.durationSeconds } : {}),
      startOffset,
      items: [],
      filledSeconds: 0,
      slateSeconds: 0,
      skipped: [],
      decidedAt: (this.deps.now ?? Date.now)(),
      ...(req.breakTracking?.length ? { breakTracking: req.breakTracking } : {}),
      ...(req.marker ? { marker: req.marker } : {}),
    };
    const done = (d: AvailDecision) => this.publish(session, d);
    if (req.fallback) return done({ ...base, fallback: req.fallback, ...(req.fallbackDetail ? { fallbackDetail: req.fallbackDetail } : {}) });

    // Bumpers play inside the break, at its start and end: the ADS is asked for, and the ads fill, what they leave.
    const bumpers = await this.bumpers(session, base);
    const bumperSeconds = (bumpers.start?.creative.duration ?? 0) + (bumpers.end?.creative.duration ?? 0);
    let vast = req.vast;
    const prefetched = !vast && req.live && !req.adsUrl ? this.deps.prefetch?.take(session, req.availId, prefixed('scte.', scteVariables(req.scte))) : undefined;
    if (prefetched) {
      vast = prefetched.vast;
      base.prefetch = prefetched.info;
      if (prefetched.adsUrl) base.adsUrl = prefetched.adsUrl;
    }
    if (!vast) {
      const template = req.adsUrl ?? session.config.AdDecisionServerUrl;
      if (!template) return done({ ...base, fallback: 'NO_ADS_URL', fallbackDetail: 'The playback configuration has no AdDecisionServerUrl' });
      const url = sessionAdsUrl(session, template, { index, durationSeconds: remaining === undefined ? 0 : Math.max(0, remaining - bumperSeconds), ...(req.asset ? { asset: req.asset } : {}), scte: scteVariables(req.scte) });
      base.adsUrl = url;
      const timeoutMs = adsTimeout(session);
      vast = await resolveVast(url, {
        timeoutMs,
        headers: deviceHeaders(session),
        bus: this.deps.bus,
        sessionId: session.id,
        availId: req.availId,
        urlTemplate: template,
        exchanges: this.deps.exchanges,
      });
    }
    // A prefetched avail waited for no ADS at all: its call's time is reported as latency avoided.
    base.adsMs = prefetched ? 0 : vast.ms;
    base.vast = {
      ...(vast.version !== undefined ? { version: vast.version } : {}),
      hops: vast.hops,
      ...(vast.errorCode !== undefined ? { errorCode: vast.errorCode } : {}),
      ...(vast.error !== undefined ? { error: vast.error } : {}),
      failures: vast.failures,
      adCount: vast.ads.length,
    };
    for (const f of vast.failures) if (f.errorUrls.length) void pingVastErrors(f.errorUrls, f.code, { bus: this.deps.bus, sessionId: session.id });
    if (vast.ads.length === 0) {
      if (vast.rootErrorUrls.length) void pingVastErrors(vast.rootErrorUrls, VAST_ERROR.NO_ADS_AFTER_WRAPPER, { bus: this.deps.bus, sessionId: session.id });
      const timedOut = vast.failures.some((f) => f.kind === 'timeout' || f.kind === 'budget');
      const fallback: FallbackReason = vast.errorCode === undefined ? 'EMPTY_VAST_RESPONSE' : timedOut ? 'ADS_TIMEOUT' : 'ADS_ERROR';
      return done({ ...base, fallback, ...(vast.error ? { fallbackDetail: vast.error } : {}) });
    }

    // Renditions for every ad, concurrently (they are usually cached after the first session).
    const usable = await Promise.all(vast.ads.map((ad) => this.usable(session, ad)));
    const candidates: { ad: VastLinearAd; creative: HlsCreative | DashCreative; match: Map<number, TrackMatch> }[] = [];
    usable.forEach((u, i) => {
      const ad = vast.ads[i]!;
      if (u.ok) candidates.push({ ad, creative: u.creative, match: u.match });
      else {
        base.skipped.push({ adId: ad.adId, reason: u.reason, detail: u.detail });
        // The transcoder says why (401/402 download, 405 corrupt); else 403: no supported MediaFile, 405: the
        // MediaFile could not be played (playlist fetch failed). An ad still transcoding is not an error.
        const code = u.vastError ?? (u.reason === 'AD_PLAYLIST_ERROR' || u.reason === 'TRANSCODE_ERROR' ? VAST_ERROR.MEDIAFILE_DISPLAY_PROBLEM : VAST_ERROR.NO_SUPPORTED_MEDIAFILE);
        if (u.reason === 'TRANSCODE_IN_PROGRESS') return;
        if (ad.errorUrls.length) void pingVastErrors(ad.errorUrls, code, { bus: this.deps.bus, sessionId: session.id, adId: ad.adId });
      }
    });
    if (req.maxAds !== undefined && candidates.length > req.maxAds) {
      for (const c of candidates.splice(req.maxAds)) base.skipped.push({ adId: c.ad.adId, reason: 'EXCEEDS_MAX_ADS', detail: `the break takes at most ${req.maxAds} ad(s)` });
    }
    if (candidates.length === 0) return done({ ...base, fallback: 'NO_USABLE_ADS', fallbackDetail: base.skipped.map((s) => `${s.adId}: ${s.detail ?? s.reason}`).join('; ') });

    const slateUrl = session.config.SlateAdUrl;
    const fill = fillAvail({
      ...(remaining !== undefined ? { availSeconds: Math.max(0, remaining - bumperSeconds) } : {}),
      ads: candidates.map((c) => ({ duration: c.creative.duration })),
      live: req.live,
      slate: Boolean(slateUrl),
      ...(session.config.PersonalizationThresholdSeconds !== undefined ? { thresholdSeconds: session.config.PersonalizationThresholdSeconds } : {}),
    });
    for (const i of fill.tooLong) base.skipped.push({ adId: candidates[i]!.ad.adId, reason: 'EXCEEDS_AVAIL_DURATION', detail: `${candidates[i]!.creative.duration.toFixed(1)} s does not fit` });
    if (fill.abandoned) {
      return done({ ...base, fallback: 'PERSONALIZATION_THRESHOLD', fallbackDetail: `${(remaining! - candidates.filter((_, i) => !fill.tooLong.includes(i)).reduce((s, c) => s + c.creative.duration, 0)).toFixed(1)} s unfilled exceeds PersonalizationThresholdSeconds=${session.config.PersonalizationThresholdSeconds}` });
    }
    let offset = startOffset;
    if (bumpers.start && fill.placed.length) {
      base.items.push({ kind: 'bumper', adId: 'bumper-start', creative: bumpers.start.creative, match: bumpers.start.match, offset, duration: bumpers.start.creative.duration });
      offset += bumpers.start.creative.duration;
    }
    for (const i of fill.placed) {
      const c = candidates[i]!;
      base.items.push({ kind: 'ad', adId: c.ad.adId, ad: c.ad, creative: c.creative, match: c.match, offset, duration: c.creative.duration });
      offset += c.creative.duration;
    }
    base.filledSeconds = fill.filledSeconds;
    if (fill.slateSeconds > 0 && slateUrl) {
      const slate = await this.usableUrl(session, slateUrl, 'slate');
      if (slate.ok) {
        base.items.push({ kind: 'slate', adId: 'slate', creative: slate.creative, match: slate.match, offset, duration: fill.slateSeconds });
        base.slateSeconds = fill.slateSeconds;
      } else {
        base.skipped.push({ adId: 'slate', reason: slate.reason, detail: slate.detail });
      }
    }
    if (bumpers.end && fill.placed.length) {
      offset = startOffset + base.items.reduce((t, i) => t + i.duration, 0);
      base.items.push({ kind: 'bumper', adId: 'bumper-end', creative: bumpers.end.creative, match: bumpers.end.match, offset, duration: bumpers.end.creative.duration });
    }
    return done(base);
  }

  private async bumpers(session: Session, d: AvailDecision): Promise<{ start?: Extract<Usable, { ok: true }>; end?: Extract<Usable, { ok: true }> }> {
    const out: { start?: Extract<Usable, { ok: true }>; end?: Extract<Usable, { ok: true }> } = {};
    const b = session.config.Bumper;
    for (const [which, url] of [['start', b?.StartUrl], ['end', b?.EndUrl]] as const) {
      if (!url) continue;
      const u = await this.usableUrl(session, url, `bumper-${which}`);
      if (u.ok) out[which] = u;
      else d.skipped.push({ adId: `bumper-${which}`, reason: u.reason, detail: u.detail });
    }
    return out;
  }

  private async usable(session: Session, ad: VastLinearAd): Promise<Usable> {
    const conditioning = session.config.AdConditioningConfiguration?.StreamingMediaFileConditioning ?? 'TRANSCODE';
    const dash = session.format === 'dash';
    const source = conditioning === 'TRANSCODE' ? pickSource(ad) : undefined;
    if (source) {
      const c = await this.deps.conditioner.condition(session, source, { adId: ad.adId, ...(ad.adTitle ? { title: ad.adTitle } : {}) });
      if (!c.ok) return { ok: false, reason: c.reason, detail: c.detail, ...(c.vastError ? { vastError: c.vastError } : {}) };
      return this.firstUsable(session, transcodedCandidates(c.urls, session.format, session.container));
    }
    const urls = dash ? dashCandidates(ad) : hlsCandidates(ad);
    if (urls.length === 0) {
      const kind = dash ? 'DASH' : 'HLS';
      return { ok: false, reason: 'NO_USABLE_RENDITION', detail: conditioning === 'NONE' ? `no ${kind} MediaFile in the VAST` : `no mezzanine or progressive MediaFile to transcode, and no ${kind} MediaFile` };
    }
    return this.firstUsable(session, urls);
  }

  /** Slate and bumpers: a manifest of the session's format is used as is; anything else (an MP4) is transcoded. */
  private async usableUrl(session: Session, url: string, title: string): Promise<Usable> {
    const direct = manifestUrlCandidates(url, session.format);
    if (direct.length) return this.firstUsable(session, direct);
    const source = urlSource(url);
    if (!source) return { ok: false, reason: 'NO_USABLE_RENDITION', detail: `${url} is not a ${session.format.toUpperCase()} manifest` };
    const c = await this.deps.conditioner.condition(session, source, { title });
    if (!c.ok) return { ok: false, reason: c.reason, detail: c.detail };
    return this.firstUsable(session, transcodedCandidates(c.urls, session.format, session.container));
  }

  private async firstUsable(session: Session, urls: string[]): Promise<Usable> {
    let last: Usable = { ok: false, reason: 'NO_USABLE_RENDITION', detail: 'no candidate' };
    if (session.format === 'dash') {
      for (const url of urls) {
        const loaded = await this.deps.dashLoader.load(url);
        if (!loaded.ok) {
          last = { ok: false, reason: 'AD_PLAYLIST_ERROR', detail: loaded.error };
          continue;
        }
        const m = matchDashCreative(loaded.creative, session.dashSets ?? []);
        if (m.ok) return { ok: true, creative: loaded.creative, match: m.byTrack };
        last = { ok: false, reason: 'RENDITION_MISMATCH', detail: m.reason };
      }
      return last;
    }
    for (const url of urls) {
      const loaded = await this.deps.loader.load(url);
      if (!loaded.ok) {
        last = { ok: false, reason: 'AD_PLAYLIST_ERROR', detail: loaded.error };
        continue;
      }
      const m = matchCreative(loaded.creative, session.tracks, session.container);
      if (m.ok) return { ok: true, creative: loaded.creative, match: m.byTrack };
      last = { ok: false, reason: 'RENDITION_MISMATCH', detail: m.reason };
    }
    return last;
  }

  private publish(session: Session, d: AvailDecision): AvailDecision {
    session.decided.set(d.key, d);
    if (session.live) this.deps.prefetch?.afterAvail(session, (d.durationSeconds ?? d.filledSeconds) - d.startOffset);
    const slate = d.items.find((i) => i.kind === 'slate');
    // A placed ad's VAST facts: ids, durations, the transcoder's source and tracking URLs by event.
    const vastFacts = (ad: VastLinearAd) => {
      const trackingEvents: Record<string, string[]> = {};
      const add = (event: string, url: string) => void (trackingEvents[event] ??= []).push(url);
      for (const url of ad.impressions) add('impression', url);
      for (const t of ad.tracking) add(t.event, t.url);
      const source = pickSource(ad);
      return {
        vastDurationSeconds: ad.durationSeconds,
        ...(ad.creativeId ? { creativeId: ad.creativeId } : {}),
        ...(ad.adSystem ? { adSystem: ad.adSystem } : {}),
        ...(ad.adTitle ? { adTitle: ad.adTitle } : {}),
        ...(source ? { mezzanineUrl: source.url } : {}),
        trackingEvents,
      };
    };
    this.deps.bus.emit({
      kind: 'avail',
      sessionId: session.id,
      availId: d.availId,
      durationSeconds: d.durationSeconds ?? d.filledSeconds,
      filledSeconds: d.filledSeconds,
      slateSeconds: d.slateSeconds,
      ads: d.items.filter((i) => i.kind === 'ad').map((i) => ({ adId: i.adId, durationSeconds: i.duration, creative: i.creative.url, ...(i.ad ? vastFacts(i.ad) : {}) })),
      skipped: d.skipped.map((s) => ({ adId: s.adId, reason: s.reason, ...(s.detail ? { detail: s.detail } : {}) })),
      ...(d.fallback ? { fallback: d.fallbackDetail ? `${d.fallback}: ${d.fallbackDetail}` : d.fallback, fallbackReason: d.fallback } : {}),
      ...(d.adsMs !== undefined ? { adsMs: d.adsMs } : {}),
      ...(d.prefetch ? { prefetch: d.prefetch } : {}),
      // What the ADS interaction log reports beyond the avail's outline (src/main/tracking/ads-log-map.ts).
      index: d.index,
      durationSignalled: d.durationSeconds !== undefined,
      ...(d.adsUrl ? { adsUrl: d.adsUrl } : {}),
      ...(slate ? { slate: { creative: slate.creative.url, durationSeconds: slate.duration } } : {}),
      ...(d.vast
        ? { vast: { ...(d.vast.version !== undefined ? { version: d.vast.version } : {}), ...(d.vast.errorCode !== undefined ? { errorCode: d.vast.errorCode } : {}), adCount: d.vast.adCount, failures: d.vast.failures.map((f) => ({ kind: f.kind, code: f.code, depth: f.depth, message: f.message })) } }
        : {}),
    });
    return d;
  }
}

function prefixed(prefix: string, vars: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [prefix + k, v]));
}

export function adsTimeout(session: Session): number {
  const t = (session.config as { AdsRequestTimeoutMilliseconds?: number }).AdsRequestTimeoutMilliseconds;
  return typeof t === 'number' && t > 0 ? t : 3000;
}
