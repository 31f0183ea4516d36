// The inspector's pure renderer logic: side-by-side rows of a line diff, folding polled responses, and the
// display text lint line numbers point into (one-line MPDs split one element per line).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDashRefreshes } from '../../src/main/inspect/lint-dash.js';
import { mergeManifests, newestAt, sideBySide, diffStats } from '../../src/renderer/lib/manifest-diff.js';
import { displayLineAt, displayText, type SessionManifests } from '../../src/shared/inspect-manifests.js';
import { fixtureDir } from '../helpers/fixtures.js';

describe('sideBySide', () => {
  it('pairs unchanged lines, puts replaced lines side by side and added lines on the right only', () => {
    const origin = '#EXTM3U\n#EXT-X-CUE-OUT:20\n#EXTINF:2,\nc1.ts\n#EXTINF:2,\nc2.ts\n';
    const stitched = '#EXTM3U\n#EXT-X-DISCONTINUITY\n#EXTINF:2,\nad0.ts\n#EXTINF:2,\nc2.ts\n';
    const rows = sideBySide(origin, stitched);
    expect(rows.map((r) => [r.kind, r.left?.no ?? null, r.left?.text ?? null, r.right?.no ?? null, r.right?.text ?? null])).toEqual([
      ['same', 1, '#EXTM3U', 1, '#EXTM3U'],
      ['changed', 2, '#EXT-X-CUE-OUT:20', 2, '#EXT-X-DISCONTINUITY'],
      ['same', 3, '#EXTINF:2,', 3, '#EXTINF:2,'],
      ['changed', 4, 'c1.ts', 4, 'ad0.ts'],
      ['same', 5, '#EXTINF:2,', 5, '#EXTINF:2,'],
      ['same', 6, 'c2.ts', 6, 'c2.ts'],
    ]);
    const grown = sideBySide('a\nb\n', 'a\nx\ny\nb\n');
    expect(grown.map((r) => [r.kind, r.left?.no ?? null, r.right?.no ?? null])).toEqual([
      ['same', 1, 1],
      ['added', null, 2],
      ['added', null, 3],
      ['same', 2, 4],
    ]);
    expect(diffStats(grown)).toEqual({ added: 2, removed: 0 });
  });
});

describe('mergeManifests', () => {
  const base = (tracks: SessionManifests['tracks'], lint: SessionManifests['lint'] = []): SessionManifests => ({ sessionId: 's', format: 'hls', live: true, tracks, lint });
  const r = (at: number) => ({ at, origin: `o${at}`, stitched: `s${at}` });
  it('appends newer refreshes (deduping the overlap of since − 1), keeps the last N, replaces lint', () => {
    const held = base([{ track: '0', kind: 'media', label: 'v', refreshes: [r(1), r(2)] }]);
    const next = base(
      [
        { track: 'multivariant', kind: 'multivariant', label: 'multivariant', refreshes: [] },
        { track: '0', kind: 'media', label: 'v', refreshes: [r(2), r(3), r(4)] },
      ],
      [{ rule: 'x', severity: 'warn', message: 'm' }],
    );
    const merged = mergeManifests(held, next, 3);
    expect(merged.tracks.map((t) => [t.track, t.refreshes.map((x) => x.at)])).toEqual([
      ['multivariant', []],
      ['0', [2, 3, 4]],
    ]);
    expect(merged.lint).toEqual(next.lint);
    expect(newestAt(merged)).toBe(4);
    const other = { ...next, sessionId: 'other' };
    expect(mergeManifests(held, other)).toBe(other);
  });
});

describe('displayText', () => {
  it('splits a one-line MPD one element per line, indented, and lint lines point at the element', () => {
    const mpd = '<?xml version="1.0"?><MPD type="static" mediaPresentationDuration="PT4S"><Period id="a" duration="PT2S"><BaseURL>x/</BaseURL></Period><Period id="a" duration="PT2S"/></MPD>';
    const shown = displayText(mpd, 'dash').split('\n');
    expect(shown).toEqual(['<?xml version="1.0"?>', '<MPD type="static" mediaPresentationDuration="PT4S">', '  <Period id="a" duration="PT2S">', '    <BaseURL>x/</BaseURL>', '  </Period>', '  <Period id="a" duration="PT2S"/>', '</MPD>']);
    const [dup] = lintDashRefreshes([{ at: 0, text: mpd }]);
    expect(dup!.rule).toBe('period-ids');
    expect(shown[dup!.line! - 1]!.trim()).toBe('<Period id="a" duration="PT2S"/>');
  });

  it('keeps a pretty MPD as it is (CRLF read as LF), so its lines are the file lines', () => {
    const text = readFileSync(join(fixtureDir('dash'), 'ritcher/sample_mpd_multiperiod.xml'), 'utf8');
    expect(displayText(text, 'dash')).toBe(text.replace(/\r\n?/g, '\n'));
    expect(displayLineAt('a\r\nb\rc\nd', 8, 'hls')).toBe(4);
  });
});
