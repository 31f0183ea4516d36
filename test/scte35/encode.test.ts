import { describe, expect, it } from 'vitest';
import {
  crc32Mpeg2,
  encodeSpliceInfoSection,
  newSpliceInfoSection,
  spliceInsertIn,
  spliceInsertOut,
  timeSignalPlacementOpportunity,
  toBase64,
  toHex,
  UPID_TYPE,
  type SpliceDescriptor,
  type SpliceInfoSection,
} from '../../src/main/scte35/index.js';
import { fromBase64, loadExpected, loadVectors, sectionOf } from './fixtures.js';
import { sectionFromExpected } from './from-expected.js';

const vectors = loadVectors();
/** The fixture vector whose label contains `needle` (exactly one). */
function vector(needle: string): Uint8Array {
  const hits = vectors.filter((v) => v.label.includes(needle));
  if (hits.length !== 1) throw new Error(`${hits.length} vectors match ${needle}`);
  return hits[0]!.bytes;
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const u64be = (n: number): Uint8Array => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n));
  return b;
};
/** EIDR compact binary: 16-bit DOI prefix suffix ("10.5239" -> 5239) + 10 bytes of the hex id. */
const eidr = (text: string): Uint8Array => {
  const m = /^10\.(\d+)\/([0-9A-F-]+)$/i.exec(text)!;
  const prefix = Number(m[1]);
  return Uint8Array.from([prefix >> 8, prefix & 0xff, ...Buffer.from(m[2]!.replace(/-/g, ''), 'hex')]);
};
/** MID UPID body: type, length, bytes for each contained UPID. */
const mid = (upids: { type: number; bytes: Uint8Array }[]): Uint8Array =>
  Uint8Array.from(upids.flatMap((u) => [u.type, u.bytes.length, ...u.bytes]));

/** Parses the framing fields every encoded section must get right. */
function framing(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const commandLength = ((bytes[11]! & 0x0f) << 8) | bytes[12]!;
  const loopAt = 14 + commandLength;
  return {
    sectionLength: ((bytes[1]! & 0x0f) << 8) | bytes[2]!,
    commandLength,
    commandType: bytes[13]!,
    descriptorLoopLength: view.getUint16(loopAt),
    bytesAfterLoop: bytes.length - (loopAt + 2),
  };
}

function expectWellFormed(bytes: Uint8Array, commandLength: number, descriptorLoopLength = 0): void {
  const f = framing(bytes);
  expect(bytes[0]).toBe(0xfc);
  expect(f.sectionLength).toBe(bytes.length - 3);
  expect(f.commandLength).toBe(commandLength);
  expect(f.descriptorLoopLength).toBe(descriptorLoopLength);
  expect(f.bytesAfterLoop).toBe(descriptorLoopLength + 4); // descriptors + CRC_32, no stuffing
  expect(crc32Mpeg2(bytes, 0, bytes.length - 4)).toBe(
    new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4),
  );
  expect(crc32Mpeg2(bytes)).toBe(0);
}

describe.each([
  ['SCTE 35 2020 section 14 samples', loadExpected('spec-samples-expected.json')],
  ['SCTE35Parser test vectors', loadExpected('scte35parser-tests-expected.json')],
])('%s: JSON fields -> encoder reproduces the fixture bytes', (_name, samples) => {
  it.each(samples)('$test', (s) => {
    const fixture = fromBase64(s.base64);
    expect(toHex(fixture)).toBe(`0x${s.hex}`); // the JSON's two encodings agree
    // Only test_dtmf_withAlignmentStuffing has bytes (0xFF stuffing) after the section.
    const expected = sectionOf(fixture);
    const cwIndex = fixture[9]!; // not in the JSON: see sectionFromExpected
    if (s.spec_section) expect(cwIndex).toBe(0xff); // as Comcast/scte35-go expects for 14.x

    const encoded = encodeSpliceInfoSection(sectionFromExpected(s, cwIndex));
    expect(toBase64(encoded)).toBe(toBase64(expected));
    expect(crc32Mpeg2(encoded, 0, encoded.length - 4)).toBe(Number(s.crc_32_at_section_end ?? s.crc_32));
  });
});

