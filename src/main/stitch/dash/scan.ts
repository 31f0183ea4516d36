// One pass over an origin MPD: the tree (kept for the writer), static/dynamic timing, each Period's place on
// the MPD timeline, its adaptation sets and segment addressing, and the SCTE-35 EventStreams. Pure; a
// document that is not an MPD is an error with a reason (the playback route answers 502 with it).
import { attr, childElements, localName, parseXml, XmlError, type XDocument, type XElement } from '../../xml/tree.js';
import { resolveAddressing, segmentElement, timelineEnd, timelineStart, type Addressing } from './addressing.js';
import { parseDateTime, parseDuration } from './time.js';

export interface RepresentationScan {
  el: XElement;
  id?: string;
  bandwidth?: number;
  width?: number;
  height?: number;
  codecs?: string;
  /** Same-kind Segment* elements, outermost first (Period, AdaptationSet, Representation). */
  chain: XElement[];
  addressing?: Addressing;
}

export interface AdaptationSetScan {
  el: XElement;
  contentType: 'video' | 'audio' | 'text' | 'other';
  mimeType?: string;
  lang?: string;
  representations: RepresentationScan[];
}

export interface EventStreamScan {
  el: XElement;
  schemeIdUri: string;
  timescale: number;
  pto: number;
  events: { el: XElement; presentationTime: number; duration?: number; id?: string }[];
}

export interface PeriodScan {
  el: XElement;
  index: number;
  id?: string;
  /** Seconds on the MPD timeline. */
  start: number;
  /** Known duration (attribute, next Period's start, or the presentation's end). */
  duration?: number;
  adaptationSets: AdaptationSetScan[];
  eventStreams: EventStreamScan[];
  /** Period-relative start of the first listed segment (earliest track) and end of the last (the track that ends first). */
  firstSegment?: number;
  lastSegmentEnd?: number;
}

export interface MpdScan {
  doc: XDocument;
  mpd: XElement;
  dynamic: boolean;
  availabilityStartMs?: number;
  mediaPresentationDuration?: number;
  periods: PeriodScan[];
}

export class MpdError extends Error {
  override name = 'MpdError';
}

function contentTypeOf(as: XElement): AdaptationSetScan['contentType'] {
  const ct = attr(as, 'contentType');
  const mime = attr(as, 'mimeType') ?? childElements(as, 'Representation').map((r) => attr(r, 'mimeType')).find(Boolean) ?? '';
  const t = ct ?? mime.split('/')[0];
  if (t === 'video' || t === 'audio' || t === 'text') return t;
  if (mime === 'application/mp4' || mime === 'application/ttml+xml') return 'text';
  return 'other';
}

