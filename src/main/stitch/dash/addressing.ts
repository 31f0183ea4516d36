// Segment addressing of one Representation (SegmentTemplate / SegmentList / SegmentBase, inherited from
// Period → AdaptationSet → Representation) and how to cut it to a time range of its Period. Cutting keeps the
// original segments and numbers and moves presentationTimeOffset, so a content Period split around an ad break
// resumes exactly where it left off. Timelines are handled run by run (S@r), never expanded.
import { attr, firstChild, isElement, localName, type XElement, type XNode } from '../../xml/tree.js';

export type SegmentKind = 'SegmentTemplate' | 'SegmentList' | 'SegmentBase';
const KINDS: readonly string[] = ['SegmentTemplate', 'SegmentList', 'SegmentBase'];

export interface Run {
  /** Media time of the first segment of the run (timescale ticks). */
  t: number;
  d: number;
  /** Repeats after the first; -1 = until the next S or the Period end. */
  r: number;
  /** The origin's <S> this run was read from (written back as is when a cut keeps the whole run). */
  el?: XElement;
}

export interface Addressing {
  kind: SegmentKind;
  timescale: number;
  pto: number;
  startNumber: number;
  /** @duration in ticks (number-based templates and lists without a timeline). */
  duration?: number;
  runs?: Run[];
}

/** A Period-relative range in seconds; `b` undefined = to the Period's end (open in live). */
export interface Range {
  a: number;
  b?: number;
}

export function segmentElement(el: XElement): XElement | undefined {
  for (const n of el.children) if (isElement(n) && KINDS.includes(localName(n.name))) return n;
  return undefined;
}

