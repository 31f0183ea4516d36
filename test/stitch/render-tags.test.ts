// AvailSegment.tags: extra tag lines (e.g. Primetime's EXT-X-MARKER) written right before the ad segment's EXTINF,
// after the stitcher's own DISCONTINUITY / KEY / MAP / PROGRAM-DATE-TIME lines; without tags nothing changes.
import { describe, expect, it } from 'vitest';
import type { MediaStitchPlan, TrackAvail } from '../../src/main/stitch/hls/plan.js';
import { stitchMediaPlaylist } from '../../src/main/stitch/hls/render-media.js';
import { scanMediaPlaylist } from '../../src/main/stitch/hls/scan-media.js';
import { fixtureAvail, fixtureBreak, vodFixture } from '../../bench/lib/hls-fixture.js';
import { makeAvail } from './helpers.js';

const ORIGIN = 'https://origin.example/path/index.m3u8';
const plan = (key: number, avail: TrackAvail): MediaStitchPlan => ({ live: false, originUrl: ORIGIN, avails: new Map([[key, avail]]), passthroughMarkers: false });
const tagged = (avail: TrackAvail, tags: Record<number, string[]>): TrackAvail => ({ ...avail, segments: avail.segments.map((s, k) => (tags[k] ? { ...s, tags: tags[k] } : s)) });

describe('ad segment tags', () => {
  it('the DESIGN.md fixture: tags right before their segment’s EXTINF; removing them gives the untagged output byte for byte', () => {
    const scan = scanMediaPlaylist(vodFixture());
    const plain = stitchMediaPlaylist(scan, plan(50, fixtureAvail()), [fixtureBreak()]).text;
    const tags = { 0: ['#EXT-X-MARKER:ID="a",TYPE="PodBegin"', '#EXT-X-MARKER:ID="b",TYPE="AdBegin"'], 5: ['#EXT-X-MARKER:ID="c",TYPE="AdBegin"'], 9: ['#X-OTHER'] };
    const withTags = stitchMediaPlaylist(scan, plan(50, tagged(fixtureAvail(), tags)), [fixtureBreak()]).text;
    expect(withTags).toContain('#EXT-X-DISCONTINUITY\n#EXT-X-MARKER:ID="a",TYPE="PodBegin"\n#EXT-X-MARKER:ID="b",TYPE="AdBegin"\n#EXTINF:2.000,\nhttp://127.0.0.1:1/v1/segment/acct/session/0/0/ad1/0.ts\n');
    expect(withTags).toContain('#EXT-X-DISCONTINUITY\n#EXT-X-MARKER:ID="c",TYPE="AdBegin"\n#EXTINF:2.000,\nhttp://127.0.0.1:1/v1/segment/acct/session/0/0/ad2/0.ts\n');
    expect(withTags).toContain('#X-OTHER\n#EXTINF:2.000,\nhttp://127.0.0.1:1/v1/segment/acct/session/0/0/ad2/4.ts\n#EXT-X-DISCONTINUITY\n');
    expect(withTags.split('\n').filter((l) => !l.startsWith('#EXT-X-MARKER') && l !== '#X-OTHER').join('\n')).toBe(plain);
    // Empty tag lists are no tags.
    const empty = { ...fixtureAvail(), segments: fixtureAvail().segments.map((s) => ({ ...s, tags: [] })) };
    expect(stitchMediaPlaylist(scan, plan(50, empty), [fixtureBreak()]).text).toBe(plain);
  });

  it('after the stitcher’s KEY, MAP and PROGRAM-DATE-TIME lines', () => {
    const text =
      '#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-KEY:METHOD=AES-128,URI="key.bin"\n#EXT-X-PROGRAM-DATE-TIME:2024-01-01T00:00:00.000Z\n' +
      '#EXTINF:4.000,\nA.ts\n#EXT-X-CUE-OUT:4\n#EXTINF:4.000,\nB.ts\n#EXT-X-CUE-IN\n#EXTINF:4.000,\nC.ts\n#EXT-X-ENDLIST\n';
    const scan = scanMediaPlaylist(text);
    const avail = tagged(makeAvail('x', 1, 1, 4, { map: true }), { 0: ['#EXT-X-MARKER:ID="m"'] });
    const out = stitchMediaPlaylist(scan, plan(1, avail)).text;
    expect(out).toContain(
      '#EXT-X-DISCONTINUITY\n#EXT-X-KEY:METHOD=NONE\n#EXT-X-MAP:URI="https://ads.example/x/ad0/init.mp4"\n#EXT-X-PROGRAM-DATE-TIME:2024-01-01T00:00:04.000Z\n#EXT-X-MARKER:ID="m"\n#EXTINF:4.000,\n',
    );
    // Content segments never carry them.
    expect(out.match(/#EXT-X-MARKER/g)).toHaveLength(1);
  });
});
