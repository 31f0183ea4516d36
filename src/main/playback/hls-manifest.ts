// Serving a session's HLS: the multivariant (tracks → /v1/manifest/…) and each media playlist — origin fetch,
// marker detection, avail decisions (once per session and avail, shared by all tracks), the pure stitch, and
// the live numbering memo. Emits MediaTailor's three latencies: origin, ADS, manifest processing.
import type { EventBus } from '../bus/event-bus.js';
import type { AvailDecider, AvailRequest } from '../avails/decide.js';
import { trackPlan } from '../avails/track-plan.js';
import type { AvailDecision } from '../avails/types.js';
import { HttpError } from '../http/errors.js';
import type { OriginFetcher } from '../origin/fetcher.js';
import type { Session } from '../sessions/types.js';
import { findBreaks, offsetInBreak, type OriginBreak } from '../stitch/hls/markers.js';
import { isMultivariant, scanMediaPlaylist, type MediaScan } from '../stitch/hls/scan-media.js';
import { parseMultivariant, singleVariant } from '../stitch/hls/multivariant.js';
import type { MediaStitchPlan, TrackAvail } from '../stitch/hls/plan.js';
import { stitchMediaPlaylist } from '../stitch/hls/render-media.js';
import { MIN_SESSION_TTL_MS } from './sessions.js';
import { contentRewriter, roundMs } from './cdn.js';
import { suppressed } from './suppression.js';
import { planVodInsertions } from './vod-vmap.js';
import { recordHlsAvailTimes } from './avail-times.js';
import { withQuery } from './request-params.js';
import { recordManifest } from '../inspect/manifest-history.js';
import { markerBreak, withExtXMarkers } from '../primetime/ext-x-marker-avail.js';

/** What serving a session's manifests (HLS or DASH) needs. */
export interface HlsDeps {
  bus: EventBus;
  fetcher: OriginFetcher;
  decider: AvailDecider;
  now: () => number;
}

/** The origin and stitched manifest of each request, for the manifest inspector (always; bounded there). */
export function recordDebug(session: Session, entry: Session['debug'][number]): void {
  recordManifest(session, entry);
}
const MEMO_KEEP = 2000;

export function manifestPath(session: Session, n: number): string {
  return `/v1/manifest/${session.accountId}/${session.id}/${n}.m3u8`;
}

/** Loads the origin multivariant into the session (tracks) and returns the session's copy. */
export async function multivariantFor(deps: HlsDeps, session: Session): Promise<string> {
  const origin = await deps.fetcher.get(session.originUrl, { sessionId: session.id });
  const body = origin.body;
  if (!body.startsWith('#EXTM3U')) throw new HttpError(502, `Origin did not return an HLS playlist for ${session.originUrl}`, 'BadGatewayException');
  const mv = isMultivariant(body) ? parseMultivariant(body, origin.url) : singleVariant(origin.url, 2_000_000);
  if (mv.tracks.length === 0) throw new HttpError(502, `Origin multivariant playlist lists no media playlists: ${session.originUrl}`, 'BadGatewayException');
  if (session.tracks.length === 0) session.tracks = mv.tracks;
  const stitched = mv.render((n) => manifestPath(session, n));
  recordDebug(session, { at: deps.now(), track: 'multivariant', originUrl: origin.url, origin: body, stitched });
  return stitched;
}

export interface MediaResult {
  text: string;
  originMs: number;
  adsMs: number;
  processingMs: number;
}

function breakRequest(session: Session, scan: MediaScan, brk: OriginBreak, live: boolean): AvailRequest {
  const key = brk.startSeq;
  const availId = String(key);
  const base = {
    key,
    availId,
    live,
    ...(brk.durationSeconds !== undefined ? { durationSeconds: brk.durationSeconds } : {}),
    ...(brk.scte ? { scte: brk.scte } : {}),
    ...(brk.asset ? { asset: brk.asset } : {}),
    marker: { source: brk.source, ...(brk.scte35 ? { scte35: brk.scte35 } : {}), ...(brk.scte ? { scte: brk.scte } : {}), ...(brk.eventId ? { eventId: brk.eventId } : {}) },
  };
  if (live && brk.mode === 'insert') return { ...base, fallback: 'ZERO_DURATION', fallbackDetail: 'live streams only replace; a zero-length cue has nothing to replace' };
  if (!live) return base;
  // Live: where was the edge when the session joined, and is this avail already running then?
  const joined = session.joinedAt!;
  const segSeconds = scan.targetDuration || 1;
  const ageSeconds =
    brk.startMs !== undefined && joined.ms !== undefined ? (joined.ms - brk.startMs) / 1000 : (joined.seq - brk.startSeq) * segSeconds;
  const inProgress = ageSeconds > 0 && (brk.durationSeconds === undefined || ageSeconds < brk.durationSeconds);
  const suppression = session.request.availSuppression ?? session.config.AvailSuppression;
  if (suppressed(suppression, { ageSeconds, inProgress })) {
    return { ...base, fallback: 'AVAIL_SUPPRESSED', fallbackDetail: `started ${ageSeconds.toFixed(1)} s before the session's live edge (${suppression?.Mode} ${suppression?.Value ?? '00:00:00'})` };
  }
  // Joined mid-break: fill what is left from the first point this session can play.
  const startOffset = brk.elapsedAtStart > 0 ? Math.round(offsetInBreak(scan, brk, brk.startIndex) * 1000) / 1000 : 0;
  return startOffset > 0 ? { ...base, startOffset } : base;
}