function num(el: XElement, name: string): number | undefined {
  const v = attr(el, name);
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Parsed timelines are kept on their element (a 1-hour audio timeline has ~1800 <S>: read once per document,
 *  not per cut). A property, not a WeakMap: ephemeron tables made GC pauses the p99 of a live refresh. */
const RUNS = Symbol('runs');
type WithRuns = XElement & { [RUNS]?: Run[] };

/** Numeric attribute straight from the raw value (numbers carry no entities). */
function rawNum(el: XElement, name: string): number | undefined {
  const v = el.attrs[name];
  if (v === undefined) return undefined;
  const n = +v;
  return Number.isFinite(n) ? n : undefined;
}

export function readRuns(timeline: XElement): Run[] {
  const known = (timeline as WithRuns)[RUNS];
  if (known) return known;
  const runs: Run[] = [];
  let next = 0;
  for (const s of timeline.children) {
    if (!isElement(s) || localName(s.name) !== 'S') continue;
    const d = rawNum(s, 'd') ?? 0;
    const t = rawNum(s, 't') ?? next;
    const r = rawNum(s, 'r') ?? 0;
    runs.push({ t, d, r, el: s });
    next = t + d * (r + 1);
  }
  (timeline as WithRuns)[RUNS] = runs;
  return runs;
}

/** Effective addressing from the same-kind elements, outermost first (lower levels override). */
export function resolveAddressing(chain: XElement[]): Addressing | undefined {
  const last = chain[chain.length - 1];
  if (!last) return undefined;
  const kind = localName(last.name) as SegmentKind;
  let timescale = 1;
  let pto = 0;
  let startNumber = 1;
  let duration: number | undefined;
  let timeline: XElement | undefined;
  for (const el of chain) {
    timescale = num(el, 'timescale') ?? timescale;
    pto = num(el, 'presentationTimeOffset') ?? pto;
    startNumber = num(el, 'startNumber') ?? startNumber;
    duration = num(el, 'duration') ?? duration;
    timeline = firstChild(el, 'SegmentTimeline') ?? timeline;
  }
  if (timescale <= 0) timescale = 1;
  return { kind, timescale, pto, startNumber, ...(duration !== undefined && duration > 0 ? { duration } : {}), ...(timeline ? { runs: readRuns(timeline) } : {}) };
}

/** Runs with every r = -1 resolved against the next run or the Period end (ticks, relative to pto). */
function resolvedRuns(a: Addressing, periodSeconds: number | undefined): Run[] {
  const runs = a.runs ?? [];
  if (!runs.some((r) => r.r < 0)) return runs;
  return runs.map((run, i) => {
    if (run.r >= 0 || run.d <= 0) return run;
    const next = runs[i + 1];
    const end = next ? next.t : periodSeconds !== undefined ? a.pto + periodSeconds * a.timescale : run.t + run.d;
    return { ...run, r: Math.max(0, Math.ceil((end - run.t) / run.d) - 1) };
  });
}

/** End of the last listed segment, seconds relative to the Period start (timelines only). */
export function timelineEnd(a: Addressing, periodSeconds?: number): number | undefined {
  const runs = resolvedRuns(a, periodSeconds);
  const last = runs[runs.length - 1];
  if (!last) return undefined;
  return (last.t + last.d * (last.r + 1) - a.pto) / a.timescale;
}

/** Start of the first listed segment, seconds relative to the Period start (timelines only). */
export function timelineStart(a: Addressing): number | undefined {
  const first = a.runs?.[0];
  return first ? (first.t - a.pto) / a.timescale : undefined;
}

export interface Cut {
  /** New runs (timelines, or numbered segments made explicit for a closed range). */
  runs?: Run[];
  startNumber: number;
  pto: number;
  /** Index (0-based, from the original startNumber) of the first kept segment; -1 when unknown. */
  first: number;
  /** Kept segment count; undefined when the addressing does not say (SegmentBase, open @duration). */
  count?: number;
}

/** Which segments of `a` a Period-relative range needs. Boundaries within 1 ms count as aligned. */
export function cutAddressing(a: Addressing, range: Range, periodSeconds: number | undefined): Cut {
  const ts = a.timescale;
  const tol = ts / 1000;
  const ma = Math.round(a.pto + range.a * ts);
  const end = range.b ?? periodSeconds;
  const mb = end === undefined ? Number.POSITIVE_INFINITY : Math.round(a.pto + end * ts);
  if (a.kind === 'SegmentBase') return { startNumber: a.startNumber, pto: ma, first: -1 };
  if (a.runs) {
    const out: Run[] = [];
    let index = 0;
    let first = -1;
    let count = 0;
    for (const run of resolvedRuns(a, periodSeconds)) {
      const c = run.r + 1;
      if (run.d > 0) {
        const kmin = Math.max(0, Math.floor((ma + tol - run.t) / run.d));
        const kmax = Math.min(c - 1, mb === Number.POSITIVE_INFINITY ? c - 1 : Math.ceil((mb - tol - run.t) / run.d) - 1);
        if (kmax >= kmin) {
          if (first < 0) first = index + kmin;
          out.push(kmin === 0 && kmax === c - 1 ? run : { t: run.t + kmin * run.d, d: run.d, r: kmax - kmin });
          count += kmax - kmin + 1;
        }
      }
      index += c;
    }
    return { runs: out, startNumber: a.startNumber + Math.max(0, first), pto: ma, first, count };
  }
  const d = a.duration;
  if (!d) return { startNumber: a.startNumber, pto: ma, first: -1 };
  // Number-based: segment k covers [pto + k·d, pto + (k+1)·d) on the media clock.
  const k0 = Math.max(0, Math.floor((range.a * ts + tol) / d));
  if (end === undefined) return { startNumber: a.startNumber + k0, pto: ma, first: k0 };
  const k1 = Math.max(k0, Math.ceil((end * ts - tol) / d) - 1);
  return { runs: [{ t: a.pto + k0 * d, d, r: k1 - k0 }], startNumber: a.startNumber + k0, pto: ma, first: k0, count: k1 - k0 + 1 };
}

export function timelineElement(runs: Run[]): XElement {
  const kids: XNode[] = [];
  let expected = Number.NaN;
  for (const run of runs) {
    // A whole origin run is written back as it came when its t is (or is not) written the same way.
    if (run.el && run.r >= 0 && (run.el.attrs.t !== undefined) === (run.t !== expected)) {
      kids.push(run.el);
      expected = run.t + run.d * (run.r + 1);
      continue;
    }
    // Numbers need no escaping: build the attributes directly (this runs for every kept <S>).
    const attrs: Record<string, string> = run.t === expected ? { d: String(run.d) } : { t: String(run.t), d: String(run.d) };
    if (run.r > 0) attrs.r = String(run.r);
    kids.push({ name: 'S', attrs, children: [] });
    expected = run.t + run.d * (run.r + 1);
  }
  return { name: 'SegmentTimeline', attrs: {}, children: kids };
}

/** The element rewritten for a cut: explicit timescale / presentationTimeOffset / startNumber, cut timeline,
 *  kept SegmentURLs. Unknown attributes and children are preserved. */
export function applyCut(el: XElement, eff: Addressing, cut: Cut): XElement {
  const attrs: Record<string, string> = { ...el.attrs };
  attrs.timescale = String(eff.timescale);
  attrs.presentationTimeOffset = String(cut.pto);
  if (eff.kind !== 'SegmentBase') attrs.startNumber = String(cut.startNumber);
  if (cut.runs && eff.duration !== undefined && !eff.runs) delete attrs.duration;
  const children: XNode[] = [];
  let segUrl = 0;
  let wroteTimeline = false;
  for (const n of el.children) {
    if (!isElement(n)) {
      children.push(n);
      continue;
    }
    const local = localName(n.name);
    if (local === 'SegmentTimeline') {
      if (cut.runs) children.push(timelineElement(cut.runs));
      wroteTimeline = true;
      continue;
    }
    if (local === 'SegmentURL') {
      const i = segUrl++;
      if (cut.first < 0 || (i >= cut.first && (cut.count === undefined || i < cut.first + cut.count))) {
        if (!wroteTimeline && cut.runs && !eff.runs) {
          children.push(timelineElement(cut.runs));
          wroteTimeline = true;
        }
        children.push(n);
      }
      continue;
    }
    children.push(n);
  }
  // A number-based template (or a timeline inherited from above) made explicit at this level.
  if (!wroteTimeline && cut.runs && eff.kind !== 'SegmentBase') children.push(timelineElement(cut.runs));
  return { name: el.name, attrs, children };
}
