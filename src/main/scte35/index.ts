/** Public SCTE-35 API (encoder now; the decoder will join here). */
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