// Values transcribed from the expectations of Comcast/scte35-go pkg/scte35/scte35_test.go
// (TestDecodeBase64). Go's zero values apply where a field is not set there: cw_index 0,
// segment_num 0, unique_program_id 0, delivery_not_restricted when DeliveryRestrictions is nil.
const goCases: [string, SpliceInfoSection][] = [
  [
    '"SpliceInsert With DTMF"',
    newSpliceInfoSection(
      {
        type: 'splice_insert',
        spliceEventId: 1073776558,
        spliceEventCancelIndicator: false,
        outOfNetworkIndicator: true,
        programSpliceFlag: true,
        durationFlag: true,
        spliceImmediateFlag: false,
        spliceTime: { ptsTime: 3490025771 },
        breakDuration: { autoReturn: true, duration: 5400000 },
        uniqueProgramId: 45,
        availNum: 0,
        availsExpected: 127,
      },
      [{ type: 'dtmf_descriptor', preroll: 80, dtmfChars: '519*' }],
    ),
  ],
  [
    '"Time Signal with Segmentation Descriptors"',
    newSpliceInfoSection(
      { type: 'time_signal', spliceTime: { ptsTime: 7316880262 } },
      ([
        [1073742098, 53, 791755781],
        [1073741893, 35, 791755998],
      ] as const).map(
        ([eventId, typeId, ti]): SpliceDescriptor => ({
          type: 'segmentation_descriptor',
          segmentationEventId: eventId,
          segmentationEventCancelIndicator: false,
          programSegmentationFlag: true,
          segmentationDurationFlag: false,
          deliveryNotRestrictedFlag: false,
          webDeliveryAllowed: true,
          noRegionalBlackout: true,
          archiveAllowed: true,
          deviceRestrictions: 3,
          upid: { type: UPID_TYPE.ti, bytes: u64be(ti) }, // TI "791755781" is the 8-byte integer
          segmentationTypeId: typeId,
          segmentNum: 0,
          segmentsExpected: 0,
        }),
      ),
    ),
  ],
  [
    '"Splice Insert with Avail Descriptor"',
    newSpliceInfoSection(
      {
        type: 'splice_insert',
        spliceEventId: 31230,
        spliceEventCancelIndicator: false,
        outOfNetworkIndicator: true,
        programSpliceFlag: true,
        durationFlag: false,
        spliceImmediateFlag: false,
        spliceTime: { ptsTime: 1122420281 },
        uniqueProgramId: 0,
        availNum: 0,
        availsExpected: 0,
      },
      [{ type: 'avail_descriptor', providerAvailId: 0 }],
    ),
  ],
  [
    '"Multiple SegmentationUPIDs"',
    newSpliceInfoSection({ type: 'time_signal', spliceTime: { ptsTime: 4294967296 } }, [
      {
        type: 'segmentation_descriptor',
        segmentationEventId: 2,
        segmentationEventCancelIndicator: false,
        programSegmentationFlag: true,
        segmentationDurationFlag: false,
        deliveryNotRestrictedFlag: true,
        webDeliveryAllowed: false,
        noRegionalBlackout: false,
        archiveAllowed: false,
        deviceRestrictions: 0,
        upid: {
          type: UPID_TYPE.mid,
          bytes: mid([
            { type: UPID_TYPE.eidr, bytes: eidr('10.5239/8BE5-E3F6-0000-0000-0000') },
            { type: UPID_TYPE.eidr, bytes: eidr('10.5239/8BE5-E3F6-0000-0000-0000') },
            { type: UPID_TYPE.adi, bytes: ascii('SIGNAL:Ly9EMGxKR0hFZUtpMHdCUVZnRUFnZz1') },
          ]),
        },
        segmentationTypeId: 0x37, // SegmentationTypeDistributorPOEnd
        segmentNum: 1,
        segmentsExpected: 3,
      },
    ]),
  ],
  [
    '"Legacy splice_command_length: 0xFFF"',
    {
      ...newSpliceInfoSection({ type: 'time_signal', spliceTime: { ptsTime: 3550479013 } }, [
        {
          type: 'segmentation_descriptor',
          segmentationEventId: 39965,
          segmentationEventCancelIndicator: false,
          programSegmentationFlag: true,
          segmentationDurationFlag: true,
          deliveryNotRestrictedFlag: true,
          webDeliveryAllowed: false,
          noRegionalBlackout: false,
          archiveAllowed: false,
          deviceRestrictions: 0,
          segmentationDuration: 10800000,
          // MPU: 32-bit format_identifier (1145656131 = 'DISC') + private data.
          upid: { type: UPID_TYPE.mpu, bytes: Uint8Array.from([...u64be(1145656131).slice(4), ...fromBase64('WU1XRjA0NTIwMDBI')]) },
          segmentationTypeId: 0x31, // SegmentationTypeProviderAdEnd
          segmentNum: 1,
          segmentsExpected: 1,
        },
      ]),
      spliceCommandLengthOverride: 0xfff, // the value the test's name says the section declares
    },
  ],
  [
    '"Signal with non-CUEI descriptor"',
    newSpliceInfoSection({ type: 'time_signal', spliceTime: { ptsTime: 4742663042 } }, [
      // Go's PrivateDescriptor; its tag is not in the expectation: 0x00 as in the bytes.
      { type: 'raw', tag: 0x00, identifier: 1396789331, bytes: Uint8Array.from([11]) },
      {
        type: 'segmentation_descriptor',
        segmentationEventId: 4294967295,
        segmentationEventCancelIndicator: false,
        programSegmentationFlag: true,
        segmentationDurationFlag: true,
        deliveryNotRestrictedFlag: true,
        webDeliveryAllowed: false,
        noRegionalBlackout: false,
        archiveAllowed: false,
        deviceRestrictions: 0,
        segmentationDuration: 1347087,
        upid: { type: UPID_TYPE.uri, bytes: ascii('urn:nbcuni.com:brc:499866434') },
        segmentationTypeId: 0x31,
        segmentNum: 10,
        segmentsExpected: 1,
      },
    ]),
  ],
  ['"Splice Null - Heartbeat"', newSpliceInfoSection({ type: 'splice_null' })],
  [
    '"Alignment Stuffing without Encryption"',
    {
      ...newSpliceInfoSection({
        type: 'splice_insert',
        spliceEventId: 1644171239,
        spliceEventCancelIndicator: false,
        outOfNetworkIndicator: false,
        programSpliceFlag: true,
        durationFlag: false,
        spliceImmediateFlag: true,
        uniqueProgramId: 9,
        availNum: 0,
        availsExpected: 0,
      }),
      // Go marks this case "legacy" and does not model these two; both read from the bytes
      // to show the stuffing and length-override fields reproduce such a section.
      spliceCommandLengthOverride: 0xfff,
      alignmentStuffing: Uint8Array.from([0x2c, 0x90, 0x9b]),
    },
  ],
];

