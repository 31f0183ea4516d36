// Multivariant playlists: tracks read from real demuxed/subtitled fixtures, the session copy rewritten.
import { describe, expect, it } from 'vitest';
import { parseMultivariant } from '../../src/main/stitch/hls/multivariant.js';
import { fixture } from './helpers.js';

describe('parseMultivariant', () => {
  it('variants, audio and subtitle renditions become tracks with absolute origin URLs', () => {
    const base = 'https://origin.example/vod/hls3/master.m3u8';
    const mv = parseMultivariant(fixture('eyevinn-hls-splice/demux/hls3_v_a_s/master.m3u8'), base);
    const kinds = mv.tracks.map((t) => t.kind);
    expect(kinds).toContain('variant');
    expect(kinds).toContain('audio');
    expect(kinds).toContain('subtitles');
    for (const t of mv.tracks) expect(t.url.startsWith('https://origin.example/vod/hls3/')).toBe(true);
    const out = mv.render((n) => `/v1/manifest/a/s/${n}.m3u8`);
    // Every URI now points at the session; nothing still points at the origin.
    expect(out).not.toMatch(/^index_/m);
    expect(out.match(/\/v1\/manifest\/a\/s\/\d+\.m3u8/g)!.length).toBeGreaterThanOrEqual(mv.tracks.length);
    expect(out).toMatch(/#EXT-X-MEDIA:TYPE=SUBTITLES,.*URI="\/v1\/manifest\/a\/s\/\d+\.m3u8"/);
  });

  it('a media playlist referenced twice is one track', () => {
    const text = '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000\na.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=1000,CODECS="avc1.4d401f"\na.m3u8\n';
    const mv = parseMultivariant(text, 'https://o.example/x/master.m3u8');
    expect(mv.tracks).toHaveLength(1);
  });

  it('I-frame playlists are not offered (they would show content during ads)', () => {
    const text = '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000\na.m3u8\n#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=100,URI="iframe.m3u8"\n';
    expect(parseMultivariant(text, 'https://o.example/master.m3u8').render(() => 'X')).not.toContain('I-FRAME');
  });
});
