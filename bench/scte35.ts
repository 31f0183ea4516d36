// SCTE-35 decoder: cost per section on the eight SCTE 35 section 14 samples, against a same-run
// baseline of Buffer.from(base64) alone (the floor for any decoder fed manifest text).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bytesFromText,
  decodeSpliceInfoSection,
  safeDecodeScte35,
  spliceInfoSummary,
  toHex,
} from '../src/main/scte35/index.js';
import { SCTE35_FIXTURE_DIR } from '../test/scte35/fixtures.js';
import { measure, report, type Measurement } from './lib/measure.js';

const samples = (
  JSON.parse(readFileSync(join(SCTE35_FIXTURE_DIR, 'spec-samples-expected.json'), 'utf8')) as { samples: { base64: string }[] }
).samples.map((s) => s.base64);
const bytes = samples.map((b64) => bytesFromText(b64));
const hex = bytes.map((b) => toHex(b));

// One timed call decodes every sample REPS times, so the timer's own cost (two
// performance.now() per call) stays out of a ~1 µs figure; rows are then scaled per section.
const REPS = 50;
const perCall = samples.length * REPS;
let sink: unknown;
const batch = (inputs: readonly (string | Uint8Array)[], fn: (input: never) => unknown) => () => {
  for (let rep = 0; rep < REPS; rep++) for (const input of inputs) sink = fn(input as never);
};
const perSection = (m: Measurement): Measurement => ({
  ...m,
  opsPerSecond: m.opsPerSecond * perCall,
  p50Us: m.p50Us / perCall,
  p99Us: m.p99Us / perCall,
});
const run = (name: string, inputs: readonly (string | Uint8Array)[], fn: (input: never) => unknown) =>
  perSection(measure(name, batch(inputs, fn)));

const baseline = run("baseline: Buffer.from(b64, 'base64')", samples, (b64: string) => Buffer.from(b64, 'base64'));
const rows = [
  run('bytesFromText (base64 -> bytes, validated)', samples, (b64: string) => bytesFromText(b64)),
  run('decode from bytes', bytes, (b: Uint8Array) => decodeSpliceInfoSection(b)),
  run('decode from bytes, verifyCrc: false', bytes, (b: Uint8Array) => decodeSpliceInfoSection(b, { verifyCrc: false })),
  run('decode from base64', samples, (b64: string) => decodeSpliceInfoSection(b64)),
  run('decode from hex (0x...)', hex, (h: string) => decodeSpliceInfoSection(h)),
  run('safeDecodeScte35 + spliceInfoSummary (base64)', samples, (b64: string) => {
    const r = safeDecodeScte35(b64);
    return r.ok ? spliceInfoSummary(r.section) : r.error;
  }),
];
console.log(`\n# SCTE-35 decode (${samples.length} SCTE 35 section 14 samples, ${bytes.reduce((n, b) => n + b.length, 0) / bytes.length} bytes on average; figures per section)`);
report([baseline, ...rows], baseline);
if (sink === undefined) console.log('(nothing decoded)');
