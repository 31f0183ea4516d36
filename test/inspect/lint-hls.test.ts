// HLS lint against real playlists (clean, and the RFC's own DATERANGE example that splices without a
// discontinuity) and synthetic live windows broken one rule at a time. Each broken case sits beside the clean
// case it was made from, so a rule that fires too eagerly fails as surely as one that never fires.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintHlsRefreshes, type LintRefresh } from '../../src/main/inspect/lint-hls.js';
import { fixtureDir } from '../helpers/fixtures.js';

const HLS = fixtureDir('hls');
const fixture = (p: string) => readFileSync(join(HLS, p), 'utf8');
const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);

interface Seg {
  uri: string;
  dur?: number;
  disc?: boolean;
  tags?: string[];
}

/** A media playlist: segments numbered from `ms`, discontinuity numbers from `ds`. */
function playlist(o: { ms: number; ds?: number; td?: number; segs: Seg[]; end?: boolean; type?: string }): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${o.td ?? 2}`, `#EXT-X-MEDIA-SEQUENCE:${o.ms}`];
  if (o.ds !== undefined) lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${o.ds}`);
  if (o.type) lines.push(`#EXT-X-PLAYLIST-TYPE:${o.type}`);
  for (const s of o.segs) {
    if (s.disc) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(...(s.tags ?? []), `#EXTINF:${(s.dur ?? 2).toFixed(3)},`, s.uri);
  }
  if (o.end) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

/** A live channel of content segments c<n>.ts with an ad (two segments from another host) after c4. */
function channel(n: number): Seg {
  return { uri: `https://origin.example/live/c${n}.ts` };
}
const AD = [
  { uri: 'https://ads.example/ad/a0.ts', disc: true },
  { uri: 'https://ads.example/ad/a1.ts' },
];
/** The stitched window starting `slide` items into [c0..c4, a0, a1, c5 (disc), c6..c9], four items long. */
function window(slide: number, opts: { ms?: (slide: number) => number; ds?: (slide: number) => number } = {}): string {
  const all: Seg[] = [channel(0), channel(1), channel(2), channel(3), channel(4), ...AD, { ...channel(5), disc: true }, channel(6), channel(7), channel(8), channel(9)];
  const segs = all.slice(slide, slide + 4);
  const discsGone = all.slice(0, slide + 1).filter((s) => s.disc).length - (segs[0]!.disc ? 1 : 0);
  return playlist({ ms: opts.ms ? opts.ms(slide) : 100 + slide, ds: opts.ds ? opts.ds(slide) : 7 + discsGone, segs });
}
const every2s = (texts: string[], from = 0): LintRefresh[] => texts.map((text, i) => ({ at: from + i * 2000, text }));
const slides = (n: number, opts?: Parameters<typeof window>[1]) => every2s(Array.from({ length: n }, (_, i) => window(i, opts)));

