// Primetime's EXT-X-MARKER tags (primetime/ext-x-marker.ts): which ad segments carry which callback, the
// attribute values, and DATA documents that decode to XML carrying the ad's and the break's tracking.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { VastLinearAd } from '../../src/main/ads/types.js';
import { parseVast } from '../../src/main/ads/vast-parse.js';
import { parseVmap } from '../../src/main/ads/vmap-parse.js';
import type { AvailDecision, PlacedItem } from '../../src/main/avails/types.js';
import { markerBreak } from '../../src/main/primetime/ext-x-marker-avail.js';
import { extXMarkerSegments } from '../../src/main/primetime/ext-x-marker.js';
import type { AvailSegment } from '../../src/main/stitch/hls/plan.js';
import { scanMediaPlaylist } from '../../src/main/stitch/hls/scan-media.js';
import { fixtureDir } from '../helpers/fixtures.js';

const vastFixture = (rel: string) => readFileSync(join(fixtureDir('vast'), rel), 'utf8');

/** The IAB sample InLine ad (vast-client-js fixture), as the engine parses it. */
function fixtureAd(): VastLinearAd {
  const r = parseVast(vastFixture('vast-client-js/inline-linear.xml'));
  if (!r.ok || r.doc.ads[0]?.kind !== 'inline') throw new Error('fixture did not parse');
  return r.doc.ads[0].ad;
}

/** Breaks' tracking from the vmap-js fixture (breakStart, two breakEnd, error with [ERRORCODE]). */
function fixtureBreakTracking(): AvailDecision['breakTracking'] {
  const r = parseVmap(vastFixture('vmap-js/correct-vmap.xml'));
  if (!r.ok) throw new Error('fixture did not parse');
  return r.doc.breaks[0]!.trackingEvents;
}

const SPECIAL = 'https://t.example/imp?a=1&b=<2>&c="q"';
const specialAd: VastLinearAd = {
  adId: 'ad&2',
  sequence: 2,
  adSystem: 'Sys<tem>',
  adTitle: 'A & B',
  durationSeconds: 6,
  mediaFiles: [{ url: 'https://cdn.example/ad2.m3u8?x=1&y=2', delivery: 'streaming', type: 'application/x-mpegURL', width: 1280, height: 720 }],
  mezzanines: [],
  impressions: [SPECIAL],
  errorUrls: ['https://t.example/err?code=[ERRORCODE]&x=1'],
  tracking: [
    { event: 'firstQuartile', url: 'https://t.example/q1?a=1&b=2' },
    { event: 'progress', url: 'https://t.example/p?at=3s', offsetSeconds: 3 },
    { event: 'complete', url: 'https://t.example/c' },
  ],
  clickThrough: 'https://click.example/?a=1&b=2',
  clickTracking: [],
  wrapperUrls: [],
};

const item = (kind: PlacedItem['kind'], adId: string, offset: number, duration: number, ad?: VastLinearAd) => ({ kind, adId, offset, duration, ...(ad ? { ad } : {}) }) as unknown as PlacedItem;

/** Ad 1 (10 s, 5 × 2 s), ad 2 (6 s, 3 × 2 s), slate (4 s, 2 × 2 s): 10 segments, 20 s. */
function pod(overrides: Partial<AvailDecision> = {}): { d: AvailDecision; segments: AvailSegment[] } {
  const items = [item('ad', '20001', 0, 10, fixtureAd()), item('ad', 'ad&2', 10, 6, specialAd), item('slate', 'slate', 16, 4)];
  const d = { key: 50, availId: '50', index: 0, startOffset: 0, items, filledSeconds: 16, slateSeconds: 4, skipped: [], decidedAt: 0, breakTracking: fixtureBreakTracking(), ...overrides } as AvailDecision;
  const segments: AvailSegment[] = [];
  let offset = 0;
  items.forEach((it, idx) => {
    for (let k = 0; k < it.duration / 2; k++) {
      segments.push({ uri: `https://engine/v1/segment/a/s/0/50/${idx}/${k}.ts`, duration: 2, offset, discontinuity: k === 0, adId: it.adId });
      offset += 2;
    }
  });
  return { d, segments };
}

