// An MPD read for linting: type and timing attributes, Periods placed on the MPD timeline (ISO/IEC 23009-1
// §5.3.2.1), and every SegmentTimeline as its <S> entries — each with its display line. Uses the repo's strict
// XML tree (a malformed MPD is a finding, not a guess). Pure.
import { displayLineAt } from '../../shared/inspect-manifests.js';
import { parseDateTime, parseDuration } from '../stitch/dash/time.js';
import { attr, isElement, localName, parseXml, XmlError, type XElement } from '../xml/tree.js';

export interface LintS {
  t?: number;
  d: number;
  r: number;
}

export interface LintTimeline {
  /** Where it sits, for messages: "video 720p". */
  where: string;
  timescale: number;
  entries: LintS[];
  line: number;
}

export interface LintPeriod {
  id?: string;
  /** Explicit @start, seconds. */
  startAttr?: number;
  /** Start on the MPD timeline (explicit or derived); undefined when the MPD does not say. */
  start?: number;
  duration?: number;
  line: number;
  timelines: LintTimeline[];
}

export interface LintMpd {
  type: 'static' | 'dynamic';
  mediaPresentationDuration?: number;
  availabilityStartTime?: number;
  minimumUpdatePeriod?: number;
  periods: LintPeriod[];
  line: number;
}

export type ReadMpd = { ok: true; mpd: LintMpd } | { ok: false; message: string; line: number };

export function readMpd(text: string): ReadMpd {
  let root: XElement;
  try {
    root = parseXml(text).root;
  } catch (err) {
    if (err instanceof XmlError) return { ok: false, message: err.message, line: displayLine(text, offsetOf(text, err.line, err.column)) };
    return { ok: false, message: String(err), line: 1 };
  }
  if (localName(root.name) !== 'MPD') return { ok: false, message: `Root element is <${root.name}>, not <MPD>`, line: 1 };
  const lines = lineFinder(text);
  const mpd: LintMpd = {
    type: attr(root, 'type') === 'dynamic' ? 'dynamic' : 'static',
    periods: [],
    line: lines.next(root),
  };
  const mpdDuration = parseDuration(attr(root, 'mediaPresentationDuration'));
  if (mpdDuration !== undefined) mpd.mediaPresentationDuration = mpdDuration;
  const ast = parseDateTime(attr(root, 'availabilityStartTime'));
  if (ast !== undefined) mpd.availabilityStartTime = ast;
  const mup = parseDuration(attr(root, 'minimumUpdatePeriod'));
  if (mup !== undefined) mpd.minimumUpdatePeriod = mup;

  // Walk in document order so the line finder's per-name counters stay in step with the text.
  let previous: LintPeriod | undefined;
  const walk = (el: XElement, ctx: { period?: LintPeriod; where: string[]; timescale?: number }) => {
    for (const child of el.children) {
      if (!isElement(child)) continue;
      const name = localName(child.name);
      const line = lines.next(child);
      if (name === 'Period' && el === root) {
        const p = readPeriod(child, line, previous, mpd.type, mpd.periods.length === 0);
        mpd.periods.push(p);
        previous = p;
        walk(child, { period: p, where: [] });
      } else if (name === 'SegmentTimeline' && ctx.period) {
        ctx.period.timelines.push({ where: ctx.where.join(' ') || 'period', timescale: ctx.timescale ?? 1, entries: readS(child), line });
        walk(child, ctx);
      } else {
        const label = name === 'AdaptationSet' ? (attr(child, 'contentType') ?? attr(child, 'mimeType') ?? `set ${attr(child, 'id') ?? ''}`.trim()) : name === 'Representation' ? attr(child, 'id') : undefined;
        const ts = Number(attr(child, 'timescale'));
        walk(child, {
          ...ctx,
          where: label ? [...ctx.where, label] : ctx.where,
          ...(Number.isFinite(ts) && ts > 0 && /^Segment(Template|List|Base)$/.test(name) ? { timescale: ts } : {}),
        });
      }
    }
  };
  walk(root, { where: [] });
  return { ok: true, mpd };
}

function readPeriod(el: XElement, line: number, previous: LintPeriod | undefined, type: LintMpd['type'], first: boolean): LintPeriod {
  const p: LintPeriod = { line, timelines: [] };
  const id = attr(el, 'id');
  if (id !== undefined) p.id = id;
  const start = parseDuration(attr(el, 'start'));
  const duration = parseDuration(attr(el, 'duration'));
  if (duration !== undefined) p.duration = duration;
  if (start !== undefined) {
    p.startAttr = start;
    p.start = start;
  } else if (previous?.start !== undefined && previous.duration !== undefined) p.start = previous.start + previous.duration;
  else if (first && type === 'static') p.start = 0;
  return p;
}

function readS(timeline: XElement): LintS[] {
  const out: LintS[] = [];
  for (const s of timeline.children) {
    if (!isElement(s) || localName(s.name) !== 'S') continue;
    const t = s.attrs.t !== undefined ? Number(s.attrs.t) : undefined;
    const r = s.attrs.r !== undefined ? Number(s.attrs.r) : 0;
    out.push({ ...(t !== undefined && Number.isFinite(t) ? { t } : {}), d: Number(s.attrs.d ?? Number.NaN), r: Number.isFinite(r) ? r : 0 });
  }
  return out;
}

/**
 * Display line of each element, by counting start tags of each name in the text (comments and CDATA masked so
 * they are not counted): the tree is walked in document order, so the n-th element named X is the n-th `<X`.
 */
function lineFinder(text: string) {
  const masked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length));
  const offsets = new Map<string, number[]>();
  for (const m of masked.matchAll(/<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?=[\s/>])/g)) {
    const list = offsets.get(m[1]!) ?? [];
    list.push(m.index);
    offsets.set(m[1]!, list);
  }
  const seen = new Map<string, number>();
  const breaks = displayBreaks(text);
  return {
    next(el: XElement): number {
      const name = localName(el.name);
      const n = seen.get(name) ?? 0;
      seen.set(name, n + 1);
      const at = offsets.get(name)?.[n];
      return at === undefined ? 1 : lineIn(breaks, at);
    },
  };
}

/** Offsets where displayLineAt counts a new line, ascending: one pass, then a binary search per element. */
function displayBreaks(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10) || (c === 62 && text.charCodeAt(i + 1) === 60)) out.push(i);
  }
  return out;
}

function lineIn(breaks: number[], offset: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

function displayLine(text: string, offset: number): number {
  return displayLineAt(text, offset, 'dash');
}

function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
  return at + Math.max(0, column - 1);
}
