/**
 * MSB-first bit writer for SCTE-35 syntax. JS bitwise operators truncate to 32 bits, so
 * fields wider than 32 bits (33-bit PTS, 40-bit duration, 48-bit TAI seconds) are split
 * arithmetically into a high part and a low 32-bit part before any bit operation.
 */
export class BitWriter {
  private readonly out: number[] = [];
  private current = 0;
  private used = 0; // bits filled in `current`

  /** Writes the n low bits of value (0 <= value < 2^n, n <= 53), most significant first. */
  writeBits(value: number, n: number): this {
    if (!Number.isInteger(n) || n < 0 || n > 53) throw new RangeError(`bit count ${n} out of range 0..53`);
    if (!Number.isSafeInteger(value) || value < 0 || value >= 2 ** n) {
      throw new RangeError(`value ${value} does not fit in ${n} bits`);
    }
    if (n > 32) {
      const high = Math.floor(value / 2 ** 32);
      this.writeSmall(high, n - 32);
      this.writeSmall(value - high * 2 ** 32, 32);
    } else {
      this.writeSmall(value, n);
    }
    return this;
  }

  writeFlag(flag: boolean): this {
    return this.writeBits(flag ? 1 : 0, 1);
  }

  /** Reserved bits are all 1s per SCTE 35. */
  writeReserved(n: number): this {
    for (let i = 0; i < n; i++) this.pushBit(1);
    return this;
  }

  writeBytes(bytes: Uint8Array): this {
    for (const b of bytes) this.writeSmall(b, 8);
    return this;
  }

  get bitLength(): number {
    return this.out.length * 8 + this.used;
  }

  /** The written bytes; throws if the last byte is incomplete (a syntax bug upstream). */
  bytes(): Uint8Array {
    if (this.used !== 0) throw new Error(`bit writer not byte aligned (${this.bitLength} bits)`);
    return Uint8Array.from(this.out);
  }

  // value < 2^32 here, so `>>>` (which works on uint32) is exact.
  private writeSmall(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) this.pushBit((value >>> i) & 1);
  }

  private pushBit(bit: number): void {
    this.current = (this.current << 1) | bit;
    if (++this.used === 8) {
      this.out.push(this.current);
      this.current = 0;
      this.used = 0;
    }
  }
}
