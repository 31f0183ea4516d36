import { describe, expect, it } from 'vitest';
import { BitWriter } from '../../src/main/scte35/index.js';

const hex = (w: BitWriter) => Buffer.from(w.bytes()).toString('hex');

describe('BitWriter', () => {
  it('packs MSB first across byte boundaries', () => {
    expect(hex(new BitWriter().writeBits(0b101, 3).writeBits(0x1f, 5).writeBits(0xabc, 12).writeBits(0xd, 4))).toBe('bfabcd');
  });

  it('writes 33/40/48-bit fields without 32-bit truncation', () => {
    // reserved(7) + 33-bit 2^32 + 1 = 0xFF then 1 0000...0001
    expect(hex(new BitWriter().writeReserved(7).writeBits(2 ** 32 + 1, 33))).toBe('ff00000001');
    expect(hex(new BitWriter().writeReserved(7).writeBits(2 ** 33 - 1, 33))).toBe('ffffffffff');
    expect(hex(new BitWriter().writeBits(0x12_3456_789a, 40))).toBe('123456789a');
    expect(hex(new BitWriter().writeBits(0x8000_0000_0001, 48))).toBe('800000000001');
    expect(hex(new BitWriter().writeBits(0xffff_ffff, 32))).toBe('ffffffff');
  });

  it('rejects values that do not fit and unaligned output', () => {
    expect(() => new BitWriter().writeBits(2 ** 33, 33)).toThrow(RangeError);
    expect(() => new BitWriter().writeBits(-1, 8)).toThrow(RangeError);
    expect(() => new BitWriter().writeBits(1.5, 8)).toThrow(RangeError);
    expect(() => new BitWriter().writeBits(1, 54)).toThrow(RangeError);
    expect(() => new BitWriter().writeBits(1, 3).bytes()).toThrow(/aligned/);
  });

  it('appends bytes and reports its length', () => {
    const w = new BitWriter().writeFlag(true).writeReserved(7).writeBytes(Uint8Array.from([1, 2]));
    expect(w.bitLength).toBe(24);
    expect(hex(w)).toBe('ff0102');
  });
});
