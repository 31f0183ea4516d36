/** Loads the shared SCTE-35 fixtures (see /work/shared/fixtures/PROVENANCE.md, "scte35/"). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDir } from '../helpers/fixtures.js';

export const SCTE35_FIXTURE_DIR = fixtureDir('scte35');

export interface Vector {
  sourceRepo: string;
  sourcePath: string;
  base64: string;
  label: string;
  /** Whole decoded buffer (may hold stuffing after the section). */
  bytes: Uint8Array;
}

/** Base64 as found upstream; some scte35-js strings lack '=' padding, which Buffer accepts. */
export function fromBase64(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

export function fromHex(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex.replace(/^0x/i, ''), 'hex'));
}

/** The splice_info_section itself: 3 header bytes + section_length. */
export function sectionOf(bytes: Uint8Array): Uint8Array {
  const sectionLength = ((bytes[1]! & 0x0f) << 8) | bytes[2]!;
  return bytes.subarray(0, 3 + sectionLength);
}

export function loadVectors(): Vector[] {
  const lines = readFileSync(join(SCTE35_FIXTURE_DIR, 'vectors.tsv'), 'utf8').split('\n').filter(Boolean);
  const [header, ...rows] = lines;
  if (header !== 'source_repo\tsource_path\tlicense\tbase64\tlabel') throw new Error(`unexpected header: ${header}`);
  return rows.map((line) => {
    const [sourceRepo = '', sourcePath = '', , base64 = '', label = ''] = line.split('\t');
    return { sourceRepo, sourcePath, base64, label, bytes: fromBase64(base64) };
  });
}

/** Shape of the SCTE35Parser-derived expectation files (only the fields the tests use). */
export interface ExpectedSample {
  test: string;
  spec_section: string | null;
  base64: string;
  hex: string;
  table_id: number;
  sap_type: number;
  protocol_version: number;
  encrypted_packet: boolean;
  pts_adjustment: number;
  tier: number;
  splice_command_type: number;
  splice_event_id?: number;
  out_of_network_indicator: boolean | null;
  program_splice_flag?: boolean;
  splice_immediate_flag?: boolean;
  pts_time: number | null;
  break_duration: { auto_return: boolean; duration: number } | null;
  unique_program_id?: number;
  avail_num?: number;
  avails_expected?: number;
  segmentation_descriptors: ExpectedSegmentation[];
  other_descriptors: ExpectedOtherDescriptor[];
  crc_32: string;
  crc_32_at_section_end?: string;
  parser_non_fatal_errors?: { error: string; declared_splice_command_length_bits?: number }[];
}

export interface ExpectedSegmentation {
  identifier: number;
  segmentation_event_id: number;
  segmentation_event_cancel_indicator: boolean;
  delivery_not_restricted_flag: boolean;
  delivery_restrictions: {
    web_delivery_allowed: boolean;
    no_regional_blackout: boolean;
    archive_allowed: boolean;
    device_restrictions: number;
  } | null;
  /** null in every stored sample (all program-level). */
  components: unknown[] | null;
  segmentation_type_id: number;
  duration: number | null;
  upid: { type: number; hex: string };
  segment_num: number;
  segments_expected: number;
  /** null in every stored sample. */
  sub_segment: unknown;
}

export interface ExpectedOtherDescriptor {
  tag: number;
  name: string;
  identifier: number;
  provider_avail_id?: number;
  preroll?: number;
  dtmf_chars?: string;
}

export function loadExpected(file: 'spec-samples-expected.json' | 'scte35parser-tests-expected.json'): ExpectedSample[] {
  return (JSON.parse(readFileSync(join(SCTE35_FIXTURE_DIR, file), 'utf8')) as { samples: ExpectedSample[] }).samples;
}
