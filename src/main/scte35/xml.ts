/**
 * SCTE-35 carried in DASH MPD <Event>s (SCTE 214-1 carriage, SCTE 35 XML schema) mapped onto the binary model,
 * so the DASH stitcher reads `urn:scte:scte35:2013:xml` and `…2014:xml+bin` events through one type. Names are
 * matched by local name only: origins disagree on prefixes and on the namespace URI (…/35, …/35/2016, urn:…).
 */
import { BitWriter } from './bit-writer.js';
import { safeDecodeScte35 } from './decode.js';
import { bareSegmentationDescriptor, cancelledSpliceInsert, CUEI_IDENTIFIER, SPLICE_INFO_TABLE_ID, SUB_SEGMENT_TYPE_IDS, UPID_TYPE } from './types.js';
import type {
  SegmentationDescriptor,
  SegmentationUpid,
  SpliceCommand,
  SpliceDescriptor,
  SpliceInfoSection,
  SpliceInsert,
  SpliceTime,
} from './types.js';
import { attr, childElements, firstChild, localName, textOf, type XElement } from '../xml/tree.js';

export type EventSignal =
  | { ok: true; section: SpliceInfoSection; form: 'xml' | 'binary'; base64?: string }
  | { ok: false; error: string };

/**
 * The SCTE-35 in one DASH <Event>: `<Signal><Binary>` base64 (scheme …2014:xml+bin), `<Signal><SpliceInfoSection>`
 * or a bare `<SpliceInfoSection>` (…2013:xml, MediaTailor style). Never throws.
 */
