// Every real-world MPD in ../shared/fixtures/dash parses; those carrying SCTE-35 cue-outs give the breaks
// MediaTailor would use, and stitching them produces the expected Periods with content resuming in place.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDashBreaks } from '../../../src/main/stitch/dash/markers.js';
import { stitchMpd } from '../../../src/main/stitch/dash/render.js';
import { scanMpd } from '../../../src/main/stitch/dash/scan.js';
import { parseXml } from '../../../src/main/xml/tree.js';
import { fixtureDir } from '../../helpers/fixtures.js';
import { availPlan, plan, presentation, readMpd } from './helpers.js';

const root = fixtureDir('dash');
const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && /\.(mpd|xml)$/.test(d.name))
  .map((d) => relative(root, join(d.parentPath, d.name)))
  .sort();

/** Expected cue-out breaks per fixture (SINGLE_PERIOD): [key ms, period index, offset s, duration s, SCTE-35 command]. */
const EXPECTED: Record<string, [number, number, number, number | undefined, string][]> = {
  'eyevinn-dash-mpd/scte35/audio_descriptor.mpd': [], // time_signal without a segmentation descriptor
  'eyevinn-dash-mpd/scte35/avail_dtmf_descriptors.mpd': [[0, 0, 0, 30, 'splice_insert']],
  'eyevinn-dash-mpd/scte35/delivery_restrictions.mpd': [[10000, 0, 10, 30, 'time_signal']],
  'eyevinn-dash-mpd/scte35/direct_splice_info_section.mpd': [[173402036, 0, 0, 105, 'time_signal']],
  'eyevinn-dash-mpd/scte35/private_command.mpd': [],
  'eyevinn-dash-mpd/scte35/signal_binary_xmlbin.mpd': [[8902812, 0, 8902.811976, 253, 'time_signal']], // sub-frame Event@duration → SCTE-35's 253 s
  'eyevinn-dash-mpd/scte35/splice_insert.mpd': [[26072730, 0, 26072.729778, 29.997433, 'splice_insert']],
  'eyevinn-dash-mpd/scte35/splice_insert_immediate.mpd': [[0, 0, 0, 30, 'splice_insert']],
  'eyevinn-dash-mpd/scte35/splice_null_heartbeat.mpd': [],
  'eyevinn-dash-mpd/scte35/splice_schedule.mpd': [],
  'eyevinn-dash-mpd/scte35/time_descriptor.mpd': [],
  'eyevinn-dash-mpd/scte35/time_signal_segmentation.mpd': [[10000, 0, 10, 30, 'time_signal']],
  'ritcher/sample_mpd_eventstream.xml': [[50000, 0, 50, 30, 'splice_insert']],
  'ritcher/sample_mpd_multiperiod.xml': [[60000, 1, 0, 30, 'splice_insert']],
  'ritcher/sample_mpd_segmenttemplate.xml': [],
};

