// Marker detection over the shared real-world playlists and synthetic edge cases.
import { describe, expect, it } from 'vitest';
import { findBreaks } from '../../src/main/stitch/hls/markers.js';
import { scanMediaPlaylist } from '../../src/main/stitch/hls/scan-media.js';
import { allFixtures, fixture } from './helpers.js';

const breaksOf = (text: string) => findBreaks(scanMediaPlaylist(text));

describe('scanMediaPlaylist over every HLS fixture', () => {
  for (const rel of allFixtures()) {
    it(`${rel}: one segment per EXTINF, durations summed`, () => {
      const text = fixture(rel);
      const scan = scanMediaPlaylist(text);
      expect(scan.valid).toBe(true);
      const extinf = text.split('\n').filter((l) => l.startsWith('#EXTINF')).length;
      expect(scan.segments.length).toBe(extinf);
      const total = text
        .split('\n')
        .filter((l) => l.startsWith('#EXTINF'))
        .reduce((t, l) => t + Number.parseFloat(l.slice(8)), 0);
      expect(scan.totalDuration).toBeCloseTo(total, 3);
      // Offsets point at the URI lines themselves.
      for (const s of scan.segments) expect(text.slice(s.uriStart, s.uriEnd).startsWith('#')).toBe(false);
    });
  }
});

describe('findBreaks over the marker fixtures', () => {
  it('CUE-OUT:DURATION … CUE-IN (SCTE-35_01)', () => {
    const [b, ...rest] = breaksOf(fixture('kuu-hls-parser/SCTE-35_01.m3u8'));
    expect(rest).toEqual([]);
    expect(b).toMatchObject({ startIndex: 1, endIndex: 3, closed: true, durationSeconds: 15, mode: 'replace', source: 'cue-out', startSeq: 1 });
  });

  it('CUE-OUT-CONT lines continue the same break (SCTE-35_02)', () => {
    const bs = breaksOf(fixture('kuu-hls-parser/SCTE-35_02.m3u8'));
    expect(bs).toHaveLength(1);
    expect(bs[0]).toMatchObject({ startIndex: 1, endIndex: 4, durationSeconds: 23 });
  });

  it('EXT-X-CUE TYPE=SpliceOut ends by duration without a CUE-IN (SCTE-35_03)', () => {
    const bs = breaksOf(fixture('kuu-hls-parser/SCTE-35_03.m3u8'));
    expect(bs).toHaveLength(1);
    expect(bs[0]).toMatchObject({ startIndex: 1, endIndex: 3, durationSeconds: 15, closed: true, source: 'cue' });
  });

  it('EXT-OATCLS-SCTE35 payload and EXT-X-ASSET attach to the CUE-OUT (SCTE-35_04)', () => {
    const [b] = breaksOf(fixture('kuu-hls-parser/SCTE-35_04.m3u8'));
    expect(b!.scte35).toBe('/DA0AAAAAAAAAAAABQb+ADAQ6QAeAhxDVUVJQAAAO3/PAAEUrEoICAAAAAAg+2UBNAAANvrtoQ==');
    expect(b!.scte?.command).toBe('time_signal');
    expect(b!.scte?.segmentationTypeId).toBe(0x34);
    expect(b!.asset).toEqual({ CAID: '0x0000000020FB6501' });
    expect(b).toMatchObject({ startIndex: 1, endIndex: 3 });
  });

  it('EXT-X-SCTE35 CUE-OUT=YES / CUE-IN=YES (SCTE-35_05)', () => {
    const bs = breaksOf(fixture('kuu-hls-parser/SCTE-35_05.m3u8'));
    expect(bs).toHaveLength(1);
    expect(bs[0]).toMatchObject({ startIndex: 1, endIndex: 3, durationSeconds: 15, source: 'scte35' });
  });

  it('two breaks in one VOD (SCTE-35_06)', () => {
    const bs = breaksOf(fixture('kuu-hls-parser/SCTE-35_06.m3u8'));
    expect(bs.map((b) => [b.startIndex, b.endIndex])).toEqual([
      [1, 4],
      [5, 8],
    ]);
  });

  it('DATERANGE SCTE35-OUT then SCTE35-IN with the same ID (RFC 8216 8.10)', () => {
    const bs = breaksOf(fixture('kuu-hls-parser/8.10-EXT-X-DATERANGE-carrying-SCTE-35-tags.m3u8'));
    expect(bs).toHaveLength(1);
    expect(bs[0]).toMatchObject({ startIndex: 2, endIndex: 4, source: 'daterange', eventId: 'splice-6FFFFFF0', durationSeconds: 59.993 });
    expect(bs[0]!.startMs).toBe(Date.parse('2014-03-05T11:15:00.000Z'));
    // The RFC's example hex is one byte short of its own section_length: the decoder rejects it, and the
    // break still stands on the SCTE35-OUT attribute and DATERANGE timing.
    expect(bs[0]!.scte).toBeUndefined();
  });

  it('a break that runs to the end of the playlist (RFC 8216 8.11)', () => {
    const bs = breaksOf(fixture('kuu-hls-parser/8.11-EXT-X-CUE-OUT-Media-Playlist.m3u8'));
    expect(bs[0]).toMatchObject({ startIndex: 1, endIndex: 3, closed: false, durationSeconds: 15 });
  });

  it('Elemental style with time_signal OATCLS (threefive scte35.m3u8)', () => {
    const bs = breaksOf(fixture('threefive/scte35.m3u8'));
    expect(bs.length).toBeGreaterThanOrEqual(2);
    expect(bs[0]).toMatchObject({ startIndex: 1, endIndex: 5, durationSeconds: 30 });
    expect(bs[0]!.scte?.command).toBe('time_signal');
    expect(bs[1]).toMatchObject({ startIndex: 9, endIndex: 12, durationSeconds: 30 });
  });

  it('splice_insert OATCLS before the first segment (threefive simple-scte35.m3u8)', () => {
    const [b] = breaksOf(fixture('threefive/simple-scte35.m3u8'));
    expect(b).toMatchObject({ startIndex: 0, endIndex: 2, durationSeconds: 15 });
    expect(b!.scte?.command).toBe('splice_insert');
  });

  it('demuxed CMAF with CUE markers on video and audio playlists alike (eyevinn hls2_cue)', () => {
    const v = breaksOf(fixture('eyevinn-hls-splice/hls2_cue/index_0_v.m3u8'));
    const a = breaksOf(fixture('eyevinn-hls-splice/hls2_cue/index_stereo-en_a.m3u8'));
    expect(v.length).toBeGreaterThan(0);
    expect(a.map((b) => b.startSeq)).toEqual(v.map((b) => b.startSeq));
  });

  it('playlists without markers have no breaks', () => {
    expect(breaksOf(fixture('ritcher/sample_playlist.m3u8'))).toEqual([]);
  });
});

