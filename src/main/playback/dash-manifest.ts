// Serving a session's DASH: origin fetch, SCTE-35 breaks (plus breaks remembered from earlier refreshes, so an
// origin that drops a past Event does not make its ads disappear), avail decisions (once per session and break,
// the same planner as HLS), VMAP insertions for marker-free VOD, then the pure writer. Emits MediaTailor's
// three latencies: origin, ADS, manifest processing.
import type { AvailRequest } from '../avails/decide.js';
import { dashAvailPlan } from '../avails/dash-plan.js';
import type { AvailDecision } from '../avails/types.js';
import { contentSetsOf } from '../creatives/dash-match.js';
import { HttpError } from '../http/errors.js';
import type { Session } from '../sessions/types.js';
import { cutAddressing } from '../stitch/dash/addressing.js';
import { findDashBreaks, type DashBreak } from '../stitch/dash/markers.js';
import type { DashAvailPlan, DashStitchPlan, WriterBreak } from '../stitch/dash/plan.js';
import { stitchMpd } from '../stitch/dash/render.js';
import { contentEdge, contentOrigin, MpdError, scanMpd, type MpdScan } from '../stitch/dash/scan.js';
import { parseDuration } from '../stitch/dash/time.js';
import { attr } from '../xml/tree.js';
import { MIN_SESSION_TTL_MS } from './sessions.js';
import { contentRewriter, roundMs } from './cdn.js';
import { suppressed } from './suppression.js';
import { planVodInsertions } from './vod-vmap.js';
import { recordDashAvailTimes } from './avail-times.js';
import { recordDebug, type HlsDeps, type MediaResult } from './hls-manifest.js';

export type DashDeps = HlsDeps;

const MAX_REMEMBERED = 500;

/** Origin MPD text → scan, shared by every session on the same origin refresh (the fetcher coalesces). */
const scans = new Map<string, { text: string; scan: MpdScan }>();

function scanOf(url: string, text: string): MpdScan {
  const hit = scans.get(url);
  if (hit && hit.text === text) return hit.scan;
  let scan: MpdScan;
  try {
    scan = scanMpd(text);
  } catch (e) {
    const reason = e instanceof MpdError ? e.message : String(e);
    throw new HttpError(502, `Origin MPD is malformed (${reason}): ${url}`, 'BadGatewayException');
  }
  scans.set(url, { text, scan });
  if (scans.size > 200) scans.delete(scans.keys().next().value!);
  return scan;
}

function breakRequest(session: Session, brk: WriterBreak & { scte?: DashBreak['scte'] }, start: number, live: boolean): AvailRequest {
  const availId = String(brk.key);
  const base: AvailRequest = {
    key: brk.key,
    availId,
    live,
    ...(brk.durationSeconds !== undefined ? { durationSeconds: brk.durationSeconds } : {}),
    ...(brk.scte ? { scte: brk.scte } : {}),
    marker: { source: 'EventStream', ...(brk.scte ? { scte: brk.scte } : {}) },
  };
  if (!live) return base;
  if (!brk.durationSeconds) return { ...base, fallback: 'ZERO_DURATION', fallbackDetail: 'live streams only replace; an Event without a duration has nothing to replace' };
  const joined = session.dashJoin ?? start;
  const ageSeconds = joined - start;
  const inProgress = ageSeconds > 0 && ageSeconds < brk.durationSeconds;
  const suppression = session.request.availSuppression ?? session.config.AvailSuppression;
  if (suppressed(suppression, { ageSeconds, inProgress })) {
    return { ...base, fallback: 'AVAIL_SUPPRESSED', fallbackDetail: `started ${ageSeconds.toFixed(1)} s before the session's live edge (${suppression?.Mode} ${suppression?.Value ?? '00:00:00'})` };
  }
  // Joined mid-break: the ads begin at the edge the session joined at.
  return inProgress ? { ...base, startOffset: Math.round(ageSeconds * 1000) / 1000 } : base;
}

