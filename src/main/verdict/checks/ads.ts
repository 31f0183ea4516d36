// Did every avail get ads, and do the ads fit the avail they were placed in?
import type { CheckResult } from '../../../shared/verdict.js';
import type { Evidence } from '../evidence.js';
import { fail, pass, plural, s1, skip } from './result.js';

/** Ads + slate may differ from the signalled duration by this much (a segment boundary's rounding). */
const FIT_TOLERANCE_S = 0.5;

export function adsFilled(ev: Evidence): CheckResult {
  const id = 'ads-filled';
  const title = 'Every avail is filled with ads';
  if (ev.avails.length === 0) return skip(id, title, 'No avail reached yet: play past a break');
  // A live viewer who joins mid-break gets what is left of it, often too short for any ad: not a failure.
  const joinedLate = (d: Evidence['avails'][number]) => d.startOffset > 0 && (d.fallback !== undefined || d.items.every((i) => i.kind !== 'ad'));
  const judged = ev.avails.filter((d) => !joinedLate(d));
  const empty = judged.filter((d) => d.fallback || d.items.every((i) => i.kind !== 'ad'));
  const evidence = ev.avails.map((d) => {
    const ads = d.items.filter((i) => i.kind === 'ad').length;
    const skipped = d.skipped.map((s) => `${s.adId} skipped (${s.reason}${s.detail ? `: ${s.detail}` : ''})`).join('; ');
    if (joinedLate(d)) return `avail ${d.availId}: joined ${s1(d.startOffset)} into the break${d.durationSeconds !== undefined ? ` (${s1(d.durationSeconds - d.startOffset)} left)` : ''}, no ads for the rest (${d.fallback ?? 'NO_ADS'}) — not judged`;
    return d.fallback
      ? `avail ${d.availId}: no ads — ${d.fallback}${d.fallbackDetail ? `: ${d.fallbackDetail}` : ''}; content played instead`
      : `avail ${d.availId}: ${plural(ads, 'ad')}, ${s1(d.filledSeconds)} of ads${skipped ? `; ${skipped}` : ''}`;
  });
  if (judged.length === 0) return skip(id, title, 'Only an avail joined mid-break so far', evidence);
  if (empty.length) return fail(id, title, `${plural(empty.length, 'avail')} of ${judged.length} without ads (${[...new Set(empty.map((d) => d.fallback ?? 'NO_ADS'))].join(', ')})`, evidence);
  return pass(id, title, `${plural(judged.length, 'avail')} filled`, evidence);
}

export function adDurations(ev: Evidence): CheckResult {
  const id = 'ad-durations';
  const title = 'Ad durations fit their avails';
  const judged = ev.avails.filter((d) => !d.fallback && d.durationSeconds !== undefined);
  if (judged.length === 0) return skip(id, title, ev.avails.length ? 'No filled avail with a signalled duration' : 'No avail reached yet');
  const bad: string[] = [];
  const evidence = judged.map((d) => {
    const signalled = d.durationSeconds! - d.startOffset;
    const total = d.filledSeconds + d.slateSeconds;
    const line = `avail ${d.availId}: ${s1(d.filledSeconds)} ads + ${s1(d.slateSeconds)} slate in a ${s1(signalled)} avail`;
    if (d.filledSeconds > signalled + FIT_TOLERANCE_S) bad.push(`avail ${d.availId} overruns by ${s1(d.filledSeconds - signalled)}`);
    else if (Math.abs(total - signalled) > FIT_TOLERANCE_S) bad.push(`avail ${d.availId} leaves ${s1(signalled - total)} unfilled`);
    return line;
  });
  return bad.length ? fail(id, title, bad.join('; '), evidence) : pass(id, title, `${plural(judged.length, 'avail')} within ±${FIT_TOLERANCE_S} s`, evidence);
}