describe('findBreaks edge cases', () => {
  const live = (lines: string[], seq = 100) => `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:${seq}\n${lines.join('\n')}\n`;
  const seg = (n: number) => `#EXTINF:2.000,\ns${n}.ts`;

  it('joining mid-break: CUE-OUT-CONT ElapsedTime locates the break start', () => {
    const text = live(['#EXT-X-CUE-OUT-CONT:ElapsedTime=6.000,Duration=20.000', seg(100), '#EXT-X-CUE-OUT-CONT:ElapsedTime=8.000,Duration=20.000', seg(101), seg(102)]);
    const [b] = breaksOf(text);
    expect(b).toMatchObject({ startIndex: 0, startSeq: 97, elapsedAtStart: 6, durationSeconds: 20, closed: false });
  });

  it('back-to-back breaks: CUE-IN and the next CUE-OUT on the same segment', () => {
    const text = live(['#EXT-X-CUE-OUT:4', seg(1), seg(2), '#EXT-X-CUE-IN', '#EXT-X-CUE-OUT:4', seg(3), seg(4), '#EXT-X-CUE-IN', seg(5)]);
    expect(breaksOf(text).map((b) => [b.startIndex, b.endIndex, b.startSeq])).toEqual([
      [0, 2, 100],
      [2, 4, 102],
    ]);
  });

  it('a new CUE-OUT without CUE-IN closes the previous break', () => {
    const text = live(['#EXT-X-CUE-OUT', seg(1), seg(2), '#EXT-X-CUE-OUT:2', seg(3), seg(4)]);
    expect(breaksOf(text).map((b) => [b.startIndex, b.endIndex])).toEqual([
      [0, 2],
      [2, 3],
    ]);
  });

  it('zero-duration cue is an insertion', () => {
    const text = `#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-CUE-OUT: 0\n#EXT-X-CUE-IN\n${seg(1)}\n${seg(2)}\n#EXT-X-ENDLIST\n`;
    expect(breaksOf(text)[0]).toMatchObject({ startIndex: 0, endIndex: 0, mode: 'insert' });
  });

  it('EXT-X-SPLICEPOINT-SCTE35 with an out-of-network splice_insert opens a break of its break_duration', () => {
    // Spec sample 14.2: splice_insert, out of network, break_duration 60.293567 s.
    const text = live(['#EXT-X-SPLICEPOINT-SCTE35:/DAvAAAAAAAA///wFAVIAACPf+/+c2nALv4AUsz1AAAAAAAKAAhDVUVJAAABNWLbowo=', seg(1), seg(2)]);
    const [b] = breaksOf(text);
    expect(b!.source).toBe('splicepoint');
    expect(b!.durationSeconds).toBeCloseTo(60.293567, 5);
  });

  it('garbage SCTE-35 and malformed tags never throw and open nothing they cannot justify', () => {
    const text = live(['#EXT-X-SPLICEPOINT-SCTE35:!!!notbase64', '#EXT-X-DATERANGE:ID=,SCTE35-CMD=0xZZ', '#EXT-X-CUE-OUT-CONT:garbage', seg(1), '#EXT-X-CUE-IN', seg(2)]);
    expect(() => breaksOf(text)).not.toThrow();
    const bs = breaksOf(text);
    expect(bs.every((b) => b.startIndex >= 0 && b.endIndex >= b.startIndex)).toBe(true);
  });

  it('DATERANGE START-DATE in the past on the first segment means a mid-break join', () => {
    const text = live([
      '#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:10.000Z',
      '#EXT-X-DATERANGE:ID="splice-7",START-DATE="2026-01-01T00:00:04.000Z",PLANNED-DURATION=20.000,SCTE35-OUT=0xFC302000000000000000FFF00F05000000077FEFFE001B7740FE001B774000000000A2B1E0F3',
      seg(1),
      seg(2),
    ]);
    const [b] = breaksOf(text);
    expect(b).toMatchObject({ elapsedAtStart: 6, startSeq: 97, durationSeconds: 20 });
  });
});
