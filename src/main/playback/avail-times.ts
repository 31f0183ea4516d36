// Where each avail sits on the session's timeline, learnt when it is first written into a manifest: the client-side
// tracking API reports ads by time (and by media sequence / Period id), and break-position macros need it too.
// HLS: seconds from the first segment of the session's first playlist (VOD: the stitched presentation time; live:
// by PROGRAM-DATE-TIME, as hls.js counts from the first segment it loaded). DASH: the MPD presentation time.
import type { AvailDecision } from '../avails/types.js';
import { trackPlan } from '../avails/track-plan.js';
import type { OutPeriod } from '../stitch/dash/plan.js';
import type { StitchResult } from '../stitch/hls/plan.js';
import type { MediaScan } from '../stitch/hls/scan-media.js';
import type { Session } from '../sessions/types.js';

export interface AvailTime {
  /** Seconds on the session's timeline where the avail's output starts. */
  start: number;
  /** HLS: media sequence of the avail's first segment in the reference track. */
  mediaSequence?: number;
  /** Wall clock of the start (content PROGRAM-DATE-TIME, or availabilityStartTime + Period@start). */
  pdtMs?: number;
}

/** The track whose playlist places avails for the session: the first variant (players fetch it with the others). */
export function referenceTrack(session: Session): number {
  return session.tracks.find((t) => t.kind === 'variant' || t.kind === 'video')?.n ?? 0;
}

export function recordHlsAvailTimes(session: Session, n: number, decisions: AvailDecision[], result: StitchResult, scan: MediaScan, live: boolean): void {
  if (n !== referenceTrack(session) || (result.availStarts.length === 0 && result.openBreaks.length === 0)) return;
  const times = (session.availTimes ??= new Map());
  if (live) session.timeZeroPdtMs ??= scan.segments[0]?.pdtMs;
  // Avails that fell back to content keep their place too (the timeline shows them with their reason).
  for (const o of result.openBreaks) {
    const d = decisions.find((x) => x.key === o.startSeq);
    if (!d || !d.fallback || times.has(d.key)) continue;
    const zero = session.timeZeroPdtMs;
    const start = live && o.pdtMs !== undefined && zero !== undefined ? (o.pdtMs - zero) / 1000 : o.at;
    times.set(d.key, { start: Math.round(start * 1000) / 1000, ...(o.pdtMs !== undefined ? { pdtMs: o.pdtMs } : {}) });
  }
  for (const a of result.availStarts) {
    const d = decisions.find((x) => x.availId === a.availId);
    if (!d || times.has(d.key)) continue;
    const zero = session.timeZeroPdtMs;
    const start = live && a.pdtMs !== undefined && zero !== undefined ? (a.pdtMs - zero) / 1000 : a.at;
    const segs = trackPlan(d, n, { prefix: '', accountId: session.accountId, sessionId: session.id }).avail.segments;
    const listedAt = segs.findIndex((s) => Math.abs(s.offset - d.startOffset - a.firstListedOffset) < 0.001);
    times.set(d.key, { start: Math.round(start * 1000) / 1000, ...(listedAt >= 0 ? { mediaSequence: a.firstListed - listedAt } : {}), ...(a.pdtMs !== undefined ? { pdtMs: a.pdtMs } : {}) });
  }
}

export function recordDashAvailTimes(session: Session, periods: OutPeriod[], availabilityStartMs: number | undefined): void {
  const times = (session.availTimes ??= new Map());
  for (const p of periods) {
    if (p.kind === 'content' || p.key === undefined || times.has(p.key)) continue;
    times.set(p.key, { start: Math.round(p.start * 1000) / 1000, ...(availabilityStartMs !== undefined ? { pdtMs: availabilityStartMs + p.start * 1000 } : {}) });
  }
}
