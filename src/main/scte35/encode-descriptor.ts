/** splice_descriptor() serializers (SCTE 35 2020 section 10). */
import { BitWriter } from './bit-writer.js';
import { CUEI_IDENTIFIER, SPLICE_DESCRIPTOR_TAG, SUB_SEGMENT_TYPE_IDS } from './types.js';
import type { SegmentationDescriptor, SpliceDescriptor } from './types.js';

const DTMF_CHARS = /^[0-9*#]{0,7}$/;

function writeSegmentation(w: BitWriter, d: SegmentationDescriptor): void {
  w.writeBits(d.segmentationEventId, 32)
    .writeFlag(d.segmentationEventCancelIndicator)
    .writeFlag(d.segmentationEventIdComplianceIndicator ?? true)
    .writeReserved(6);
  if (d.segmentationEventCancelIndicator) return;

  w.writeFlag(d.programSegmentationFlag).writeFlag(d.segmentationDurationFlag).writeFlag(d.deliveryNotRestrictedFlag);
  if (d.deliveryNotRestrictedFlag) {
    w.writeReserved(5);
  } else {
    w.writeFlag(d.webDeliveryAllowed).writeFlag(d.noRegionalBlackout).writeFlag(d.archiveAllowed);
    w.writeBits(d.deviceRestrictions, 2);
  }

  if (!d.programSegmentationFlag) {
    const components = d.components ?? [];
    w.writeBits(components.length, 8);
    for (const c of components) w.writeBits(c.componentTag, 8).writeReserved(7).writeBits(c.ptsOffset, 33);
  }

  if (d.segmentationDurationFlag) {
    if (d.segmentationDuration === undefined) {
      throw new Error('segmentation_descriptor: segmentationDuration required when segmentationDurationFlag is set');
    }
    w.writeBits(d.segmentationDuration, 40);
  }

  if (d.upid.bytes.length > 255) throw new RangeError('segmentation_upid longer than 255 bytes');
  w.writeBits(d.upid.type, 8).writeBits(d.upid.bytes.length, 8).writeBytes(d.upid.bytes);
  w.writeBits(d.segmentationTypeId, 8).writeBits(d.segmentNum, 8).writeBits(d.segmentsExpected, 8);

  const hasSub = d.subSegmentNum !== undefined || d.subSegmentsExpected !== undefined;
  if (hasSub) {
    if (d.subSegmentNum === undefined || d.subSegmentsExpected === undefined) {
      throw new Error('segmentation_descriptor: subSegmentNum and subSegmentsExpected go together');
    }
    if (!SUB_SEGMENT_TYPE_IDS.includes(d.segmentationTypeId)) {
      throw new Error(`segmentation_descriptor: type 0x${d.segmentationTypeId.toString(16)} has no sub-segments`);
    }
    w.writeBits(d.subSegmentNum, 8).writeBits(d.subSegmentsExpected, 8);
  }
}

/** Body after the identifier, plus the tag and identifier to frame it with. */
function body(d: SpliceDescriptor): { tag: number; identifier: number; bytes: Uint8Array } {
  if (d.type === 'raw') return { tag: d.tag, identifier: d.identifier, bytes: d.bytes };
  const w = new BitWriter();
  switch (d.type) {
    case 'avail_descriptor':
      w.writeBits(d.providerAvailId, 32);
      break;
    case 'dtmf_descriptor':
      if (!DTMF_CHARS.test(d.dtmfChars)) throw new Error(`dtmf_descriptor: invalid DTMF chars "${d.dtmfChars}"`);
      w.writeBits(d.preroll, 8).writeBits(d.dtmfChars.length, 3).writeReserved(5);
      for (const ch of d.dtmfChars) w.writeBits(ch.charCodeAt(0), 8);
      break;
    case 'segmentation_descriptor':
      writeSegmentation(w, d);
      break;
    case 'time_descriptor':
      w.writeBits(d.taiSeconds, 48).writeBits(d.taiNs, 32).writeBits(d.utcOffset, 16);
      break;
  }
  return { tag: SPLICE_DESCRIPTOR_TAG[d.type], identifier: CUEI_IDENTIFIER, bytes: w.bytes() };
}

/** Full descriptor: tag, descriptor_length (counts identifier + body), identifier, body. */
export function encodeSpliceDescriptor(d: SpliceDescriptor): Uint8Array {
  const { tag, identifier, bytes } = body(d);
  const length = 4 + bytes.length;
  if (length > 255) throw new RangeError(`descriptor tag ${tag} body too long (${length} > 255)`);
  return new BitWriter().writeBits(tag, 8).writeBits(length, 8).writeBits(identifier, 32).writeBytes(bytes).bytes();
}
