// Manifest continuity across refreshes, from the manifest inspector's lint of what the stitcher served.
import type { CheckResult } from '../../../shared/verdict.js';
import type { Evidence, ManifestFinding } from '../evidence.js';
import { fail, pass, plural, skip } from './result.js';

const line = (f: ManifestFinding) => `${f.track !== undefined ? `track ${f.track}: ` : ''}${f.message}${f.source === 'origin' ? ' (origin)' : ''}`;

function fromLint(ev: Evidence, id: string, title: string, rules: string[]): CheckResult {
  if (!ev.manifests) return skip(id, title, 'No manifests recorded yet');
  const relevant = ev.manifests.findings.filter((f) => rules.includes(f.rule) && f.severity === 'error');
  const ours = relevant.filter((f) => f.source !== 'origin');
  const origin = relevant.filter((f) => f.source === 'origin');
  // An origin that is broken itself is reported, but the stitcher is judged on what it added.
  if (ours.length) return fail(id, title, `${plural(ours.length, 'problem')} in the stitched manifests: ${ours[0]!.message}`, [...ours, ...origin].map(line));
  return pass(id, title, origin.length ? `Stitched manifests clean (the origin has ${plural(origin.length, 'problem')})` : `Clean over ${plural(ev.manifests.latest.length, 'track')}`, origin.map(line));
}

export function mediaSequenceContinuity(ev: Evidence): CheckResult {
  const title = 'No media-sequence or discontinuity-sequence jumps';
  if (ev.format === 'dash') return skip('media-sequence', title, 'HLS only');
  return fromLint(ev, 'media-sequence', title, ['media-sequence', 'discontinuity-sequence', 'target-duration']);
}

export function dashPeriodContinuity(ev: Evidence): CheckResult {
  const title = 'DASH Periods are continuous';
  if (ev.format !== 'dash') return skip('dash-periods', title, 'DASH only');
  return fromLint(ev, 'dash-periods', title, ['period-continuity', 'period-ids', 'segment-timeline']);
}
