// VAST parsing: cost of parseVast (well-formedness check + lenient parse + ad model) per ADS response, against a
// same-run baseline: fast-xml-parser's XMLParser.parse alone (default options) of the same text.
import { FIXTURES_ROOT } from '../test/helpers/fixtures.js';
import { existsSync, readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseVast, parseVmap } from '../src/main/ads/index.js';
import type { DemoAdCreative } from '../src/main/demo/ads/types.js';
import { inlineVast } from '../src/main/demo/ads/vast-xml.js';
import { xmlDocument } from '../src/main/demo/ads/xml.js';
import { measure, report } from './lib/measure.js';

const creative = (n: number, seconds: number): DemoAdCreative => ({
  id: `ad${n}`, title: `AD ${n} — ${seconds} s`, durationSeconds: seconds,
  mezzanine: { path: `media/ad${n}/mezzanine.mp4`, width: 1920, height: 1080, fps: 30, bitrateKbps: 8000, bytes: 1_000_000 },
  hlsTsPath: `media/ad${n}/hls-ts/master.m3u8`, hlsFmp4Path: `media/ad${n}/hls-fmp4/master.m3u8`, dashPath: `media/ad${n}/dash/manifest.mpd`,
});
const pod = xmlDocument(inlineVast({ base: 'http://127.0.0.1:4000/demo/ads', sid: 'bench', version: '3.0', hls: 'ts' }, [creative(1, 10), creative(2, 20), creative(3, 10)]));
const check = parseVast(pod);
if (!check.ok || check.doc.ads.length !== 3) throw new Error('bench fixture did not parse into 3 ads');

const plain = new XMLParser();
const withAttributes = new XMLParser({ ignoreAttributes: false });

function section(title: string, text: string, parse: (s: string) => unknown): void {
  const baseline = measure('baseline: XMLParser.parse (defaults)', () => plain.parse(text));
  const rows = [
    measure('XMLParser.parse (attributes kept)', () => withAttributes.parse(text)),
    measure('XMLValidator.validate', () => XMLValidator.validate(text)),
    measure(title.startsWith('VMAP') ? 'parseVmap' : 'parseVast', () => parse(text)),
  ];
  console.log(`\n# ${title} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB)`);
  report([baseline, ...rows], baseline);
  const ours = rows.at(-1)!;
  console.log(`${ours.name}: ${ours.opsPerSecond.toFixed(0)} ops/s = ${(ours.opsPerSecond / baseline.opsPerSecond).toFixed(2)} × the baseline's throughput`);
}

section('VAST 3.0 pod of 3 inline ads (demo ADS builders)', pod, parseVast);

// Real-world documents, when the shared fixtures are checked out next to the repo.
const fixtures = FIXTURES_ROOT;
const freewheel = `${fixtures}/vast/eyevinn-vmap/testVast2.xml`;
const vmap = `${fixtures}/vast/eyevinn-vmap/testVmap.xml`;
if (existsSync(freewheel)) section('VAST 4.1 recorded FreeWheel pod of 4 ads (eyevinn-vmap/testVast2.xml)', readFileSync(freewheel, 'utf8').trimStart(), parseVast);
if (existsSync(vmap)) section('VMAP 1.0, 3 breaks of inline VAST (eyevinn-vmap/testVmap.xml)', readFileSync(vmap, 'utf8'), parseVmap);