interface Marker {
  ID: string;
  TYPE: string;
  DURATION: string;
  OFFSET?: string;
  COUNT?: string;
  BREAKDUR?: string;
  DATA: string;
}

/** The attribute list of an #EXT-X-MARKER line, quoted values unquoted (and each checked to be HLS-legal). */
function readMarker(line: string): Marker {
  expect(line.startsWith('#EXT-X-MARKER:')).toBe(true);
  const out: Record<string, string> = {};
  const rest = line.slice('#EXT-X-MARKER:'.length);
  const re = /([A-Z][A-Z0-9-]*)=("[^"\r\n]*"|[^",]*)(,|$)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(rest))) {
    out[m[1]!] = m[2]!.startsWith('"') ? m[2]!.slice(1, -1) : m[2]!;
    consumed = re.lastIndex;
    if (m[3] === '') break;
  }
  expect(consumed).toBe(rest.length);
  return out as unknown as Marker;
}

const xmlOf = (m: Marker) => Buffer.from(m.DATA, 'base64').toString('utf8');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['Tracking', 'vmap:Tracking', 'Impression', 'Error'].includes(name) });
const textOf = (n: unknown) => (typeof n === 'object' && n !== null ? String((n as Record<string, unknown>)['#text']) : String(n));

describe('EXT-X-MARKER placement', () => {
  it('PodBegin then AdBegin on the first segment, AdBegin on the next ad’s first, PodEnd on the last; nothing else', () => {
    const { d, segments } = pod();
    const out = extXMarkerSegments(d, segments, { preroll: false, contentSeconds: 20 });
    const types = out.map((s) => (s.tags ?? []).map((t) => readMarker(t).TYPE));
    expect(types).toEqual([['PodBegin', 'AdBegin'], [], [], [], [], ['AdBegin'], [], [], [], ['PodEnd']]);
    // Everything but the tags is the planned segment, and the input is left alone.
    out.forEach((s, k) => expect({ ...s, tags: undefined }).toEqual({ ...segments[k], tags: undefined }));
    expect(segments.every((s) => s.tags === undefined)).toBe(true);
  });

  it('attribute values: unique IDs, DURATION from the tagged segment, COUNT/BREAKDUR on PodBegin only, OFFSET on PodEnd only', () => {
    const { d, segments } = pod();
    const out = extXMarkerSegments(d, segments, { preroll: false, contentSeconds: 20 });
    const all = out.flatMap((s) => s.tags ?? []);
    const [begin, ad1, ad2, end] = all.map(readMarker);
    expect(begin).toMatchObject({ ID: '50:PodBegin', TYPE: 'PodBegin', DURATION: '20', COUNT: '2', BREAKDUR: '16' });
    expect(begin!.OFFSET).toBeUndefined();
    expect(ad1).toMatchObject({ ID: '50:AdBegin:0', TYPE: 'AdBegin', DURATION: '10' });
    expect(ad2).toMatchObject({ ID: '50:AdBegin:1', TYPE: 'AdBegin', DURATION: '6' });
    for (const a of [ad1!, ad2!]) expect([a.OFFSET, a.COUNT, a.BREAKDUR]).toEqual([undefined, undefined, undefined]);
    expect(end).toMatchObject({ ID: '50:PodEnd', TYPE: 'PodEnd', DURATION: '2', OFFSET: '2' });
    expect(end!.COUNT).toBeUndefined();
    expect(new Set(all.map((t) => readMarker(t).ID)).size).toBe(4);
    // Numbers unquoted, strings quoted (RFC 8216 attribute lists).
    expect(all[0]).toMatch(/^#EXT-X-MARKER:ID="50:PodBegin",TYPE="PodBegin",DURATION=20,COUNT=2,BREAKDUR=16,DATA="[A-Za-z0-9+/=]+"$/);
    expect(all[3]).toMatch(/^#EXT-X-MARKER:ID="50:PodEnd",TYPE="PodEnd",DURATION=2,OFFSET=2,DATA="[A-Za-z0-9+/=]+"$/);
  });

  it('pre-roll breaks use PrerollPodBegin / PrerollPodEnd and VMAP timeOffset "start"', () => {
    const { d, segments } = pod();
    const out = extXMarkerSegments(d, segments, { preroll: true });
    const markers = out.flatMap((s) => s.tags ?? []).map(readMarker);
    expect(markers.map((m) => m.TYPE)).toEqual(['PrerollPodBegin', 'AdBegin', 'AdBegin', 'PrerollPodEnd']);
    expect(markers[0]).toMatchObject({ COUNT: '2', BREAKDUR: '16' });
    expect(markers[3]).toMatchObject({ OFFSET: '2' });
    expect(parser.parse(xmlOf(markers[0]!)).AdTrackingFragments.AdTrackingFragment['vmap:VMAP']['vmap:AdBreak']['@timeOffset']).toBe('start');
  });

  it('a break of one segment carries all three, PodBegin first and PodEnd last', () => {
    const d = { ...pod().d, items: [item('ad', 'x', 0, 4, specialAd)], filledSeconds: 4 } as AvailDecision;
    const out = extXMarkerSegments(d, [{ uri: 'u', duration: 4, offset: 0, discontinuity: true, adId: 'x' }], { preroll: false });
    expect((out[0]!.tags ?? []).map((t) => readMarker(t).TYPE)).toEqual(['PodBegin', 'AdBegin', 'PodEnd']);
  });

  it('an avail with no ad (slate only) gets no tags; a live join mid-break tags from the first segment it plays', () => {
    const slateOnly = { ...pod().d, items: [item('slate', 'slate', 0, 4)], filledSeconds: 0 } as AvailDecision;
    const seg: AvailSegment = { uri: 'u', duration: 4, offset: 0, discontinuity: true, adId: 'slate' };
    expect(extXMarkerSegments(slateOnly, [seg], { preroll: false })[0]!.tags).toBeUndefined();
    // Joined 10 s into the break: the second ad and the slate are what this session plays.
    const { d, segments } = pod();
    const joined = { ...d, startOffset: 10, items: d.items.slice(1) } as AvailDecision;
    const out = extXMarkerSegments(joined, segments.slice(5), { preroll: false });
    expect(out.map((s) => (s.tags ?? []).map((t) => readMarker(t).TYPE))).toEqual([['PodBegin', 'AdBegin'], [], [], [], ['PodEnd']]);
    expect(readMarker(out[0]!.tags![0]!)).toMatchObject({ DURATION: '10', COUNT: '1' });
  });
});

describe('EXT-X-MARKER DATA', () => {
  const { d, segments } = pod();
  const markers = extXMarkerSegments(d, segments, { preroll: false, contentSeconds: 300 }).flatMap((s) => s.tags ?? []).map(readMarker);

  it('every DATA is well-formed XML wrapped in AdTrackingFragments', () => {
    for (const m of markers) {
      const xml = xmlOf(m);
      expect(XMLValidator.validate(xml), m.ID).toBe(true);
      expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><AdTrackingFragments><AdTrackingFragment>.*<\/AdTrackingFragment><\/AdTrackingFragments>$/s);
    }
  });

  it('PodBegin and PodEnd carry the break as a VMAP 1.0 AdBreak with its breakStart/breakEnd/error tracking', () => {
    for (const m of [markers[0]!, markers[3]!]) {
      const vmap = parser.parse(xmlOf(m)).AdTrackingFragments.AdTrackingFragment['vmap:VMAP'];
      expect(vmap['@version']).toBe('1.0');
      const brk = vmap['vmap:AdBreak'];
      expect(brk).toMatchObject({ '@breakType': 'linear', '@breakId': '50', '@timeOffset': '00:05:00.000' });
      const tracking = brk['vmap:TrackingEvents']['vmap:Tracking'].map((t: unknown) => [(t as Record<string, string>)['@event'], textOf(t)]);
      expect(tracking).toEqual([
        ['breakStart', 'http://server.com/breakstart'],
        ['breakEnd', 'http://server.com/breakend'],
        ['breakEnd', 'http://server.com/breakend2'],
        ['error', 'http://server.com/error?[ERRORCODE]'],
      ]);
    }
  });

  it('AdBegin carries that one ad as VAST 3.0 InLine: impression, error, duration, quartiles', () => {
    const vast = parser.parse(xmlOf(markers[1]!)).AdTrackingFragments.AdTrackingFragment.VAST;
    expect(vast['@version']).toBe('3.0');
    const inline = vast.Ad.InLine;
    expect(vast.Ad['@id']).toBe('20001');
    expect(inline.Impression.map(textOf)).toEqual(['http://example.com/track/impression']);
    expect(inline.Error.map(textOf)).toEqual(['http://example.com/error']);
    const linear = inline.Creatives.Creative.Linear;
    expect(linear.Duration).toBe('00:00:10.000');
    const events = Object.fromEntries(linear.TrackingEvents.Tracking.map((t: unknown) => [(t as Record<string, string>)['@event'], textOf(t)]));
    expect(events).toMatchObject({
      firstQuartile: 'http://example.com/tracking/firstQuartile',
      midpoint: 'http://example.com/tracking/midpoint',
      thirdQuartile: 'http://example.com/tracking/thirdQuartile',
      complete: 'http://example.com/tracking/complete',
    });
    // The other ad is not in this document.
    expect(xmlOf(markers[1]!)).not.toContain('t.example');
  });

  it('special characters in URLs and names are escaped, and read back exactly', () => {
    const xml = xmlOf(markers[2]!);
    expect(xml).toContain('https://t.example/imp?a=1&amp;b=&lt;2&gt;&amp;c=&quot;q&quot;');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    const ad = parser.parse(xml, true).AdTrackingFragments.AdTrackingFragment.VAST.Ad;
    expect(ad['@id']).toBe('ad&2');
    expect(ad['@sequence']).toBe('2');
    expect(ad.InLine.AdSystem).toBe('Sys<tem>');
    expect(ad.InLine.AdTitle).toBe('A & B');
    expect(ad.InLine.Impression.map(textOf)).toEqual([SPECIAL]);
    expect(ad.InLine.Error.map(textOf)).toEqual(['https://t.example/err?code=[ERRORCODE]&x=1']);
    const linear = ad.InLine.Creatives.Creative.Linear;
    expect(linear.Duration).toBe('00:00:06.000');
    expect(linear.TrackingEvents.Tracking.map((t: Record<string, string>) => [t['@event'], t['@offset'], textOf(t)])).toEqual([
      ['firstQuartile', undefined, 'https://t.example/q1?a=1&b=2'],
      ['progress', '00:00:03.000', 'https://t.example/p?at=3s'],
      ['complete', undefined, 'https://t.example/c'],
    ]);
    expect(linear.VideoClicks.ClickThrough).toBe('https://click.example/?a=1&b=2');
    expect(textOf(linear.MediaFiles.MediaFile)).toBe('https://cdn.example/ad2.m3u8?x=1&y=2');
  });
});

describe('markerBreak (where a break sits)', () => {
  const scan = scanMediaPlaylist(`#EXTM3U\n#EXT-X-TARGETDURATION:6\n${Array.from({ length: 10 }, (_, i) => `#EXTINF:6.000,\ns${i}.ts\n`).join('')}#EXT-X-ENDLIST\n`);
  const brk = (startIndex: number, mode: 'replace' | 'insert' = 'replace') => ({ startIndex, endIndex: startIndex + (mode === 'insert' ? 0 : 2), closed: true, startSeq: startIndex, elapsedAtStart: 0, mode, source: 'cue-out' as const });

  it('VOD: a break at 0 s is a pre-roll; later ones carry their content time; a cue before the last segment is a post-roll', () => {
    expect(markerBreak(scan, brk(0), false, false)).toEqual({ preroll: true });
    expect(markerBreak(scan, brk(0, 'insert'), false, false)).toEqual({ preroll: true });
    expect(markerBreak(scan, brk(5), false, false)).toEqual({ preroll: false, contentSeconds: 30 });
    expect(markerBreak(scan, brk(9, 'insert'), false, false)).toEqual({ preroll: false, contentSeconds: 60 });
  });

  it('live: only the session’s live pre-roll is a pre-roll, wherever the window starts', () => {
    expect(markerBreak(scan, brk(0), true, false)).toEqual({ preroll: false });
    expect(markerBreak(scan, brk(9, 'insert'), true, true)).toEqual({ preroll: true });
  });
});