describe('real-world playlists', () => {
  const clean = [
    'threefive/scte35.m3u8',
    'threefive/simple-scte35.m3u8',
    'ritcher/sample_playlist.m3u8',
    'kuu-hls-parser/SCTE-35_01.m3u8',
    'kuu-hls-parser/SCTE-35_02.m3u8',
    'kuu-hls-parser/SCTE-35_06.m3u8',
    ...readdirSync(join(HLS, 'eyevinn-hls-splice/hls1')).filter((f) => f.startsWith('index')).map((f) => `eyevinn-hls-splice/hls1/${f}`),
  ];
  it.each(clean)('%s lints clean', (p) => {
    expect(lintHlsRefreshes([{ at: 0, text: fixture(p) }])).toEqual([]);
  });

  it("RFC 8216 §8.10's example: ads from another host spliced at DATERANGE edges without a discontinuity", () => {
    const found = lintHlsRefreshes([{ at: 0, text: fixture('kuu-hls-parser/8.10-EXT-X-DATERANGE-carrying-SCTE-35-tags.m3u8') }], { track: '0', source: 'origin' });
    expect(found.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['discontinuity-around-ads', 'warn', 14],
      ['discontinuity-around-ads', 'warn', 19],
    ]);
    expect(found[0]).toMatchObject({ track: '0', source: 'origin', refreshAt: 0 });
    expect(found[0]!.message).toContain('ads.example.com');
  });

  it('the same splice with EXT-X-DISCONTINUITY at both edges is clean', () => {
    const text = fixture('kuu-hls-parser/8.10-EXT-X-DATERANGE-carrying-SCTE-35-tags.m3u8').replace(/(#EXT-X-DATERANGE:[^\n]*\n)/g, '$1#EXT-X-DISCONTINUITY\n');
    expect(lintHlsRefreshes([{ at: 0, text }])).toEqual([]);
  });
});

describe('media-sequence', () => {
  it('a window sliding one segment per refresh, across an ad with discontinuities, is clean', () => {
    expect(lintHlsRefreshes(slides(9))).toEqual([]);
  });

  it('a segment renumbered between refreshes (MS jump) is an error at that segment', () => {
    const found = lintHlsRefreshes(slides(6, { ms: (i) => 100 + i + (i >= 4 ? 1 : 0) }));
    expect(rules(found)).toEqual(['media-sequence']);
    expect(found[0]!.refreshAt).toBe(8000);
    expect(found[0]!.message).toMatch(/was 104, now 105 \(\+1\)/);
    expect(found[0]!.line).toBe(window(4).split('\n').indexOf('https://origin.example/live/c4.ts') + 1);
  });

  it('a media sequence that did not advance when a segment left is an error too (−1)', () => {
    const found = lintHlsRefreshes(slides(3, { ms: (i) => (i === 2 ? 101 : 100 + i) }));
    expect(rules(found)).toEqual(['media-sequence']);
    expect(found[0]!.message).toContain('(-1)');
  });

  it('going backwards is an error', () => {
    const found = lintHlsRefreshes(every2s([window(3), window(2)]));
    expect(rules(found)).toContain('media-sequence');
    expect(found.find((f) => f.message.includes('backwards'))).toBeDefined();
  });

  it('with no segment in common, numbering must continue after the last one seen', () => {
    const a = playlist({ ms: 10, segs: [channel(0), channel(1)] });
    expect(lintHlsRefreshes(every2s([a, playlist({ ms: 12, segs: [channel(2), channel(3)] })]))).toEqual([]);
    expect(rules(lintHlsRefreshes(every2s([a, playlist({ ms: 11, segs: [channel(2), channel(3)] })])))).toEqual(['media-sequence']);
  });

  it('one refresh alone has nothing to compare', () => {
    expect(lintHlsRefreshes([{ at: 0, text: window(0, { ms: () => 999 }) }])).toEqual([]);
  });
});

describe('discontinuity-sequence', () => {
  it('not incremented when a DISCONTINUITY tag slid out of the window: error', () => {
    // Slides 5 and 6 drop a0 (disc) and then a1: DS must go 7 → 8 once a0's tag has left.
    const found = lintHlsRefreshes(slides(8, { ds: () => 7 }));
    expect(rules(found)).toEqual(['discontinuity-sequence']);
    expect(found[0]!.message).toMatch(/was 8, now 7 \(-1\)/);
    expect(found[0]!.refreshAt).toBe(12_000);
  });

  it('incremented twice: error', () => {
    const found = lintHlsRefreshes(slides(8, { ds: (i) => (i >= 6 ? 9 : 7) }));
    expect(rules(found)).toEqual(['discontinuity-sequence']);
    expect(found[0]!.message).toContain('(+1)');
  });
});

describe('target-duration', () => {
  it('an EXTINF that rounds above the target duration is an error; one that rounds to it is not', () => {
    const over = lintHlsRefreshes([{ at: 0, text: playlist({ ms: 0, td: 6, segs: [{ uri: 'a.ts', dur: 6 }, { uri: 'b.ts', dur: 6.5 }], end: true }) }]);
    expect(over.map((f) => [f.rule, f.line])).toEqual([['target-duration', 7]]);
    expect(over[0]!.message).toContain('rounds to 7');
    expect(lintHlsRefreshes([{ at: 0, text: playlist({ ms: 0, td: 6, segs: [{ uri: 'a.ts', dur: 6.499 }], end: true }) }])).toEqual([]);
  });

  it('the same long segment seen on several refreshes is reported once', () => {
    const a = playlist({ ms: 10, td: 2, segs: [{ uri: 'long.ts', dur: 3 }, channel(1)] });
    const b = playlist({ ms: 10, td: 2, segs: [{ uri: 'long.ts', dur: 3 }, channel(1), channel(2)] });
    const found = lintHlsRefreshes(every2s([a, b]));
    expect(found.map((f) => [f.rule, f.refreshAt])).toEqual([['target-duration', 0]]);
  });

  it('a target duration that changes between refreshes is an error', () => {
    const a = playlist({ ms: 0, td: 2, segs: [channel(0), channel(1)] });
    const b = playlist({ ms: 1, td: 4, segs: [channel(1), channel(2)] });
    expect(rules(lintHlsRefreshes(every2s([a, b])))).toEqual(['target-duration']);
  });

  it('a playlist without EXT-X-TARGETDURATION is an error', () => {
    expect(rules(lintHlsRefreshes([{ at: 0, text: '#EXTM3U\n#EXTINF:2,\na.ts\n#EXT-X-ENDLIST\n' }]))).toEqual(['target-duration']);
  });
});

describe('stale-playlist', () => {
  const same = window(2);
  it('a live playlist unchanged for more than 1.5 × target duration is an error, reported once', () => {
    const found = lintHlsRefreshes([
      { at: 0, text: same },
      { at: 2000, text: same },
      { at: 3100, text: same },
      { at: 5000, text: same },
    ]);
    expect(rules(found)).toEqual(['stale-playlist']);
    expect(found[0]!.refreshAt).toBe(3100);
    expect(found[0]!.message).toContain('3.1 s');
  });

  it('unchanged for exactly 1.5 × target duration is still fresh', () => {
    expect(lintHlsRefreshes([{ at: 0, text: same }, { at: 3000, text: same }])).toEqual([]);
  });

  it('a refreshed window with a new segment resets the clock', () => {
    expect(lintHlsRefreshes([{ at: 0, text: window(2) }, { at: 2500, text: window(2) }, { at: 3000, text: window(3) }, { at: 5500, text: window(3) }])).toEqual([]);
  });

  it('VOD never goes stale', () => {
    const vod = playlist({ ms: 0, segs: [channel(0)], end: true, type: 'VOD' });
    expect(lintHlsRefreshes([{ at: 0, text: vod }, { at: 60_000, text: vod }])).toEqual([]);
  });
});

describe('endlist', () => {
  it('PLAYLIST-TYPE:VOD without EXT-X-ENDLIST is an error', () => {
    expect(rules(lintHlsRefreshes([{ at: 0, text: playlist({ ms: 0, segs: [channel(0)], type: 'VOD' }) }]))).toEqual(['endlist']);
    expect(lintHlsRefreshes([{ at: 0, text: playlist({ ms: 0, segs: [channel(0)], type: 'VOD', end: true }) }])).toEqual([]);
  });

  it('a playlist of a VOD origin (vod option) must end', () => {
    const live = playlist({ ms: 0, segs: [channel(0)] });
    expect(rules(lintHlsRefreshes([{ at: 0, text: live }], { vod: true }))).toEqual(['endlist']);
    expect(lintHlsRefreshes([{ at: 0, text: live }])).toEqual([]);
  });
});

describe('discontinuity-around-ads', () => {
  const content = [0, 1, 2, 3, 4, 5].map(channel);
  it('an unmarked splice of ads from another folder without DISCONTINUITY: warn at the first ad segment', () => {
    const text = playlist({ ms: 0, segs: [...content.slice(0, 3), { uri: 'https://ads.example/ad/a0.ts' }, { uri: 'https://ads.example/ad/a1.ts' }, { ...content[3]!, disc: true }, ...content.slice(4)], end: true });
    const found = lintHlsRefreshes([{ at: 0, text }]);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([['discontinuity-around-ads', 'warn']]);
    expect(found[0]!.line).toBe(text.split('\n').indexOf('https://ads.example/ad/a0.ts') + 1);
  });

  it('CUE-OUT / CUE-IN around ads of the same origin need no discontinuity', () => {
    const segs = content.map((s, i) => (i === 2 ? { ...s, tags: ['#EXT-X-CUE-OUT:4'] } : i === 4 ? { ...s, tags: ['#EXT-X-CUE-IN'] } : s));
    expect(lintHlsRefreshes([{ at: 0, text: playlist({ ms: 0, segs, end: true }) }])).toEqual([]);
  });

  it('a CUE-OUT where segments switch source without a discontinuity is flagged at the marker line', () => {
    const segs = [...content.slice(0, 2), { uri: 'https://ads.example/ad/a0.ts', tags: ['#EXT-X-CUE-OUT:2'] }, { ...content[2]!, tags: ['#EXT-X-CUE-IN'], disc: true }];
    const text = playlist({ ms: 0, segs, end: true });
    const found = lintHlsRefreshes([{ at: 0, text }]);
    expect(found.map((f) => [f.rule, f.line])).toEqual([['discontinuity-around-ads', text.split('\n').indexOf('#EXT-X-CUE-OUT:2') + 1]]);
    expect(found[0]!.message).toContain('EXT-X-CUE-OUT');
  });

  it('tokenised per-segment folders are not taken for splices', () => {
    const segs = [0, 1, 2, 3].map((n) => ({ uri: `https://cdn.example/t${n}x/seg${n}.ts` }));
    expect(lintHlsRefreshes([{ at: 0, text: playlist({ ms: 0, segs, end: true }) }])).toEqual([]);
  });
});

describe('general', () => {
  it('a text that is not HLS is one error', () => {
    expect(lintHlsRefreshes([{ at: 0, text: '<html>' }]).map((f) => f.rule)).toEqual(['playlist']);
  });

  it('findings are capped, with a last info saying how many more there were', () => {
    const segs = Array.from({ length: 20 }, (_, n) => ({ uri: `s${n}.ts`, dur: 9 }));
    const found = lintHlsRefreshes([{ at: 0, text: playlist({ ms: 0, td: 2, segs, end: true }) }], { maxFindings: 5 });
    expect(found).toHaveLength(6);
    expect(found.at(-1)).toMatchObject({ rule: 'lint-truncated', severity: 'info', message: '15 more findings not listed' });
  });
});
