// The DASH writer: (origin MPD scan, breaks, ad plan) → multi-period MPD text. Pure. Content Periods are cut
// around each filled break (same segments and numbers, presentationTimeOffset moved so content resumes exactly
// where it left off); one ad Period per placed ad, its segments through /v1/dashsegment/…. VOD replaces the
// signalled break (later Periods shift by ads − break); live is time-aligned (content resumes when the ads end,
// nothing shifts) and ad Periods list only what the origin's live edge has reached, so every refresh agrees.
import { attr, decodeEntities, element, escapeXml, isElement, localName, serializeXml, textNode, type XElement, type XNode } from '../../xml/tree.js';
import { applyCut, cutAddressing, resolveAddressing, segmentElement, timelineElement, type Range } from './addressing.js';
import type { DashAdPeriod, DashAvailPlan, DashStitchPlan, DashStitchResult, OutPeriod, WriterBreak } from './plan.js';
import { contentEdge, contentOrigin, type MpdScan, type PeriodScan } from './scan.js';
import { formatDuration } from './time.js';

const TOL = 0.001;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

interface Cut {
  brk: WriterBreak;
  avail: DashAvailPlan;
  /** Period-relative seconds where ads begin and content resumes. */
  from: number;
  resume: number;
  filled: number;
}

function cutsOf(p: PeriodScan, breaks: WriterBreak[], plan: DashStitchPlan): Cut[] {
  const cuts: Cut[] = [];
  let last = 0;
  for (const brk of breaks) {
    const avail = plan.avails.get(brk.key);
    if (!avail || avail.periods.length === 0) continue;
    const from = brk.offset + avail.startOffset;
    if (from < last - TOL || (p.duration !== undefined && from > p.duration + TOL)) continue; // overlaps the previous break
    const filled = avail.periods.reduce((t, a) => t + a.duration, 0);
    const signalled = Math.max(0, (brk.durationSeconds ?? 0) - avail.startOffset);
    let resume = from + (plan.live ? filled : signalled);
    if (p.duration !== undefined) resume = Math.min(resume, p.duration);
    cuts.push({ brk, avail, from, resume, filled });
    last = resume;
  }
  return cuts;
}

function rewriteUrl(raw: string, plan: DashStitchPlan, base?: string): string {
  const text = decodeEntities(raw).trim();
  let abs = text;
  if (base !== undefined || ABSOLUTE.test(text)) {
    try {
      abs = new URL(text, base ?? plan.originUrl).toString();
    } catch {
      return raw;
    }
  } else return raw;
  return escapeXml(plan.contentUrl ? plan.contentUrl(abs) : abs);
}

/** Cut every Segment* element of an AdaptationSet (and its Representations) to a range. Each addressing is
 *  resolved and cut once: Representations without their own element share the set's cut. */
function cutAdaptationSet(as: XElement, pSeg: XElement | undefined, range: Range, periodSeconds: number | undefined, counts: number[]): XElement {
  const aSeg = segmentElement(as);
  const chainFor = (el: XElement, parents: (XElement | undefined)[]) => [...parents.filter((e): e is XElement => e !== undefined && localName(e.name) === localName(el.name)), el];
  const inherited = aSeg ?? pSeg;
  const inheritedEff = inherited ? resolveAddressing(chainFor(inherited, inherited === aSeg ? [pSeg] : [])) : undefined;
  const inheritedCut = inheritedEff ? cutAddressing(inheritedEff, range, periodSeconds) : undefined;
  let counted = false;
  const children: XNode[] = as.children.map((n) => {
    if (!isElement(n)) return n;
    if (n === aSeg) return inheritedEff && inheritedCut ? applyCut(n, inheritedEff, inheritedCut) : n;
    if (localName(n.name) !== 'Representation') return n;
    const rSeg = segmentElement(n);
    if (!rSeg) {
      if (!counted && inheritedCut?.count !== undefined) counts.push(inheritedCut.count);
      counted = true;
      return n;
    }
    const eff = resolveAddressing(chainFor(rSeg, [pSeg, aSeg]));
    if (!eff) return n;
    const c = cutAddressing(eff, range, periodSeconds);
    if (c.count !== undefined) counts.push(c.count);
    return { name: n.name, attrs: n.attrs, children: n.children.map((k) => (k === rSeg ? applyCut(rSeg, eff, c) : k)) };
  });
  return { name: as.name, attrs: as.attrs, children };
}

/** Events of an EventStream inside [a, b), rebased to a Period that starts `a` seconds later. */
function cutEventStream(es: XElement, range: Range, drop: Set<XElement>): XElement | undefined {
  const ts = Number(attr(es, 'timescale') ?? 1) || 1;
  const pto = Number(attr(es, 'presentationTimeOffset') ?? 0) || 0;
  const kept: XNode[] = [];
  let events = 0;
  for (const n of es.children) {
    if (!isElement(n) || localName(n.name) !== 'Event') {
      kept.push(n);
      continue;
    }
    if (drop.has(n)) continue;
    const at = ((Number(attr(n, 'presentationTime') ?? 0) || 0) - pto) / ts;
    if (at < range.a - TOL || (range.b !== undefined && at >= range.b - TOL)) continue;
    kept.push(n);
    events++;
  }
  if (events === 0) return undefined;
  return { name: es.name, attrs: { ...es.attrs, presentationTimeOffset: String(Math.round(pto + range.a * ts)) }, children: kept };
}