/** Breaks of this refresh: the origin's, plus remembered ones whose time is still in a listed Period. */
function sessionBreaks(session: Session, scan: MpdScan): (WriterBreak & { scte?: DashBreak['scte']; start: number })[] {
  const type = session.config.DashConfiguration?.OriginManifestType ?? 'MULTI_PERIOD';
  const found = findDashBreaks(scan, type).breaks;
  const remembered = (session.dashBreaks ??= new Map());
  const out = new Map<number, WriterBreak & { scte?: DashBreak['scte']; start: number }>();
  for (const b of found) {
    out.set(b.key, b);
    if (!remembered.has(b.key)) remembered.set(b.key, { start: b.start, ...(b.durationSeconds !== undefined ? { durationSeconds: b.durationSeconds } : {}) });
  }
  if (remembered.size > MAX_REMEMBERED) for (const k of remembered.keys()) if (remembered.size > MAX_REMEMBERED) remembered.delete(k);
  if (!scan.dynamic) return [...out.values()];
  for (const [key, r] of remembered) {
    if (out.has(key)) continue;
    const p = scan.periods.find((x) => r.start >= x.start - 0.001 && (x.duration === undefined || r.start < x.start + x.duration - 0.001));
    if (!p) continue;
    out.set(key, { key, periodIndex: p.index, offset: r.start - p.start, start: r.start, ...(r.durationSeconds !== undefined ? { durationSeconds: r.durationSeconds } : {}) });
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/** A VMAP insertion point moved to the first segment boundary at or after it (video timeline). */
function insertionBreak(scan: MpdScan, key: number, at: number): WriterBreak {
  const last = scan.periods[scan.periods.length - 1]!;
  const p = scan.periods.find((x) => at < x.start + (x.duration ?? Number.POSITIVE_INFINITY) - 0.001) ?? last;
  let offset = Math.max(0, at - p.start);
  const rep = (p.adaptationSets.find((s) => s.contentType === 'video') ?? p.adaptationSets[0])?.representations[0];
  const a = rep?.addressing;
  if (a && offset > 0 && (p.duration === undefined || offset < p.duration - 0.001)) {
    const cut = cutAddressing(a, { a: offset }, p.duration);
    const first = cut.runs?.[0];
    if (first) {
      const segStart = (first.t - a.pto) / a.timescale;
      // The segment holding `at` ends at the boundary we want (unless `at` is already one).
      offset = Math.abs(segStart - offset) < 0.001 ? segStart : segStart + first.d / a.timescale;
    }
  }
  if (p.duration !== undefined) offset = Math.min(offset, p.duration);
  return { key, periodIndex: p.index, offset, durationSeconds: 0 };
}

function sessionMpdUrl(session: Session, base: string): string {
  const u = new URL(`${base}/v1/dash/${session.accountId}/${encodeURIComponent(session.configName)}/${session.asset}`);
  u.searchParams.set('aws.sessionId', session.id);
  return u.toString();
}

export async function dashManifestFor(deps: DashDeps, session: Session, requestBase: string): Promise<MediaResult> {
  const origin = await deps.fetcher.get(session.originUrl, { sessionId: session.id });
  const t0 = performance.now();
  const scan = scanOf(origin.url, origin.body);
  const live = scan.dynamic;
  session.live ??= live;
  session.container ??= 'fmp4';
  session.dashSets ??= contentSetsOf(scan.periods.find((p) => p.adaptationSets.length > 0)?.adaptationSets ?? []);
  const edge = contentEdge(scan);
  if (live && session.dashJoin === undefined && edge !== undefined) session.dashJoin = edge;
  const span = live
    ? (parseDuration(attr(scan.mpd, 'timeShiftBufferDepth')) ?? (edge !== undefined ? edge - (contentOrigin(scan) ?? edge) : 0))
    : (scan.mediaPresentationDuration ?? 0);
  session.ttlMs = Math.max(MIN_SESSION_TTL_MS, Math.round(10 * span * 1000));

  const windowStart = live ? contentOrigin(scan) : undefined;
  // Live: a break that ended before the window began is history; nobody will see it, so the ADS is not asked.
  // One already decided stays applied, so the content after it keeps its Period id and start as it slides out.
  // A Primetime pttimeline places the VOD's breaks itself: the content's own markers are ignored.
  let breaks = !live && session.request.vodTimeline ? [] : sessionBreaks(session, scan).filter((b) => windowStart === undefined || session.avails.has(b.key) || b.start + (b.durationSeconds ?? 0) > windowStart + 0.001);
  const pending: Promise<AvailDecision>[] = breaks.map((b) => {
    let p = session.avails.get(b.key);
    if (!p) {
      p = deps.decider.decide(session, breakRequest(session, b, b.start, live));
      session.avails.set(b.key, p);
    }
    return p;
  });
  let processingMs = performance.now() - t0;
  const tAds = performance.now();
  let writerBreaks: WriterBreak[] = breaks;
  if (!live && breaks.length === 0) {
    const total = scan.mediaPresentationDuration ?? scan.periods.reduce((t, p) => Math.max(t, p.start + (p.duration ?? 0)), 0);
    session.vodPlan ??= planVodInsertions(session, total, deps.decider, deps.bus);
    const insertions = await session.vodPlan;
    writerBreaks = insertions.map((i) => insertionBreak(scan, i.key, i.atSeconds));
    for (const ins of insertions) if (!session.avails.has(ins.key)) session.avails.set(ins.key, ins.decision);
    pending.push(...insertions.map((i) => i.decision));
    breaks = [];
  }
  const decisions = await Promise.all(pending);
  const adsMs = performance.now() - tAds;

  const t1 = performance.now();
  const prefix = (session.config.CdnConfiguration?.AdSegmentUrlPrefix ?? requestBase).replace(/\/+$/, '');
  const avails = new Map<number, DashAvailPlan>();
  for (const d of decisions) {
    if (d.fallback || d.items.length === 0) continue;
    avails.set(d.key, dashAvailPlan(d, { prefix, accountId: session.accountId, sessionId: session.id }).plan);
  }
  const contentPrefix = session.config.CdnConfiguration?.ContentSegmentUrlPrefix;
  const dashBase = (session.config.DashConfiguration?.ManifestEndpointPrefix ?? requestBase).replace(/\/v1\/dash\/.*$/, '').replace(/\/+$/, '');
  const plan: DashStitchPlan = {
    live,
    originUrl: origin.url,
    avails,
    passthroughMarkers: session.config.ManifestProcessingRules?.AdMarkerPassthrough?.Enabled === true,
    ...(session.config.DashConfiguration?.MpdLocation !== 'DISABLED' ? { location: sessionMpdUrl(session, dashBase) } : {}),
    ...(contentPrefix ? { contentUrl: contentRewriter(session.config.VideoContentSourceUrl!, contentPrefix) } : {}),
  };
  const result = stitchMpd(scan, plan, writerBreaks);
  recordDashAvailTimes(session, result.periods, scan.dynamic ? scan.availabilityStartMs : undefined);
  processingMs += performance.now() - t1;
  recordDebug(session, { at: deps.now(), track: 0, originUrl: origin.url, origin: origin.body, stitched: result.text });
  return { text: result.text, originMs: origin.ms, adsMs: roundMs(adsMs), processingMs: roundMs(processingMs) };
}
