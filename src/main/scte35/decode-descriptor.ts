/** splice_descriptor() parsers (SCTE 35 2022 section 10), the inverse of encode-descriptor.ts. */
import { Scte35DecodeError, type BitReader } from './bit-reader.js';
import { bareSegmentationDescriptor, CUEI_IDENTIFIER, SPLICE_DESCRIPTOR_TAG, SUB_SEGMENT_TYPE_IDS } from './types.js';
import type { SegmentationComponent, SegmentationDescriptor, SpliceDescriptor } from './types.js';

// Module-local copies: under tsx/esbuild, imported bindings are getters, costly per call.
const CUEI = CUEI_IDENTIFIER;
const { segmentation_descriptor: SEGMENTATION, avail_descriptor: AVAIL } = SPLICE_DESCRIPTOR_TAG;
const { dtmf_descriptor: DTMF, time_descriptor: TIME } = SPLICE_DESCRIPTOR_TAG;
const HAS_SUB_SEGMENTS = new Uint8Array(256);
for (const id of SUB_SEGMENT_TYPE_IDS) HAS_SUB_SEGMENTS[id] = 1;

function readSegmentation(r: BitReader): SegmentationDescriptor {
  const segmentationEventId = r.readBits(32, 'segmentation_descriptor.segmentation_event_id');
  const cancelled = r.readFlag('segmentation_descriptor.segmentation_event_cancel_indicator');
  const compliance = r.readFlag('segmentation_descriptor.segmentation_event_id_compliance_indicator');
  r.skipBits(6, 'segmentation_descriptor.reserved');
  if (cancelled) {
    // Nothing else is transmitted: false/0 and an empty UPID, as for a cancelled splice_insert.
    const d = bareSegmentationDescriptor(segmentationEventId, true);
    if (!compliance) d.segmentationEventIdComplianceIndicator = false;
    return d;
  }

  const programSegmentationFlag = r.readFlag('segmentation_descriptor.program_segmentation_flag');
  const segmentationDurationFlag = r.readFlag('segmentation_descriptor.segmentation_duration_flag');
  const deliveryNotRestrictedFlag = r.readFlag('segmentation_descriptor.delivery_not_restricted_flag');
  let webDeliveryAllowed = false;
  let noRegionalBlackout = false;
  let archiveAllowed = false;
  let deviceRestrictions = 0;
  if (deliveryNotRestrictedFlag) {
    r.skipBits(5, 'segmentation_descriptor.reserved');
  } else {
    webDeliveryAllowed = r.readFlag('segmentation_descriptor.web_delivery_allowed_flag');
    noRegionalBlackout = r.readFlag('segmentation_descriptor.no_regional_blackout_flag');
    archiveAllowed = r.readFlag('segmentation_descriptor.archive_allowed_flag');
    deviceRestrictions = r.readBits(2, 'segmentation_descriptor.device_restrictions');
  }

  let components: SegmentationComponent[] | undefined;
  if (!programSegmentationFlag) {
    const count = r.readBits(8, 'segmentation_descriptor.component_count');
    components = [];
    for (let i = 0; i < count; i++) {
      const componentTag = r.readBits(8, 'segmentation_descriptor.component_tag');
      r.skipBits(7, 'segmentation_descriptor.reserved');
      components.push({ componentTag, ptsOffset: r.readBits(33, 'segmentation_descriptor.pts_offset') });
    }
  }

  const duration = segmentationDurationFlag
    ? r.readBits(40, 'segmentation_descriptor.segmentation_duration')
    : undefined;

  // Any UPID type is kept as bytes (MID included); rendering is the summary's business.
  const upidType = r.readBits(8, 'segmentation_descriptor.segmentation_upid_type');
  const upidLength = r.readBits(8, 'segmentation_descriptor.segmentation_upid_length');
  const upidBytes = r.readBytes(upidLength, 'segmentation_descriptor.segmentation_upid');

  const d: SegmentationDescriptor = {
    type: 'segmentation_descriptor',
    segmentationEventId,
    segmentationEventCancelIndicator: false,
    programSegmentationFlag,
    segmentationDurationFlag,
    deliveryNotRestrictedFlag,
    webDeliveryAllowed,
    noRegionalBlackout,
    archiveAllowed,
    deviceRestrictions,
    upid: { type: upidType, bytes: upidBytes },
    segmentationTypeId: r.readBits(8, 'segmentation_descriptor.segmentation_type_id'),
    segmentNum: r.readBits(8, 'segmentation_descriptor.segment_num'),
    segmentsExpected: r.readBits(8, 'segmentation_descriptor.segments_expected'),
  };
  // Reserved (1) before SCTE 35 2022 and defaulted to true by the encoder: record only a 0.
  if (!compliance) d.segmentationEventIdComplianceIndicator = false;
  if (components) d.components = components;
  if (duration !== undefined) d.segmentationDuration = duration;

  // Optional even for these types (added in 2016; sample 14.1 omits them): present only if
  // descriptor_length leaves room. Other types' surplus bytes are skipped by the caller.
  if (r.bytesLeft >= 2 && HAS_SUB_SEGMENTS[d.segmentationTypeId] === 1) {
    d.subSegmentNum = r.readBits(8, 'segmentation_descriptor.sub_segment_num');
    d.subSegmentsExpected = r.readBits(8, 'segmentation_descriptor.sub_segments_expected');
  }
  return d;
}

function readDtmfChars(r: BitReader, count: number): string {
  let chars = '';
  for (let i = 0; i < count; i++) chars += String.fromCharCode(r.readBits(8, 'dtmf_descriptor.DTMF_char'));
  return chars;
}

/**
 * One splice_descriptor() from `r`, positioned on splice_descriptor_tag. The body is read
 * through a sub-reader bounded by descriptor_length: a known descriptor that is too short
 * fails, surplus bytes after its last field are ignored.
 */
export function readSpliceDescriptor(r: BitReader): SpliceDescriptor {
  const tag = r.readBits(8, 'splice_descriptor_tag');
  const length = r.readBits(8, 'descriptor_length');
  if (length < 4) {
    throw new Scte35DecodeError(
      `splice_descriptor tag 0x${tag.toString(16).toUpperCase().padStart(2, '0')}: descriptor_length ${length} leaves no room for the 4-byte identifier`,
      'descriptor_length',
      r.offset - 1,
    );
  }
  const body = r.sub(length, 'splice_descriptor');
  const identifier = body.readBits(32, 'splice_descriptor.identifier');

  if (identifier === CUEI) {
    switch (tag) {
      case SEGMENTATION:
        return readSegmentation(body);
      case AVAIL:
        return { type: 'avail_descriptor', providerAvailId: body.readBits(32, 'avail_descriptor.provider_avail_id') };
      case DTMF: {
        const preroll = body.readBits(8, 'dtmf_descriptor.preroll');
        const count = body.readBits(3, 'dtmf_descriptor.dtmf_count');
        body.skipBits(5, 'dtmf_descriptor.reserved');
        return { type: 'dtmf_descriptor', preroll, dtmfChars: readDtmfChars(body, count) };
      }
      case TIME:
        return {
          type: 'time_descriptor',
          taiSeconds: body.readBits(48, 'time_descriptor.TAI_seconds'),
          taiNs: body.readBits(32, 'time_descriptor.TAI_ns'),
          utcOffset: body.readBits(16, 'time_descriptor.UTC_offset'),
        };
    }
  }
  // Unknown tag (audio_descriptor, future ones) or a private identifier: keep the bytes.
  return { type: 'raw', tag, identifier, bytes: body.readBytes(body.bytesLeft, 'splice_descriptor.private_byte') };
}
