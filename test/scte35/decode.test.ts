import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BitReader,
  crc32Mpeg2,
  CUEI_IDENTIFIER,
  decodeSpliceInfoSection,
  encodeSpliceInfoSection,
  newSpliceInfoSection,
  safeDecodeScte35,
  Scte35DecodeError,
  SEGMENTATION_TYPE_NAMES,
  SPLICE_COMMAND_TYPE,
  spliceInfoSummary,
  ticksToSeconds,
  toBase64,
  toHex,
  UPID_TYPE,
  type SegmentationDescriptor,
  type SpliceDescriptor,
  type SpliceInfoSection,
} from '../../src/main/scte35/index.js';
import {
  fromBase64,
  loadExpected,
  loadVectors,
  sectionOf,
  SCTE35_FIXTURE_DIR,
  type ExpectedSample,
  type ExpectedSegmentation,
} from './fixtures.js';
import { sectionFromExpected } from './from-expected.js';

const vectors = loadVectors();
const specSamples = loadExpected('spec-samples-expected.json');
const parserSamples = loadExpected('scte35parser-tests-expected.json');

/** Fields of the expectation files that fixtures.ts does not type. */
type SampleJson = ExpectedSample & { pts_time_seconds: number | null };
type SegmentationJson = ExpectedSegmentation & {
  segmentation_type_name: string;
  duration_seconds: number | null;
  upid: { type: number; hex: string; type_name: string; value: unknown };
};

/** Runs fn and asserts it throws a Scte35DecodeError whose message matches. */
function expectDecodeError(fn: () => unknown, message: RegExp): Scte35DecodeError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected a Scte35DecodeError').toBeInstanceOf(Scte35DecodeError);
  expect((thrown as Error).message).toMatch(message);
  return thrown as Scte35DecodeError;
}

/** Either decodes or throws Scte35DecodeError; anything else (RangeError, TypeError) fails. */
function decodeOrDecodeError(input: Uint8Array | string, verifyCrc = true): SpliceInfoSection | Scte35DecodeError {
  try {
    return decodeSpliceInfoSection(input, { verifyCrc });
  } catch (e) {
    if (e instanceof Scte35DecodeError) return e;
    throw new Error(`non-Scte35DecodeError thrown for ${typeof input === 'string' ? input : toHex(input)}: ${String(e)}`);
  }
}

const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();
/** The model without the CRC_32 the decoder reports (the encoder always computes it). */
const withoutCrc = ({ crc32: _crc, ...rest }: SpliceInfoSection): SpliceInfoSection => rest;

/** Sets section_length and a correct CRC_32 on `body` (a section without its CRC). */
function sealed(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length + 4);
  out.set(body);
  const sectionLength = out.length - 3;
  out[1] = (out[1]! & 0xf0) | (sectionLength >> 8);
  out[2] = sectionLength & 0xff;
  new DataView(out.buffer).setUint32(body.length, crc32Mpeg2(out, 0, body.length));
  return out;
}
/** A section's bytes with `edit` applied before the CRC, re-sealed. */
function patched(section: Uint8Array, edit: (body: Uint8Array) => Uint8Array | void): Uint8Array {
  const body = section.slice(0, section.length - 4);
  return sealed(edit(body) ?? body);
}

function expectFields(section: SpliceInfoSection, s: SampleJson): void {
  expect(section.tableId).toBe(s.table_id);
  expect(section.sapType).toBe(s.sap_type);
  expect(section.protocolVersion).toBe(s.protocol_version);
  expect(section.encryptedPacket).toBe(s.encrypted_packet);
  expect(section.ptsAdjustment).toBe(s.pts_adjustment);
  expect(section.tier).toBe(s.tier);
  const cmd = section.spliceCommand;
  expect(SPLICE_COMMAND_TYPE[cmd.type]).toBe(s.splice_command_type);

  const pts = cmd.type === 'time_signal' || cmd.type === 'splice_insert' ? cmd.spliceTime?.ptsTime : undefined;
  expect(pts ?? null).toBe(s.pts_time);
  if (s.pts_time_seconds !== null) expect(ticksToSeconds(pts!)).toBeCloseTo(s.pts_time_seconds, 5);

  if (cmd.type === 'splice_insert') {
    expect(cmd.spliceEventId).toBe(s.splice_event_id);
    expect(cmd.spliceEventCancelIndicator).toBe(false);
    expect(cmd.outOfNetworkIndicator).toBe(s.out_of_network_indicator);
    expect(cmd.programSpliceFlag).toBe(s.program_splice_flag);
    expect(cmd.spliceImmediateFlag).toBe(s.splice_immediate_flag);
    expect(cmd.breakDuration ? { auto_return: cmd.breakDuration.autoReturn, duration: cmd.breakDuration.duration } : null).toEqual(
      s.break_duration && { auto_return: s.break_duration.auto_return, duration: s.break_duration.duration },
    );
    expect(cmd.uniqueProgramId).toBe(s.unique_program_id);
    expect(cmd.availNum).toBe(s.avail_num);
    expect(cmd.availsExpected).toBe(s.avails_expected);
  } else {
    expect(s.out_of_network_indicator).toBeNull();
    expect(s.break_duration).toBeNull();
  }

  const segs = section.descriptors.filter((d): d is SegmentationDescriptor => d.type === 'segmentation_descriptor');
  const segJson = s.segmentation_descriptors as SegmentationJson[];
  expect(
    segs.map((d) => ({
      identifier: CUEI_IDENTIFIER,
      segmentation_event_id: d.segmentationEventId,
      segmentation_event_cancel_indicator: d.segmentationEventCancelIndicator,
      delivery_not_restricted_flag: d.deliveryNotRestrictedFlag,
      delivery_restrictions: d.deliveryNotRestrictedFlag
        ? null
        : {
            web_delivery_allowed: d.webDeliveryAllowed,
            no_regional_blackout: d.noRegionalBlackout,
            archive_allowed: d.archiveAllowed,
            device_restrictions: d.deviceRestrictions,
          },
      components: d.components ?? null,
      segmentation_type_id: d.segmentationTypeId,
      duration: d.segmentationDuration ?? null,
      upid: { type: d.upid.type, hex: hexOf(d.upid.bytes) },
      segment_num: d.segmentNum,
      segments_expected: d.segmentsExpected,
      sub_segment: d.subSegmentNum === undefined ? null : { num: d.subSegmentNum, expected: d.subSegmentsExpected },
    })),
  ).toEqual(
    segJson.map((d) => ({
      identifier: d.identifier,
      segmentation_event_id: d.segmentation_event_id,
      segmentation_event_cancel_indicator: d.segmentation_event_cancel_indicator,
      delivery_not_restricted_flag: d.delivery_not_restricted_flag,
      delivery_restrictions: d.delivery_restrictions && {
        web_delivery_allowed: d.delivery_restrictions.web_delivery_allowed,
        no_regional_blackout: d.delivery_restrictions.no_regional_blackout,
        archive_allowed: d.delivery_restrictions.archive_allowed,
        device_restrictions: d.delivery_restrictions.device_restrictions,
      },
      components: d.components,
      segmentation_type_id: d.segmentation_type_id,
      duration: d.duration,
      upid: { type: d.upid.type, hex: d.upid.hex },
      segment_num: d.segment_num,
      segments_expected: d.segments_expected,
      sub_segment: d.sub_segment,
    })),
  );

  const others = section.descriptors.filter((d) => d.type !== 'segmentation_descriptor');
  expect(
    others.map((d) => {
      if (d.type === 'avail_descriptor') return { tag: 0, name: d.type, identifier: CUEI_IDENTIFIER, provider_avail_id: d.providerAvailId };
      if (d.type === 'dtmf_descriptor') return { tag: 1, name: d.type, identifier: CUEI_IDENTIFIER, preroll: d.preroll, dtmf_chars: d.dtmfChars };
      return d;
    }),
  ).toEqual(s.other_descriptors);

  expect(section.crc32).toBe(Number(s.crc_32_at_section_end ?? s.crc_32));
}