function baseUrlElement(n: XElement, plan: DashStitchPlan): XElement {
  const raw = n.children.map((k) => (isElement(k) ? '' : k.raw)).join('');
  return { name: n.name, attrs: n.attrs, children: [{ raw: rewriteUrl(raw, plan), text: true }] };
}

/** A Period no break touches: as it came, with absolute BaseURLs rewritten and (VOD) its start shifted. */
function passPeriod(p: PeriodScan, outStart: number, plan: DashStitchPlan, shifted: boolean): XElement {
  const children = p.el.children.map((n) => (isElement(n) && localName(n.name) === 'BaseURL' ? baseUrlElement(n, plan) : n));
  return { name: p.el.name, attrs: shifted ? { ...p.el.attrs, start: formatDuration(outStart) } : p.el.attrs, children };
}

function contentPeriod(p: PeriodScan, range: Range, outStart: number, plan: DashStitchPlan, drop: Set<XElement>): { el: XElement; empty: boolean } {
  const pSeg = segmentElement(p.el);
  const counts: number[] = [];
  const children: XNode[] = [];
  for (const n of p.el.children) {
    if (!isElement(n)) {
      children.push(n);
      continue;
    }
    const local = localName(n.name);
    if (local === 'AdaptationSet') children.push(cutAdaptationSet(n, pSeg, range, p.duration, counts));
    else if (local === 'EventStream') {
      const es = cutEventStream(n, range, drop);
      if (es) children.push(es);
    } else if (n === pSeg) {
      const eff = resolveAddressing([n]);
      children.push(eff ? applyCut(n, eff, cutAddressing(eff, range, p.duration)) : n);
    } else if (local === 'BaseURL') children.push(baseUrlElement(n, plan));
    else children.push(n);
  }
  const baseId = p.id ?? `p${Math.round(p.start * 1000)}`;
  const attrs: Record<string, string> = { ...p.el.attrs, id: escapeXml(range.a > TOL ? `${baseId}_${Math.round(range.a * 1000)}` : baseId), start: formatDuration(outStart) };
  delete attrs.duration;
  // A closed piece says how long it is; the last piece keeps the origin's choice (open in live).
  if (range.b !== undefined) attrs.duration = formatDuration(range.b - range.a);
  else if (p.el.attrs.duration !== undefined && p.duration !== undefined) attrs.duration = formatDuration(p.duration - range.a);
  const empty = counts.length > 0 && counts.every((c) => c === 0);
  return { el: { name: p.el.name, attrs, children }, empty };
}

/** The break's own Event (passthrough) re-based to the start of the first ad Period. */
function movedEvent(brk: WriterBreak): XElement | undefined {
  if (!brk.event || !brk.stream) return undefined;
  return { name: brk.stream.name, attrs: { ...brk.stream.attrs, presentationTimeOffset: brk.event.attrs.presentationTime ?? '0' }, children: [brk.event] };
}

function adPeriod(ad: DashAdPeriod, start: number, edge: number | undefined, events?: XElement): XElement | undefined {
  const sets: XNode[] = [];
  for (const set of ad.sets) {
    const reps: XNode[] = [];
    for (const rep of set.representations) {
      let segs = rep.segments;
      // Once the edge has passed the Period's end it is listed whole: a track's last segment may run a few ms
      // past the Period (AAC frames do not divide 2 s), and holding it back would leave a hole before the content.
      if (edge !== undefined && edge < start + ad.duration - TOL) {
        // Live: only what the origin's edge has reached (the same rule content follows).
        const limit = Math.round(rep.pto + (edge - start + TOL) * rep.timescale);
        segs = segs.filter((s) => s.t + s.d <= limit);
        // Not listed until every track has a segment: a Period whose adaptation sets change between refreshes
        // makes players preload it without the missing track (dash.js then stalls at the boundary).
        if (segs.length === 0) return undefined;
      }
      const runs = [] as { t: number; d: number; r: number }[];
      for (const s of segs) {
        const prev = runs[runs.length - 1];
        if (prev && prev.d === s.d && prev.t + prev.d * (prev.r + 1) === s.t) prev.r++;
        else runs.push({ t: s.t, d: s.d, r: 0 });
      }
      const template = element(
        'SegmentTemplate',
        { timescale: rep.timescale, presentationTimeOffset: rep.pto, startNumber: rep.startNumber, initialization: rep.initialization, media: rep.media },
        [timelineElement(runs)],
      );
      reps.push(element('Representation', rep.attrs, [template]));
    }
    if (reps.length === 0) continue;
    sets.push(element('AdaptationSet', set.attrs, [...set.descriptors.map((raw) => ({ raw })), ...reps]));
  }
  if (sets.length === 0) return undefined;
  return element('Period', { id: ad.id, start: formatDuration(start), duration: formatDuration(ad.duration) }, events ? [events, ...sets] : sets);
}

