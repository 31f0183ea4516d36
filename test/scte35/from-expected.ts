/**
 * Builds a SpliceInfoSection from the decoded fields of an expectation file, so encoding it
 * can be compared with the fixture bytes. Every value comes from the JSON except cw_index
 * (see below); fields the JSON does not carry are set from the spec, not from the bytes.
 */
import {
  CUEI_IDENTIFIER,
  type SpliceCommand,
  type SpliceDescriptor,
  type SpliceInfoSection,
} from '../../src/main/scte35/index.js';
import { fromHex, type ExpectedSample } from './fixtures.js';

function command(s: ExpectedSample): SpliceCommand {
  switch (s.splice_command_type) {
    case 0x00:
      return { type: 'splice_null' };
    case 0x06:
      return { type: 'time_signal', spliceTime: s.pts_time === null ? {} : { ptsTime: s.pts_time } };
    case 0x05: {
      const immediate = s.splice_immediate_flag ?? false;
      const program = s.program_splice_flag ?? true;
      if (!program) throw new Error(`${s.test}: component-mode splice_insert not in the JSON schema`);
      return {
        type: 'splice_insert',
        spliceEventId: s.splice_event_id!,
        // The JSON has no cancel field; every sample carries the post-cancel fields, so 0.
        spliceEventCancelIndicator: false,
        outOfNetworkIndicator: s.out_of_network_indicator!,
        programSpliceFlag: program,
        durationFlag: s.break_duration !== null,
        spliceImmediateFlag: immediate,
        ...(immediate ? {} : { spliceTime: s.pts_time === null ? {} : { ptsTime: s.pts_time } }),
        ...(s.break_duration
          ? { breakDuration: { autoReturn: s.break_duration.auto_return, duration: s.break_duration.duration } }
          : {}),
        uniqueProgramId: s.unique_program_id!,
        availNum: s.avail_num!,
        availsExpected: s.avails_expected!,
      };
    }
    default:
      throw new Error(`${s.test}: command 0x${s.splice_command_type.toString(16)} not mapped`);
  }
}

function descriptors(s: ExpectedSample): SpliceDescriptor[] {
  // The JSON splits descriptors into two lists, losing their relative order; no sample has
  // both kinds, so concatenation is exact. Refuse rather than guess if that ever changes.
  if (s.segmentation_descriptors.length > 0 && s.other_descriptors.length > 0) {
    throw new Error(`${s.test}: mixed descriptor kinds, order unknown`);
  }
  const other = s.other_descriptors.map((d): SpliceDescriptor => {
    if (d.identifier !== CUEI_IDENTIFIER) throw new Error(`${s.test}: non-CUEI ${d.name}`);
    if (d.name === 'avail_descriptor') return { type: 'avail_descriptor', providerAvailId: d.provider_avail_id! };
    if (d.name === 'dtmf_descriptor') return { type: 'dtmf_descriptor', preroll: d.preroll!, dtmfChars: d.dtmf_chars! };
    throw new Error(`${s.test}: descriptor ${d.name} not mapped`);
  });
  const seg = s.segmentation_descriptors.map((d): SpliceDescriptor => {
    if (d.identifier !== CUEI_IDENTIFIER) throw new Error(`${s.test}: non-CUEI segmentation_descriptor`);
    if (d.components !== null || d.sub_segment !== null) throw new Error(`${s.test}: components/sub_segment not mapped`);
    const r = d.delivery_restrictions;
    return {
      type: 'segmentation_descriptor',
      segmentationEventId: d.segmentation_event_id,
      segmentationEventCancelIndicator: d.segmentation_event_cancel_indicator,
      programSegmentationFlag: true,
      segmentationDurationFlag: d.duration !== null,
      deliveryNotRestrictedFlag: d.delivery_not_restricted_flag,
      webDeliveryAllowed: r?.web_delivery_allowed ?? false,
      noRegionalBlackout: r?.no_regional_blackout ?? false,
      archiveAllowed: r?.archive_allowed ?? false,
      deviceRestrictions: r?.device_restrictions ?? 0,
      ...(d.duration === null ? {} : { segmentationDuration: d.duration }),
      upid: { type: d.upid.type, bytes: fromHex(d.upid.hex) },
      segmentationTypeId: d.segmentation_type_id,
      segmentNum: d.segment_num,
      segmentsExpected: d.segments_expected,
    };
  });
  return [...other, ...seg];
}

/**
 * @param cwIndex cw_index is not in the JSON and is meaningless for unencrypted sections,
 * yet it is in the bytes (0xFF in the spec samples, 0x00 in most others). The caller reads
 * it from byte 9 of the fixture: unavoidable for byte-exact output, and the only field
 * taken from the bytes.
 */
export function sectionFromExpected(s: ExpectedSample, cwIndex: number): SpliceInfoSection {
  const legacy = s.parser_non_fatal_errors?.find((e) => e.error === 'unexpected_splice_command_length');
  return {
    tableId: s.table_id,
    // Both "shall be 0" per SCTE 35; not carried in the JSON.
    sectionSyntaxIndicator: false,
    privateIndicator: false,
    sapType: s.sap_type,
    protocolVersion: s.protocol_version,
    encryptedPacket: s.encrypted_packet,
    // 0 = no encryption, implied by encrypted_packet = false.
    encryptionAlgorithm: 0,
    ptsAdjustment: s.pts_adjustment,
    cwIndex,
    tier: s.tier,
    spliceCommand: command(s),
    descriptors: descriptors(s),
    // SCTE35Parser records a declared splice_command_length that differs from the real one.
    ...(legacy?.declared_splice_command_length_bits !== undefined
      ? { spliceCommandLengthOverride: legacy.declared_splice_command_length_bits / 8 }
      : {}),
  };
}
