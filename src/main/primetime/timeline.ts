// Primetime's VOD timeline (the pttimeline bootstrap parameter) read into ad breaks on the content's clock. Pure.
//
// Adobe's "VOD timeline format" (Manifest Server API for Ad Insertion; Adobe's docs source
// help/primetime-ad-insertion/~old-msapi-topics/ms-changes-vod-timeline/): a sequence of pods separated by ';'.
//   B,duration,maximum_number_of_ads,position   an ad break; position n (none), p (pre-), m (mid-), t (post-roll)
//   C,duration,number_of_lots                   a content chapter
// Durations are seconds with millisecond precision. e.g. "B,60,2,p;C,300,1": a 60 s pre-roll of up to 2 ads, then
// five minutes of content. A break sits after the content chapters before it, so its time is their sum.
//
// Where the doc leaves room, the bench reads it so:
// - B duration 0 means "the break's own duration from the manifest": the bench ignores markers under pttimeline,
//   so the break has no signalled duration (the ADS is asked without one).
// - C duration 0 means "the original chapter" (the doc's replace-a-timeline recipe, relative to the markers):
//   nothing to measure it by without markers, so it is refused.
// - Lots split a chapter's duration (as ads split a break's): they do not move the breaks.
// - p must come before any content, t after all of it, m after some; two breaks that insert ads may not share a
//   position (merge them into one pod). A trailing ';' (as in Adobe's examples) is allowed.

export type TimelinePlacement = 'pre' | 'mid' | 'post' | 'none';

export interface TimelineBreak {
  /** Content seconds before the break (the chapters' sum). A post-roll goes at the content's real end. */
  atSeconds: number;
  /** Undefined for duration 0 (no signalled duration). */
  durationSeconds?: number;
  /** Most ads the break may hold; 0 (like position n) leaves the slot empty. */
  maxAds: number;
  placement: TimelinePlacement;
  /** The pod as written, for messages. */
  pod: string;
}

export type TimelineResult = { ok: true; breaks: TimelineBreak[]; contentSeconds: number } | { ok: false; message: string };

/** Each break is an ADS request: a bound keeps a stray URL from flooding the ADS. */
export const MAX_PODS = 100;

const SECONDS = /^\d+(\.\d{1,3})?$/;
const WHOLE = /^\d+$/;
const PLACEMENTS: Record<string, TimelinePlacement> = { n: 'none', p: 'pre', m: 'mid', t: 'post' };

export function parseVodTimeline(text: string): TimelineResult {
  const pods = text.split(';').map((p) => p.trim());
  if (pods.length > 1 && pods.at(-1) === '') pods.pop();
  if (pods.length === 1 && pods[0] === '') return { ok: false, message: 'the timeline is empty (expected pods like B,60,2,p;C,300,1)' };
  if (pods.length > MAX_PODS) return { ok: false, message: `${pods.length} pods: the bench takes at most ${MAX_PODS}` };

  const breaks: TimelineBreak[] = [];
  let content = 0;
  let chapters = 0;
  let postRoll: TimelineBreak | undefined;
  for (const [i, pod] of pods.entries()) {
    const bad = (why: string): TimelineResult => ({ ok: false, message: `pod ${i + 1} "${pod}": ${why}` });
    if (pod === '') return bad('empty pod (two ";" in a row)');
    const f = pod.split(',').map((x) => x.trim());
    const kind = f[0]!.toUpperCase();
    if (kind === 'C') {
      if (f.length !== 3) return bad('a content chapter is C,duration,number_of_lots');
      if (!SECONDS.test(f[1]!)) return bad('duration must be seconds (at most 3 decimals)');
      const duration = Number(f[1]);
      if (duration === 0) return bad('a chapter of duration 0 ("the original chapter") needs the content\'s markers, which pttimeline overrides: give its length in seconds');
      if (!WHOLE.test(f[2]!) || Number(f[2]) < 1) return bad('number_of_lots must be a whole number of at least 1');
      if (postRoll) return bad(`content after the post-roll "${postRoll.pod}"`);
      content += duration;
      chapters++;
      continue;
    }
    if (kind !== 'B') return bad('a pod is B,duration,maximum_number_of_ads,position or C,duration,number_of_lots');
    if (f.length !== 4) return bad('an ad break is B,duration,maximum_number_of_ads,position');
    if (!SECONDS.test(f[1]!)) return bad('duration must be seconds (at most 3 decimals)');
    if (!WHOLE.test(f[2]!)) return bad('maximum_number_of_ads must be a whole number');
    const placement = PLACEMENTS[f[3]!.toLowerCase()];
    if (!placement) return bad('position must be n (none), p (pre-roll), m (mid-roll) or t (post-roll)');
    if (placement === 'pre' && chapters > 0) return bad('a pre-roll after content');
    if (placement === 'mid' && chapters === 0) return bad('a mid-roll before any content (use p for a pre-roll)');
    const duration = Number(f[1]);
    const brk: TimelineBreak = { atSeconds: round(content), ...(duration > 0 ? { durationSeconds: duration } : {}), maxAds: Number(f[2]), placement, pod };
    const twin = inserts(brk) && breaks.find((b) => inserts(b) && spot(b) === spot(brk));
    if (twin) return bad(`a second ${placement === 'post' ? 'post-roll' : `break at ${brk.atSeconds} s`} (after "${twin.pod}"): merge them into one pod`);
    if (placement === 'post') postRoll = brk;
    breaks.push(brk);
  }
  return { ok: true, breaks, contentSeconds: round(content) };
}

/** A break that asks the ADS (not position n, not 0 ads). */
export function inserts(b: TimelineBreak): boolean {
  return b.placement !== 'none' && b.maxAds > 0;
}

/** Where a break lands: post-rolls at the content's end, whatever the chapters add up to. */
function spot(b: TimelineBreak): number | 'end' {
  return b.placement === 'post' ? 'end' : b.atSeconds;
}

/** Sums of millisecond values, kept at millisecond precision (0.1 + 0.2 is 0.3 here). */
function round(s: number): number {
  return Math.round(s * 1000) / 1000;
}
