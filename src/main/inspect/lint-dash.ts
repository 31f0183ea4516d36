// DASH MPD lint over a series of refreshes of one session's MPD. Pure: text in, findings out, no clocks.
// Rules from ISO/IEC 23009-1 (Period timing §5.3.2.1, SegmentTimeline §5.3.9.6, MPD@type §5.3.1.2) and
// DASH-IF IOP (Period ids identify Periods across MPD updates).
import type { LintFinding, LintSource } from '../../shared/inspect-manifests.js';
import { readMpd, type LintMpd, type LintPeriod, type LintTimeline } from './dash-read.js';
import type { LintRefresh } from './lint-hls.js';
import { findingSink, type Emit } from './lint-sink.js';

export interface DashLintOptions {
  track?: string;
  source?: LintSource;
  maxFindings?: number;
}

/**
 * Period start/duration tolerance: start and duration are written with millisecond precision (as this stitcher
 * and most packagers do), so three rounded values (previous start, its duration, this start) can disagree by up
 * to 3 × 0.5 ms without any real gap. Anything beyond that is a gap or overlap a player will see.
 */
export const PERIOD_TOLERANCE_S = 0.0015;

export function lintDashRefreshes(refreshes: LintRefresh[], opts: DashLintOptions = {}): LintFinding[] {
  const sink = findingSink(opts);
  let prev: { text: string; mpd: LintMpd } | undefined;
  const startOfId = new Map<string, number>();
  for (const r of refreshes) {
    const emit: Emit = (f) => sink.add({ ...f, refreshAt: r.at });
    const read = readMpd(r.text);
    if (!read.ok) {
      emit({ rule: 'mpd-parse', severity: 'error', message: `Not a well-formed MPD: ${read.message}`, line: read.line });
      continue;
    }
    const mpd = read.mpd;
    if (!prev || prev.text !== r.text) {
      mpdType(mpd, emit);
      periodContinuity(mpd, emit);
      periodIds(mpd, emit);
      for (const p of mpd.periods) for (const t of p.timelines) segmentTimeline(p, t, emit);
    }
    if (prev) across(prev.mpd, mpd, startOfId, emit);
    for (const p of mpd.periods) if (p.id !== undefined && p.start !== undefined && !startOfId.has(p.id)) startOfId.set(p.id, p.start);
    prev = { text: r.text, mpd };
  }
  return sink.done();
}

function mpdType(mpd: LintMpd, emit: Emit): void {
  if (mpd.type === 'static') {
    const last = mpd.periods.at(-1);
    if (mpd.mediaPresentationDuration === undefined && last?.duration === undefined) {
      emit({ rule: 'mpd-type', severity: 'error', message: 'Static MPD without @mediaPresentationDuration, and its last Period has no @duration: the presentation has no end', line: mpd.line });
    }
    if (mpd.minimumUpdatePeriod !== undefined) emit({ rule: 'mpd-type', severity: 'warn', message: 'Static MPD with @minimumUpdatePeriod (only dynamic MPDs are updated)', line: mpd.line });
  } else if (mpd.availabilityStartTime === undefined) {
    emit({ rule: 'mpd-type', severity: 'error', message: 'Dynamic MPD without @availabilityStartTime (required: segment availability is computed from it)', line: mpd.line });
  }
}

function periodContinuity(mpd: LintMpd, emit: Emit): void {
  for (let i = 1; i < mpd.periods.length; i++) {
    const a = mpd.periods[i - 1]!;
    const b = mpd.periods[i]!;
    if (a.start === undefined || a.duration === undefined || b.startAttr === undefined) continue;
    const end = a.start + a.duration;
    const delta = b.startAttr - end;
    if (Math.abs(delta) <= PERIOD_TOLERANCE_S + 1e-9) continue;
    emit({
      rule: 'period-continuity',
      severity: 'error',
      message: `${delta > 0 ? 'Gap' : 'Overlap'} of ${ms(Math.abs(delta))} between Period ${name(a)} (ends at ${sec(end)}) and Period ${name(b)} (starts at ${sec(b.startAttr)})`,
      line: b.line,
    });
  }
  const last = mpd.periods.at(-1);
  if (mpd.type === 'static' && mpd.mediaPresentationDuration !== undefined && last?.start !== undefined && last.duration !== undefined) {
    const delta = last.start + last.duration - mpd.mediaPresentationDuration;
    if (Math.abs(delta) > PERIOD_TOLERANCE_S + 1e-9) {
      emit({
        rule: 'period-continuity',
        severity: delta > 0 ? 'error' : 'warn',
        message: `Periods end at ${sec(last.start + last.duration)} but @mediaPresentationDuration is ${sec(mpd.mediaPresentationDuration)}${delta > 0 ? ': players stop before the end' : ''}`,
        line: mpd.line,
      });
    }
  }
}