describe('Comcast/scte35-go expectations -> encoder reproduces the fixture bytes', () => {
  it.each(goCases)('%s', (label, section) => {
    expect(toBase64(encodeSpliceInfoSection(section))).toBe(toBase64(sectionOf(vector(label))));
  });
});

describe('private_command', () => {
  it('frames identifier + private bytes (scte35-js "should parse scte-35 with private_command()")', () => {
    const fixture = vector('private_command()');
    // That upstream test asserts no field values; identifier and payload are read from the bytes.
    const payload = fixture.subarray(18, fixture.length - 6);
    expect(Buffer.from(payload).toString('latin1')).toBe('ewogIm1lc3NhZ2UiOiAiYWRkV2lkZ2V0Igp9');
    const encoded = encodeSpliceInfoSection(
      newSpliceInfoSection({ type: 'private_command', identifier: 1, privateBytes: payload }),
    );
    expect(toBase64(encoded)).toBe(toBase64(fixture));
  });
});

describe('helpers reproduce real vectors', () => {
  it('spliceInsertOut = SCTE35Parser test_spliceInsert_out (33-bit pts_time > 2^32)', () => {
    const out = spliceInsertOut({ eventId: 1007, ptsTime: 6070663743, durationSeconds: 60 });
    expect(toBase64(out)).toBe('/DAlAAAAAAAAAP/wFAUAAAPvf+//adb6P/4AUmXAAAAAAAAAoeikig==');
    expectWellFormed(out, 20);
  });

  it('spliceInsertIn = SCTE35Parser test_spliceInsert_in', () => {
    const bytes = spliceInsertIn({ eventId: 1007, ptsTime: 6074713743 });
    expect(toBase64(bytes)).toBe('/DAgAAAAAAAAAP/wDwUAAAPvf0//ahTGjwAAAAAAALda4HI=');
    expectWellFormed(bytes, 15);
  });

  it('spliceInsertOut with availNum/availsExpected/uniqueProgramId = threefive simple-scte35.m3u8', () => {
    const bytes = spliceInsertOut({
      eventId: 1,
      ptsTime: Math.round(157.325 * 90000),
      durationSeconds: 15,
      uniqueProgramId: 1,
      availNum: 1,
      availsExpected: 1,
    });
    expect(toBase64(bytes)).toBe('/DAlAAAAAAAAAP/wFAUAAAABf+/+ANgNkv4AFJlwAAEBAQAA5xULLA==');
  });

  it('spliceInsertOut autoReturn=false = scte35-js "should parse splice_insert" (pts 0, 5400000 ticks)', () => {
    const bytes = spliceInsertOut({ eventId: 173781, ptsTime: 0, durationSeconds: 60, autoReturn: false });
    expect(toBase64(bytes)).toBe(toBase64(vector('"should parse splice_insert") (line 159)')));
  });

  // Fields from the JSON of test_timeSignal_segmentationDescriptor_ADI_ppoStart/End; their
  // cw_index is 0xFF, passed explicitly because the helper defaults to 0.
  it('timeSignalPlacementOpportunity start = SCTE35Parser ADI ppoStart', () => {
    const upid = { type: UPID_TYPE.adi, bytes: ascii('SIGNAL:DR21Z07ZT8a8asniuUheiA==') };
    const bytes = timeSignalPlacementOpportunity({
      ptsTime: 0,
      durationSeconds: 60,
      eventId: 1644168586,
      start: true,
      upid,
      cwIndex: 0xff,
    });
    expect(toBase64(bytes)).toBe(toBase64(vector('test_timeSignal_segmentationDescriptor_ADI_ppoStart')));
    expectWellFormed(bytes, 5, 53);
  });

  it('timeSignalPlacementOpportunity end (no duration) = SCTE35Parser ADI ppoEnd', () => {
    const upid = { type: UPID_TYPE.adi, bytes: ascii('SIGNAL:3-sQ4NgFT0OjPsG4WqUQow') };
    const bytes = timeSignalPlacementOpportunity({ ptsTime: 5400000, eventId: 1644168586, start: false, upid, cwIndex: 0xff });
    expect(toBase64(bytes)).toBe(toBase64(vector('test_timeSignal_segmentationDescriptor_ADI_ppoEnd')));
  });
});

