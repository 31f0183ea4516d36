// Ad breaks signalled in a media playlist, in every dialect the field uses: Elemental/Wowza
// EXT-X-CUE-OUT / CUE-OUT-CONT / CUE-IN (+ EXT-OATCLS-SCTE35, EXT-X-ASSET), RFC 8216 EXT-X-DATERANGE
// with SCTE35-OUT/IN/CMD, Adobe EXT-X-SPLICEPOINT-SCTE35, and the older EXT-X-SCTE35 / EXT-X-CUE forms.
// Pure: (scan) → breaks. SCTE-35 payloads are decoded only to learn out/in and durations.
import { safeDecodeScte35, spliceInfoSummary, type SpliceInfoSummary } from '../../scte35/index.js';
import { attr, parseAttributes, tagValue, type AttributeList } from './attributes.js';
import type { MarkerLine, MediaScan, ScannedSegment } from './scan-media.js';

export interface OriginBreak {
  /** Index (into scan.segments) of the break's first segment in this window. */
  startIndex: number;
  /** Exclusive end index; equals startIndex for a zero-duration (insertion) cue. */
  endIndex: number;
  /** The end was seen (CUE-IN, SCTE35-IN) or reached by the signalled duration within the window. */
  closed: boolean;
  /** Media sequence of the break's first segment; estimated when the window starts mid-break. */
  startSeq: number;
  /** Seconds into the break at startIndex (> 0 when the window begins mid-break). */
  elapsedAtStart: number;
  /** Signalled duration (DURATION, PLANNED-DURATION, break_duration…); undefined when not signalled. */
  durationSeconds?: number;
  /** 'insert': zero-duration cue, ads go in without replacing content (VOD). */
  mode: 'replace' | 'insert';
  /** Wall-clock start of the break when the playlist has PDT: the stable identity of a live break. */
  startMs?: number;
  source: MarkerLine['kind'];
  /** Raw SCTE-35 payload (base64 or 0x-hex) when one was carried. */
  scte35?: string;
  scte?: SpliceInfoSummary;
  /** EXT-X-ASSET attributes (→ [asset.*] ADS variables). */
  asset?: Record<string, string>;
  /** DATERANGE ID / SCTE event id, when signalled. */
  eventId?: string;
}

/** Segments within this tolerance of the signalled duration end the break (encoders round EXTINF). */
const END_TOLERANCE_SECONDS = 0.25;
/** Segmentation types that open / close an avail (SCTE 35 Table 23). */
const OUT_TYPES = new Set([0x22, 0x30, 0x32, 0x34, 0x36, 0x38, 0x3a, 0x44, 0x46]);
const IN_TYPES = new Set([0x23, 0x31, 0x33, 0x35, 0x37, 0x39, 0x3b, 0x45, 0x47]);

interface Signal {
  dir: 'out' | 'in' | 'cont';
  source: MarkerLine['kind'];
  duration?: number;
  elapsed?: number;
  scte35?: string;
  scte?: SpliceInfoSummary;
  eventId?: string;
  startMs?: number;
}

function num(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number.parseFloat(v);
  return Number.isFinite(x) ? x : undefined;
}

function decode(payload: string | undefined): SpliceInfoSummary | undefined {
  if (!payload) return undefined;
  const r = safeDecodeScte35(payload);
  return r.ok ? spliceInfoSummary(r.section) : undefined;
}

/** out/in from a decoded SCTE-35 message; undefined when it says neither (e.g. splice_null). */
function scteDirection(s: SpliceInfoSummary | undefined): 'out' | 'in' | undefined {
  if (!s) return undefined;
  if (s.command === 'splice_insert') return s.outOfNetwork ? 'out' : 'in';
  if (s.segmentationTypeId !== undefined) {
    if (OUT_TYPES.has(s.segmentationTypeId)) return 'out';
    if (IN_TYPES.has(s.segmentationTypeId)) return 'in';
  }
  return undefined;
}

function cueOutDuration(line: string): number | undefined {
  const v = tagValue(line).trim();
  if (!v) return undefined;
  if (/^[\d.]+$/.test(v)) return num(v);
  return num(attr(parseAttributes(v), 'DURATION'));
}

