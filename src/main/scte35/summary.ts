/**
 * A small flat view of a decoded section for UIs (inspector, ad timeline) and for ad
 * decisions, plus the name tables it uses.
 */
import { ticksToSeconds } from './decode.js';
import { UPID_TYPE } from './types.js';
import type { SpliceInfoSummary, UpidSummary } from '../../shared/scte35-view.js';
import type { SegmentationDescriptor, SegmentationUpid, SpliceCommand, SpliceInfoSection, SpliceTime } from './types.js';

// The summary shapes are shared with the renderer (the timeline's SCTE-35 card).
export type { SpliceInfoSummary, UpidSummary };

/** segmentation_type_id names (SCTE 35 2022 Table 23). */
export const SEGMENTATION_TYPE_NAMES: Readonly<Record<number, string>> = {
  0x00: 'Not Indicated',
  0x01: 'Content Identification',
  0x02: 'Call Ad Server',
  0x10: 'Program Start',
  0x11: 'Program End',
  0x12: 'Program Early Termination',
  0x13: 'Program Breakaway',
  0x14: 'Program Resumption',
  0x15: 'Program Runover Planned',
  0x16: 'Program Runover Unplanned',
  0x17: 'Program Overlap Start',
  0x18: 'Program Blackout Override',
  0x19: 'Program Start - In Progress',
  0x20: 'Chapter Start',
  0x21: 'Chapter End',
  0x22: 'Break Start',
  0x23: 'Break End',
  0x24: 'Opening Credit Start',
  0x25: 'Opening Credit End',
  0x26: 'Closing Credit Start',
  0x27: 'Closing Credit End',
  0x30: 'Provider Advertisement Start',
  0x31: 'Provider Advertisement End',
  0x32: 'Distributor Advertisement Start',
  0x33: 'Distributor Advertisement End',
  0x34: 'Provider Placement Opportunity Start',
  0x35: 'Provider Placement Opportunity End',
  0x36: 'Distributor Placement Opportunity Start',
  0x37: 'Distributor Placement Opportunity End',
  0x38: 'Provider Overlay Placement Opportunity Start',
  0x39: 'Provider Overlay Placement Opportunity End',
  0x3a: 'Distributor Overlay Placement Opportunity Start',
  0x3b: 'Distributor Overlay Placement Opportunity End',
  0x3c: 'Provider Promo Start',
  0x3d: 'Provider Promo End',
  0x3e: 'Distributor Promo Start',
  0x3f: 'Distributor Promo End',
  0x40: 'Unscheduled Event Start',
  0x41: 'Unscheduled Event End',
  0x42: 'Alternate Content Opportunity Start',
  0x43: 'Alternate Content Opportunity End',
  0x44: 'Provider Ad Block Start',
  0x45: 'Provider Ad Block End',
  0x46: 'Distributor Ad Block Start',
  0x47: 'Distributor Ad Block End',
  0x50: 'Network Start',
  0x51: 'Network End',
};

/** segmentation_upid_type names (SCTE 35 2022 Table 22). */
export const UPID_TYPE_NAMES: Readonly<Record<number, string>> = {
  0x00: 'Not Used',
  0x01: 'User Defined',
  0x02: 'ISCI',
  0x03: 'Ad-ID',
  0x04: 'UMID',
  0x05: 'ISAN (deprecated)',
  0x06: 'ISAN',
  0x07: 'TID',
  0x08: 'TI',
  0x09: 'ADI',
  0x0a: 'EIDR',
  0x0b: 'ATSC Content Identifier',
  0x0c: 'MPU',
  0x0d: 'MID',
  0x0e: 'ADS Information',
  0x0f: 'URI',
  0x10: 'UUID',
  0x11: 'SCR',
};

/** UPID types defined as character strings; rendered as text when every byte is printable. */
const TEXT_UPID_TYPES: readonly number[] = [
  UPID_TYPE.isci,
  UPID_TYPE.adId,
  UPID_TYPE.tid,
  UPID_TYPE.adi,
  UPID_TYPE.adsInformation,
  UPID_TYPE.uri,
  UPID_TYPE.scr,
];


const PTS_MODULUS = 2 ** 33;

function commandTime(cmd: SpliceCommand): SpliceTime | undefined {
  if (cmd.type === 'time_signal') return cmd.spliceTime;
  if (cmd.type !== 'splice_insert') return undefined;
  if (cmd.spliceTime) return cmd.spliceTime;
  return cmd.components?.find((c) => c.spliceTime?.ptsTime !== undefined)?.spliceTime;
}

const toHex = (bytes: Uint8Array): string => {
  let s = '0x';
  for (const b of bytes) s += (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
  return s;
};

const isPrintable = (bytes: Uint8Array): boolean => bytes.every((b) => b >= 0x20 && b < 0x7f);

const ascii = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** Renders a UPID for display: see UpidSummary.value. */
export function upidSummary(upid: SegmentationUpid): UpidSummary {
  const { type, bytes } = upid;
  const typeName = UPID_TYPE_NAMES[type] ?? 'Reserved';
  let value: string;
  if (TEXT_UPID_TYPES.includes(type) && isPrintable(bytes)) {
    value = ascii(bytes);
  } else if (type === UPID_TYPE.mpu && bytes.length >= 4) {
    // MPU(): 32-bit format_identifier (a registered 4-character code) + private data.
    const format = bytes.subarray(0, 4);
    value = `${isPrintable(format) ? ascii(format) : toHex(format)}:${toHex(bytes.subarray(4))}`;
  } else {
    value = toHex(bytes);
  }
  return { type, typeName, value };
}

/** A flat summary of one section; see SpliceInfoSummary. */
export function spliceInfoSummary(section: SpliceInfoSection): SpliceInfoSummary {
  const cmd = section.spliceCommand;
  const out: SpliceInfoSummary = { command: cmd.type };
  const seg = section.descriptors.find((d): d is SegmentationDescriptor => d.type === 'segmentation_descriptor');

  if (cmd.type === 'splice_insert') {
    out.eventId = cmd.spliceEventId;
    if (cmd.spliceEventCancelIndicator) {
      out.cancelled = true;
    } else {
      out.outOfNetwork = cmd.outOfNetworkIndicator;
      if (cmd.breakDuration) out.durationSeconds = ticksToSeconds(cmd.breakDuration.duration);
      out.avail = { num: cmd.availNum, expected: cmd.availsExpected };
    }
  }

  const pts = commandTime(cmd)?.ptsTime;
  if (pts !== undefined) out.ptsSeconds = ticksToSeconds((pts + section.ptsAdjustment) % PTS_MODULUS);

  if (seg) {
    out.eventId ??= seg.segmentationEventId;
    if (seg.segmentationEventCancelIndicator) {
      // A cancelled descriptor under a live splice_insert does not cancel the splice.
      if (cmd.type !== 'splice_insert') out.cancelled = true;
    } else {
      if (seg.segmentationDuration !== undefined) out.durationSeconds ??= ticksToSeconds(seg.segmentationDuration);
      out.segmentationTypeId = seg.segmentationTypeId;
      out.segmentationTypeName = SEGMENTATION_TYPE_NAMES[seg.segmentationTypeId] ?? 'Reserved';
      if (seg.upid.type !== UPID_TYPE.notUsed || seg.upid.bytes.length > 0) out.upid = upidSummary(seg.upid);
      out.segmentNum = seg.segmentNum;
      out.segmentsExpected = seg.segmentsExpected;
    }
  }
  return out;
}