describe('helpers: structure', () => {
  it('immediate cue-out/in omit splice_time and set splice_immediate_flag', () => {
    const out = spliceInsertOut({ eventId: 7, durationSeconds: 30 });
    expectWellFormed(out, 15);
    expect(out[19]! & 0x10).toBe(0x10); // flags byte after event id + cancel byte
    const back = spliceInsertIn({ eventId: 7 });
    expectWellFormed(back, 10);
    expect(back[19]).toBe(0x5f); // out_of_network 0, program 1, duration 0, immediate 1, 1111
  });

  it('time_signal placement opportunity: command 5 bytes, UPID-less descriptor 2 + 20 bytes', () => {
    const bytes = timeSignalPlacementOpportunity({ ptsTime: 900000, durationSeconds: 30, eventId: 9, start: true });
    expectWellFormed(bytes, 5, 2 + 20);
    expect(framing(bytes).commandType).toBe(0x06);
  });

  it('writes a 33-bit pts_adjustment exactly (scte35-js vector with pts_adjustment 4629503913)', () => {
    const bytes = spliceInsertOut({ eventId: 1, ptsTime: 0, durationSeconds: 1, ptsAdjustment: 4629503913 });
    const real = vector('"should parse from base64") (line 101)');
    expect(toHex(bytes.subarray(3, 10))).toBe(toHex(real.subarray(3, 10))); // "00 01 13 F0 9F A9 00"
  });

  it('wraps pts_time modulo 2^33 and rounds seconds to ticks', () => {
    const wrapped = spliceInsertOut({ eventId: 1, ptsTime: 2 ** 33 + 90000, durationSeconds: 1.000001 });
    const plain = spliceInsertOut({ eventId: 1, ptsTime: 90000, durationSeconds: 1 });
    expect(toHex(wrapped)).toBe(toHex(plain));
  });

  it('toHex / toBase64 formats', () => {
    const bytes = Uint8Array.from([0xfc, 0x30, 0x0a]);
    expect(toHex(bytes)).toBe('0xFC300A');
    expect(toBase64(bytes)).toBe('/DAK');
    expect(toHex(bytes.subarray(1))).toBe('0x300A');
  });
});

