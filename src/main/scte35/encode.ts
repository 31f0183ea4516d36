/**
 * splice_info_section encoder plus the helpers the demo origin uses to put SCTE-35 into
 * HLS (#EXT-X-DATERANGE SCTE35-OUT=0x..., #EXT-OATCLS-SCTE35:<base64>) and DASH
 * (urn:scte:scte35:2014:xml+bin <Binary>base64</Binary>).
 */
import { BitWriter } from './bit-writer.js';
import { crc32Mpeg2 } from './crc32.js';
import { encodeSpliceCommand, spliceCommandType } from './encode-command.js';
import { encodeSpliceDescriptor } from './encode-descriptor.js';
import { SEGMENTATION_TYPE, SPLICE_INFO_TABLE_ID, TICKS_PER_SECOND, UPID_TYPE } from './types.js';
import type { SegmentationUpid, SpliceCommand, SpliceDescriptor, SpliceInfoSection } from './types.js';

/** Bytes section_length counts besides command, descriptors and stuffing: protocol_version
 * (1) + encrypted/algorithm/pts_adjustment (5) + cw_index (1) + tier/command_length (3) +
 * command type (1) + descriptor_loop_length (2) + CRC_32 (4). */
const FIXED_SECTION_BYTES = 17;
/** SCTE 35: section_length shall not exceed 4093. */
const MAX_SECTION_LENGTH = 4093;
const PTS_MODULUS = 2 ** 33;

export function encodeSpliceInfoSection(section: SpliceInfoSection): Uint8Array {
  // Encrypted sections need the cipher and an E_CRC_32; the bench never sends them.
  if (section.encryptedPacket) throw new Error('splice_info_section: encrypted packets are not supported');

  const command = encodeSpliceCommand(section.spliceCommand);
  const descriptors = section.descriptors.map(encodeSpliceDescriptor);
  const loopLength = descriptors.reduce((n, d) => n + d.length, 0);
  const stuffing = section.alignmentStuffing ?? new Uint8Array(0);
  const sectionLength = FIXED_SECTION_BYTES + command.length + loopLength + stuffing.length;
  if (sectionLength > MAX_SECTION_LENGTH) throw new RangeError(`section_length ${sectionLength} > ${MAX_SECTION_LENGTH}`);
  if (command.length > 0xfff) throw new RangeError(`splice command too long (${command.length} bytes)`);

  const w = new BitWriter()
    .writeBits(section.tableId, 8)
    .writeFlag(section.sectionSyntaxIndicator)
    .writeFlag(section.privateIndicator)
    .writeBits(section.sapType, 2)
    .writeBits(sectionLength, 12)
    .writeBits(section.protocolVersion, 8)
    .writeFlag(section.encryptedPacket)
    .writeBits(section.encryptionAlgorithm, 6)
    .writeBits(section.ptsAdjustment, 33)
    .writeBits(section.cwIndex, 8)
    .writeBits(section.tier, 12)
    .writeBits(section.spliceCommandLengthOverride ?? command.length, 12)
    .writeBits(spliceCommandType(section.spliceCommand), 8)
    .writeBytes(command)
    .writeBits(loopLength, 16);
  for (const d of descriptors) w.writeBytes(d);
  w.writeBytes(stuffing).writeBits(0, 32); // CRC placeholder

  const out = w.bytes();
  const crcAt = out.length - 4;
  new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(crcAt, crc32Mpeg2(out, 0, crcAt));
  return out;
}

/** Section-level knobs shared by the helpers. */
export interface SectionOptions {
  ptsAdjustment?: number;
  /** Default 0xFFF (no tier). */
  tier?: number;
  /** Unused without encryption; default 0 as most encoders (the spec samples carry 0xFF). */
  cwIndex?: number;
}

/** A section with the spec's fixed values filled in (table 0xFC, SAP type 3 = unspecified). */
export function newSpliceInfoSection(
  spliceCommand: SpliceCommand,
  descriptors: SpliceDescriptor[] = [],
  opts: SectionOptions = {},
): SpliceInfoSection {
  return {
    tableId: SPLICE_INFO_TABLE_ID,
    sectionSyntaxIndicator: false,
    privateIndicator: false,
    sapType: 3,
    protocolVersion: 0,
    encryptedPacket: false,
    encryptionAlgorithm: 0,
    ptsAdjustment: opts.ptsAdjustment ?? 0,
    cwIndex: opts.cwIndex ?? 0,
    tier: opts.tier ?? 0xfff,
    spliceCommand,
    descriptors,
  };
}

/** Seconds to whole 90 kHz ticks. */
export function secondsToTicks(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`invalid duration ${seconds}s`);
  return Math.round(seconds * TICKS_PER_SECOND);
}

