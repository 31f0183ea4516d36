// An ad's DASH renditions as the stitcher needs them: the first Period of its MPD, every AdaptationSet and
// Representation with an explicit segment list (absolute URLs, media times). Cached by URL and coalesced,
// like the HLS loader (creative-cache.ts).
import type { EventBus } from '../bus/event-bus.js';
import { CreativeCache, fetchCreativeText } from './creative-cache.js';
import { attr, childElements, isElement, localName, serializeElement, textOf, type XElement } from '../xml/tree.js';
import { resolveAddressing, segmentElement } from '../stitch/dash/addressing.js';
import { scanMpd, type AdaptationSetScan } from '../stitch/dash/scan.js';
import { expandTemplate } from '../stitch/dash/template.js';

export interface DashCreativeSegment {
  url: string;
  /** Media time and duration in the Representation's timescale. */
  t: number;
  d: number;
}

export interface DashCreativeRepresentation {
  id: string;
  bandwidth: number;
  width?: number;
  height?: number;
  codecs?: string;
  /** Attributes to write on the ad Period's Representation (decoded). */
  attrs: Record<string, string>;
  timescale: number;
  init?: string;
  segments: DashCreativeSegment[];
  duration: number;
}

export interface DashCreativeSet {
  contentType: AdaptationSetScan['contentType'];
  lang?: string;
  attrs: Record<string, string>;
  /** Role, AudioChannelConfiguration, Accessibility … as raw XML. */
  descriptors: string[];
  representations: DashCreativeRepresentation[];
}

export interface DashCreative {
  format: 'dash';
  url: string;
  sets: DashCreativeSet[];
  /** Duration of the video (else first) set: the reference for planning. */
  duration: number;
}

export type DashCreativeResult = { ok: true; creative: DashCreative } | { ok: false; error: string };

const SET_ATTRS = ['contentType', 'mimeType', 'codecs', 'lang', 'segmentAlignment', 'startWithSAP', 'par', 'frameRate', 'audioSamplingRate'];
const REP_ATTRS = ['id', 'bandwidth', 'width', 'height', 'codecs', 'mimeType', 'frameRate', 'sar', 'audioSamplingRate', 'scanType'];
const DESCRIPTORS = new Set(['Role', 'AudioChannelConfiguration', 'Accessibility']);

function pick(el: XElement, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = attr(el, n);
    if (v !== undefined) out[n] = v;
  }
  return out;
}

function baseOf(el: XElement, parent: string): string {
  const b = childElements(el, 'BaseURL')[0];
  return b ? new URL(textOf(b), parent).toString() : parent;
}

/** Every segment of one Representation, from a timeline, a number-based template or a SegmentList. */
function segmentsOf(chain: XElement[], base: string, repId: string, bandwidth: number, periodSeconds: number | undefined): { init?: string; timescale: number; segments: DashCreativeSegment[] } {
  const a = resolveAddressing(chain);
  if (!a || a.kind === 'SegmentBase') throw new Error('SegmentBase (single-file) ads are not supported; package the ad with SegmentTemplate or SegmentList');
  const inner = chain[chain.length - 1]!;
  const pickAttr = (name: string) => [...chain].reverse().map((e) => attr(e, name)).find((v) => v !== undefined);
  const initEl = [...chain].reverse().map((e) => childElements(e, 'Initialization')[0]).find(Boolean);
  const initRaw = pickAttr('initialization') ?? (initEl ? attr(initEl, 'sourceURL') : undefined);
  const vals = { representationId: repId, bandwidth };
  const init = initRaw ? new URL(expandTemplate(initRaw, vals), base).toString() : undefined;
  const times: { t: number; d: number }[] = [];
  if (a.runs) {
    for (const run of a.runs) for (let k = 0; k <= Math.max(0, run.r); k++) times.push({ t: run.t + k * run.d, d: run.d });
  } else if (a.duration) {
    const listLen = localName(inner.name) === 'SegmentList' ? childElements(inner, 'SegmentURL').length : 0;
    const count = listLen || (periodSeconds !== undefined ? Math.ceil((periodSeconds * a.timescale) / a.duration - 1e-6) : 0);
    for (let k = 0; k < count; k++) times.push({ t: a.pto + k * a.duration, d: a.duration });
  }
  if (localName(inner.name) === 'SegmentList') {
    const urls = childElements(inner, 'SegmentURL').map((s) => attr(s, 'media') ?? '');
    return { ...(init ? { init } : {}), timescale: a.timescale, segments: times.slice(0, urls.length).map((x, i) => ({ ...x, url: new URL(urls[i]!, base).toString() })) };
  }
  const media = pickAttr('media');
  if (!media) throw new Error(`Representation ${repId} has no media template`);
  return {
    ...(init ? { init } : {}),
    timescale: a.timescale,
    segments: times.map((x, i) => ({ ...x, url: new URL(expandTemplate(media, { ...vals, number: a.startNumber + i, time: x.t }), base).toString() })),
  };
}