function periodIds(mpd: LintMpd, emit: Emit): void {
  const seen = new Set<string>();
  for (const p of mpd.periods) {
    if (p.id === undefined) {
      if (mpd.type === 'dynamic') emit({ rule: 'period-ids', severity: 'warn', message: `Period at ${sec(p.start)} has no @id (a dynamic MPD needs ids to match Periods across updates)`, line: p.line });
      continue;
    }
    if (seen.has(p.id)) emit({ rule: 'period-ids', severity: 'error', message: `Duplicate Period id "${p.id}"`, line: p.line });
    seen.add(p.id);
  }
}

/** A Period is its id: across updates the same id keeps its start, and the same start keeps its id. */
function across(a: LintMpd, b: LintMpd, startOfId: Map<string, number>, emit: Emit): void {
  if (a.type === 'dynamic' && b.type === 'static') return; // a live presentation that ended: allowed
  if (a.type === 'static' && b.type === 'dynamic') emit({ rule: 'mpd-type', severity: 'error', message: 'MPD changed from static to dynamic between refreshes', line: b.line });
  for (const p of b.periods) {
    if (p.id === undefined || p.start === undefined) continue;
    const was = startOfId.get(p.id);
    if (was !== undefined && Math.abs(was - p.start) > PERIOD_TOLERANCE_S + 1e-9) {
      emit({ rule: 'period-ids', severity: 'error', message: `Period "${p.id}" moved from ${sec(was)} to ${sec(p.start)} between refreshes`, line: p.line });
    }
    const same = a.periods.find((q) => q.start !== undefined && Math.abs(q.start - p.start!) <= PERIOD_TOLERANCE_S && q.id !== undefined);
    if (same && same.id !== p.id && !a.periods.some((q) => q.id === p.id)) {
      emit({ rule: 'period-ids', severity: 'error', message: `Period at ${sec(p.start)} was "${same.id}" and is now "${p.id}": players treat it as a new Period`, line: p.line });
    }
  }
}

function segmentTimeline(p: LintPeriod, tl: LintTimeline, emit: Emit): void {
  let expected: number | undefined;
  for (const [i, s] of tl.entries.entries()) {
    if (!Number.isFinite(s.d) || s.d <= 0) {
      emit({ rule: 'segment-timeline', severity: 'error', message: `Period ${name(p)}, ${tl.where}: <S> #${i + 1} has no positive @d`, line: tl.line });
      return;
    }
    if (s.t !== undefined && expected !== undefined && s.t !== expected) {
      const delta = s.t - expected;
      emit({
        rule: 'segment-timeline',
        severity: 'error',
        message: `Period ${name(p)}, ${tl.where}: ${delta > 0 ? 'gap' : 'overlap'} of ${Math.abs(delta)} ticks (${ms(Math.abs(delta) / tl.timescale)}) before <S t="${s.t}"> (#${i + 1}; previous entries end at ${expected})`,
        line: tl.line,
      });
      return; // one finding per timeline: the rest is usually the same fault repeated
    }
    const t = s.t ?? expected ?? 0;
    expected = s.r < 0 ? undefined : t + s.d * (s.r + 1);
  }
}

function name(p: LintPeriod): string {
  return p.id !== undefined ? `"${p.id}"` : '(no id)';
}

function sec(s: number | undefined): string {
  return s === undefined ? '?' : `${Number(s.toFixed(3))} s`;
}

function ms(s: number): string {
  return s < 1 ? `${Number((s * 1000).toFixed(3))} ms` : `${Number(s.toFixed(3))} s`;
}