/** Key of the live pre-roll avail (VMAP insertions use -1, -2, …; origin breaks their media sequence). */
export const PREROLL_KEY = -1_000_000;

function prerollRequest(session: Session): AvailRequest {
  const pre = session.config.LivePreRollConfiguration!;
  // Filled like a VOD pod: whole ads up to MaxDurationSeconds, no slate.
  return {
    key: PREROLL_KEY,
    availId: 'preroll',
    live: false,
    ...(pre.MaxDurationSeconds ? { durationSeconds: pre.MaxDurationSeconds } : {}),
    ...(pre.AdDecisionServerUrl ? { adsUrl: pre.AdDecisionServerUrl } : {}),
  };
}

function decisionFor(deps: HlsDeps, session: Session, scan: MediaScan, brk: OriginBreak, live: boolean): Promise<AvailDecision> {
  let p = session.avails.get(brk.startSeq);
  if (!p) {
    p = deps.decider.decide(session, brk.startSeq === PREROLL_KEY ? prerollRequest(session) : breakRequest(session, scan, brk, live));
    session.avails.set(brk.startSeq, p);
  }
  return p;
}

/** VMAP insertions as breaks of this scan: at the first segment boundary at or after the offset. */
function insertionBreaks(scan: MediaScan, at: { key: number; atSeconds: number }[]): OriginBreak[] {
  const out: OriginBreak[] = [];
  for (const ins of at) {
    let t = 0;
    let idx = scan.segments.length;
    for (let i = 0; i < scan.segments.length; i++) {
      if (t >= ins.atSeconds - 0.001) {
        idx = i;
        break;
      }
      t += scan.segments[i]!.duration;
    }
    out.push({ startIndex: idx, endIndex: idx, closed: true, startSeq: ins.key, elapsedAtStart: 0, mode: 'insert', source: 'cue-out' });
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

export async function mediaPlaylistFor(deps: HlsDeps, session: Session, n: number, segmentPrefix: string): Promise<MediaResult> {
  const track = session.tracks[n];
  if (!track) throw new HttpError(404, `Session ${session.id} has no track ${n} (it has ${session.tracks.length})`);
  const origin = await deps.fetcher.get(withQuery(track.url, session.request.manifestParams), { sessionId: session.id });
  const t0 = performance.now();
  const scan = scanMediaPlaylist(origin.body);
  if (!scan.valid) throw new HttpError(502, `Origin media playlist is not HLS (no #EXTM3U): ${track.url}`, 'BadGatewayException');
  if (isMultivariant(origin.body)) throw new HttpError(502, `Origin returned a multivariant playlist where a media playlist was expected: ${track.url}`, 'BadGatewayException');
  const live = !scan.endList && scan.playlistType !== 'VOD';
  session.live ??= live;
  session.container ??= scan.segments.find((s) => s.map !== undefined) ? 'fmp4' : 'ts';
  session.ttlMs = Math.max(MIN_SESSION_TTL_MS, Math.round(10 * scan.totalDuration * 1000));
  const last = scan.segments.at(-1);
  if (live && !session.joinedAt && last) {
    session.joinedAt = { seq: last.seq + 1, ...(last.pdtMs !== undefined ? { ms: last.pdtMs + last.duration * 1000 } : {}) };
    const pre = session.config.LivePreRollConfiguration;
    if (pre && (pre.AdDecisionServerUrl || (pre.MaxDurationSeconds ?? 0) > 0)) session.preroll = { seq: last.seq + 1 };
  }

  // A Primetime pttimeline places the VOD's breaks itself: the content's own markers are ignored.
  let breaks = !live && session.request.vodTimeline ? [] : findBreaks(scan);
  if (session.preroll) {
    // Breaks older than the pre-roll point were never this viewer's to see.
    const p = session.preroll.seq;
    breaks = breaks.filter((b) => (scan.segments[b.startIndex]?.seq ?? Number.POSITIVE_INFINITY) >= p);
    const at = scan.segments.findIndex((s) => s.seq >= p);
    const first = scan.segments[0]?.seq ?? p;
    if (first < p) {
      const idx = at < 0 ? scan.segments.length : at;
      breaks.push({ startIndex: idx, endIndex: idx, closed: true, startSeq: PREROLL_KEY, elapsedAtStart: 0, mode: 'insert', source: 'cue-out' });
      breaks.sort((a, b) => a.startIndex - b.startIndex || (a.startSeq === PREROLL_KEY ? -1 : 1));
    }
  }
  const pending: Promise<AvailDecision>[] = breaks.map((b) => decisionFor(deps, session, scan, b, live));
  let processingMs = performance.now() - t0;
  // ADS latency: time this request waited for decisions (0 once they are made).
  const tAds = performance.now();
  if (!live && breaks.length === 0 && scan.segments.length) {
    session.vodPlan ??= planVodInsertions(session, scan.totalDuration, deps.decider, deps.bus);
    const insertions = await session.vodPlan;
    breaks = insertionBreaks(scan, insertions);
    for (const ins of insertions) if (!session.avails.has(ins.key)) session.avails.set(ins.key, ins.decision);
    pending.push(...insertions.map((i) => i.decision));
  }
  const decisions = await Promise.all(pending);
  const adsMs = performance.now() - tAds;

  const t1 = performance.now();
  const prefix = (session.config.CdnConfiguration?.AdSegmentUrlPrefix ?? segmentPrefix).replace(/\/+$/, '');
  const avails = new Map<number, TrackAvail>();
  const guided = session.request.insertionMode === 'PLAYER_SELECT';
  // Primetime without pttrackingmode: EXT-X-MARKER tags on the stitched ad segments (interstitials have none).
  const markedBreaks = session.request.extXMarker && !guided ? new Map(breaks.map((b) => [b.startSeq, b])) : undefined;
  for (const d of decisions) {
    if (d.fallback || d.items.length === 0) continue;
    const plan = trackPlan(d, n, { prefix, accountId: session.accountId, sessionId: session.id });
    const brk = markedBreaks?.get(d.key);
    avails.set(
      d.key,
      guided
        ? { ...plan.avail, interstitial: { assetListUri: `/v1/interstitials/${session.accountId}/${session.id}/${d.key}/assets.json`, resumeOffset: d.durationSeconds ?? 0 } }
        : brk
          ? withExtXMarkers(plan.avail, d, markerBreak(scan, brk, live, d.key === PREROLL_KEY))
          : plan.avail,
    );
  }
  const firstSeq = scan.segments[0]?.seq;
  const memo = live && firstSeq !== undefined ? session.memo.get(firstSeq) : undefined;
  const contentPrefix = session.config.CdnConfiguration?.ContentSegmentUrlPrefix;
  const plan: MediaStitchPlan = {
    live,
    originUrl: origin.url,
    avails,
    passthroughMarkers: session.config.ManifestProcessingRules?.AdMarkerPassthrough?.Enabled === true,
    ...(memo ? { firstMediaSequence: memo.mediaSequence, firstDiscontinuitySequence: memo.discontinuitySequence } : {}),
    ...(contentPrefix ? { contentUrl: contentRewriter(session.config.VideoContentSourceUrl!, contentPrefix) } : {}),
    // Only a pre-roll that has ads hides the older content (otherwise the first playlist would be empty).
    ...(session.preroll && avails.has(PREROLL_KEY) ? { dropBeforeSeq: session.preroll.seq } : {}),
  };
  const result = stitchMediaPlaylist(scan, plan, breaks);
  if (live) {
    for (const a of result.anchors) if (!session.memo.has(a.originSeq)) session.memo.set(a.originSeq, { mediaSequence: a.mediaSequence, discontinuitySequence: a.discontinuitySequence });
    if (session.memo.size > MEMO_KEEP && firstSeq !== undefined) for (const k of session.memo.keys()) if (k < firstSeq - 100) session.memo.delete(k);
  }
  recordHlsAvailTimes(session, n, decisions, result, scan, live);
  processingMs += performance.now() - t1;
  recordDebug(session, { at: deps.now(), track: n, originUrl: origin.url, origin: origin.body, stitched: result.text });
  return { text: result.text, originMs: origin.ms, adsMs: roundMs(adsMs), processingMs: roundMs(processingMs) };
}