/** The summary agrees with the JSON's names, seconds and rendered UPIDs (first descriptor). */
function expectSummary(section: SpliceInfoSection, s: SampleJson): void {
  const summary = spliceInfoSummary(section);
  const first = (s.segmentation_descriptors as SegmentationJson[])[0];
  if (!first) return;
  expect(summary.segmentationTypeId).toBe(first.segmentation_type_id);
  // The JSON spells Table 23 names in snake case ("provider_placement_opportunity_start").
  expect(summary.segmentationTypeName!.toLowerCase().replace(/[^a-z]+/g, '_')).toBe(first.segmentation_type_name);
  if (s.splice_command_type === 6) expect(summary.durationSeconds ?? null).toBe(first.duration_seconds);
  const value = first.upid.value;
  if (typeof value === 'string' && [UPID_TYPE.adId, UPID_TYPE.tid, UPID_TYPE.adi, UPID_TYPE.adsInformation, UPID_TYPE.uri, UPID_TYPE.ti].includes(first.upid.type as 3)) {
    expect(summary.upid!.value).toBe(value); // text as is; TI as 0x + hex like the JSON
  } else if (first.upid.type === UPID_TYPE.mpu) {
    const mpu = value as { format_identifier: string; private_data_hex: string };
    expect(summary.upid!.value).toBe(`${mpu.format_identifier}:0x${mpu.private_data_hex}`);
  } else {
    expect(summary.upid!.value).toBe(`0x${first.upid.hex}`);
  }
}

describe.each([
  ['SCTE 35 2020 section 14 samples (ground truth)', specSamples],
  ['SCTE35Parser test vectors', parserSamples],
])('%s: decode gives the expected fields', (_name, samples) => {
  it.each(samples)('$test', (s) => {
    const sample = s as SampleJson;
    for (const input of [s.base64, `0x${s.hex}`, s.hex, fromBase64(s.base64)]) {
      const section = decodeSpliceInfoSection(input);
      expectFields(section, sample);
      expectSummary(section, sample);
    }
  });
});


/** A cancelled segmentation event: only the id travels; the other fields read back as false/0. */
function cancelledSegmentation(segmentationEventId: number): SegmentationDescriptor {
  return {
    type: 'segmentation_descriptor',
    segmentationEventId,
    segmentationEventCancelIndicator: true,
    programSegmentationFlag: false,
    segmentationDurationFlag: false,
    deliveryNotRestrictedFlag: false,
    webDeliveryAllowed: false,
    noRegionalBlackout: false,
    archiveAllowed: false,
    deviceRestrictions: 0,
    upid: { type: 0, bytes: new Uint8Array(0) },
    segmentationTypeId: 0,
    segmentNum: 0,
    segmentsExpected: 0,
  };
}

describe('decode(encode(model)) deep-equals the models of from-expected.ts', () => {
  it.each([...specSamples, ...parserSamples])('$test', (s) => {
    const model = sectionFromExpected(s, fromBase64(s.base64)[9]!);
    const decoded = decodeSpliceInfoSection(encodeSpliceInfoSection(model));
    expect(withoutCrc(decoded)).toEqual(model);
    expect(decoded.crc32).toBe(Number(s.crc_32_at_section_end ?? s.crc_32));
  });
});

/**
 * Vectors that do not decode with default options, each with its specific reason.
 * 37: scte35-go's "Invalid CRC_32" case (the last CRC byte is off by one); the test there
 * expects ErrCRC32Invalid.
 */
const DECODE_FAILURES: Record<number, RegExp> = {
  37: /^CRC_32 mismatch: expected 0xA7983B73, found 0xA7983B74$/,
};

/** Vectors whose section encode(decode()) cannot reproduce byte for byte, and why. */
const ROUND_TRIP_EXCEPTIONS: Record<number, string> = {
  37: 'invalid CRC_32 (decoded with verifyCrc: false); the encoder writes the correct one',
  39: 'a Provider Advertisement Start (0x30) descriptor carries 2 sub-segment bytes its type does not define; they are skipped',
  44: 'segmentation descriptors write restriction flags into the 5 reserved bits of delivery_not_restricted_flag=1 (0xB7/0xF7); the encoder writes 1s',
  47: 'same reserved-bit pattern as 44 (0xB7/0xF7)',
  48: 'same reserved-bit pattern as 44 (0xB7/0xF7)',
};

