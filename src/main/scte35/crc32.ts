/**
 * CRC-32/MPEG-2 (poly 0x04C11DB7, init 0xFFFFFFFF, MSB first, no reflection, no final xor),
 * the CRC_32 of every MPEG-2 section including splice_info_section. Because there is no final
 * xor, running it over a whole valid section (CRC included) yields 0.
 */

const POLY = 0x04c11db7;

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ POLY : c << 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** Unsigned CRC of bytes[start, end). */
export function crc32Mpeg2(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > bytes.length || start > end) {
    throw new RangeError(`invalid CRC range [${start}, ${end}) for ${bytes.length} bytes`);
  }
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) {
    crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ bytes[i]!) & 0xff]!;
  }
  return crc >>> 0;
}