describe('encoder: other syntax', () => {
  const base = (descriptors: SpliceDescriptor[]) =>
    newSpliceInfoSection({ type: 'time_signal', spliceTime: { ptsTime: 1 } }, descriptors);
  const seg = {
    type: 'segmentation_descriptor' as const,
    segmentationEventId: 1,
    segmentationEventCancelIndicator: false,
    programSegmentationFlag: true,
    segmentationDurationFlag: false,
    deliveryNotRestrictedFlag: true,
    webDeliveryAllowed: false,
    noRegionalBlackout: false,
    archiveAllowed: false,
    deviceRestrictions: 0,
    upid: { type: 0, bytes: new Uint8Array(0) },
    segmentationTypeId: 0x34,
    segmentNum: 0,
    segmentsExpected: 0,
  };

  it('segmentation components, 40-bit duration and sub-segments', () => {
    const bytes = encodeSpliceInfoSection(
      base([
        {
          ...seg,
          programSegmentationFlag: false,
          components: [{ componentTag: 0x21, ptsOffset: 2 ** 33 - 1 }],
          segmentationDurationFlag: true,
          segmentationDuration: 2 ** 40 - 1,
          subSegmentNum: 2,
          subSegmentsExpected: 4,
        },
      ]),
    );
    const d = bytes.subarray(21, bytes.length - 4); // after header(14) + command(5) + loop length(2)
    expect(toHex(d)).toBe(
      '0x02' + '1D' + '43554549' + '00000001' + '7F' + '7F' + '01' + '21' + 'FFFFFFFFFF' + 'FFFFFFFFFF' + '0000' + '340000' + '0204',
    );
    expectWellFormed(bytes, 5, 31);
  });

  it('cancelled segmentation descriptor and time_descriptor', () => {
    const bytes = encodeSpliceInfoSection(
      base([
        { ...seg, segmentationEventCancelIndicator: true },
        { type: 'time_descriptor', taiSeconds: 2 ** 40 + 5, taiNs: 7, utcOffset: 37 },
      ]),
    );
    expect(toHex(bytes.subarray(21, bytes.length - 4))).toBe(
      '0x02' + '09' + '43554549' + '00000001' + 'FF' + '03' + '10' + '43554549' + '010000000005' + '00000007' + '0025',
    );
  });

  it('component-mode splice_insert', () => {
    const bytes = encodeSpliceInfoSection(
      newSpliceInfoSection({
        type: 'splice_insert',
        spliceEventId: 2,
        spliceEventCancelIndicator: false,
        outOfNetworkIndicator: true,
        programSpliceFlag: false,
        durationFlag: false,
        spliceImmediateFlag: false,
        components: [{ componentTag: 1, spliceTime: { ptsTime: 2 ** 32 } }, { componentTag: 2, spliceTime: {} }],
        uniqueProgramId: 0,
        availNum: 0,
        availsExpected: 0,
      }),
    );
    expect(toHex(bytes.subarray(14, 14 + framing(bytes).commandLength))).toBe(
      '0x' + '00000002' + '7F' + '8F' + '02' + '01' + 'FF00000000' + '02' + '7F' + '0000' + '00' + '00',
    );
  });

  it('rejects inconsistent or out-of-range input', () => {
    const insert = {
      type: 'splice_insert' as const,
      spliceEventId: 1,
      spliceEventCancelIndicator: false,
      outOfNetworkIndicator: true,
      programSpliceFlag: true,
      durationFlag: true,
      spliceImmediateFlag: false,
      spliceTime: { ptsTime: 0 },
      uniqueProgramId: 0,
      availNum: 0,
      availsExpected: 0,
    };
    expect(() => encodeSpliceInfoSection(newSpliceInfoSection(insert))).toThrow(/breakDuration/);
    expect(() =>
      encodeSpliceInfoSection(newSpliceInfoSection({ ...insert, durationFlag: false, spliceTime: undefined })),
    ).toThrow(/spliceTime/);
    expect(() => encodeSpliceInfoSection(base([{ ...seg, segmentationTypeId: 0x30, subSegmentNum: 1, subSegmentsExpected: 1 }]))).toThrow(
      /sub-segments/,
    );
    expect(() => encodeSpliceInfoSection(base([{ type: 'dtmf_descriptor', preroll: 1, dtmfChars: '12345678' }]))).toThrow();
    expect(() => encodeSpliceInfoSection({ ...base([]), encryptedPacket: true })).toThrow(/encrypted/);
    expect(() =>
      encodeSpliceInfoSection(newSpliceInfoSection({ type: 'time_signal', spliceTime: { ptsTime: 2 ** 33 } })),
    ).toThrow(RangeError);
  });
});
