import { describe, expect, it } from 'vitest';
import { crc32Mpeg2 } from '../../src/main/scte35/index.js';
import { loadExpected, loadVectors, sectionOf } from './fixtures.js';

const storedCrc = (section: Uint8Array): number =>
  new DataView(section.buffer, section.byteOffset, section.byteLength).getUint32(section.length - 4);

describe('crc32Mpeg2', () => {
  it('matches the CRC-32/MPEG-2 catalogue check value', () => {
    expect(crc32Mpeg2(new TextEncoder().encode('123456789'))).toBe(0x0376e6e7);
  });

  it('honours start/end and rejects bad ranges', () => {
    const data = new TextEncoder().encode('xx123456789yy');
    expect(crc32Mpeg2(data, 2, 11)).toBe(0x0376e6e7);
    expect(crc32Mpeg2(data, 3, 3)).toBe(0xffffffff);
    expect(() => crc32Mpeg2(data, 5, 2)).toThrow(RangeError);
    expect(() => crc32Mpeg2(data, 0, 99)).toThrow(RangeError);
  });

  const vectors = loadVectors();
  const invalid = vectors.filter((v) => v.label.includes('"Invalid CRC_32"'));

  it('fixture has exactly one known-bad CRC vector', () => {
    expect(vectors.length).toBe(57);
    expect(invalid).toHaveLength(1);
  });

  describe.each(vectors.filter((v) => !invalid.includes(v)).map((v) => [v.label, v] as const))('%s', (_label, v) => {
    it('CRC of the section minus its last 4 bytes equals the stored CRC_32', () => {
      const section = sectionOf(v.bytes);
      expect(crc32Mpeg2(section, 0, section.length - 4)).toBe(storedCrc(section));
      // No final xor, so the CRC over the whole section is zero (the receiver-side check).
      expect(crc32Mpeg2(section)).toBe(0);
    });
  });

  it('the "Invalid CRC_32" vector (Comcast/scte35-go) does not validate', () => {
    const section = sectionOf(invalid[0]!.bytes);
    expect(crc32Mpeg2(section, 0, section.length - 4)).not.toBe(storedCrc(section));
    expect(crc32Mpeg2(section)).not.toBe(0);
  });

  it.each([...loadExpected('spec-samples-expected.json'), ...loadExpected('scte35parser-tests-expected.json')])(
    '$test: computed CRC equals the expected crc_32',
    (s) => {
      const section = sectionOf(Buffer.from(s.base64, 'base64'));
      // test_dtmf_withAlignmentStuffing: crc_32 is the buffer's last 4 bytes (0xFF stuffing);
      // the section's own CRC is crc_32_at_section_end.
      const expected = Number(s.crc_32_at_section_end ?? s.crc_32);
      expect(crc32Mpeg2(section, 0, section.length - 4)).toBe(expected);
    },
  );
});