// PTS is a 33-bit wrapping clock, so callers may pass an unwrapped tick count.
function wrapPts(ticks: number | undefined): number | undefined {
  return ticks === undefined ? undefined : ((ticks % PTS_MODULUS) + PTS_MODULUS) % PTS_MODULUS;
}

export interface SpliceInsertOutOptions extends SectionOptions {
  eventId: number;
  /** 90 kHz ticks; omitted = splice_immediate_flag. */
  ptsTime?: number;
  durationSeconds: number;
  autoReturn?: boolean;
  availNum?: number;
  availsExpected?: number;
  uniqueProgramId?: number;
}

/** Program-level splice_insert cue-out with a break_duration. */
export function spliceInsertOut(o: SpliceInsertOutOptions): Uint8Array {
  const ptsTime = wrapPts(o.ptsTime);
  return encodeSpliceInfoSection(
    newSpliceInfoSection(
      {
        type: 'splice_insert',
        spliceEventId: o.eventId,
        spliceEventCancelIndicator: false,
        outOfNetworkIndicator: true,
        programSpliceFlag: true,
        durationFlag: true,
        spliceImmediateFlag: ptsTime === undefined,
        ...(ptsTime === undefined ? {} : { spliceTime: { ptsTime } }),
        breakDuration: { autoReturn: o.autoReturn ?? true, duration: secondsToTicks(o.durationSeconds) },
        uniqueProgramId: o.uniqueProgramId ?? 0,
        availNum: o.availNum ?? 0,
        availsExpected: o.availsExpected ?? 0,
      },
      [],
      o,
    ),
  );
}

export interface SpliceInsertInOptions extends SectionOptions {
  eventId: number;
  /** 90 kHz ticks; omitted = splice_immediate_flag. */
  ptsTime?: number;
  uniqueProgramId?: number;
  availNum?: number;
  availsExpected?: number;
}

/** Program-level splice_insert cue-in (return to network), no break_duration. */
export function spliceInsertIn(o: SpliceInsertInOptions): Uint8Array {
  const ptsTime = wrapPts(o.ptsTime);
  return encodeSpliceInfoSection(
    newSpliceInfoSection(
      {
        type: 'splice_insert',
        spliceEventId: o.eventId,
        spliceEventCancelIndicator: false,
        outOfNetworkIndicator: false,
        programSpliceFlag: true,
        durationFlag: false,
        spliceImmediateFlag: ptsTime === undefined,
        ...(ptsTime === undefined ? {} : { spliceTime: { ptsTime } }),
        uniqueProgramId: o.uniqueProgramId ?? 0,
        availNum: o.availNum ?? 0,
        availsExpected: o.availsExpected ?? 0,
      },
      [],
      o,
    ),
  );
}

export interface PlacementOpportunityOptions extends SectionOptions {
  /** 90 kHz ticks. */
  ptsTime: number;
  /** segmentation_duration; usually given on start and omitted on end. */
  durationSeconds?: number;
  eventId: number;
  /** true: 0x34 Provider Placement Opportunity Start; false: 0x35 End. */
  start: boolean;
  /** Default: no UPID (type 0x00, length 0). */
  upid?: SegmentationUpid;
  segmentNum?: number;
  segmentsExpected?: number;
}

/** time_signal + one segmentation_descriptor, program level, delivery not restricted. */
export function timeSignalPlacementOpportunity(o: PlacementOpportunityOptions): Uint8Array {
  const duration = o.durationSeconds === undefined ? undefined : secondsToTicks(o.durationSeconds);
  return encodeSpliceInfoSection(
    newSpliceInfoSection(
      { type: 'time_signal', spliceTime: { ptsTime: wrapPts(o.ptsTime)! } },
      [
        {
          type: 'segmentation_descriptor',
          segmentationEventId: o.eventId,
          segmentationEventCancelIndicator: false,
          programSegmentationFlag: true,
          segmentationDurationFlag: duration !== undefined,
          deliveryNotRestrictedFlag: true,
          webDeliveryAllowed: true,
          noRegionalBlackout: true,
          archiveAllowed: true,
          deviceRestrictions: 3,
          ...(duration === undefined ? {} : { segmentationDuration: duration }),
          upid: o.upid ?? { type: UPID_TYPE.notUsed, bytes: new Uint8Array(0) },
          segmentationTypeId: o.start
            ? SEGMENTATION_TYPE.providerPlacementOpportunityStart
            : SEGMENTATION_TYPE.providerPlacementOpportunityEnd,
          segmentNum: o.segmentNum ?? 0,
          segmentsExpected: o.segmentsExpected ?? 0,
        },
      ],
      o,
    ),
  );
}

/** Standard base64 (#EXT-OATCLS-SCTE35, DASH <Binary>). */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** HLS EXT-X-DATERANGE hexadecimal-sequence: 0x + uppercase hex. */
export function toHex(bytes: Uint8Array): string {
  return '0x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').toUpperCase();
}
