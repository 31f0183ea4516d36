// The segments of one Representation of a static MPD, in order, as URLs: BaseURLs resolved MPD → Period →
// AdaptationSet → Representation, SegmentTemplate expanded from its SegmentTimeline (or @duration), SegmentList
// read as listed. Pure (MPD scan in, list out).
import type { MpdScan, PeriodScan, RepresentationScan } from '../stitch/dash/scan.js';
import { expandTemplate } from '../stitch/dash/template.js';
import { attr, childElements, firstChild, textOf, type XElement } from '../xml/tree.js';
import type { PlaySegment } from './virtual-player.js';

function baseOf(els: XElement[], start: string): string {
  let base = start;
  for (const el of els) {
    const b = firstChild(el, 'BaseURL');
    if (b) base = new URL(textOf(b).trim(), base).toString();
  }
  return base;
}

/** Segments of `rep` in `period`; `mpdUrl` resolves relative URLs. */
export function representationSegments(scan: MpdScan, period: PeriodScan, asEl: XElement, rep: RepresentationScan, mpdUrl: string): PlaySegment[] {
  const a = rep.addressing;
  const seg = rep.chain.at(-1);
  if (!a || !seg) return [];
  const base = baseOf([scan.mpd, period.el, asEl, rep.el], mpdUrl);
  const periodId = period.id ?? String(period.index);
  const values = { ...(rep.id !== undefined ? { representationId: rep.id } : {}), ...(rep.bandwidth !== undefined ? { bandwidth: rep.bandwidth } : {}) };
  // Template attributes inherit like the rest of the addressing: the innermost that has one wins.
  const pick = (name: string) => [...rep.chain].reverse().map((e) => attr(e, name)).find((v) => v !== undefined);
  const out: PlaySegment[] = [];
  if (a.kind === 'SegmentTemplate') {
    const media = pick('media');
    if (!media) return [];
    const initT = pick('initialization');
    const init = initT ? new URL(expandTemplate(initT, values), base).toString() : undefined;
    let number = a.startNumber;
    const push = (time: number, d: number) => {
      const startTime = period.start + (time - a.pto) / a.timescale;
      out.push({ url: new URL(expandTemplate(media, { ...values, number, time }), base).toString(), duration: d / a.timescale, periodId, startTime, ...(init ? { init } : {}) });
      number++;
    };
    if (a.runs) {
      const periodEnd = period.duration !== undefined ? a.pto + period.duration * a.timescale : undefined;
      a.runs.forEach((run, i) => {
        const next = a.runs![i + 1];
        const repeats = run.r >= 0 ? run.r : Math.max(0, Math.ceil(((next?.t ?? periodEnd ?? run.t + run.d) - run.t) / run.d) - 1);
        for (let k = 0; k <= repeats; k++) push(run.t + k * run.d, run.d);
      });
    } else if (a.duration && period.duration !== undefined) {
      const count = Math.ceil((period.duration * a.timescale) / a.duration - 1e-9);
      for (let k = 0; k < count; k++) push(a.pto + k * a.duration, Math.min(a.duration, period.duration * a.timescale - k * a.duration));
    }
    return out;
  }
  if (a.kind === 'SegmentList') {
    const initEl = firstChild(seg, 'Initialization');
    const initUrl = initEl ? attr(initEl, 'sourceURL') : undefined;
    const init = initUrl ? new URL(initUrl, base).toString() : undefined;
    for (const s of childElements(seg, 'SegmentURL')) {
      const media = attr(s, 'media');
      if (media && a.duration) out.push({ url: new URL(media, base).toString(), duration: a.duration / a.timescale, periodId, ...(init ? { init } : {}) });
    }
  }
  return out;
}
