// Ad breaks signalled in MPD EventStreams: SCTE-35 as XML (urn:scte:scte35:2013:xml) or base64 binary
// (urn:scte:scte35:2014:xml+bin, and bare base64 for …2013:bin). A cue-out is a splice_insert out of network
// or a time_signal whose segmentation type starts a break (0x22, 0x30, 0x32, 0x34, 0x36). As MediaTailor:
// single-period origins use every Event, multi-period origins only the first Event of each Period.
import { bytesFromText, decodeSpliceInfoSection, spliceInfoSummary, type SpliceInfoSection, type SpliceInfoSummary } from '../../scte35/index.js';
import { eventSignal } from '../../scte35/xml.js';
import { childElements, textOf, type XElement } from '../../xml/tree.js';
import type { MpdScan } from './scan.js';

export const SCTE35_SCHEMES = new Set(['urn:scte:scte35:2013:xml', 'urn:scte:scte35:2014:xml+bin', 'urn:scte:scte35:2013:bin']);
const BREAK_START_TYPES = new Set([0x22, 0x30, 0x32, 0x34, 0x36]);
/** Shorter than one frame at 25 fps. */
const MIN_EVENT_SECONDS = 0.04;

export type OriginManifestType = 'SINGLE_PERIOD' | 'MULTI_PERIOD';

export interface DashBreak {
  /** Stable avail key: the break start on the MPD timeline in ms (the same on every refresh). */
  key: number;
  periodIndex: number;
  periodId?: string;
  /** Seconds from the Period start. */
  offset: number;
  /** Seconds on the MPD timeline. */
  start: number;
  durationSeconds?: number;
  eventId?: string;
  scte?: SpliceInfoSummary;
  /** The Event element (and its EventStream), so the writer can drop or move it when ads replace the break. */
  event: XElement;
  stream: XElement;
}

/** Why an Event is not a break (for the inspector and tests). */
export interface IgnoredEvent {
  periodIndex: number;
  eventId?: string;
  reason: string;
}

function sectionOf(event: XElement, scheme: string): { ok: true; section: SpliceInfoSection } | { ok: false; error: string } {
  if (scheme === 'urn:scte:scte35:2013:bin' && childElements(event).length === 0) {
    try {
      return { ok: true, section: decodeSpliceInfoSection(bytesFromText(textOf(event))) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }
  const s = eventSignal(event);
  return s.ok ? { ok: true, section: s.section } : { ok: false, error: s.error };
}

/** Cue-out test; returns the signalled duration (seconds) when the section carries one. */
function cueOut(section: SpliceInfoSection): { out: boolean; durationSeconds?: number } {
  const c = section.spliceCommand;
  if (c.type === 'splice_insert') {
    if (!c.outOfNetworkIndicator || c.spliceEventCancelIndicator) return { out: false };
    return { out: true, ...(c.breakDuration ? { durationSeconds: c.breakDuration.duration / 90000 } : {}) };
  }
  if (c.type === 'time_signal') {
    for (const d of section.descriptors) {
      if (d.type !== 'segmentation_descriptor' || d.segmentationEventCancelIndicator) continue;
      if (!BREAK_START_TYPES.has(d.segmentationTypeId)) continue;
      return { out: true, ...(d.segmentationDuration !== undefined ? { durationSeconds: d.segmentationDuration / 90000 } : {}) };
    }
  }
  return { out: false };
}

export function findDashBreaks(scan: MpdScan, type: OriginManifestType = 'MULTI_PERIOD'): { breaks: DashBreak[]; ignored: IgnoredEvent[] } {
  const breaks: DashBreak[] = [];
  const ignored: IgnoredEvent[] = [];
  for (const p of scan.periods) {
    let first = true;
    for (const es of p.eventStreams) {
      if (!SCTE35_SCHEMES.has(es.schemeIdUri)) continue;
      for (const ev of es.events) {
        const only = type === 'MULTI_PERIOD';
        if (only && !first) {
          ignored.push({ periodIndex: p.index, ...(ev.id ? { eventId: ev.id } : {}), reason: 'not the first Event of its Period (MULTI_PERIOD)' });
          continue;
        }
        first = false;
        const sec = sectionOf(ev.el, es.schemeIdUri);
        if (!sec.ok) {
          ignored.push({ periodIndex: p.index, ...(ev.id ? { eventId: ev.id } : {}), reason: `SCTE-35 not readable: ${sec.error}` });
          continue;
        }
        const cue = cueOut(sec.section);
        if (!cue.out) {
          ignored.push({ periodIndex: p.index, ...(ev.id ? { eventId: ev.id } : {}), reason: `${sec.section.spliceCommand.type} is not a cue-out` });
          continue;
        }
        const offset = Math.max(0, (ev.presentationTime - es.pto) / es.timescale);
        if (p.duration !== undefined && offset > p.duration + 0.001) {
          ignored.push({ periodIndex: p.index, ...(ev.id ? { eventId: ev.id } : {}), reason: `starts ${offset.toFixed(3)} s into a ${p.duration.toFixed(3)} s Period` });
          continue;
        }
        // Event@duration is the break length; a sub-frame one (seen in the field) is not, when SCTE-35 says more.
        const fromEvent = ev.duration !== undefined && ev.duration > 0 ? ev.duration / es.timescale : undefined;
        const durationSeconds = fromEvent !== undefined && (fromEvent >= MIN_EVENT_SECONDS || !(cue.durationSeconds! > fromEvent)) ? fromEvent : (cue.durationSeconds ?? fromEvent);
        const start = p.start + offset;
        breaks.push({
          key: Math.round(start * 1000),
          periodIndex: p.index,
          ...(p.id !== undefined ? { periodId: p.id } : {}),
          offset,
          start,
          ...(durationSeconds !== undefined ? { durationSeconds } : {}),
          ...(ev.id !== undefined ? { eventId: ev.id } : {}),
          scte: spliceInfoSummary(sec.section),
          event: ev.el,
          stream: es.el,
        });
      }
    }
  }
  breaks.sort((a, b) => a.start - b.start);
  return { breaks, ignored };
}