function numAttr(el: XElement, name: string): number | undefined {
  const v = attr(el, name);
  const n = v === undefined ? Number.NaN : Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function scanAdaptationSet(period: XElement, as: XElement): AdaptationSetScan {
  const pSeg = segmentElement(period);
  const aSeg = segmentElement(as);
  const representations = childElements(as, 'Representation').map((rep) => {
    const rSeg = segmentElement(rep);
    const innermost = rSeg ?? aSeg ?? pSeg;
    const kind = innermost ? localName(innermost.name) : undefined;
    const chain = [pSeg, aSeg, rSeg].filter((e): e is XElement => e !== undefined && localName(e.name) === kind);
    const addressing = resolveAddressing(chain);
    const r: RepresentationScan = { el: rep, chain, ...(addressing ? { addressing } : {}) };
    const id = attr(rep, 'id');
    if (id !== undefined) r.id = id;
    const bw = numAttr(rep, 'bandwidth');
    if (bw !== undefined) r.bandwidth = bw;
    const w = numAttr(rep, 'width') ?? numAttr(as, 'width');
    if (w !== undefined) r.width = w;
    const h = numAttr(rep, 'height') ?? numAttr(as, 'height');
    if (h !== undefined) r.height = h;
    const codecs = attr(rep, 'codecs') ?? attr(as, 'codecs');
    if (codecs) r.codecs = codecs;
    return r;
  });
  const out: AdaptationSetScan = { el: as, contentType: contentTypeOf(as), representations };
  const mime = attr(as, 'mimeType') ?? attr(childElements(as, 'Representation')[0] ?? as, 'mimeType');
  if (mime) out.mimeType = mime;
  const lang = attr(as, 'lang');
  if (lang) out.lang = lang;
  return out;
}

function scanEventStream(el: XElement): EventStreamScan {
  const timescale = numAttr(el, 'timescale') ?? 1;
  return {
    el,
    schemeIdUri: attr(el, 'schemeIdUri') ?? '',
    timescale: timescale > 0 ? timescale : 1,
    pto: numAttr(el, 'presentationTimeOffset') ?? 0,
    events: childElements(el, 'Event').map((ev) => {
      const duration = numAttr(ev, 'duration');
      const id = attr(ev, 'id');
      return { el: ev, presentationTime: numAttr(ev, 'presentationTime') ?? 0, ...(duration !== undefined ? { duration } : {}), ...(id !== undefined ? { id } : {}) };
    }),
  };
}

export function scanMpd(text: string): MpdScan {
  let doc: XDocument;
  try {
    doc = parseXml(text);
  } catch (e) {
    throw new MpdError(e instanceof XmlError ? `MPD is not well-formed XML: ${e.message}` : String(e));
  }
  const mpd = doc.root;
  if (localName(mpd.name) !== 'MPD') throw new MpdError(`Root element is <${mpd.name}>, not <MPD>`);
  const dynamic = attr(mpd, 'type') === 'dynamic';
  const ast = parseDateTime(attr(mpd, 'availabilityStartTime'));
  const mpdDuration = parseDuration(attr(mpd, 'mediaPresentationDuration'));
  const periodEls = childElements(mpd, 'Period');
  if (periodEls.length === 0) throw new MpdError('MPD has no <Period>');

  const periods: PeriodScan[] = [];
  let prevEnd: number | undefined = 0;
  periodEls.forEach((el, index) => {
    const start = parseDuration(attr(el, 'start')) ?? prevEnd;
    if (start === undefined) throw new MpdError(`Period ${index + 1} has no start and the previous Period no duration`);
    const dur = parseDuration(attr(el, 'duration'));
    const adaptationSets = childElements(el, 'AdaptationSet').map((as) => scanAdaptationSet(el, as));
    const eventStreams = childElements(el, 'EventStream').map(scanEventStream);
    const p: PeriodScan = { el, index, start, adaptationSets, eventStreams, ...(dur !== undefined ? { duration: dur } : {}) };
    const id = attr(el, 'id');
    if (id !== undefined) p.id = id;
    periods.push(p);
    prevEnd = dur !== undefined ? start + dur : undefined;
  });
  periods.forEach((p, i) => {
    const next = periods[i + 1];
    if (p.duration === undefined) {
      if (next) p.duration = Math.max(0, next.start - p.start);
      else if (!dynamic && mpdDuration !== undefined) p.duration = Math.max(0, mpdDuration - p.start);
    }
    for (const as of p.adaptationSets) {
      for (const r of as.representations) {
        if (!r.addressing?.runs) continue;
        const s = timelineStart(r.addressing);
        const e = timelineEnd(r.addressing, p.duration);
        if (s !== undefined && (p.firstSegment === undefined || s < p.firstSegment)) p.firstSegment = s;
        // The edge is where every track has media: the earliest end (AAC audio often runs a few ms past video).
        if (e !== undefined && (p.lastSegmentEnd === undefined || e < p.lastSegmentEnd)) p.lastSegmentEnd = e;
        break; // one Representation per set is enough: they share the timeline in practice
      }
    }
  });
  return {
    doc,
    mpd,
    dynamic,
    ...(ast !== undefined ? { availabilityStartMs: ast } : {}),
    ...(mpdDuration !== undefined ? { mediaPresentationDuration: mpdDuration } : {}),
    periods,
  };
}

/** The newest listed media on the MPD timeline (seconds): the live edge as the origin published it. */
export function contentEdge(scan: MpdScan): number | undefined {
  let edge: number | undefined;
  for (const p of scan.periods) if (p.lastSegmentEnd !== undefined) edge = Math.max(edge ?? 0, p.start + p.lastSegmentEnd);
  return edge;
}

/** The oldest listed media on the MPD timeline (seconds). */
export function contentOrigin(scan: MpdScan): number | undefined {
  for (const p of scan.periods) if (p.firstSegment !== undefined) return p.start + Math.max(0, p.firstSegment);
  return undefined;
}