export function eventSignal(event: XElement): EventSignal {
  try {
    // SCTE 35 declares SpliceInfoSection and Binary as global elements, so either may also sit bare in <Event>.
    const signal = firstChild(event, 'Signal');
    const holder = signal ?? event;
    const binary = firstChild(holder, 'Binary');
    if (binary) return binarySignal(binary);
    const xml = firstChild(holder, 'SpliceInfoSection');
    if (xml) return { ok: true, section: spliceInfoSectionFromXml(xml), form: 'xml' };
    return {
      ok: false,
      error: signal ? 'Signal has neither SpliceInfoSection nor Binary' : 'Event has no SCTE-35 Signal, SpliceInfoSection or Binary',
    };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function binarySignal(binary: XElement): EventSignal {
  // signalType defaults to SpliceInfoSection; "private:…" payloads are someone else's format.
  const signalType = get(binary, 'signalType');
  if (signalType !== undefined && signalType !== 'SpliceInfoSection') {
    return { ok: false, error: `Binary signalType "${signalType}" is not a splice_info_section` };
  }
  const base64 = textOf(binary).replace(/\s+/g, '');
  if (!base64) return { ok: false, error: 'Binary is empty' };
  const r = safeDecodeScte35(base64);
  return r.ok ? { ok: true, section: r.section, form: 'binary', base64 } : { ok: false, error: `Binary: ${r.error}` };
}

const COMMANDS = new Set(['SpliceNull', 'SpliceSchedule', 'SpliceInsert', 'TimeSignal', 'BandwidthReservation', 'PrivateCommand']);

/** A `<SpliceInfoSection>` element → the model. Throws Error with a clear message on bad/missing required data. */
export function spliceInfoSectionFromXml(el: XElement): SpliceInfoSection {
  if (localName(el.name) !== 'SpliceInfoSection') throw new Error(`expected <SpliceInfoSection>, got <${el.name}>`);
  // Like the binary decoder: nothing downstream could act on a command it cannot decipher.
  if (firstChild(el, 'EncryptedPacket')) throw new Error('encrypted SpliceInfoSection is not supported');
  let spliceCommand: SpliceCommand | undefined;
  const descriptors: SpliceDescriptor[] = [];
  for (const child of childElements(el)) {
    const name = localName(child.name);
    if (COMMANDS.has(name)) {
      if (spliceCommand) throw new Error(`SpliceInfoSection has more than one splice command (<${name}> after <${spliceCommand.type}>)`);
      spliceCommand = command(child, name);
    } else {
      const d = descriptor(child, name);
      if (d) descriptors.push(d);
    }
  }
  if (!spliceCommand) throw new Error('SpliceInfoSection has no splice command (SpliceNull, SpliceInsert, TimeSignal, …)');
  // Defaults are those of the schema and of newSpliceInfoSection, so the result encodes as it stands.
  return {
    tableId: SPLICE_INFO_TABLE_ID,
    sectionSyntaxIndicator: false,
    privateIndicator: false,
    sapType: uint(el, 'sapType', 2, 3),
    protocolVersion: uint(el, 'protocolVersion', 8, 0),
    encryptedPacket: false,
    encryptionAlgorithm: 0,
    ptsAdjustment: uint(el, 'ptsAdjustment', 33, 0),
    cwIndex: 0,
    tier: uint(el, 'tier', 12, 0xfff),
    spliceCommand,
    descriptors,
  };
}

function command(el: XElement, name: string): SpliceCommand {
  switch (name) {
    case 'SpliceNull':
      return { type: 'splice_null' };
    case 'BandwidthReservation':
      return { type: 'bandwidth_reservation' };
    case 'TimeSignal': {
      const spliceTime = spliceTimeOf(el);
      if (!spliceTime) throw new Error('TimeSignal has no SpliceTime');
      return { type: 'time_signal', spliceTime };
    }
    case 'PrivateCommand':
      return { type: 'private_command', identifier: uint(el, 'identifier', 32), privateBytes: privateBytes(el) };
    case 'SpliceInsert':
      return spliceInsert(el);
    default:
      // UTC-scheduled splices have no place in the model; the stitcher ignores them.
      throw new Error('SpliceSchedule: splice_schedule is not supported');
  }
}

/** The SpliceTime child's time; `{}` (time_specified_flag 0) when it has no ptsTime, undefined without one. */
function spliceTimeOf(parent: XElement): SpliceTime | undefined {
  const t = firstChild(parent, 'SpliceTime');
  if (!t) return undefined;
  const ptsTime = optUint(t, 'ptsTime', 33);
  return ptsTime === undefined ? {} : { ptsTime };
}

function spliceInsert(el: XElement): SpliceInsert {
  const spliceEventId = uint(el, 'spliceEventId', 32);
  if (bool(el, 'spliceEventCancelIndicator', false)) {
    return cancelledSpliceInsert(spliceEventId);
  }
  const immediate = bool(el, 'spliceImmediateFlag', false);
  const components = childElements(el, 'Component');
  const breakDuration = firstChild(el, 'BreakDuration');
  const cmd: SpliceInsert = {
    type: 'splice_insert',
    spliceEventId,
    spliceEventCancelIndicator: false,
    outOfNetworkIndicator: bool(el, 'outOfNetworkIndicator', false),
    programSpliceFlag: components.length === 0,
    durationFlag: breakDuration !== undefined,
    spliceImmediateFlag: immediate,
    uniqueProgramId: uint(el, 'uniqueProgramId', 16, 0),
    availNum: uint(el, 'availNum', 8, 0),
    availsExpected: uint(el, 'availsExpected', 8, 0),
  };
  if (!bool(el, 'eventIdComplianceFlag', true)) cmd.eventIdComplianceFlag = false;
  // An empty (or missing) <Program> when not immediate means "time not specified", not an error.
  if (components.length) {
    cmd.components = components.map((c) => {
      const componentTag = uint(c, 'componentTag', 8);
      return immediate ? { componentTag } : { componentTag, spliceTime: spliceTimeOf(c) ?? {} };
    });
  } else if (!immediate) {
    const program = firstChild(el, 'Program');
    cmd.spliceTime = (program && spliceTimeOf(program)) ?? {};
  }
  if (breakDuration) {
    cmd.breakDuration = { autoReturn: bool(breakDuration, 'autoReturn'), duration: uint(breakDuration, 'duration', 33) };
  }
  return cmd;
}

/** A descriptor, or undefined for elements the model cannot carry (Ext, unknown descriptors). */
function descriptor(el: XElement, name: string): SpliceDescriptor | undefined {
  switch (name) {
    case 'SegmentationDescriptor':
      return segmentation(el);
    case 'AvailDescriptor':
      return { type: 'avail_descriptor', providerAvailId: uint(el, 'providerAvailId', 32) };
    case 'DTMFDescriptor': {
      const dtmfChars = get(el, 'chars') ?? '';
      if (!/^[0-9*#]{0,7}$/.test(dtmfChars)) throw new Error(`DTMFDescriptor@chars: "${dtmfChars}" is not 0-7 of 0-9 * #`);
      return { type: 'dtmf_descriptor', preroll: uint(el, 'preroll', 8, 0), dtmfChars };
    }
    case 'TimeDescriptor':
      return {
        type: 'time_descriptor',
        taiSeconds: uint(el, 'taiSeconds', 48),
        taiNs: uint(el, 'taiNs', 32, 0),
        utcOffset: uint(el, 'utcOffset', 16, 0),
      };
    case 'AudioDescriptor':
      return audio(el);
    case 'PrivateDescriptor':
      return { type: 'raw', tag: uint(el, 'descriptorTag', 8), identifier: uint(el, 'identifier', 32), bytes: privateBytes(el) };
    default:
      return undefined;
  }
}

function segmentation(el: XElement): SegmentationDescriptor {
  // Cancelled and unrestricted fields are false/0 as the binary decoder leaves them (see decode-descriptor.ts).
  const d = bareSegmentationDescriptor(uint(el, 'segmentationEventId', 32), false);
  if (!bool(el, 'segmentationEventIdComplianceIndicator', true)) d.segmentationEventIdComplianceIndicator = false;
  if (bool(el, 'segmentationEventCancelIndicator', false)) {
    d.segmentationEventCancelIndicator = true;
    return d;
  }

  const r = firstChild(el, 'DeliveryRestrictions');
  if (r) {
    d.webDeliveryAllowed = bool(r, 'webDeliveryAllowedFlag');
    d.noRegionalBlackout = bool(r, 'noRegionalBlackoutFlag');
    d.archiveAllowed = bool(r, 'archiveAllowedFlag');
    d.deviceRestrictions = uint(r, 'deviceRestrictions', 2);
  } else {
    d.deliveryNotRestrictedFlag = true;
  }
  const components = childElements(el, 'Component');
  d.programSegmentationFlag = components.length === 0;
  if (components.length) {
    d.components = components.map((c) => ({ componentTag: uint(c, 'componentTag', 8), ptsOffset: uint(c, 'ptsOffset', 33) }));
  }
  const duration = optUint(el, 'segmentationDuration', 40);
  if (duration !== undefined) {
    d.segmentationDurationFlag = true;
    d.segmentationDuration = duration;
  }
  d.upid = upid(childElements(el, 'SegmentationUpid'));
  d.segmentationTypeId = uint(el, 'segmentationTypeId', 8);
  d.segmentNum = uint(el, 'segmentNum', 8, 0);
  d.segmentsExpected = uint(el, 'segmentsExpected', 8, 0);
  const sub = optUint(el, 'subSegmentNum', 8);
  const subs = optUint(el, 'subSegmentsExpected', 8);
  if ((sub === undefined) !== (subs === undefined)) {
    throw new Error('SegmentationDescriptor: subSegmentNum and subSegmentsExpected go together');
  }
  // Other types have no bits for them in binary (some emitters write 0/0 everywhere): drop rather than fail.
  if (sub !== undefined && subs !== undefined && SUB_SEGMENT_TYPE_IDS.includes(d.segmentationTypeId)) {
    d.subSegmentNum = sub;
    d.subSegmentsExpected = subs;
  }
  return d;
}

/** The XML spells a MID (0x0D) as several SegmentationUpid elements; binary nests them as type/length/value. */
function upid(els: XElement[]): SegmentationUpid {
  if (els.length === 0) return { type: UPID_TYPE.notUsed, bytes: new Uint8Array(0) };
  const parts = els.map(upidPart);
  if (parts.length === 1) return parts[0]!;
  const bytes: number[] = [];
  for (const p of parts) bytes.push(p.type, p.bytes.length, ...p.bytes);
  if (bytes.length > 255) throw new Error(`MID SegmentationUpid is ${bytes.length} bytes (max 255)`);
  return { type: UPID_TYPE.mid, bytes: Uint8Array.from(bytes) };
}

function upidPart(el: XElement): SegmentationUpid {
  const type = uint(el, 'segmentationUpidType', 8);
  const text = textOf(el);
  const what = `SegmentationUpid (type ${type})`;
  // 2016-era documents call the attribute "format".
  const format = (get(el, 'segmentationUpidFormat') ?? get(el, 'format'))?.toLowerCase();
  let bytes: Uint8Array;
  if (format === 'hexbinary') bytes = hexBytes(text, what);
  else if (format === 'base-64' || format === 'base64') bytes = base64Bytes(text, what);
  else if (format === 'text') bytes = new TextEncoder().encode(text);
  // The schema default is hexBinary, but packagers write text UPIDs (ADI, Ad-ID, URI) without the attribute.
  else if (format === undefined) bytes = HEX_TEXT.test(text) ? hexBytes(text, what) : new TextEncoder().encode(text);
  else throw new Error(`${what}: segmentationUpidFormat "${format}" is not supported`);

  // MPU: formatIdentifier may be given apart from the value (threefive repeats it in both); binary wants it first.
  const id = optUint(el, 'formatIdentifier', 32);
  if (type === UPID_TYPE.mpu && id !== undefined) {
    const head = new Uint8Array(4);
    new DataView(head.buffer).setUint32(0, id);
    if (!head.every((b, i) => bytes[i] === b)) bytes = Uint8Array.from([...head, ...bytes]);
  }
  if (bytes.length > 255) throw new Error(`${what} is ${bytes.length} bytes (max 255)`);
  return { type, bytes };
}

/**
 * audio_descriptor() (tag 0x04) has no model type; kept as the raw body the binary decoder would give:
 * audio_count(4) reserved(4), then per channel component_tag(8) ISO_code(24) bit_stream_mode(3)
 * num_channels(4) full_srvc_audio(1).
 */
function audio(el: XElement): SpliceDescriptor {
  const channels = childElements(el, 'AudioChannel');
  if (channels.length > 15) throw new Error(`AudioDescriptor has ${channels.length} AudioChannels (max 15)`);
  const w = new BitWriter().writeBits(channels.length, 4).writeReserved(4);
  for (const c of channels) {
    const iso = get(c, 'ISOCode') ?? '';
    if (!/^[\x20-\x7e]{3}$/.test(iso)) throw new Error(`AudioChannel@ISOCode: "${iso}" is not a 3-letter code`);
    // 0xFF: "not used", the component order then follows the PMT.
    w.writeBits(uint(c, 'componentTag', 8, 0xff), 8);
    for (const ch of iso) w.writeBits(ch.charCodeAt(0), 8);
    w.writeBits(uint(c, 'BitStreamMode', 3), 3).writeBits(uint(c, 'NumChannels', 4), 4).writeFlag(bool(c, 'FullSrvcAudio'));
  }
  return { type: 'raw', tag: 0x04, identifier: CUEI_IDENTIFIER, bytes: w.bytes() };
}

/** PrivateCommand / PrivateDescriptor payload: a PrivateBytes child or the element's own text; hexBinary per the
 * schema, base64 accepted when the text cannot be hex. */
function privateBytes(el: XElement): Uint8Array {
  const holder = firstChild(el, 'PrivateBytes');
  const text = textOf(holder ?? el);
  const what = `${localName(el.name)} private bytes`;
  return HEX_TEXT.test(text) ? hexBytes(text, what) : base64Bytes(text, what);
}

const HEX_TEXT = /^(?:0x)?(?:[0-9a-fA-F]{2}|\s)*$/;

function hexBytes(text: string, what: string): Uint8Array {
  const s = text.replace(/\s+/g, '').replace(/^0x/i, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(s)) throw new Error(`${what}: "${text}" is not hexBinary`);
  return new Uint8Array(Buffer.from(s, 'hex'));
}

function base64Bytes(text: string, what: string): Uint8Array {
  // Buffer's decoder skips garbage silently; check the alphabet and length first.
  const s = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s) || s.replace(/=+$/, '').length % 4 === 1) {
    throw new Error(`${what}: "${text}" is not base64`);
  }
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/** An attribute by local name: the schema's are unqualified, yet some emitters write `scte35:ptsAdjustment`. */
function get(el: XElement, name: string): string | undefined {
  const v = attr(el, name);
  if (v !== undefined) return v.trim();
  for (const k in el.attrs) if (localName(k) === name && !k.startsWith('xmlns')) return attr(el, k)!.trim();
  return undefined;
}

const where = (el: XElement, name: string): string => `${localName(el.name)}@${name}`;

function optUint(el: XElement, name: string, bits: number): number | undefined {
  const v = get(el, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new Error(`${where(el, name)}: "${v}" is not an unsigned integer`);
  const n = Number(v);
  if (n >= 2 ** bits) throw new Error(`${where(el, name)}: ${v} does not fit in ${bits} bits`);
  return n;
}

/** Without a fallback the attribute is required. */
function uint(el: XElement, name: string, bits: number, fallback?: number): number {
  const n = optUint(el, name, bits) ?? fallback;
  if (n === undefined) throw new Error(`${where(el, name)} is required`);
  return n;
}

function bool(el: XElement, name: string, fallback?: boolean): boolean {
  const v = get(el, name);
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  if (v !== undefined) throw new Error(`${where(el, name)}: "${v}" is not a boolean (true/false/1/0)`);
  if (fallback === undefined) throw new Error(`${where(el, name)} is required`);
  return fallback;
}