function signalsOf(seg: ScannedSegment | undefined, markers: MarkerLine[]): { signals: Signal[]; asset?: AttributeList } {
  const signals: Signal[] = [];
  let oatcls: string | undefined;
  let asset: AttributeList | undefined;
  for (const m of markers) {
    switch (m.kind) {
      case 'oatcls':
        oatcls = tagValue(m.line).trim();
        break;
      case 'asset':
        asset = parseAttributes(tagValue(m.line));
        break;
      case 'cue-out': {
        const d = cueOutDuration(m.line);
        signals.push({ dir: 'out', source: 'cue-out', ...(d !== undefined ? { duration: d } : {}) });
        break;
      }
      case 'cue-out-cont': {
        const v = tagValue(m.line);
        const a = parseAttributes(v);
        // Also seen: "#EXT-X-CUE-OUT-CONT:8/23" (elapsed/duration).
        const slash = /^\s*([\d.]+)\/([\d.]+)\s*$/.exec(v);
        const elapsed = slash ? num(slash[1]) : num(attr(a, 'ElapsedTime'));
        const duration = slash ? num(slash[2]) : num(attr(a, 'Duration'));
        const payload = attr(a, 'SCTE35');
        signals.push({
          dir: 'cont',
          source: 'cue-out-cont',
          ...(elapsed !== undefined ? { elapsed } : {}),
          ...(duration !== undefined ? { duration } : {}),
          ...(payload ? { scte35: payload } : {}),
        });
        break;
      }
      case 'cue-in':
        signals.push({ dir: 'in', source: 'cue-in' });
        break;
      case 'daterange': {
        const a = parseAttributes(tagValue(m.line));
        const out = a['SCTE35-OUT'];
        const inn = a['SCTE35-IN'];
        const cmd = a['SCTE35-CMD'];
        const id = a.ID;
        const start = a['START-DATE'] ? Date.parse(a['START-DATE']) : Number.NaN;
        const startMs = Number.isFinite(start) ? start : undefined;
        const duration = num(a.DURATION) ?? num(a['PLANNED-DURATION']);
        const base = { source: 'daterange' as const, ...(id ? { eventId: id } : {}), ...(startMs !== undefined ? { startMs } : {}) };
        if (out) {
          const scte = decode(out);
          signals.push({ dir: 'out', ...base, scte35: out, ...(scte ? { scte } : {}), ...(duration !== undefined ? { duration: num(a['PLANNED-DURATION']) ?? duration } : {}) });
        } else if (inn) {
          signals.push({ dir: 'in', ...base, scte35: inn });
        } else if (cmd) {
          const scte = decode(cmd);
          const dir = scteDirection(scte);
          if (dir) signals.push({ dir, ...base, scte35: cmd, ...(scte ? { scte } : {}), ...(duration ?? scte?.durationSeconds) !== undefined ? { duration: (duration ?? scte?.durationSeconds)! } : {} });
        }
        break;
      }
      case 'splicepoint': {
        const payload = tagValue(m.line).trim();
        const scte = decode(payload);
        const dir = scteDirection(scte);
        if (dir) signals.push({ dir, source: 'splicepoint', scte35: payload, ...(scte ? { scte } : {}), ...(scte?.durationSeconds !== undefined ? { duration: scte.durationSeconds } : {}) });
        break;
      }
      case 'scte35': {
        const a = parseAttributes(tagValue(m.line));
        const out = attr(a, 'CUE-OUT');
        const payload = attr(a, 'CUE');
        const d = num(attr(a, 'DURATION'));
        if (out === 'YES') signals.push({ dir: 'out', source: 'scte35', ...(d !== undefined ? { duration: d } : {}), ...(payload ? { scte35: payload } : {}) });
        else if (out === 'CONT') signals.push({ dir: 'cont', source: 'scte35', ...(d !== undefined ? { duration: d } : {}) });
        else if (attr(a, 'CUE-IN') === 'YES') signals.push({ dir: 'in', source: 'scte35' });
        break;
      }
      case 'cue': {
        const a = parseAttributes(tagValue(m.line));
        const type = attr(a, 'TYPE');
        const d = num(attr(a, 'DURATION'));
        if (type === 'SpliceOut') signals.push({ dir: 'out', source: 'cue', ...(d !== undefined ? { duration: d } : {}), ...(a.ID ? { eventId: a.ID } : {}) });
        else if (type === 'SpliceIn') signals.push({ dir: 'in', source: 'cue' });
        break;
      }
    }
  }
  // EXT-OATCLS-SCTE35 carries the payload of the CUE-OUT it accompanies.
  if (oatcls) {
    const out = signals.find((s) => s.dir === 'out' && !s.scte35);
    if (out) {
      out.scte35 = oatcls;
      const scte = decode(oatcls);
      if (scte) out.scte = scte;
    }
  }
  void seg;
  return { signals, ...(asset ? { asset } : {}) };
}

const CONT_ONLY: { signals: Signal[]; asset?: AttributeList } = { signals: [{ dir: 'cont', source: 'cue-out-cont' }] };
const NO_SIGNALS: { signals: Signal[]; asset?: AttributeList } = { signals: [] };

