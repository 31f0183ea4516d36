/** Public SCTE-35 API: model, encoder, decoder and summary helpers. */
export * from './types.js';
export { crc32Mpeg2 } from './crc32.js';
export { BitWriter } from './bit-writer.js';
export {
  encodeSpliceInfoSection,
  newSpliceInfoSection,
  secondsToTicks,
  spliceInsertOut,
  spliceInsertIn,
  timeSignalPlacementOpportunity,
  toBase64,
  toHex,
} from './encode.js';
export type {
  SectionOptions,
  SpliceInsertOutOptions,
  SpliceInsertInOptions,
  PlacementOpportunityOptions,
} from './encode.js';
export { BitReader, Scte35DecodeError } from './bit-reader.js';
export { bytesFromText } from './text-input.js';
export { decodeSpliceInfoSection, safeDecodeScte35, ticksToSeconds } from './decode.js';
export type { DecodeOptions, SafeDecodeResult } from './decode.js';
export { SEGMENTATION_TYPE_NAMES, UPID_TYPE_NAMES, spliceInfoSummary, upidSummary } from './summary.js';
export type { SpliceInfoSummary, UpidSummary } from './summary.js';