/** MPD-level children before the first Period, with content BaseURLs made absolute and our Location. */
function headChildren(scan: MpdScan, plan: DashStitchPlan): { head: XNode[]; tail: XNode[] } {
  const head: XNode[] = [];
  const tail: XNode[] = [];
  const bases: XElement[] = [];
  let seenPeriod = false;
  let insertAt = -1;
  for (const n of scan.mpd.children) {
    if (!isElement(n)) {
      (seenPeriod ? tail : head).push(n);
      continue;
    }
    const local = localName(n.name);
    if (local === 'Period') {
      seenPeriod = true;
      continue;
    }
    if (local === 'BaseURL') {
      const raw = n.children.map((k) => (isElement(k) ? '' : k.raw)).join('');
      bases.push({ name: n.name, attrs: n.attrs, children: [{ raw: rewriteUrl(raw, plan, plan.originUrl), text: true }] });
      if (insertAt < 0) insertAt = head.length;
      continue;
    }
    if (local === 'Location' || local === 'PatchLocation') {
      if (insertAt < 0) insertAt = head.length;
      continue; // the origin's own refresh URLs would take players away from the stitcher
    }
    if (seenPeriod) tail.push(n);
    else {
      if (insertAt < 0 && local !== 'ProgramInformation') insertAt = head.length;
      head.push(n);
    }
  }
  if (bases.length === 0) bases.push(element('BaseURL', {}, [textNode(plan.contentUrl ? plan.contentUrl(new URL('.', plan.originUrl).toString()) : new URL('.', plan.originUrl).toString())]));
  const inserted: XNode[] = [...bases];
  if (plan.location) inserted.push(element('Location', {}, [textNode(plan.location)]));
  head.splice(insertAt < 0 ? head.length : insertAt, 0, ...inserted);
  return { head, tail };
}

export function stitchMpd(scan: MpdScan, plan: DashStitchPlan, breaks: WriterBreak[]): DashStitchResult {
  const byPeriod = new Map<number, WriterBreak[]>();
  for (const b of breaks) {
    const list = byPeriod.get(b.periodIndex) ?? [];
    list.push(b);
    byPeriod.set(b.periodIndex, list);
  }
  const edge = plan.live ? contentEdge(scan) : undefined;
  const origin = plan.live ? contentOrigin(scan) : undefined;
  const drop = new Set<XElement>();
  const out: XElement[] = [];
  const periods: OutPeriod[] = [];
  let shift = 0;

  for (const p of scan.periods) {
    const cuts = cutsOf(p, (byPeriod.get(p.index) ?? []).sort((a, b) => a.offset - b.offset), plan);
    if (cuts.length === 0) {
      const start = p.start + shift;
      out.push(passPeriod(p, start, plan, shift !== 0));
      periods.push({ id: p.id ?? '', kind: 'content', start, ...(p.duration !== undefined ? { duration: p.duration } : {}), source: p.index });
      continue;
    }
    for (const c of cuts) if (c.brk.event) drop.add(c.brk.event);
    const pushContent = (range: Range) => {
      const end = range.b ?? p.duration;
      if (end !== undefined && end - range.a < TOL) return;
      const start = p.start + range.a + shift;
      const { el, empty } = contentPeriod(p, range, start, plan, drop);
      if (empty) return;
      out.push(el);
      periods.push({ id: decodeEntities(el.attrs.id!), kind: 'content', start, ...(end !== undefined ? { duration: end - range.a } : {}), source: p.index });
    };
    let at = 0;
    let open = true;
    for (const c of cuts) {
      pushContent({ a: at, b: c.from });
      let t = p.start + c.from + shift;
      c.avail.periods.forEach((ad, k) => {
        const stale = origin !== undefined && t + ad.duration <= origin + TOL;
        const el = stale ? undefined : adPeriod(ad, t, edge, k === 0 && plan.passthroughMarkers ? movedEvent(c.brk) : undefined);
        if (el) {
          out.push(el);
          periods.push({ id: ad.id, kind: ad.kind, start: t, duration: ad.duration, key: c.avail.key, adId: ad.adId });
        }
        t += ad.duration;
      });
      if (!plan.live) shift += c.filled - (c.resume - c.from);
      at = c.resume;
      // Live: content after the ads appears once the origin's edge has passed the resume point.
      if (edge !== undefined && p.start + at >= edge - TOL) {
        open = false;
        break;
      }
    }
    if (open) pushContent({ a: at });
  }

  const mpd = scan.mpd;
  const { head, tail } = headChildren(scan, plan);
  const attrs: Record<string, string> = { ...mpd.attrs };
  if (!scan.dynamic && scan.mediaPresentationDuration !== undefined) attrs.mediaPresentationDuration = formatDuration(scan.mediaPresentationDuration + shift);
  const root: XElement = { name: mpd.name, attrs, children: [...head, ...out, ...tail] };
  return { text: serializeXml({ prolog: scan.doc.prolog, root, epilog: scan.doc.epilog }), periods };
}
