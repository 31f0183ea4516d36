/**
 * SCTE-35 (ANSI/SCTE 35 2020+) splice_info_section model, shared by the encoder and the
 * future decoder. 33-bit PTS values and the 40-bit segmentation_duration are plain numbers
 * (exact in a double up to 2^53); bit-level code must never push them through 32-bit ops.
 */

/** 90 kHz clock: every pts_time / duration field below is in these ticks. */
export const TICKS_PER_SECOND = 90_000;
/** table_id of every splice_info_section. */
export const SPLICE_INFO_TABLE_ID = 0xfc;
/** 'CUEI': identifier carried by every SCTE-35 defined splice descriptor. */
export const CUEI_IDENTIFIER = 0x43554549;
/** Legacy encoders wrote splice_command_length 0xFFF meaning "not given"; decoders must cope. */
export const LEGACY_SPLICE_COMMAND_LENGTH = 0xfff;

export const SPLICE_COMMAND_TYPE = {
  splice_null: 0x00,
  splice_insert: 0x05,
  time_signal: 0x06,
  bandwidth_reservation: 0x07,
  private_command: 0xff,
} as const;

export const SPLICE_DESCRIPTOR_TAG = {
  avail_descriptor: 0x00,
  dtmf_descriptor: 0x01,
  segmentation_descriptor: 0x02,
  time_descriptor: 0x03,
} as const;

/** segmentation_upid_type values (Table 22 of SCTE 35 2020). */
export const UPID_TYPE = {
  notUsed: 0x00,
  userDefined: 0x01,
  isci: 0x02,
  adId: 0x03,
  umid: 0x04,
  isanDeprecated: 0x05,
  isan: 0x06,
  tid: 0x07,
  ti: 0x08,
  adi: 0x09,
  eidr: 0x0a,
  atscContentId: 0x0b,
  mpu: 0x0c,
  mid: 0x0d,
  adsInformation: 0x0e,
  uri: 0x0f,
  uuid: 0x10,
  scr: 0x11,
} as const;

/** A subset of segmentation_type_id values the bench signals. */
export const SEGMENTATION_TYPE = {
  programStart: 0x10,
  programEnd: 0x11,
  providerAdStart: 0x30,
  providerAdEnd: 0x31,
  distributorAdStart: 0x32,
  distributorAdEnd: 0x33,
  providerPlacementOpportunityStart: 0x34,
  providerPlacementOpportunityEnd: 0x35,
  distributorPlacementOpportunityStart: 0x36,
  distributorPlacementOpportunityEnd: 0x37,
} as const;

/**
 * Types whose descriptor may carry sub_segment_num / sub_segments_expected. The fields are
 * still optional for these types: the spec's own sample 14.1 (type 0x34) omits them and
 * decoders detect them from descriptor_length.
 */
export const SUB_SEGMENT_TYPE_IDS: readonly number[] = [0x34, 0x36, 0x38, 0x3a, 0x44, 0x46];

/** splice_time(): ptsTime undefined means time_specified_flag = 0. */
export interface SpliceTime {
  ptsTime?: number;
}

export interface BreakDuration {
  autoReturn: boolean;
  /** 33-bit ticks. */
  duration: number;
}

export interface SpliceInsertComponent {
  componentTag: number;
  /** Absent when splice_immediate_flag = 1. */
  spliceTime?: SpliceTime;
}

export interface SpliceNull {
  type: 'splice_null';
}

/**
 * splice_insert(). When spliceEventCancelIndicator is true only spliceEventId is written;
 * a decoder fills the remaining fields with false/0.
 */
export interface SpliceInsert {
  type: 'splice_insert';
  spliceEventId: number;
  spliceEventCancelIndicator: boolean;
  outOfNetworkIndicator: boolean;
  programSpliceFlag: boolean;
  durationFlag: boolean;
  spliceImmediateFlag: boolean;
  /** event_id_compliance_flag (a reserved bit before SCTE 35 2022, hence default true). */
  eventIdComplianceFlag?: boolean;
  /** Program mode and not immediate. */
  spliceTime?: SpliceTime;
  /** Component mode (programSpliceFlag = false). */
  components?: SpliceInsertComponent[];
  /** Required when durationFlag. */
  breakDuration?: BreakDuration;
  uniqueProgramId: number;
  availNum: number;
  availsExpected: number;
}

/** A cancelled splice_insert as every decoder (binary or XML) returns it: only the id is carried, the rest is
 *  false/0, so both forms compare equal. */
export function cancelledSpliceInsert(spliceEventId: number): SpliceInsert {
  return {
    type: 'splice_insert',
    spliceEventId,
    spliceEventCancelIndicator: true,
    outOfNetworkIndicator: false,
    programSpliceFlag: false,
    durationFlag: false,
    spliceImmediateFlag: false,
    uniqueProgramId: 0,
    availNum: 0,
    availsExpected: 0,
  };
}

