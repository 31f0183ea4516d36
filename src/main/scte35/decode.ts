/**
 * splice_info_section decoder (SCTE 35 2022 section 9.6), the inverse of encode.ts:
 * decode(encode(x)) deep-equals x and encode(decode(bytes)) gives the section bytes back.
 *
 * Encrypted sections (encrypted_packet = 1) are rejected after the header is read: the
 * model has no place for an undecipherable command, and the stitcher cannot act on one.
 */
import { BitReader, Scte35DecodeError } from './bit-reader.js';
import { crc32Mpeg2 } from './crc32.js';
import { readSpliceCommand } from './decode-command.js';
import { readSpliceDescriptor } from './decode-descriptor.js';
import { bytesFromText } from './text-input.js';
import { LEGACY_SPLICE_COMMAND_LENGTH, SPLICE_INFO_TABLE_ID, TICKS_PER_SECOND } from './types.js';
import type { SpliceDescriptor, SpliceInfoSection } from './types.js';

export interface DecodeOptions {
  /** Check CRC_32 (default true). Off only to inspect damaged sections. */
  verifyCrc?: boolean;
}

// Module-local copies: under tsx/esbuild, imported bindings are getters, costly per call.
const TABLE_ID = SPLICE_INFO_TABLE_ID;
const LEGACY_LENGTH = LEGACY_SPLICE_COMMAND_LENGTH;
const TICKS = TICKS_PER_SECOND;

/** section_length without command, descriptors and stuffing (same count as the encoder's). */
const MIN_SECTION_LENGTH = 17;

const hex = (n: number, digits: number): string => n.toString(16).toUpperCase().padStart(digits, '0');

/**
 * Decodes one splice_info_section from bytes, hex or base64 (see text-input.ts). Bytes after
 * the section (TS packet stuffing, 0xFF padding) are ignored. Throws Scte35DecodeError.
 */