describe('vectors.tsv', () => {
  it('has the 57 rows PROVENANCE.md describes', () => {
    expect(vectors).toHaveLength(57);
    expect(vectors[37]!.label).toContain('Invalid CRC_32');
    expect(vectors[39]!.label).toContain('Unused Subsegments Included');
    expect(vectors[44]!.sourceRepo).toBe('Comcast/scte35-js');
  });

  it.each(vectors.map((v, i) => [i, v.label, v] as const))('%i decodes: %s', (i, _label, v) => {
    const failure = DECODE_FAILURES[i];
    if (failure) {
      expectDecodeError(() => decodeSpliceInfoSection(v.base64), failure);
      expectDecodeError(() => decodeSpliceInfoSection(v.bytes), failure);
    }
    const section = decodeSpliceInfoSection(v.base64, { verifyCrc: !failure });
    expect(decodeSpliceInfoSection(v.bytes, { verifyCrc: !failure })).toEqual(section);

    const expected = sectionOf(v.bytes);
    const reencoded = encodeSpliceInfoSection(section);
    if (ROUND_TRIP_EXCEPTIONS[i]) {
      expect(toHex(reencoded)).not.toBe(toHex(expected));
    } else {
      expect(toHex(reencoded)).toBe(toHex(expected));
    }
    // Whatever the encoder normalised, the re-encoded bytes carry the same model.
    expect(withoutCrc(decodeSpliceInfoSection(reencoded))).toEqual(withoutCrc(section));
  });

  it('vector 39: the surplus sub-segment bytes are skipped, not misread', () => {
    const section = decodeSpliceInfoSection(vectors[39]!.bytes);
    const [first, second] = section.descriptors as SegmentationDescriptor[];
    expect(first).toMatchObject({ segmentationTypeId: 0x31, segmentNum: 7, segmentsExpected: 10 });
    expect(second).toMatchObject({ segmentationTypeId: 0x30, segmentNum: 8, segmentsExpected: 10, segmentationDuration: 3600000 });
    expect(second!.subSegmentNum).toBeUndefined();
  });

  it('vector 28: 0xFF stuffing after the section is ignored', () => {
    const v = vectors[28]!;
    expect(v.bytes.length).toBe(183);
    const section = decodeSpliceInfoSection(v.bytes);
    expect(section.alignmentStuffing).toBeUndefined();
    expect(section.descriptors).toEqual([{ type: 'dtmf_descriptor', preroll: 177, dtmfChars: '121#' }]);
  });

  it('legacy splice_command_length 0xFFF: kept as an override, command parsed by its own syntax', () => {
    const legacy = vectors.map((v, i) => [i, decodeSpliceInfoSection(v.bytes, { verifyCrc: i !== 37 })] as const).filter(
      ([, s]) => s.spliceCommandLengthOverride !== undefined,
    );
    expect(legacy.map(([i]) => i)).toEqual([25, 34, 38, 50, 51]); // PROVENANCE.md: 5 such vectors
    for (const [, s] of legacy) expect(s.spliceCommandLengthOverride).toBe(0xfff);
  });

  it('alignment_stuffing before the CRC is kept (scte35-go stuffing cases)', () => {
    expect(decodeSpliceInfoSection(vectors[38]!.bytes).alignmentStuffing).toEqual(Uint8Array.from([0x2c, 0x90, 0x9b]));
    for (const i of [41, 42]) expect(decodeSpliceInfoSection(vectors[i]!.bytes).alignmentStuffing).toHaveLength(3);
  });

  it('private_command: identifier and bytes', () => {
    const cmd = decodeSpliceInfoSection(vectors[46]!.bytes).spliceCommand;
    expect(cmd).toMatchObject({ type: 'private_command', identifier: 1 });
    if (cmd.type !== 'private_command') throw new Error('unreachable');
    expect(Buffer.from(cmd.privateBytes).toString('latin1')).toBe('ewogIm1lc3NhZ2UiOiAiYWRkV2lkZ2V0Igp9');
  });

  it('non-CUEI descriptor is raw; 33-bit pts_time and pts_adjustment are exact', () => {
    const section = decodeSpliceInfoSection(vectors[35]!.bytes);
    expect(section.descriptors[0]).toEqual({ type: 'raw', tag: 0, identifier: 1396789331, bytes: Uint8Array.from([11]) });
    expect(section.spliceCommand).toEqual({ type: 'time_signal', spliceTime: { ptsTime: 4742663042 } });
    expect(decodeSpliceInfoSection(vectors[43]!.bytes).ptsAdjustment).toBe(4629503913);
  });
});

interface CrossColumn {
  cmd?: number;
  pts?: number | null;
  dur?: number | null;
  ndesc?: number;
  err?: string;
}
interface CrossRow {
  i: number;
  base64: string;
  scte35_js: CrossColumn;
  threefive: CrossColumn;
  agree: boolean;
  ground_truth: boolean;
  disagreement?: string;
}

/**
 * Where this decoder and a third-party column of decoded-crosscheck.jsonl differ (neither
 * is ground truth). The pts-only rows (41-45, 47, 48) are no disagreement: scte35_js reports
 * (pts_time + pts_adjustment) mod 2^33 and threefive pts_time alone, and we match each on its
 * own definition.
 */
const CROSSCHECK_DISAGREEMENTS: Record<number, { decoder: 'both' | 'scte35_js' | 'threefive'; reason: string }> = {
  37: { decoder: 'both', reason: 'both accept an invalid CRC_32; we reject it by default, as scte35-go (the source) expects' },
  25: { decoder: 'threefive', reason: 'threefive fails on legacy splice_command_length 0xFFF; we parse it (so does scte35-js)' },
  34: { decoder: 'threefive', reason: 'legacy splice_command_length 0xFFF, as 25' },
  38: { decoder: 'threefive', reason: 'legacy splice_command_length 0xFFF with alignment stuffing, as 25' },
  50: { decoder: 'threefive', reason: 'legacy splice_command_length 0xFFF, as 25' },
  51: { decoder: 'threefive', reason: 'legacy splice_command_length 0xFFF, as 25' },
  40: { decoder: 'threefive', reason: 'threefive fails ("199") on a MID UPID holding non-UTF-8 bytes; lengths and CRC are valid, we decode 5 descriptors like scte35-js' },
  28: { decoder: 'scte35_js', reason: 'scte35-js rejects 0xFF stuffing after the section; we ignore bytes past section_length, like threefive' },
};