export function readDashCreative(text: string, url: string): DashCreative {
  const scan = scanMpd(text);
  const period = scan.periods[0]!;
  const mpdBase = baseOf(scan.mpd, url);
  const periodBase = baseOf(period.el, mpdBase);
  const pSeg = segmentElement(period.el);
  const sets: DashCreativeSet[] = [];
  for (const as of period.adaptationSets) {
    const asBase = baseOf(as.el, periodBase);
    const aSeg = segmentElement(as.el);
    const representations: DashCreativeRepresentation[] = as.representations.map((r, i) => {
      const rSeg = segmentElement(r.el);
      const inner = rSeg ?? aSeg ?? pSeg;
      const kind = inner ? localName(inner.name) : '';
      const chain = [pSeg, aSeg, rSeg].filter((e): e is XElement => e !== undefined && localName(e.name) === kind);
      const id = r.id ?? String(i);
      const bandwidth = r.bandwidth ?? 0;
      const s = segmentsOf(chain, baseOf(r.el, asBase), id, bandwidth, period.duration);
      const duration = s.segments.reduce((t, x) => t + x.d, 0) / s.timescale;
      return {
        id,
        bandwidth,
        ...(r.width !== undefined ? { width: r.width } : {}),
        ...(r.height !== undefined ? { height: r.height } : {}),
        ...(r.codecs ? { codecs: r.codecs } : {}),
        attrs: { ...pick(r.el, REP_ATTRS), ...(r.codecs && !attr(r.el, 'codecs') ? { codecs: r.codecs } : {}) },
        timescale: s.timescale,
        ...(s.init ? { init: s.init } : {}),
        segments: s.segments,
        duration,
      };
    });
    const descriptors = as.el.children.filter((n): n is XElement => isElement(n) && DESCRIPTORS.has(localName(n.name))).map(serializeElement);
    sets.push({ contentType: as.contentType, ...(as.lang ? { lang: as.lang } : {}), attrs: pick(as.el, SET_ATTRS), descriptors, representations });
  }
  const ref = sets.find((s) => s.contentType === 'video') ?? sets[0];
  const duration = ref?.representations[0]?.duration ?? 0;
  if (!ref || duration <= 0) throw new Error('Ad MPD lists no segments');
  return { format: 'dash', url, sets, duration };
}

export class DashCreativeLoader {
  private readonly cache = new CreativeCache<DashCreativeResult>();
  constructor(private readonly bus?: EventBus) {}

  load(url: string): Promise<DashCreativeResult> {
    return this.cache.get(url, (u) => this.fetchCreative(u));
  }

  private async fetchCreative(url: string): Promise<DashCreativeResult> {
    try {
      const r = await fetchCreativeText(url, this.bus);
      return { ok: true, creative: readDashCreative(r.body, r.url) };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return { ok: false, error: msg.includes(url) ? msg : `${msg} (${url})` };
    }
  }
}