export function decodeSpliceInfoSection(input: Uint8Array | string, opts: DecodeOptions = {}): SpliceInfoSection {
  let bytes = typeof input === 'string' ? bytesFromText(input) : input;
  if (!(bytes instanceof Uint8Array)) throw new Scte35DecodeError('input must be a Uint8Array or a string', 'input');
  // A Buffer's slice() aliases memory; a plain view makes every decoded byte array a copy.
  if (bytes.constructor !== Uint8Array) bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length === 0) throw new Scte35DecodeError('empty input', 'input');
  if (bytes[0] !== TABLE_ID) {
    throw new Scte35DecodeError(`table_id 0x${hex(bytes[0]!, 2)} is not 0xFC (splice_info_section)`, 'table_id', 0);
  }
  if (bytes.length < 3) {
    throw new Scte35DecodeError(`truncated: ${bytes.length} bytes, section_length needs 3`, 'section_length', 0);
  }
  const sectionLength = ((bytes[1]! & 0x0f) << 8) | bytes[2]!;
  const total = 3 + sectionLength;
  if (total > bytes.length) {
    throw new Scte35DecodeError(
      `truncated: section_length ${sectionLength} needs ${total} bytes but only ${bytes.length} were given`,
      'section_length',
      1,
    );
  }
  if (sectionLength < MIN_SECTION_LENGTH) {
    throw new Scte35DecodeError(`section_length ${sectionLength} is below the minimum ${MIN_SECTION_LENGTH}`, 'section_length', 1);
  }

  const crcAt = total - 4;
  const crc32 = bytes[crcAt]! * 0x1000000 + ((bytes[crcAt + 1]! << 16) | (bytes[crcAt + 2]! << 8) | bytes[crcAt + 3]!);
  if (opts.verifyCrc !== false) {
    const computed = crc32Mpeg2(bytes, 0, crcAt);
    if (computed !== crc32) {
      throw new Scte35DecodeError(`CRC_32 mismatch: expected 0x${hex(computed, 8)}, found 0x${hex(crc32, 8)}`, 'CRC_32', crcAt);
    }
  }

  const r = new BitReader(bytes, 1, crcAt);
  const sectionSyntaxIndicator = r.readFlag('section_syntax_indicator');
  const privateIndicator = r.readFlag('private_indicator');
  const sapType = r.readBits(2, 'sap_type');
  r.skipBits(12, 'section_length');
  const protocolVersion = r.readBits(8, 'protocol_version');
  const encryptedPacket = r.readFlag('encrypted_packet');
  const encryptionAlgorithm = r.readBits(6, 'encryption_algorithm');
  const ptsAdjustment = r.readBits(33, 'pts_adjustment');
  const cwIndex = r.readBits(8, 'cw_index');
  const tier = r.readBits(12, 'tier');
  const declaredLength = r.readBits(12, 'splice_command_length');
  const commandType = r.readBits(8, 'splice_command_type');
  if (encryptedPacket) {
    throw new Scte35DecodeError(
      `encrypted splice_info_section (encryption_algorithm ${encryptionAlgorithm}, cw_index ${cwIndex}) is not supported`,
      'encrypted_packet',
      4,
    );
  }

  // Legacy 0xFFF means "not given": the command's own syntax decides, within the room left
  // before descriptor_loop_length.
  const commandStart = r.offset;
  const legacy = declaredLength === LEGACY_LENGTH;
  if (!legacy && declaredLength > r.bytesLeft - 2) {
    throw new Scte35DecodeError(
      `splice_command_length ${declaredLength} runs past the section (${r.bytesLeft - 2} bytes left before descriptor_loop_length)`,
      'splice_command_length',
      11,
    );
  }
  const commandReader = legacy ? new BitReader(bytes, commandStart, crcAt - 2) : r.sub(declaredLength, 'splice_command');
  const spliceCommand = readSpliceCommand(commandReader, commandType, !legacy);
  // Every command ends byte aligned; under 0xFFF the section reader moves past what it used.
  if (legacy) r.skipBits((commandReader.offset - commandStart) * 8, 'splice_command');

  const loopLength = r.readBits(16, 'descriptor_loop_length');
  if (loopLength > r.bytesLeft) {
    throw new Scte35DecodeError(
      `descriptor_loop_length ${loopLength} runs past the CRC_32 (${r.bytesLeft} bytes left)`,
      'descriptor_loop_length',
      r.offset - 2,
    );
  }
  const loop = r.sub(loopLength, 'descriptor_loop_length');
  const descriptors: SpliceDescriptor[] = [];
  while (loop.bitsLeft > 0) descriptors.push(readSpliceDescriptor(loop));

  const section: SpliceInfoSection = {
    tableId: TABLE_ID,
    sectionSyntaxIndicator,
    privateIndicator,
    sapType,
    protocolVersion,
    encryptedPacket,
    encryptionAlgorithm,
    ptsAdjustment,
    cwIndex,
    tier,
    spliceCommand,
    descriptors,
    crc32,
  };
  // Only bytes between the descriptor loop and CRC_32; trailing bytes after it are not ours.
  if (r.bytesLeft > 0) section.alignmentStuffing = r.readBytes(r.bytesLeft, 'alignment_stuffing');
  // Legacy 0xFFF always differs from the parsed length; keep it so re-encoding reproduces the
  // section. A real length with surplus bytes after the command is not kept: the surplus is
  // dropped, and an override would make the re-encoded length lie about the bytes written.
  if (legacy) section.spliceCommandLengthOverride = declaredLength;
  return section;
}

export type SafeDecodeResult = { ok: true; section: SpliceInfoSection } | { ok: false; error: string };

/** For untrusted manifest data: never throws, whatever the input. */
export function safeDecodeScte35(input: Uint8Array | string, opts?: DecodeOptions): SafeDecodeResult {
  try {
    return { ok: true, section: decodeSpliceInfoSection(input, opts) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** 90 kHz ticks to seconds. */
export function ticksToSeconds(ticks: number): number {
  return ticks / TICKS;
}