describe('decoded-crosscheck.jsonl (third-party opinions, not ground truth)', () => {
  const rows = readFileSync(join(SCTE35_FIXTURE_DIR, 'decoded-crosscheck.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CrossRow);

  /** Our values in each column's own terms. */
  function ours(row: CrossRow) {
    const result = safeDecodeScte35(row.base64);
    const section = decodeSpliceInfoSection(row.base64, { verifyCrc: false });
    const cmd = section.spliceCommand;
    const time = cmd.type === 'time_signal' || cmd.type === 'splice_insert' ? cmd.spliceTime?.ptsTime : undefined;
    const summary = spliceInfoSummary(section);
    const common = {
      cmd: SPLICE_COMMAND_TYPE[cmd.type],
      dur: cmd.type === 'splice_insert' && cmd.breakDuration ? ticksToSeconds(cmd.breakDuration.duration) : null,
      ndesc: section.descriptors.length,
    };
    return {
      crcOk: result.ok,
      scte35_js: { ...common, pts: summary.ptsSeconds ?? null },
      threefive: { ...common, pts: time === undefined ? null : ticksToSeconds(time) },
    };
  }

  const matches = (mine: ReturnType<typeof ours>['scte35_js'], theirs: CrossColumn): boolean =>
    theirs.err === undefined &&
    mine.cmd === theirs.cmd &&
    mine.ndesc === theirs.ndesc &&
    (mine.pts === null ? theirs.pts === null : theirs.pts !== null && Math.abs(mine.pts - theirs.pts!) < 1e-6) &&
    (mine.dur === null ? theirs.dur === null : theirs.dur !== null && Math.abs(mine.dur - theirs.dur!) < 1e-6);

  it('has one row per vector, in order', () => {
    expect(rows.map((r) => r.i)).toEqual(vectors.map((_, i) => i));
    expect(rows.map((r) => r.base64)).toEqual(vectors.map((v) => v.base64));
    expect(rows.every((r) => !r.ground_truth)).toBe(true);
  });

  it.each(rows.filter((r) => r.agree || r.ground_truth).map((r) => [r.i, r] as const))(
    'row %i (decoders agree): command, pts, break duration, descriptor count',
    (i, row) => {
      const mine = ours(row);
      expect(mine.scte35_js).toMatchObject({ cmd: row.scte35_js.cmd, ndesc: row.scte35_js.ndesc });
      expect(matches(mine.scte35_js, row.scte35_js)).toBe(true);
      expect(matches(mine.threefive, row.threefive)).toBe(true);
      expect(mine.crcOk).toBe(i !== 37);
    },
  );

  it('lists exactly the disagreements found, and agrees with the other decoder there', () => {
    const found: Record<number, string> = {};
    for (const row of rows) {
      const mine = ours(row);
      const js = mine.crcOk && matches(mine.scte35_js, row.scte35_js);
      const tf = mine.crcOk && matches(mine.threefive, row.threefive);
      if (!js || !tf) found[row.i] = !js && !tf ? 'both' : !js ? 'scte35_js' : 'threefive';
      // Apart from the CRC policy, we always agree with at least one of them.
      if (row.i !== 37) expect(matches(mine.scte35_js, row.scte35_js) || matches(mine.threefive, row.threefive)).toBe(true);
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(CROSSCHECK_DISAGREEMENTS).map(([i, d]) => [i, d.decoder])));
  });
});

describe('SCTE35Parser rejected_inputs: explicit outcome for each', () => {
  const rejected = (
    JSON.parse(readFileSync(join(SCTE35_FIXTURE_DIR, 'scte35parser-tests-expected.json'), 'utf8')) as {
      rejected_inputs: { test: string; hex: string; assert_message?: string }[];
    }
  ).rejected_inputs;
  // SCTE35Parser's strictness is its choice: two of them we accept, with the reason.
  const outcomes: [string, RegExp | string][] = [
    ['test_invalid_avail_descriptor_should_throw', 'accepted: CRC valid; the second descriptor (type 0x30) has 2 surplus bytes, tolerated'],
    ['test_timeSignal_segmentationDescriptor_invalidEIDR', 'accepted: CRC valid; a 1-byte EIDR UPID is kept as bytes (any UPID type is)'],
    ['test_invalidHexInISANShouldThrow', /^invalid hex character "Z" at index 518$/],
    ['test_descriptorLengthTooShort_throwsError', /^truncated: section_length 40 needs 43 bytes but only 19 were given$/],
    ['test_descriptorLengthTooLong_throwsError', /^CRC_32 mismatch/],
    ['Unknown splice command type should throw', /^truncated: section_length 255 needs 258 bytes but only 54/],
    ['Unknown splice descriptor tag should throw', /^truncated: section_length 40 needs 43 bytes but only 41/],
    ['Unknown segmentation type ID should throw', /^truncated: section_length 40 needs 43 bytes but only 37/],
  ];

  it.each(rejected.map((r, k) => [r.assert_message ?? r.test, r, outcomes[k]!] as const))('%s', (_name, r, [name, outcome]) => {
    expect([r.test, r.assert_message]).toContain(name);
    if (typeof outcome === 'string') {
      expect(decodeSpliceInfoSection(r.hex).descriptors.length).toBeGreaterThan(0);
    } else {
      expectDecodeError(() => decodeSpliceInfoSection(r.hex), outcome);
    }
  });

  it('descriptor loop too long: without the CRC check the command length is named', () => {
    const r = rejected.find((x) => x.test === 'test_descriptorLengthTooLong_throwsError')!;
    expectDecodeError(() => decodeSpliceInfoSection(r.hex, { verifyCrc: false }), /^splice_command_length 112 runs past the section/);
  });
});

describe('text input', () => {
  const b64 = specSamples[1]!.base64;
  const bytes = fromBase64(b64);
  const hex = specSamples[1]!.hex;

  it.each([
    ['0x-prefixed uppercase hex', `0x${hex}`],
    ['0X-prefixed lowercase hex', `0X${hex.toLowerCase()}`],
    ['bare hex', hex],
    ['hex with spaces and newlines', `  0x${hex.slice(0, 10)} ${hex.slice(10, 31)}\n${hex.slice(31)}\t`],
    ['standard base64', b64],
    ['base64 without padding', b64.replace(/=+$/, '')],
    ['url-safe base64', b64.replace(/\+/g, '-').replace(/\//g, '_')],
    ['base64 with line breaks', `${b64.slice(0, 20)}\r\n${b64.slice(20)}\n`],
  ])('%s', (_name, text) => {
    expect(decodeSpliceInfoSection(text)).toEqual(decodeSpliceInfoSection(bytes));
  });

  it('a Buffer input decodes to plain, unaliased Uint8Arrays', () => {
    const buf = Buffer.from(vectors[35]!.bytes);
    const section = decodeSpliceInfoSection(buf);
    const raw = section.descriptors[0] as Extract<SpliceDescriptor, { type: 'raw' }>;
    expect(raw.bytes.constructor).toBe(Uint8Array);
    buf.fill(0);
    expect(raw.bytes).toEqual(Uint8Array.from([11]));
  });

  it.each([
    ['empty string', '', /^empty input$/],
    ['whitespace only', ' \n\t', /^empty input$/],
    ['bare 0x', '0x', /^empty input$/],
    ['scte35-go "Invalid Base64 Encoding"', '/DBaf%^', /^invalid base64 character "%" at index 5$/],
    ['non-hex after 0x', '0xFC30ZZ', /^invalid hex character "Z" at index 6$/],
    ['odd hex digit count', '0xFC3', /^hex input has an odd number of digits$/],
    ['one base64 char too many', `${b64.replace(/=+$/, '')}A`.slice(0, 65), /^base64 input has an invalid length/],
    ['three padding chars', '/DAv===', /^base64 input has an invalid length/],
    ['data after padding', '/DA=vAAA', /^base64 data after '=' padding at index 4$/],
    ['non-ASCII character', '/DAvAAAAAAAA///wFAVIAACé', /^invalid base64 character "é"/],
    ['base64 of text', 'aGVsbG8gd29ybGQ=', /^table_id 0x68 is not 0xFC/],
    ['hex of another table', '0x00B00D0001C100000001E020A2C32941', /^table_id 0x00 is not 0xFC/],
  ])('%s fails clearly', (_name, text, message) => {
    expectDecodeError(() => decodeSpliceInfoSection(text), message);
    expect(safeDecodeScte35(text)).toEqual({ ok: false, error: expect.stringMatching(message) });
  });
});

describe('bad bytes', () => {
  const sections = specSamples.map((s) => sectionOf(fromBase64(s.base64)));

  it('every truncation of every spec sample throws Scte35DecodeError (bytes, hex and base64)', () => {
    let cases = 0;
    for (const section of sections) {
      for (let n = 0; n < section.length; n++) {
        const cut = section.subarray(0, n);
        expectDecodeError(() => decodeSpliceInfoSection(cut), /^(empty input|truncated: )/);
        if (n > 0) expect(decodeOrDecodeError(toBase64(cut))).toBeInstanceOf(Scte35DecodeError);
        cases++;
      }
      const hex = toHex(section);
      for (let n = 0; n < hex.length; n++) expect(decodeOrDecodeError(hex.slice(0, n))).toBeInstanceOf(Scte35DecodeError);
    }
    expect(cases).toBe(sections.reduce((sum, s) => sum + s.length, 0));
  });

  it('truncations re-sealed with a matching section_length and CRC still fail inside the syntax', () => {
    const messages = new Set<string>();
    for (const section of [...sections, ...parserSamples.map((s) => sectionOf(fromBase64(s.base64)))]) {
      for (let n = 3; n < section.length - 4; n++) {
        const e = decodeOrDecodeError(sealed(section.slice(0, n)));
        expect(e).toBeInstanceOf(Scte35DecodeError);
        messages.add((e as Error).message.replace(/\d+/g, 'N'));
      }
    }
    expect([...messages].some((m) => m.startsWith('splice_insert.splice_time.pts_time: needs'))).toBe(true);
    expect([...messages].some((m) => m.startsWith('descriptor_loop_length N runs past the CRC_N'))).toBe(true);
  });

  it('a descriptor loop cut anywhere but a descriptor boundary fails naming the descriptor', () => {
    const section = sections[7]!; // 14.8: three segmentation descriptors
    const loopAt = 14 + 5; // header + time_signal
    const loopLength = (section[loopAt]! << 8) | section[loopAt + 1]!;
    const boundaries = [0, 25, 50, 75];
    expect(loopLength).toBe(75);
    for (let cut = 0; cut <= loopLength; cut++) {
      const bytes = sealed(
        Uint8Array.from([...section.subarray(0, loopAt), cut >> 8, cut & 0xff, ...section.subarray(loopAt + 2, loopAt + 2 + cut)]),
      );
      const result = decodeOrDecodeError(bytes);
      if (boundaries.includes(cut)) {
        expect((result as SpliceInfoSection).descriptors).toHaveLength(boundaries.indexOf(cut));
      } else {
        expect((result as Error).message).toMatch(/^(splice_descriptor|descriptor_length)/);
      }
    }
  });

  it('wrong table_id, section_length past the buffer, empty bytes', () => {
    const s = sections[0]!;
    expectDecodeError(() => decodeSpliceInfoSection(Uint8Array.from([0xfd, ...s.subarray(1)])), /^table_id 0xFD is not 0xFC/);
    expectDecodeError(() => decodeSpliceInfoSection(new Uint8Array(0)), /^empty input$/);
    expectDecodeError(() => decodeSpliceInfoSection(Uint8Array.from([0xfc, 0x30])), /^truncated: 2 bytes/);
    const longer = Uint8Array.from(s);
    longer[2] = longer[2]! + 1;
    const e = expectDecodeError(() => decodeSpliceInfoSection(longer), /^truncated: section_length 53 needs 56 bytes but only 55/);
    expect(e.field).toBe('section_length');
    expectDecodeError(() => decodeSpliceInfoSection(sealed(Uint8Array.from([0xfc, 0x30, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]))), /^section_length 12 is below the minimum 17$/);
  });

  it('every single-bit flip of a spec sample is caught (CRC_32 names expected and found)', () => {
    const s = sections[1]!;
    const crc = s.subarray(s.length - 4);
    for (let bit = 0; bit < s.length * 8; bit++) {
      const bad = Uint8Array.from(s);
      bad[bit >> 3] = bad[bit >> 3]! ^ (0x80 >> (bit & 7));
      const e = decodeOrDecodeError(bad);
      expect(e).toBeInstanceOf(Scte35DecodeError);
      const byte = bit >> 3;
      if (byte === 0) expect((e as Error).message).toMatch(/^table_id/);
      else if (byte === 1 && (bit & 7) >= 4) expect((e as Error).message).toMatch(/^(truncated|section_length)/);
      else if (byte === 2) expect((e as Error).message).toMatch(/^(truncated|section_length|CRC_32 mismatch)/);
      else expect((e as Error).message).toMatch(/^CRC_32 mismatch: expected 0x[0-9A-F]{8}, found 0x[0-9A-F]{8}$/);
    }
    const flipped = Uint8Array.from(s);
    flipped[16] = flipped[16]! ^ 1; // inside splice_event_id
    const e = expectDecodeError(() => decodeSpliceInfoSection(flipped), /CRC_32 mismatch/);
    expect(e.message).toContain(`found 0x${hexOf(crc)}`);
    expect(e.field).toBe('CRC_32');
    // verifyCrc: false decodes the damaged bytes (the event id changed).
    expect(decodeSpliceInfoSection(flipped, { verifyCrc: false }).spliceCommand).toMatchObject({ spliceEventId: 0x4800018f });
  });

  it('encrypted sections are rejected with a clear error', () => {
    const encrypted = patched(sections[0]!, (b) => {
      b[4] = b[4]! | 0x80 | (1 << 1); // encrypted_packet=1, encryption_algorithm=1 (DES ECB)
    });
    const e = expectDecodeError(
      () => decodeSpliceInfoSection(encrypted),
      /^encrypted splice_info_section \(encryption_algorithm 1, cw_index 255\) is not supported$/,
    );
    expect(e.field).toBe('encrypted_packet');
  });

  it('unknown splice_command_type names the type', () => {
    const schedule = patched(sections[0]!, (b) => {
      b[13] = 0x04;
    });
    expectDecodeError(() => decodeSpliceInfoSection(schedule), /^unsupported splice_command_type 0x04 \(splice_schedule\)$/);
    const other = patched(sections[0]!, (b) => {
      b[13] = 0x42;
    });
    expectDecodeError(() => decodeSpliceInfoSection(other), /^unsupported splice_command_type 0x42$/);
  });

  it('private_command with legacy length 0xFFF cannot be delimited', () => {
    const legacy = patched(toBytes(newSpliceInfoSection({ type: 'private_command', identifier: 7, privateBytes: Uint8Array.from([1, 2]) })), (b) => {
      b[11] = b[11]! | 0x0f;
      b[12] = 0xff;
    });
    expectDecodeError(() => decodeSpliceInfoSection(legacy), /^private_command with legacy splice_command_length 0xFFF/);
  });

  it('descriptor_length below 4, or a known descriptor too short, fails naming the field', () => {
    const base = toBytes(newSpliceInfoSection({ type: 'splice_null' }, [{ type: 'avail_descriptor', providerAvailId: 5 }]));
    const short = patched(base, (b) => {
      b[17] = 3; // descriptor_length
    });
    expectDecodeError(() => decodeSpliceInfoSection(short), /^splice_descriptor tag 0x00: descriptor_length 3 leaves no room/);
    // avail_descriptor of length 4: identifier only; the loop shrinks to match.
    const availTooShort = patched(base, (b) => {
      b[15] = 6;
      b[17] = 4;
      return b.subarray(0, 22);
    });
    const e = expectDecodeError(() => decodeSpliceInfoSection(availTooShort), /^avail_descriptor\.provider_avail_id: needs 4 bytes/);
    expect(e.field).toBe('avail_descriptor.provider_avail_id');
    // descriptor_length past the loop.
    const overrun = patched(base, (b) => {
      b[17] = 9;
    });
    expectDecodeError(() => decodeSpliceInfoSection(overrun), /^splice_descriptor: needs 9 bytes/);
  });
});

function toBytes(section: SpliceInfoSection): Uint8Array {
  return encodeSpliceInfoSection(section);
}

describe('syntax beyond the fixtures: decode(encode(model)) deep-equals model', () => {
  const seg: SegmentationDescriptor = {
    type: 'segmentation_descriptor',
    segmentationEventId: 0xffffffff,
    segmentationEventCancelIndicator: false,
    programSegmentationFlag: true,
    segmentationDurationFlag: true,
    deliveryNotRestrictedFlag: false,
    webDeliveryAllowed: true,
    noRegionalBlackout: false,
    archiveAllowed: true,
    deviceRestrictions: 2,
    segmentationDuration: 2 ** 40 - 1,
    upid: { type: UPID_TYPE.uri, bytes: new TextEncoder().encode('urn:example:1') },
    segmentationTypeId: 0x36,
    segmentNum: 1,
    segmentsExpected: 2,
    subSegmentNum: 3,
    subSegmentsExpected: 4,
  };
  const cancelledSeg: SegmentationDescriptor = { ...cancelledSegmentation(9), segmentationEventIdComplianceIndicator: false };
  const insert = {
    type: 'splice_insert' as const,
    spliceEventId: 1,
    spliceEventCancelIndicator: false,
    outOfNetworkIndicator: true,
    durationFlag: false,
    uniqueProgramId: 0xffff,
    availNum: 1,
    availsExpected: 2,
  };

  const models: [string, SpliceInfoSection][] = [
    [
      'component-mode splice_insert with times, break_duration, compliance flag 0',
      newSpliceInfoSection({
        ...insert,
        programSpliceFlag: false,
        spliceImmediateFlag: false,
        eventIdComplianceFlag: false,
        durationFlag: true,
        breakDuration: { autoReturn: false, duration: 2 ** 33 - 1 },
        components: [
          { componentTag: 1, spliceTime: { ptsTime: 2 ** 33 - 1 } },
          { componentTag: 2, spliceTime: {} },
        ],
      }),
    ],
    [
      'component-mode splice_insert, immediate',
      newSpliceInfoSection({ ...insert, programSpliceFlag: false, spliceImmediateFlag: true, components: [{ componentTag: 7 }] }),
    ],
    [
      'program splice_insert with time_specified_flag 0',
      newSpliceInfoSection({ ...insert, programSpliceFlag: true, spliceImmediateFlag: false, spliceTime: {} }),
    ],
    [
      'cancelled splice_insert',
      newSpliceInfoSection({
        type: 'splice_insert',
        spliceEventId: 77,
        spliceEventCancelIndicator: true,
        outOfNetworkIndicator: false,
        programSpliceFlag: false,
        durationFlag: false,
        spliceImmediateFlag: false,
        uniqueProgramId: 0,
        availNum: 0,
        availsExpected: 0,
      }),
    ],
    ['time_signal with time_specified_flag 0', newSpliceInfoSection({ type: 'time_signal', spliceTime: {} })],
    ['bandwidth_reservation', newSpliceInfoSection({ type: 'bandwidth_reservation' }, [], { tier: 0, ptsAdjustment: 2 ** 33 - 1 })],
    [
      'private_command',
      newSpliceInfoSection({ type: 'private_command', identifier: 0x43554549, privateBytes: Uint8Array.from([0, 1, 255]) }),
    ],
    ['segmentation: 40-bit duration, restrictions, sub-segments (0x36)', newSpliceInfoSection({ type: 'splice_null' }, [seg])],
    [
      'segmentation: component mode with 33-bit pts_offset, no duration',
      newSpliceInfoSection({ type: 'time_signal', spliceTime: { ptsTime: 0 } }, [
        {
          ...seg,
          programSegmentationFlag: false,
          components: [
            { componentTag: 0x21, ptsOffset: 2 ** 33 - 1 },
            { componentTag: 0x22, ptsOffset: 0 },
          ],
          segmentationDurationFlag: false,
          segmentationDuration: undefined,
          subSegmentNum: undefined,
          subSegmentsExpected: undefined,
          segmentationTypeId: 0x30,
        },
      ]),
    ],
    ['segmentation: cancelled, compliance indicator 0', newSpliceInfoSection({ type: 'splice_null' }, [cancelledSeg])],
    [
      'time, dtmf, raw (unknown tag with CUEI) and stuffing',
      {
        ...newSpliceInfoSection({ type: 'splice_null' }, [
          { type: 'time_descriptor', taiSeconds: 2 ** 48 - 1, taiNs: 999_999_999, utcOffset: 37 },
          { type: 'dtmf_descriptor', preroll: 255, dtmfChars: '0123*#9' },
          { type: 'dtmf_descriptor', preroll: 0, dtmfChars: '' },
          { type: 'raw', tag: 0x04, identifier: CUEI_IDENTIFIER, bytes: Uint8Array.from([0x81, 0x02]) },
          { type: 'raw', tag: 0x02, identifier: 0x54455354, bytes: new Uint8Array(0) },
        ]),
        alignmentStuffing: Uint8Array.from([0xff, 0xff]),
      },
    ],
  ];

  it.each(models)('%s', (_name, model) => {
    const decoded = decodeSpliceInfoSection(encodeSpliceInfoSection(model));
    // toEqual ignores undefined properties, so spell-outs such as `segmentationDuration: undefined` compare as absent.
    expect(withoutCrc(decoded)).toEqual(model);
    expect(encodeSpliceInfoSection(decoded)).toEqual(encodeSpliceInfoSection(model));
  });

  it('a declared splice_command_length with surplus bytes is tolerated; re-encoding recomputes it', () => {
    const bytes = patched(toBytes(newSpliceInfoSection({ type: 'time_signal', spliceTime: { ptsTime: 5 } })), (b) =>
      Uint8Array.from([...b.subarray(0, 12), 7, ...b.subarray(13, 19), 0xaa, 0xbb, ...b.subarray(19)]),
    );
    const section = decodeSpliceInfoSection(bytes);
    expect(section.spliceCommand).toEqual({ type: 'time_signal', spliceTime: { ptsTime: 5 } });
    expect(section.spliceCommandLengthOverride).toBeUndefined();
    expect(section.descriptors).toEqual([]);
    expect(withoutCrc(decodeSpliceInfoSection(encodeSpliceInfoSection(section)))).toEqual(withoutCrc(section));
  });

  it('sub-segment fields are read only for SUB_SEGMENT_TYPE_IDS and only when there is room', () => {
    const withSub = decodeSpliceInfoSection(toBytes(newSpliceInfoSection({ type: 'splice_null' }, [seg])));
    expect(withSub.descriptors[0]).toMatchObject({ subSegmentNum: 3, subSegmentsExpected: 4 });
    const noRoom = decodeSpliceInfoSection(
      toBytes(newSpliceInfoSection({ type: 'splice_null' }, [{ ...seg, subSegmentNum: undefined, subSegmentsExpected: undefined }])),
    );
    expect((noRoom.descriptors[0] as SegmentationDescriptor).subSegmentNum).toBeUndefined();
    expect(decodeSpliceInfoSection(sectionOf(vectors[0]!.bytes)).descriptors[0]).not.toHaveProperty('subSegmentNum'); // 14.1: 0x34, no room
  });
});

describe('spliceInfoSummary', () => {
  const summaryOf = (i: number) => spliceInfoSummary(decodeSpliceInfoSection(vectors[i]!.bytes, { verifyCrc: i !== 37 }));

  it('14.1 time_signal placement opportunity start', () => {
    expect(summaryOf(0)).toEqual({
      command: 'time_signal',
      eventId: 0x4800008e,
      ptsSeconds: 1924989008 / 90000,
      durationSeconds: 307,
      segmentationTypeId: 0x34,
      segmentationTypeName: 'Provider Placement Opportunity Start',
      upid: { type: 8, typeName: 'TI', value: '0x000000002CA0A18A' },
      segmentNum: 2,
      segmentsExpected: 0,
    });
  });

  it('14.2 splice_insert', () => {
    expect(summaryOf(1)).toEqual({
      command: 'splice_insert',
      eventId: 0x4800008f,
      outOfNetwork: true,
      ptsSeconds: 1936310318 / 90000,
      durationSeconds: 5426421 / 90000,
      avail: { num: 0, expected: 0 },
    });
  });

  it('pts_adjustment is added modulo 2^33 (scte35-js vector with pts_adjustment 8256018974)', () => {
    const section = decodeSpliceInfoSection(vectors[45]!.bytes);
    expect(section.ptsAdjustment + (section.spliceCommand as { spliceTime: { ptsTime: number } }).spliceTime.ptsTime).toBeGreaterThan(2 ** 33);
    expect(summaryOf(45).ptsSeconds).toBeCloseTo(634.954389, 6);
  });

  it('UPID rendering: text, MPU, hex, empty ADI; splice_null and immediate inserts', () => {
    expect(summaryOf(34).upid).toEqual({ type: 0x0c, typeName: 'MPU', value: 'DISC:0x594D57463034353230303048' });
    expect(summaryOf(35).upid).toEqual({ type: 0x0f, typeName: 'URI', value: 'urn:nbcuni.com:brc:499866434' });
    expect(summaryOf(20).upid).toEqual({ type: 0x0d, typeName: 'MID', value: '0x0E054C413330390808000000002E538481' });
    expect(summaryOf(52).upid).toEqual({ type: 0x09, typeName: 'ADI', value: '' });
    expect(summaryOf(36)).toEqual({ command: 'splice_null' });
    expect(summaryOf(38)).toEqual({ command: 'splice_insert', eventId: 1644171239, outOfNetwork: false, avail: { num: 0, expected: 0 } });
    expect(summaryOf(46)).toEqual({ command: 'private_command' });
  });

  it('cancellations', () => {
    const cancelled = spliceInfoSummary(
      decodeSpliceInfoSection(
        toBytes(
          newSpliceInfoSection({ type: 'time_signal', spliceTime: { ptsTime: 90000 } }, [
            cancelledSegmentation(5),
          ]),
        ),
      ),
    );
    expect(cancelled).toEqual({ command: 'time_signal', eventId: 5, cancelled: true, ptsSeconds: 1 });
  });

  it('SEGMENTATION_TYPE_NAMES follows Table 23', () => {
    expect(SEGMENTATION_TYPE_NAMES[0x00]).toBe('Not Indicated');
    expect(SEGMENTATION_TYPE_NAMES[0x01]).toBe('Content Identification');
    expect(SEGMENTATION_TYPE_NAMES[0x10]).toBe('Program Start');
    expect(SEGMENTATION_TYPE_NAMES[0x22]).toBe('Break Start');
    expect(SEGMENTATION_TYPE_NAMES[0x23]).toBe('Break End');
    expect(SEGMENTATION_TYPE_NAMES[0x30]).toBe('Provider Advertisement Start');
    expect(SEGMENTATION_TYPE_NAMES[0x36]).toBe('Distributor Placement Opportunity Start');
    expect(SEGMENTATION_TYPE_NAMES[0x37]).toBe('Distributor Placement Opportunity End');
    expect(SEGMENTATION_TYPE_NAMES[0x40]).toBe('Unscheduled Event Start');
    expect(SEGMENTATION_TYPE_NAMES[0x51]).toBe('Network End');
    // Start/end pairs from 0x30 to 0x47 alternate even = start, odd = end.
    for (let id = 0x30; id <= 0x47; id++) expect(SEGMENTATION_TYPE_NAMES[id]).toMatch(id % 2 === 0 ? / Start$/ : / End$/);
    expect(summaryOf(40).segmentationTypeName).toBe('Break End');
  });

  it('ticksToSeconds', () => {
    expect(ticksToSeconds(90000)).toBe(1);
    expect(ticksToSeconds(2 ** 33 - 1)).toBeCloseTo(95443.717678, 6);
  });
});

describe('BitReader', () => {
  it('reads 33-, 40- and 48-bit fields exactly at any bit offset', () => {
    for (const width of [33, 40, 48]) {
      for (let shift = 0; shift < 8; shift++) {
        const value = 2 ** width - 1 - 12345;
        // shift bits of 0, the value, then padding: built bit by bit to avoid 32-bit ops.
        const bits = [...Array<number>(shift).fill(0), ...value.toString(2).padStart(width, '0').split('').map(Number)];
        const bytes = new Uint8Array(Math.ceil(bits.length / 8));
        bits.forEach((b, i) => (bytes[i >> 3] = bytes[i >> 3]! | (b << (7 - (i & 7)))));
        const r = new BitReader(bytes);
        r.skipBits(shift, 'pad');
        expect(r.readBits(width, 'value')).toBe(value);
      }
    }
  });

  it('bounds: reading past the end names the field, sub-readers stay inside their range', () => {
    const r = new BitReader(Uint8Array.from([1, 2, 3, 4, 5]), 1, 4);
    expect(r.readBits(8, 'a')).toBe(2);
    const sub = r.sub(1, 'child');
    expect(r.bytesLeft).toBe(1);
    expect(sub.readBits(8, 'b')).toBe(3);
    const e = expectDecodeError(() => sub.readFlag('child.flag'), /^child\.flag: needs 1 bit at byte 3 but only 0 bits remain$/);
    expect(e.field).toBe('child.flag');
    expect(e.offset).toBe(3);
    expectDecodeError(() => r.readBits(16, 'wide'), /^wide: needs 2 bytes at byte 3 but only 1 byte remain$/);
    expectDecodeError(() => r.readBytes(2, 'blob'), /^blob: needs 2 bytes/);
    expect(r.readBytes(1, 'last')).toEqual(Uint8Array.from([4]));
  });
});

describe('fuzz: safeDecodeScte35 never throws, decode throws only Scte35DecodeError', () => {
  /** mulberry32: small seeded PRNG so failures reproduce. */
  function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const rand = prng(0x5c7e35);
  const int = (n: number) => Math.floor(rand() * n);
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  const seeds = vectors.map((v) => sectionOf(v.bytes));

  function check(input: Uint8Array | string, stats: { ok: number; err: number }): void {
    const safe = safeDecodeScte35(input);
    const safeNoCrc = safeDecodeScte35(input, { verifyCrc: false });
    const result = decodeOrDecodeError(input, false);
    expect(result instanceof Scte35DecodeError).toBe(!safeNoCrc.ok);
    if (safe.ok) expect(safeNoCrc.ok).toBe(true);
    if (result instanceof Scte35DecodeError) stats.err++;
    else stats.ok++;
  }

  it('3000 random byte arrays (half shaped like a section, sealed with a valid CRC)', () => {
    const stats = { ok: 0, err: 0 };
    for (let k = 0; k < 3000; k++) {
      const body = randomBytes(int(80));
      if (k % 2 === 0 && body.length > 3) {
        body[0] = 0xfc;
        check(sealed(body), stats);
      } else {
        check(body, stats);
      }
    }
    expect(stats.ok + stats.err).toBe(3000);
    expect(stats.err).toBeGreaterThan(0);
  });

  it('3000 mutations of real vectors, re-sealed so the parser goes deep', () => {
    const stats = { ok: 0, err: 0 };
    for (let k = 0; k < 3000; k++) {
      const body = seeds[int(seeds.length)]!.slice(0, -4);
      const edits = 1 + int(4);
      for (let e = 0; e < edits; e++) body[3 + int(body.length - 3)] = int(256);
      check(sealed(body), stats);
    }
    // Both outcomes are exercised: lengths and flags get corrupted, yet many stay decodable.
    expect(stats.ok).toBeGreaterThan(100);
    expect(stats.err).toBeGreaterThan(100);
  });

  it('1000 random strings, and non-string inputs, through safeDecodeScte35', () => {
    const alphabet = '0123456789abcdefABCDEFxX+/-_= \n%é';
    for (let k = 0; k < 1000; k++) {
      const text = Array.from({ length: int(90) }, () => alphabet[int(alphabet.length)]).join('');
      const prefixed = k % 3 === 0 ? `/D${text}` : k % 3 === 1 ? `0xFC${text}` : text;
      const r = safeDecodeScte35(prefixed);
      expect(typeof r.ok).toBe('boolean');
      expect(decodeOrDecodeError(prefixed)).toBeDefined();
    }
    for (const junk of [null, undefined, 42, {}, [0xfc], new ArrayBuffer(4)]) {
      expect(safeDecodeScte35(junk as never)).toMatchObject({ ok: false });
    }
  });
});
