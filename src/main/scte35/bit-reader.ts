/**
 * MSB-first bit reader for SCTE-35 syntax, bounded to a byte range so a descriptor or a
 * command can never read past its declared length. Values are accumulated arithmetically
 * (value * 2^k + chunk), never with 32-bit bitwise ops on the running value, so 33-bit PTS,
 * 40-bit durations and 48-bit TAI seconds come out exact.
 */

/** Every failure to decode a splice_info_section: truncation, bad values, bad CRC, bad text. */
export class Scte35DecodeError extends Error {
  override readonly name = 'Scte35DecodeError';
  /** The syntax element being read, e.g. "splice_insert.splice_time.pts_time". */
  readonly field: string | undefined;
  /** Byte offset into the decoded buffer where the problem was found, when known. */
  readonly offset: number | undefined;

  constructor(message: string, field?: string, offset?: number) {
    super(message);
    this.field = field;
    this.offset = offset;
  }
}

export class BitReader {
  private bit: number; // absolute bit position in `bytes`
  private readonly endBit: number;

  /** Reads bytes[start, end). */
  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    end = bytes.length,
  ) {
    this.bit = start * 8;
    this.endBit = end * 8;
  }

  /** Absolute byte offset of the next read (floor when mid-byte). */
  get offset(): number {
    return Math.floor(this.bit / 8);
  }

  get bitsLeft(): number {
    return this.endBit - this.bit;
  }

  get bytesLeft(): number {
    return Math.floor((this.endBit - this.bit) / 8);
  }

  /** Reads n bits (0..48) as an unsigned number, most significant first. */
  readBits(n: number, field: string): number {
    const end = this.bit + n;
    if (end > this.endBit) this.overrun(field, n);
    const bytes = this.bytes;
    let pos = this.bit;
    let value = 0;
    if ((pos & 7) === 0 && (n & 7) === 0) {
      // Whole bytes, the common case: no masking at all.
      for (let i = pos >>> 3, last = end >>> 3; i < last; i++) value = value * 256 + bytes[i]!;
      this.bit = end;
      return value;
    }
    while (pos < end) {
      const used = pos & 7; // bit positions stay far below 2^31
      const avail = 8 - used;
      const take = end - pos < avail ? end - pos : avail;
      // Only a single byte goes through bitwise ops here; the accumulator never does.
      const chunk = (bytes[pos >>> 3]! >>> (avail - take)) & ((1 << take) - 1);
      value = value * (1 << take) + chunk;
      pos += take;
    }
    this.bit = end;
    return value;
  }

  readFlag(field: string): boolean {
    const pos = this.bit;
    if (pos >= this.endBit) this.overrun(field, 1);
    this.bit = pos + 1;
    return ((this.bytes[pos >>> 3]! >>> (7 - (pos & 7))) & 1) === 1;
  }

  /** Skips reserved bits without checking their value (encoders are not always 1-filled). */
  skipBits(n: number, field: string): void {
    if (this.bit + n > this.endBit) this.overrun(field, n);
    this.bit += n;
  }

  /** Copies the next n whole bytes (the model must not alias the caller's buffer). */
  readBytes(n: number, field: string): Uint8Array {
    if ((this.bit & 7) !== 0) throw new Scte35DecodeError(`${field}: not byte aligned`, field, this.offset);
    if (this.bit + n * 8 > this.endBit) this.overrun(field, n * 8);
    const start = this.bit >>> 3;
    this.bit += n * 8;
    return this.bytes.slice(start, start + n);
  }

  /**
   * A reader over the next n bytes; this reader moves past them whatever the child reads,
   * which is what makes surplus bytes inside a length-prefixed structure harmless.
   */
  sub(n: number, field: string): BitReader {
    if ((this.bit & 7) !== 0) throw new Scte35DecodeError(`${field}: not byte aligned`, field, this.offset);
    if (this.bit + n * 8 > this.endBit) this.overrun(field, n * 8);
    const start = this.bit >>> 3;
    this.bit += n * 8;
    return new BitReader(this.bytes, start, start + n);
  }

  private overrun(field: string, n: number): never {
    const left = this.endBit - this.bit;
    const amount = (bits: number): string =>
      bits > 0 && bits % 8 === 0 ? `${bits / 8} byte${bits === 8 ? '' : 's'}` : `${bits} bit${bits === 1 ? '' : 's'}`;
    throw new Scte35DecodeError(
      `${field}: needs ${amount(n)} at byte ${this.offset} but only ${amount(left)} remain`,
      field,
      this.offset,
    );
  }
}
