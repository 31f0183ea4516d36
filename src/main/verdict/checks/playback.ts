// What the player lived through: stalls near ad boundaries, fatal errors, and the discontinuities (HLS) or
// Period switches (DASH) that mark each boundary.
import type { CheckResult } from '../../../shared/verdict.js';
import type { Evidence } from '../evidence.js';
import { fail, pass, plural, s1, skip } from './result.js';

/** A stall longer than this at an ad boundary fails the session (the issue's "no stalls over 1 s"). */
export const MAX_BOUNDARY_STALL_MS = 1000;
/** How near a boundary a stall must be to count as "at" it: a boundary stall usually surfaces within a segment. */
export const BOUNDARY_WINDOW_S = 3;

/** Ad boundaries on the session's timeline: each avail's start, each ad's start, each avail's end. */
export function adBoundaries(ev: Evidence): { t: number; what: string }[] {
  const out: { t: number; what: string }[] = [];
  for (const a of ev.beacons.avails) {
    if (a.startSeconds === null) continue;
    out.push({ t: a.startSeconds, what: `avail ${a.availId} start` });
    let end = a.startSeconds;
    for (const ad of a.ads) {
      if (ad.startSeconds === null) continue;
      if (ad.startSeconds > a.startSeconds) out.push({ t: ad.startSeconds, what: `ad ${ad.adId} start` });
      end = Math.max(end, ad.startSeconds + ad.durationSeconds);
    }
    const d = ev.avails.find((x) => x.availId === a.availId);
    out.push({ t: a.startSeconds + Math.max(end - a.startSeconds, d ? d.filledSeconds + d.slateSeconds : 0), what: `avail ${a.availId} end` });
  }
  return out;
}

export function noBoundaryStalls(ev: Evidence): CheckResult {
  const id = 'stalls-at-boundaries';
  const title = `No stall over ${MAX_BOUNDARY_STALL_MS / 1000} s at an ad boundary`;
  if (ev.observations.length === 0) return skip(id, title, 'No player reports');
  const stalls = ev.observations.filter((o) => o.type === 'stall' && (o.durationMs ?? 0) > 0);
  const bounds = adBoundaries(ev);
  const bad: string[] = [];
  const other: string[] = [];
  for (const s of stalls) {
    const near = bounds.find((b) => Math.abs(b.t - s.position) <= BOUNDARY_WINDOW_S);
    const line = `stall of ${s.durationMs} ms at ${s1(s.position)}${near ? ` (${near.what} at ${s1(near.t)})` : ''}`;
    if (near && s.durationMs! > MAX_BOUNDARY_STALL_MS) bad.push(line);
    else other.push(line);
  }
  if (bad.length) return fail(id, title, `${plural(bad.length, 'stall')} over ${MAX_BOUNDARY_STALL_MS} ms at ad boundaries`, [...bad, ...other]);
  return pass(id, title, stalls.length ? `${plural(stalls.length, 'stall')}, none over ${MAX_BOUNDARY_STALL_MS} ms at a boundary` : `No stalls across ${plural(bounds.length, 'boundary', 'boundaries')}`, other);
}

export function noFatalErrors(ev: Evidence): CheckResult {
  const id = 'player-errors';
  const title = 'No fatal player error';
  if (ev.observations.length === 0) return skip(id, title, 'No player reports');
  const errors = ev.observations.filter((o) => o.type === 'error');
  const fatal = errors.filter((o) => o.fatal);
  const lines = errors.map((o) => `${o.fatal ? 'fatal' : 'recovered'} at ${s1(o.position)}: ${o.detail ?? 'error'}`);
  return fatal.length ? fail(id, title, `${plural(fatal.length, 'fatal error')}: ${fatal[0]!.detail ?? ''}`, lines) : pass(id, title, errors.length ? `${plural(errors.length, 'non-fatal error')}, recovered` : 'No errors', lines);
}

const isAdLine = (line: string) => /\/v1\/(segment|dashsegment)\//.test(line);

/** HLS: in the stitched playlists, every switch between content and ad segments is preceded by a
 *  discontinuity; the player saw discontinuities (or, DASH, Period switches) as it crossed avails. */
export function discontinuitiesPresent(ev: Evidence): CheckResult {
  const id = 'discontinuities';
  if (ev.format === 'dash') {
    const title = 'Period switch at every ad boundary';
    const periods = ev.observations.filter((o) => o.type === 'period').length;
    if (ev.observations.length === 0) return skip(id, title, 'No player reports');
    const crossed = ev.avails.filter((d) => !d.fallback && ev.availStarts.has(d.key) && (ev.playhead.maxT ?? -1) > ev.availStarts.get(d.key)!).length;
    if (crossed === 0) return skip(id, title, 'The player has not reached an ad Period yet');
    return periods >= crossed ? pass(id, title, `${plural(periods, 'Period switch', 'Period switches')} over ${plural(crossed, 'avail')} played`) : fail(id, title, `${plural(crossed, 'avail')} played but only ${plural(periods, 'Period switch', 'Period switches')} seen`);
  }
  const title = 'EXT-X-DISCONTINUITY at every ad boundary';
  const latest = ev.manifests?.latest ?? [];
  if (latest.length === 0) return skip(id, title, 'No stitched media playlist recorded yet');
  const bad: string[] = [];
  let boundaries = 0;
  for (const { track, text } of latest) {
    let prevKind: 'ad' | 'content' | undefined;
    let sawDisc = false;
    let lineNo = 0;
    for (const line of text.split('\n')) {
      lineNo++;
      if (line.startsWith('#EXT-X-DISCONTINUITY') && !line.startsWith('#EXT-X-DISCONTINUITY-SEQUENCE')) sawDisc = true;
      if (line === '' || line.startsWith('#')) continue;
      const kind = isAdLine(line) ? 'ad' : 'content';
      if (prevKind && kind !== prevKind) {
        boundaries++;
        if (!sawDisc) bad.push(`track ${track} line ${lineNo}: ${prevKind} → ${kind} without EXT-X-DISCONTINUITY`);
      }
      prevKind = kind;
      sawDisc = false;
    }
  }
  const seen = ev.observations.filter((o) => o.type === 'discontinuity').length;
  const evidence = seen ? [`player crossed ${plural(seen, 'discontinuity', 'discontinuities')}`] : [];
  if (bad.length) return fail(id, title, `${plural(bad.length, 'boundary', 'boundaries')} without a discontinuity`, [...bad, ...evidence]);
  if (boundaries === 0) return skip(id, title, 'No ad boundary in the playlists recorded');
  return pass(id, title, `${plural(boundaries, 'boundary', 'boundaries')} in ${plural(latest.length, 'playlist')}, each marked`, evidence);
}