describe('shared DASH fixtures', () => {
  it('the expectation table covers every fixture', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    it(`${file}: parses, and its cue-outs are the expected breaks`, () => {
      const scan = scanMpd(readFileSync(join(root, file), 'utf8'));
      expect(scan.periods.length).toBeGreaterThan(0);
      const { breaks, ignored } = findDashBreaks(scan, 'SINGLE_PERIOD');
      expect(breaks.map((b) => [b.key, b.periodIndex, Number(b.offset.toFixed(6)), b.durationSeconds === undefined ? undefined : Number(b.durationSeconds.toFixed(6)), b.scte?.command])).toEqual(EXPECTED[file]);
      // Every Event is accounted for: a break or a reason.
      const events = scan.periods.reduce((n, p) => n + p.eventStreams.reduce((m, es) => m + es.events.length, 0), 0);
      expect(breaks.length + ignored.length).toBe(events);
      if (file.endsWith('splice_schedule.mpd')) expect(ignored[0]!.reason).toMatch(/splice_schedule is not supported/);
    });

    it(`${file}: stitched output is well-formed, keeps every origin segment outside the avails`, () => {
      const scan = scanMpd(readFileSync(join(root, file), 'utf8'));
      const { breaks } = findDashBreaks(scan, 'SINGLE_PERIOD');
      const p = plan(breaks.map((b) => availPlan(b.key, [Math.min(10, b.durationSeconds ?? 10)])), { live: scan.dynamic, originUrl: 'http://origin.example/path/manifest.mpd' });
      const r = stitchMpd(scan, p, breaks);
      expect(() => parseXml(r.text)).not.toThrow();
      expect(r.periods.filter((x) => x.kind === 'ad')).toHaveLength(breaks.length);
      const ids = r.periods.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  }
});

describe('ritcher fixtures stitched (VOD, number-based templates, per-Period BaseURL)', () => {
  it('sample_mpd_eventstream: a 30 s break at 50 s of a 60 s Period is cut at the Period end; later content shifts', () => {
    const scan = scanMpd(readFileSync(join(root, 'ritcher/sample_mpd_eventstream.xml'), 'utf8'));
    const { breaks } = findDashBreaks(scan);
    const r = stitchMpd(scan, plan([availPlan(50000, [30])], { originUrl: 'http://origin.example/m.mpd' }), breaks);
    expect(r.periods.map((x) => [x.id, x.start, x.duration])).toEqual([
      ['content-1', 0, 50],
      ['50000_1', 50, 30],
      ['content-2', 80, 30],
    ]);
    const read = readMpd(r.text);
    // content-1 keeps segments 1–5 (10 s each), as an explicit timeline; BaseURLs stay absolute.
    expect(read.periods[0]!.sets[0]!.segments).toEqual([[0, 10000], [10000, 10000], [20000, 10000], [30000, 10000], [40000, 10000]]);
    expect(r.text).toContain('<BaseURL>https://example.com/content/</BaseURL>');
    expect(read.mpd.attrs.mediaPresentationDuration).toBe('PT110S');
    expect(r.text).not.toContain('SpliceInsert');
  });

  it('sample_mpd_multiperiod: the pre-stitched ad Period (its own first Event) is replaced by our ads', () => {
    const scan = scanMpd(readFileSync(join(root, 'ritcher/sample_mpd_multiperiod.xml'), 'utf8'));
    const { breaks } = findDashBreaks(scan, 'MULTI_PERIOD');
    const r = stitchMpd(scan, plan([availPlan(60000, [10, 10, 10])], { originUrl: 'http://origin.example/m.mpd' }), breaks);
    expect(r.periods.map((x) => [x.id, x.kind, x.start])).toEqual([
      ['content-1', 'content', 0],
      ['60000_1', 'ad', 60],
      ['60000_2', 'ad', 70],
      ['60000_3', 'ad', 80],
      ['content-2', 'content', 90],
    ]);
    expect(r.text).not.toContain('ad-server.com');
    const content2 = readMpd(r.text).periods[4]!;
    expect(presentation(content2)).toEqual([]); // number-based, untouched Period: no explicit timeline
    expect(content2.sets[0]!.startNumber).toBe(1);
  });

  it('sample_mpd_segmenttemplate: a VMAP mid-roll at 30 s splits at a segment boundary with $Number%05d$ templates', () => {
    const scan = scanMpd(readFileSync(join(root, 'ritcher/sample_mpd_segmenttemplate.xml'), 'utf8'));
    const r = stitchMpd(scan, plan([availPlan(-1, [15])], { originUrl: 'http://origin.example/m.mpd' }), [{ key: -1, periodIndex: 0, offset: 30, durationSeconds: 0 }]);
    expect(r.periods.map((x) => [x.id, x.start, x.duration])).toEqual([['1', 0, 30], ['-1_1', 30, 15], ['1_30000', 45, 30]]);
    expect(r.text).toContain('<BaseURL>1080p/</BaseURL>');
    const after = readMpd(r.text).periods[2]!;
    expect([after.sets[0]!.startNumber, after.sets[0]!.pto, after.sets[0]!.segments]).toEqual([4, 2700000, [[2700000, 900000], [3600000, 900000], [4500000, 900000]]]);
  });
});
