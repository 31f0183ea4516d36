// The pure HLS stitcher: output shape for VOD/live, numbering stable across live reloads, keys, maps,
// interstitials, passthrough, and the fixture from DESIGN.md.
import { describe, expect, it } from 'vitest';
import { findBreaks } from '../../src/main/stitch/hls/markers.js';
import type { MediaStitchPlan, SequenceAnchor, TrackAvail } from '../../src/main/stitch/hls/plan.js';
import { stitchMediaPlaylist } from '../../src/main/stitch/hls/render-media.js';
import { scanMediaPlaylist } from '../../src/main/stitch/hls/scan-media.js';
import { fixtureAvail, fixtureBreak, liveFixture, vodFixture } from '../../bench/lib/hls-fixture.js';
import { fixture, makeAvail, readPlaylist } from './helpers.js';

const ORIGIN = 'https://origin.example/path/index.m3u8';
const vodPlan = (avails: [number, TrackAvail][], extra: Partial<MediaStitchPlan> = {}): MediaStitchPlan => ({
  live: false,
  originUrl: ORIGIN,
  avails: new Map(avails),
  passthroughMarkers: false,
  ...extra,
});

describe('VOD', () => {
  it('the DESIGN.md fixture: two ads inserted at 300 s with discontinuities, URIs absolute', () => {
    const scan = scanMediaPlaylist(vodFixture());
    const out = stitchMediaPlaylist(scan, vodPlan([[50, fixtureAvail()]]), [fixtureBreak()]);
    const p = readPlaylist(out.text);
    expect(p.segments).toHaveLength(610);
    expect(p.segments.slice(49, 61).map((s) => s.uri.split('/').pop())).toEqual(['segment_49.ts', '0.ts', '1.ts', '2.ts', '3.ts', '4.ts', '0.ts', '1.ts', '2.ts', '3.ts', '4.ts', 'segment_50.ts']);
    expect(p.segments[0]!.uri).toBe('https://origin.example/path/segment_0.ts');
    // Discontinuity before each ad and before content resumes.
    expect(p.segments.map((s) => s.cc).filter((c, i, a) => i === 0 || c !== a[i - 1])).toEqual([0, 1, 2, 3]);
    expect(p.segments[50]!.cc).toBe(1);
    expect(p.segments[55]!.cc).toBe(2);
    expect(p.segments[60]!.cc).toBe(3);
    expect(p.header['EXT-X-TARGETDURATION']).toBe('6');
    expect(out.text.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    expect(out.placed).toEqual(['0']);
  });

  it('replaces the break content (CUE-OUT/CUE-IN) with the pod, strips the markers', () => {
    const text = fixture('kuu-hls-parser/SCTE-35_01.m3u8');
    const scan = scanMediaPlaylist(text);
    const [brk] = findBreaks(scan);
    const out = stitchMediaPlaylist(scan, vodPlan([[brk!.startSeq, makeAvail('a', 1, 3, 5)]]));
    const p = readPlaylist(out.text);
    expect(p.segments.map((s) => s.uri.split('/').pop())).toEqual(['1.ts', '0.ts', '1.ts', '2.ts', '4.ts', '5.ts']);
    expect(out.text).not.toMatch(/CUE-OUT|CUE-IN/);
    expect(p.segments[4]!.cc).toBe(p.segments[1]!.cc + 1);
  });

  it('AdMarkerPassthrough keeps the origin markers around stitched and unstitched breaks', () => {
    const text = fixture('kuu-hls-parser/SCTE-35_06.m3u8');
    const scan = scanMediaPlaylist(text);
    const [first] = findBreaks(scan);
    const out = stitchMediaPlaylist(scan, vodPlan([[first!.startSeq, makeAvail('a', 1, 2, 8)]], { passthroughMarkers: true }));
    // The second (unfilled) break plays its content with markers intact.
    expect(out.text).toContain('#EXT-X-CUE-OUT:DURATION=23\n#EXTINF:8,\nhttps://origin.example/path/6.ts');
    expect(out.text).toContain('#EXT-X-CUE-IN');
  });

  it('an unfilled break (ADS failure) plays content unchanged, markers stripped by default', () => {
    const text = fixture('kuu-hls-parser/SCTE-35_04.m3u8');
    const out = stitchMediaPlaylist(scanMediaPlaylist(text), vodPlan([]));
    const p = readPlaylist(out.text);
    expect(p.segments.map((s) => s.uri.split('/').pop())).toEqual(['1.ts', '2.ts', '3.ts', '4.ts', '5.ts']);
    expect(out.text).not.toMatch(/CUE|OATCLS|EXT-X-ASSET/);
    expect(out.placed).toEqual([]);
  });

  it("zero-duration cue before the last segment is a post-roll (MediaTailor's rule)", () => {
    const text = '#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.000,\nA.ts\n#EXT-X-CUE-OUT: 0\n#EXT-X-CUE-IN\n#EXTINF:4.000,\nB.ts\n#EXT-X-ENDLIST\n';
    const scan = scanMediaPlaylist(text);
    const [brk] = findBreaks(scan);
    const out = stitchMediaPlaylist(scan, vodPlan([[brk!.startSeq, makeAvail('p', 1, 2, 3)]]));
    expect(readPlaylist(out.text).segments.map((s) => s.uri.split('/').pop())).toEqual(['A.ts', 'B.ts', '0.ts', '1.ts']);
    expect(out.text.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
  });

  it('zero-duration cue elsewhere inserts before the segment (pre-roll at the first)', () => {
    const text = '#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-CUE-OUT: 0\n#EXT-X-CUE-IN\n#EXTINF:4.000,\nA.ts\n#EXTINF:4.000,\nB.ts\n#EXT-X-ENDLIST\n';
    const scan = scanMediaPlaylist(text);
    const [brk] = findBreaks(scan);
    const out = stitchMediaPlaylist(scan, vodPlan([[brk!.startSeq, makeAvail('p', 1, 2, 3)]]));
    const p = readPlaylist(out.text);
    expect(p.segments.map((s) => s.uri.split('/').pop())).toEqual(['0.ts', '1.ts', 'A.ts', 'B.ts']);
    // No discontinuity tag before the very first segment; one before content.
    expect(out.text.indexOf('#EXT-X-DISCONTINUITY')).toBeGreaterThan(out.text.indexOf('0.ts'));
    expect(p.segments[2]!.cc).toBe(p.segments[0]!.cc + 1);
  });

  it('encrypted content: METHOD=NONE for the ad, the content key restored after', () => {
    const text = '#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-KEY:METHOD=AES-128,URI="key.bin"\n#EXTINF:4.000,\nA.ts\n#EXT-X-CUE-OUT:4\n#EXTINF:4.000,\nB.ts\n#EXT-X-CUE-IN\n#EXTINF:4.000,\nC.ts\n#EXT-X-ENDLIST\n';
    const scan = scanMediaPlaylist(text);
    const [brk] = findBreaks(scan);
    const out = stitchMediaPlaylist(scan, vodPlan([[brk!.startSeq, makeAvail('k', 1, 2, 2)]]));
    const p = readPlaylist(out.text);
    expect(p.segments[0]!.tags).toContain('#EXT-X-KEY:METHOD=AES-128,URI="https://origin.example/path/key.bin"');
    expect(p.segments[1]!.tags).toContain('#EXT-X-KEY:METHOD=NONE');
    expect(p.segments[3]!.uri).toBe('https://origin.example/path/C.ts');
    expect(p.segments[3]!.tags).toContain('#EXT-X-KEY:METHOD=AES-128,URI="https://origin.example/path/key.bin"');
  });

  it('fMP4: the ad brings its EXT-X-MAP and the content map is restored', () => {
    const text = fixture('eyevinn-hls-splice/demux_n_cmaf/hls1/index_0_v.m3u8');
    const scan = scanMediaPlaylist(text);
    expect(scan.segments[0]!.map).toBeDefined();
    const brk = { ...fixtureBreak(), startIndex: 2, endIndex: 2, startSeq: scan.segments[2]!.seq };
    const out = stitchMediaPlaylist(scan, vodPlan([[brk.startSeq, makeAvail('m', 1, 2, 2, { map: true })]]), [brk]);
    const p = readPlaylist(out.text);
    const ad = p.segments[2]!;
    expect(ad.tags).toContain('#EXT-X-MAP:URI="https://ads.example/m/ad0/init.mp4"');
    const back = p.segments[4]!;
    expect(back.tags.some((t) => t.startsWith('#EXT-X-MAP:URI="https://origin.example/path/'))).toBe(true);
  });

  it('HLS Interstitials: a DATERANGE announces the avail, content stays, PDT synthesised when missing', () => {
    const text = fixture('kuu-hls-parser/SCTE-35_01.m3u8');
    const scan = scanMediaPlaylist(text);
    const [brk] = findBreaks(scan);
    const avail = { ...makeAvail('i', 1, 3, 5), interstitial: { assetListUri: '/v1/interstitials/a/s/1/assets.json', resumeOffset: 15 } };
    const out = stitchMediaPlaylist(scan, vodPlan([[brk!.startSeq, avail]]));
    expect(out.text).toMatch(/#EXT-X-DATERANGE:ID="i",CLASS="com\.apple\.hls\.interstitial",START-DATE="2000-01-01T00:00:08\.008Z",DURATION=15\.000,X-ASSET-LIST="\/v1\/interstitials\/a\/s\/1\/assets\.json",X-RESUME-OFFSET=15\.000/);
    expect(out.text.startsWith('#EXTM3U')).toBe(true);
    expect(out.text).toContain('#EXT-X-PROGRAM-DATE-TIME:2000-01-01T00:00:00.000Z');
    expect(readPlaylist(out.text).segments.map((s) => s.uri.split('/').pop())).toEqual(['1.ts', '2.ts', '3.ts', '4.ts', '5.ts']);
  });
});

describe('live', () => {
  /** Simulates a session: the memo carries numbering from one reload to the next, as the session layer does. */
  function reloads(first: number, count: number, avails: Map<number, TrackAvail>) {
    const memo = new Map<number, SequenceAnchor>();
    const outputs: string[] = [];
    for (let k = 0; k < count; k++) {
      const scan = scanMediaPlaylist(liveFixture(first + k));
      const m = memo.get(scan.segments[0]!.seq);
      const out = stitchMediaPlaylist(scan, {
        live: true,
        originUrl: ORIGIN,
        avails,
        passthroughMarkers: false,
        ...(m ? { firstMediaSequence: m.mediaSequence, firstDiscontinuitySequence: m.discontinuitySequence } : {}),
      });
      for (const a of out.anchors) if (!memo.has(a.originSeq)) memo.set(a.originSeq, a);
      outputs.push(out.text);
    }
    return outputs;
  }

  function breakAvails(from: number, to: number, make: (id: string) => TrackAvail) {
    const m = new Map<number, TrackAvail>();
    for (let s = from; s < to; s++) if (s % 30 === 0) m.set(s, make(String(s)));
    return m;
  }

  it('every output segment keeps its media sequence and discontinuity sequence across 90 reloads', () => {
    const avails = breakAvails(900, 1300, (id) => makeAvail(id, 2, 5, 2));
    const outputs = reloads(1000, 90, avails);
    const seen = new Map<string, { seq: number; cc: number }>();
    let adSegments = 0;
    for (const text of outputs) {
      for (const s of readPlaylist(text).segments) {
        const prev = seen.get(s.uri);
        if (prev) expect({ uri: s.uri, seq: s.seq, cc: s.cc }).toEqual({ uri: s.uri, ...prev });
        else seen.set(s.uri, { seq: s.seq, cc: s.cc });
        if (s.uri.includes('ads.example')) adSegments++;
      }
    }
    expect(adSegments).toBeGreaterThan(0);
    // Sequence numbers are dense: no gaps or duplicates across the whole history.
    const seqs = [...seen.values()].map((v) => v.seq).sort((a, b) => a - b);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1);
    // The window slides: MEDIA-SEQUENCE never goes backwards.
    const heads = outputs.map((t) => Number(readPlaylist(t).header['EXT-X-MEDIA-SEQUENCE']));
    for (let i = 1; i < heads.length; i++) expect(heads[i]).toBeGreaterThanOrEqual(heads[i - 1]!);
  });

  it('ads replace the break time-aligned: 20 s break, 20 s of ads, no origin break segment shows', () => {
    const avails = breakAvails(1000, 1100, (id) => makeAvail(id, 2, 5, 2));
    const [text] = reloads(1015, 1, avails); // window 1015..1074 holds the breaks at 1020 and 1050
    const p = readPlaylist(text!);
    const uris = p.segments.map((s) => s.uri);
    expect(uris).not.toContain('https://origin.example/path/live_1020.ts');
    expect(uris).not.toContain('https://origin.example/path/live_1029.ts');
    expect(uris).toContain('https://origin.example/path/live_1030.ts');
    expect(uris.filter((u) => u.includes('/1020/'))).toHaveLength(10);
    // Same total duration as the origin window: the live edge does not drift.
    expect(p.segments.reduce((t, s) => t + s.duration, 0)).toBeCloseTo(120, 3);
  });

  it('a break longer than its ads plays origin content for the rest (no slate)', () => {
    const avails = breakAvails(1000, 1100, (id) => makeAvail(id, 1, 3, 2)); // 6 s of ads in a 20 s break
    const [text] = reloads(1015, 1, avails);
    const uris = readPlaylist(text!).segments.map((s) => s.uri);
    const i = uris.indexOf('https://ads.example/1020/ad0/2.ts');
    expect(uris[i + 1]).toBe('https://origin.example/path/live_1023.ts');
    expect(readPlaylist(text!).segments[i + 1]!.cc).toBe(readPlaylist(text!).segments[i]!.cc + 1);
  });

  it('a CUE-IN before the ads end cuts them short', () => {
    const avails = breakAvails(1000, 1100, (id) => makeAvail(id, 3, 5, 2)); // 30 s of ads, 20 s break
    const [text] = reloads(1015, 1, avails);
    const uris = readPlaylist(text!).segments.map((s) => s.uri);
    expect(uris.filter((u) => u.includes('/1020/'))).toHaveLength(10);
    expect(uris).toContain('https://origin.example/path/live_1030.ts');
  });

  it('joining mid-break: the avail output starts where the viewer joined', () => {
    const avails = new Map([[1020, makeAvail('1020', 1, 7, 2, { startOffset: 6 })]]);
    const scan = scanMediaPlaylist(liveFixture(1023)); // first segment is 6 s into the break at 1020
    const [brk] = findBreaks(scan);
    expect(brk).toMatchObject({ startSeq: 1020, elapsedAtStart: 6, startIndex: 0 });
    const out = stitchMediaPlaylist(scan, { live: true, originUrl: ORIGIN, avails, passthroughMarkers: false });
    const uris = readPlaylist(out.text).segments.map((s) => s.uri);
    expect(uris.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6].map((k) => `https://ads.example/1020/ad0/${k}.ts`));
    expect(uris[7]).toBe('https://origin.example/path/live_1030.ts');
  });
});

describe('header and init segment details', () => {
  it('TARGETDURATION follows EXTINF rounding (2.005 s audio segments keep a target of 2)', () => {
    const text = '#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:2.005333,\na0.m4s\n#EXT-X-CUE-OUT:4\n#EXTINF:2.005333,\na1.m4s\n#EXTINF:2.005333,\na2.m4s\n#EXT-X-CUE-IN\n#EXTINF:2.005333,\na3.m4s\n#EXT-X-ENDLIST\n';
    const scan = scanMediaPlaylist(text);
    const [brk] = findBreaks(scan);
    const avail = makeAvail('x', 1, 2, 2.005333, { map: true });
    const out = stitchMediaPlaylist(scan, vodPlan([[brk!.startSeq, avail]]));
    expect(readPlaylist(out.text).header['EXT-X-TARGETDURATION']).toBe('2');
  });

  it('the first segment’s EXT-X-MAP is written once', () => {
    const text = fixture('eyevinn-hls-splice/demux_n_cmaf/hls1/index_0_v.m3u8');
    const out = stitchMediaPlaylist(scanMediaPlaylist(text), vodPlan([]));
    const head = out.text.split('\n').slice(0, 12);
    expect(head.filter((l) => l.startsWith('#EXT-X-MAP')).length).toBe(1);
  });
});