export interface TimeSignal {
  type: 'time_signal';
  spliceTime: SpliceTime;
}

export interface BandwidthReservation {
  type: 'bandwidth_reservation';
}

export interface PrivateCommand {
  type: 'private_command';
  identifier: number;
  privateBytes: Uint8Array;
}

export type SpliceCommand = SpliceNull | SpliceInsert | TimeSignal | BandwidthReservation | PrivateCommand;

export interface SegmentationUpid {
  /** segmentation_upid_type; for MID (0x0D) bytes holds the concatenated type/length/value triplets. */
  type: number;
  bytes: Uint8Array;
}

export interface SegmentationComponent {
  componentTag: number;
  /** 33-bit ticks. */
  ptsOffset: number;
}

/**
 * segmentation_descriptor(). With segmentationEventCancelIndicator only the event id is
 * written. The restriction flags are used only when deliveryNotRestrictedFlag is false.
 */
export interface SegmentationDescriptor {
  type: 'segmentation_descriptor';
  segmentationEventId: number;
  segmentationEventCancelIndicator: boolean;
  /** segmentation_event_id_compliance_indicator (reserved before 2022, hence default true). */
  segmentationEventIdComplianceIndicator?: boolean;
  programSegmentationFlag: boolean;
  segmentationDurationFlag: boolean;
  deliveryNotRestrictedFlag: boolean;
  webDeliveryAllowed: boolean;
  noRegionalBlackout: boolean;
  archiveAllowed: boolean;
  /** 2 bits: 0 restrict group 0, 1 group 1, 2 group 2, 3 none. */
  deviceRestrictions: number;
  /** Component mode (programSegmentationFlag = false). */
  components?: SegmentationComponent[];
  /** 40-bit ticks; required when segmentationDurationFlag. */
  segmentationDuration?: number;
  upid: SegmentationUpid;
  segmentationTypeId: number;
  segmentNum: number;
  segmentsExpected: number;
  /** Both or neither; only for SUB_SEGMENT_TYPE_IDS. */
  subSegmentNum?: number;
  subSegmentsExpected?: number;
}

/** A segmentation_descriptor with only its id: every flag false, counts 0, an empty UPID — what a decoder
 *  returns for a cancelled one (both decoders start from it, so binary and XML compare equal). */
export function bareSegmentationDescriptor(segmentationEventId: number, cancelled: boolean): SegmentationDescriptor {
  return {
    type: 'segmentation_descriptor',
    segmentationEventId,
    segmentationEventCancelIndicator: cancelled,
    programSegmentationFlag: false,
    segmentationDurationFlag: false,
    deliveryNotRestrictedFlag: false,
    webDeliveryAllowed: false,
    noRegionalBlackout: false,
    archiveAllowed: false,
    deviceRestrictions: 0,
    upid: { type: 0, bytes: new Uint8Array(0) },
    segmentationTypeId: 0,
    segmentNum: 0,
    segmentsExpected: 0,
  };
}

export interface AvailDescriptor {
  type: 'avail_descriptor';
  providerAvailId: number;
}

export interface DtmfDescriptor {
  type: 'dtmf_descriptor';
  /** Tenths of a second before the splice. */
  preroll: number;
  /** Up to 7 chars of 0-9 * #. */
  dtmfChars: string;
}

export interface TimeDescriptor {
  type: 'time_descriptor';
  /** 48-bit. */
  taiSeconds: number;
  taiNs: number;
  utcOffset: number;
}

/** Any descriptor kept as bytes: unknown tags or a non-'CUEI' identifier. */
export interface RawDescriptor {
  type: 'raw';
  tag: number;
  identifier: number;
  /** Bytes after the identifier. */
  bytes: Uint8Array;
}

export type SpliceDescriptor =
  | SegmentationDescriptor
  | AvailDescriptor
  | DtmfDescriptor
  | TimeDescriptor
  | RawDescriptor;

export interface SpliceInfoSection {
  tableId: number;
  sectionSyntaxIndicator: boolean;
  privateIndicator: boolean;
  /** 2 bits; 3 = not specified. */
  sapType: number;
  protocolVersion: number;
  encryptedPacket: boolean;
  encryptionAlgorithm: number;
  /** 33-bit ticks added to every pts_time in the section. */
  ptsAdjustment: number;
  cwIndex: number;
  /** 12 bits; 0xFFF = no tier. */
  tier: number;
  spliceCommand: SpliceCommand;
  descriptors: SpliceDescriptor[];
  /** alignment_stuffing bytes written before the CRC. */
  alignmentStuffing?: Uint8Array;
  /**
   * Written instead of the computed splice_command_length; only to reproduce legacy sections
   * that declare 0xFFF. A decoder should set it only when the declared value differs.
   */
  spliceCommandLengthOverride?: number;
  /** CRC_32 as read by a decoder; the encoder always computes it. */
  crc32?: number;
}