/** Finds the ad breaks of a media playlist window. Back-to-back breaks, mid-break joins and unterminated breaks included. */
export function findBreaks(scan: MediaScan): OriginBreak[] {
  const breaks: OriginBreak[] = [];
  const segs = scan.segments;
  let open: OriginBreak | undefined;
  let elapsed = 0;
  const close = (i: number, closed: boolean) => {
    if (!open) return;
    open.endIndex = i;
    open.closed = closed;
    breaks.push(open);
    open = undefined;
  };
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    // Inside a break whose duration is known, CUE-OUT-CONT lines only say "still in the break": skip parsing them.
    const contOnly = open?.durationSeconds !== undefined && seg.markers !== undefined && seg.markers.every((m) => m.kind === 'cue-out-cont');
    const { signals, asset } = contOnly ? CONT_ONLY : seg.markers ? signalsOf(seg, seg.markers) : NO_SIGNALS;
    const hasCont = signals.some((s) => s.dir === 'cont');
    // 1. Ends first: a segment can carry CUE-IN and the next CUE-OUT (back-to-back breaks).
    if (open && signals.some((s) => s.dir === 'in')) close(i, true);
    if (open && !hasCont && open.durationSeconds !== undefined && elapsed >= open.durationSeconds - END_TOLERANCE_SECONDS) close(i, true);
    // 2. Starts.
    const out = signals.find((s) => s.dir === 'out');
    if (out) {
      if (open) close(i, true);
      const mid = out.startMs !== undefined && seg.pdtMs !== undefined ? Math.max(0, (seg.pdtMs - out.startMs) / 1000) : 0;
      const zero = out.duration === 0;
      open = {
        startIndex: i,
        endIndex: i,
        closed: false,
        startSeq: mid > 0 ? seg.seq - Math.round(mid / (seg.duration || 1)) : seg.seq,
        elapsedAtStart: mid,
        mode: zero ? 'insert' : 'replace',
        source: out.source,
        ...(out.duration !== undefined && !zero ? { durationSeconds: out.duration } : {}),
        ...(out.scte35 ? { scte35: out.scte35 } : {}),
        ...(out.scte ? { scte: out.scte } : {}),
        ...(asset ? { asset } : {}),
        ...(out.eventId ?? out.scte?.eventId !== undefined ? { eventId: out.eventId ?? String(out.scte!.eventId) } : {}),
      };
      const startMs = out.startMs ?? (seg.pdtMs !== undefined ? seg.pdtMs - mid * 1000 : undefined);
      if (startMs !== undefined) open.startMs = startMs;
      elapsed = mid;
      if (zero) close(i, true);
    } else if (!open) {
      const cont = signals.find((s) => s.dir === 'cont');
      if (cont && (cont.elapsed ?? 0) >= 0) {
        // Joined mid-break: the CUE-OUT slid out of the window; CUE-OUT-CONT says how far in we are.
        const e = cont.elapsed ?? 0;
        const scte = cont.scte ?? decode(cont.scte35);
        open = {
          startIndex: i,
          endIndex: i,
          closed: false,
          startSeq: seg.seq - Math.round(e / (seg.duration || 1)),
          elapsedAtStart: e,
          mode: 'replace',
          source: cont.source,
          ...(cont.duration !== undefined ? { durationSeconds: cont.duration } : {}),
          ...(cont.scte35 ? { scte35: cont.scte35 } : {}),
          ...(scte ? { scte } : {}),
          ...(asset ? { asset } : {}),
          ...(scte?.eventId !== undefined ? { eventId: String(scte.eventId) } : {}),
        };
        if (seg.pdtMs !== undefined) open.startMs = seg.pdtMs - e * 1000;
        elapsed = e;
      }
    } else if (open.durationSeconds === undefined) {
      const d = signals.find((s) => s.dir === 'cont')?.duration;
      if (d !== undefined) open.durationSeconds = d;
    }
    if (open) elapsed += seg.duration;
  }
  if (open) {
    // A break whose signalled duration is covered by the window is complete even without a CUE-IN.
    const o: OriginBreak = open;
    const complete = o.durationSeconds !== undefined && elapsed >= o.durationSeconds - END_TOLERANCE_SECONDS;
    close(segs.length, complete);
  }
  // A cue after the last segment (some packagers put the post-roll cue there) is an insertion at the end.
  if (scan.trailerMarkers) {
    const { signals } = signalsOf(undefined, scan.trailerMarkers);
    if (signals.some((s) => s.dir === 'out')) {
      const last = segs.at(-1);
      breaks.push({
        startIndex: segs.length,
        endIndex: segs.length,
        closed: true,
        startSeq: (last?.seq ?? scan.mediaSequence - 1) + 1,
        elapsedAtStart: 0,
        mode: 'insert',
        source: signals.find((s) => s.dir === 'out')!.source,
      });
    }
  }
  return breaks;
}

/** Seconds from the break start to the start of segment `index` (for segments inside the break). */
export function offsetInBreak(scan: MediaScan, brk: OriginBreak, index: number): number {
  let t = brk.elapsedAtStart;
  for (let i = brk.startIndex; i < index; i++) t += scan.segments[i]!.duration;
  return t;
}
