/**
 * Text forms of a splice_info_section as manifests carry them: hex (EXT-X-DATERANGE
 * SCTE35-OUT=0xFC..., optional 0x, whitespace allowed) and base64 (EXT-OATCLS-SCTE35, DASH
 * <Binary>; standard or url-safe, padding optional). Hand-rolled table decoders: they run on
 * every manifest refresh, and unlike Buffer.from they reject garbage instead of skipping it.
 */
import { Scte35DecodeError } from './bit-reader.js';

const HEX = new Int8Array(128).fill(-1);
const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[65 + i] = HEX[97 + i] = 10 + i;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < 64; i++) B64[ALPHABET.charCodeAt(i)] = i;
B64[45] = 62; // '-' url-safe
B64[95] = 63; // '_' url-safe
const PAD = 61; // '='

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

function badChar(kind: string, text: string, i: number): never {
  throw new Scte35DecodeError(`invalid ${kind} character ${JSON.stringify(text[i])} at index ${i}`, 'input');
}

function fromHex(text: string, start: number): Uint8Array {
  const out = new Uint8Array((text.length - start) >> 1);
  let k = 0;
  let high = -1;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? HEX[c]! : -1;
    if (v < 0) {
      if (isSpace(c)) continue;
      badChar('hex', text, i);
    }
    if (high < 0) {
      high = v;
    } else {
      out[k++] = (high << 4) | v;
      high = -1;
    }
  }
  if (high >= 0) throw new Scte35DecodeError('hex input has an odd number of digits', 'input');
  return k === out.length ? out : out.slice(0, k);
}

function fromBase64(text: string, start: number): Uint8Array {
  // Exact size when there is no inner whitespace: subarray() costs more than the decode.
  let end = text.length;
  while (end > start && (isSpace(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === PAD)) end--;
  const out = new Uint8Array(((end - start) * 3) >> 2);
  let k = 0;
  let acc = 0;
  let bits = 0;
  let chars = 0;
  let pad = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === PAD) {
      pad++;
      continue;
    }
    const v = c < 128 ? B64[c]! : -1;
    if (v < 0) {
      if (isSpace(c)) continue;
      badChar('base64', text, i);
    }
    if (pad > 0) throw new Scte35DecodeError(`base64 data after '=' padding at index ${i}`, 'input');
    chars++;
    acc = ((acc << 6) | v) & 0xffffff; // at most 14 live bits; the mask keeps it small
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >>> bits) & 0xff;
    }
  }
  // A lone trailing character carries 6 bits, not a byte; padding must complete a quantum.
  if (chars % 4 === 1 || pad > 2 || (pad > 0 && (chars + pad) % 4 !== 0)) {
    throw new Scte35DecodeError(`base64 input has an invalid length (${chars} characters, ${pad} padding)`, 'input');
  }
  return k === out.length ? out : out.slice(0, k);
}

/**
 * Bytes of a hex or base64 section. Hex when it starts with 0x, with "FC" (table_id 0xFC,
 * which base64 would spell "/D"), or is all hex digits; base64 otherwise.
 */
export function bytesFromText(text: string): Uint8Array {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === text.length) throw new Scte35DecodeError('empty input', 'input');
  const c0 = text.charCodeAt(i);
  const c1 = text.charCodeAt(i + 1); // NaN past the end: matches nothing below
  let bytes: Uint8Array;
  if (c0 === 48 && (c1 === 120 || c1 === 88)) bytes = fromHex(text, i + 2);
  else if ((c0 | 0x20) === 102 && (c1 | 0x20) === 99) bytes = fromHex(text, i);
  else if (allHex(text, i)) bytes = fromHex(text, i);
  else bytes = fromBase64(text, i);
  if (bytes.length === 0) throw new Scte35DecodeError('empty input', 'input');
  return bytes;
}

function allHex(text: string, start: number): boolean {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 128 || HEX[c]! < 0) && !isSpace(c)) return false;
  }
  return true;
}
