// Pure parts of transcoding: profile building (defaults, snapping, refusals), the ffmpeg summary parser, source
// selection and cache keys, ladder arguments, and the manifests written for a packaged ad.
import { describe, expect, it } from 'vitest';
import type { VastLinearAd } from '../../src/main/ads/types.js';
import { encodePlan } from '../../src/main/transcode/encode.js';
import { dashMpd, hlsMediaPlaylist, hlsMultivariant, type PackagedAd } from '../../src/main/transcode/manifests.js';
import { parseFfmpegSummary } from '../../src/main/transcode/probe.js';
import { buildProfile, fpsRational, snapKbps, typicalSegmentSeconds, type RenditionFacts } from '../../src/main/transcode/profile.js';
import { adKeyOf, cacheKey, pickSource, urlKey } from '../../src/main/transcode/source.js';
import { readMpd } from '../stitch/dash/helpers.js';

const r = (f: Partial<RenditionFacts>): RenditionFacts => ({ includesAudio: true, ...f });

describe('buildProfile', () => {
  // What the demo origin declares for one content in its three packagings (BANDWIDTH values as served).
  const hlsTs = [r({ width: 1280, height: 720, fps: 25, bandwidth: 2_302_000, codecs: 'avc1.4d401f' }), r({ width: 640, height: 360, fps: 25, bandwidth: 925_000, codecs: 'avc1.4d401e' })];
  const hlsFmp4 = [r({ width: 1280, height: 720, fps: 25, bandwidth: 2_229_000, codecs: 'avc1.4d401f' }), r({ width: 640, height: 360, fps: 25, bandwidth: 884_000, codecs: 'avc1.4d401e' })];
  const dash = [r({ width: 1280, height: 720, fps: 25, bandwidth: 2_127_000, codecs: 'avc1.4d401f', includesAudio: false }), r({ width: 640, height: 360, fps: 25, bandwidth: 782_000, codecs: 'avc1.4d401e', includesAudio: false })];
  const audio = { sampleRate: 48_000, channels: 2 };

  it('one content packaged three ways gets one profile key, so its ads are transcoded once', () => {
    const keys = [hlsTs, hlsFmp4, dash].map((renditions) => {
      const b = buildProfile({ renditions, audio, segmentSeconds: 2 });
      if (!b.ok) throw new Error(b.error);
      return b.profile.key;
    });
    expect(new Set(keys).size).toBe(1);
  });

  it('takes profile and level from CODECS, sorts tallest first, and says so in the summary', () => {
    const b = buildProfile({ renditions: [...hlsTs].reverse(), audio, segmentSeconds: 2 });
    expect(b.ok && b.profile).toMatchObject({
      renditions: [
        { width: 1280, height: 720, fps: 25, videoKbps: 1972, h264Profile: 'main', h264Level: 31 },
        { width: 640, height: 360, fps: 25, videoKbps: 646, h264Profile: 'main', h264Level: 30 },
      ],
      audio: { sampleRate: 48_000, channels: 2, kbps: 128 },
      segmentSeconds: 2,
      summary: '1280x720@25 1972k, 640x360@25 646k · AAC 48 kHz 2ch 128k · 2 s segments',
    });
    expect(b.ok && b.assumed).toEqual([]);
  });

  it('fills what nobody said with documented defaults, listed as assumed', () => {
    const b = buildProfile({ renditions: [r({ width: 1920, height: 1080 })], audio: {} });
    expect(b.ok && b.profile.renditions[0]).toMatchObject({ fps: 25, h264Profile: 'high', h264Level: 40 });
    expect(b.ok && b.profile.segmentSeconds).toBe(6);
    expect(b.ok && b.assumed).toEqual(['audio sample rate 48 kHz', 'audio channels 2', 'rendition 1 frame rate 25', 'rendition 1 H.264 high', 'rendition 1 bitrate from its size', 'segment duration 6 s']);
  });

  it('refuses what the bundled encoder cannot match: HEVC or AV1 video, non-AAC audio, no size', () => {
    expect(buildProfile({ renditions: [r({ width: 1280, height: 720, codecs: 'hvc1.1.6.L93.B0' })] })).toEqual({ ok: false, error: 'content video is hvc1.1.6.L93.B0; the bundled transcoder makes H.264 (avc1) only' });
    expect(buildProfile({ renditions: [r({ width: 1280, height: 720 })], audio: { codecs: 'ec-3' } })).toMatchObject({ ok: false, error: expect.stringMatching(/ec-3.*AAC only/) });
    expect(buildProfile({ renditions: [r({})] })).toMatchObject({ ok: false, error: expect.stringMatching(/no resolution/) });
    expect(buildProfile({ renditions: [] })).toMatchObject({ ok: false });
  });

  it('video-only content gives a profile without audio; a different ladder gives a different key', () => {
    const a = buildProfile({ renditions: hlsTs, segmentSeconds: 2 });
    const b = buildProfile({ renditions: hlsTs.slice(0, 1), audio, segmentSeconds: 2 });
    expect(a.ok && a.profile.audio).toBeUndefined();
    expect(a.ok && b.ok && a.profile.key !== b.profile.key).toBe(true);
  });

  it('snaps bitrates to a 25 % grid, segment durations to the packager’s target, frame rates to exact rationals', () => {
    expect([1873, 1810, 1934].map(snapKbps)).toEqual([1972, 1972, 1972]);
    expect(snapKbps(5000)).toBe(4815);
    expect(typicalSegmentSeconds([6.006, 6.006, 6.006, 2.1])).toBe(6);
    expect(typicalSegmentSeconds([3.84, 3.84, 3.84, 3.84])).toBe(3.8);
    expect(typicalSegmentSeconds([])).toBeUndefined();
    expect([29.97, 59.94, 23.976, 25, 30, 12.5].map(fpsRational)).toEqual(['30000/1001', '60000/1001', '24000/1001', '25', '30', '12500/1000']);
  });
});

describe('parseFfmpegSummary', () => {
  it('reads an MP4 mezzanine and a TS segment', () => {
    const mp4 = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'mezz.mp4':
  Duration: 00:00:30.02, start: 0.000000, bitrate: 7248 kb/s
    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 1920x1080 [SAR 1:1 DAR 16:9], 7170 kb/s, 29.97 fps, 29.97 tbr, 15360 tbn, 60 tbc (default)
    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 71 kb/s (default)`;
    expect(parseFfmpegSummary(mp4)).toEqual({
      durationSeconds: 30.02,
      video: { codec: 'h264', profile: 'High', width: 1920, height: 1080, fps: 29.97, kbps: 7170 },
      audio: { codec: 'aac', sampleRate: 44100, channels: 1, kbps: 71 },
    });
    const ts = `Input #0, mpegts, from 'seg.ts':
  Duration: 00:00:02.08, start: 1.400000, bitrate: 2338 kb/s
  Program 1
    Stream #0:0[0x100]: Video: h264 (Main) ([27][0][0][0] / 0x001B), yuv420p(progressive), 1280x720 [SAR 1:1 DAR 16:9], 25 fps, 25 tbr, 90k tbn, 50 tbc
    Stream #0:1[0x101](und): Audio: aac (LC) ([15][0][0][0] / 0x000F), 48000 Hz, 5.1, fltp, 78 kb/s`;
    expect(parseFfmpegSummary(ts)).toMatchObject({ video: { width: 1280, height: 720, fps: 25, profile: 'Main' }, audio: { sampleRate: 48000, channels: 6 } });
  });

  it('finds nothing in an error message', () => {
    expect(parseFfmpegSummary('x.mp4: Invalid data found when processing input')).toEqual({});
  });
});

describe('source selection and cache keys', () => {
  const mf = (url: string, extra: object = {}) => ({ url, delivery: 'progressive' as const, type: 'video/mp4', ...extra });
  const ad = (extra: Partial<VastLinearAd>): Pick<VastLinearAd, 'mezzanines' | 'mediaFiles' | 'universalAdId' | 'creativeId'> => ({ mezzanines: [], mediaFiles: [], ...extra });

  it('prefers <Mezzanine>, else the highest-bitrate progressive file; never a streaming manifest or VPAID', () => {
    expect(pickSource(ad({ mezzanines: [mf('https://a/m.mov')], mediaFiles: [mf('https://a/hi.mp4', { bitrateKbps: 9000 })] }))?.url).toBe('https://a/m.mov');
    const files = [mf('https://a/lo.mp4', { bitrateKbps: 500 }), mf('https://a/hi.mp4', { bitrateKbps: 4000 }), mf('https://a/v.js', { type: 'application/javascript', apiFramework: 'VPAID' }), { url: 'https://a/x.m3u8', delivery: 'streaming' as const, type: 'application/x-mpegURL' }];
    expect(pickSource(ad({ mediaFiles: files }))).toMatchObject({ url: 'https://a/hi.mp4', kind: 'progressive', bitrateKbps: 4000 });
    expect(pickSource(ad({ mediaFiles: files.slice(2) }))).toBeUndefined();
  });

  it('keys by UniversalAdId, else creative id, else the URL (loopback host and port ignored)', () => {
    expect(adKeyOf({ universalAdId: { registry: 'ad-id.org', value: 'CNPA0484000H' }, creativeId: 'c1' }, 'u')).toBe('uaid:ad-id.org/CNPA0484000H');
    expect(adKeyOf({ universalAdId: { value: 'unknown' }, creativeId: 'c1' }, 'u')).toBe('creative:c1');
    expect(adKeyOf({}, 'http://127.0.0.1:4000/m.mp4')).toBe(urlKey('http://localhost:5123/m.mp4'));
    expect(urlKey('https://cdn.example/m.mp4')).not.toBe(urlKey('https://cdn.example/n.mp4'));
    expect(cacheKey('uaid:ad-id.org/CNPA0484000H', 'abc')).toMatch(/^ad-id\.org-CNPA0484000H_[0-9a-f]{12}$/);
    expect(cacheKey('creative:x', 'p1')).not.toBe(cacheKey('creative:x', 'p2'));
  });
});

describe('ladder and manifests', () => {
  const built = buildProfile({ renditions: [r({ width: 1280, height: 720, fps: 29.97, bandwidth: 2_300_000, codecs: 'avc1.64001f' }), r({ width: 640, height: 360, fps: 29.97, bandwidth: 900_000, codecs: 'avc1.42c01e' })], audio: { sampleRate: 48_000, channels: 2 }, segmentSeconds: 6.006 });
  if (!built.ok) throw new Error(built.error);
  const profile = built.profile;

  it('one ffmpeg run: exact frame rate, letterboxed scale per rendition, keyframes on segment boundaries, no B-frames', () => {
    const plan = encodePlan('in.mp4', { durationSeconds: 15, video: { codec: 'h264', width: 1920, height: 800 }, audio: { codec: 'aac', sampleRate: 44100, channels: 2 } }, profile, '/w', 'veryfast');
    const args = plan.args.join(' ');
    expect(args).toContain('[0:v:0]fps=30000/1001,split=2[s0][s1]');
    expect(args).toContain('scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720');
    expect(args).toContain('-profile:v high -level 3.1');
    expect(args).toContain('-profile:v baseline -level 3.0');
    expect(args).toContain('-g 180 -keyint_min 180 -sc_threshold 0 -force_key_frames expr:gte(t,n_forced*6.006)');
    expect(args.match(/-bf 0/g)).toHaveLength(2);
    expect(args).toContain('-map 0:a:0 -vn -c:a aac -b:a 128k -ar 48000 -ac 2');
    expect(plan.video).toEqual(['/w/v0.mp4', '/w/v1.mp4']);
  });

  it('a silent ad gets a silent audio track where the content has audio', () => {
    const plan = encodePlan('in.mp4', { durationSeconds: 10, video: { codec: 'h264', width: 1920, height: 1080 } }, profile, '/w');
    expect(plan.args.join(' ')).toContain('-f lavfi -t 10 -i anullsrc=r=48000:cl=stereo');
    expect(plan.args.join(' ')).toContain('-map 1:a:0');
  });

  const ad: PackagedAd = {
    durationSeconds: 10.01,
    renditions: [{ id: '720p', width: 1280, height: 720, fps: 29.97, codecs: 'avc1.64001f', ts: { id: '720p', durations: [6.006, 4.004], peak: 2_400_000, average: 2_200_000 }, cmaf: { id: '720p', durations: [6.006, 4.004], peak: 2_300_000, average: 2_100_000 } }],
    audio: { id: 'audio', durations: [6.016, 3.994], peak: 130_000, average: 128_000, codecs: 'mp4a.40.2', sampleRate: 48_000, channels: 2 },
    videoTimescale: 30000,
    audioTimescale: 48000,
  };

  it('HLS: TS variants muxed, fMP4 variants with an audio group; BANDWIDTH includes audio; relative URIs', () => {
    expect(hlsMultivariant(ad, 'ts')).toBe('#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-STREAM-INF:BANDWIDTH=2400000,AVERAGE-BANDWIDTH=2200000,RESOLUTION=1280x720,FRAME-RATE=29.970,CODECS="avc1.64001f,mp4a.40.2"\nts/720p/index.m3u8\n');
    const fmp4 = hlsMultivariant(ad, 'fmp4');
    expect(fmp4).toContain('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="Audio",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="cmaf/audio/index.m3u8"');
    expect(fmp4).toContain('BANDWIDTH=2430000,AVERAGE-BANDWIDTH=2228000,');
    expect(fmp4).toContain('AUDIO="aac"\ncmaf/720p/index.m3u8');
    expect(hlsMediaPlaylist([6.006, 4.004], 'm4s')).toBe('#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:6.006000,\nseg_00000.m4s\n#EXTINF:4.004000,\nseg_00001.m4s\n#EXT-X-ENDLIST\n');
  });

  it('DASH: one Period, video and audio sets, SegmentTimeline in each track’s timescale', () => {
    const mpd = readMpd(dashMpd(ad));
    expect(mpd.mpd.attrs.mediaPresentationDuration).toBe('PT10.01S');
    expect(mpd.periods).toHaveLength(1);
    expect(mpd.periods[0]!.sets.map((s) => s.contentType)).toEqual(['video', 'audio']);
    const text = dashMpd(ad);
    expect(text).toContain('frameRate="30000/1001" codecs="avc1.64001f"><SegmentTemplate timescale="30000" initialization="cmaf/720p/init.mp4" media="cmaf/720p/seg_$Number%05d$.m4s" startNumber="0"><SegmentTimeline><S t="0" d="180180"/><S t="180180" d="120120"/></SegmentTimeline>');
    expect(text).toContain('<S t="0" d="288768"/><S t="288768" d="191712"/>');
    expect(text).toContain('audioSamplingRate="48000"><AudioChannelConfiguration schemeIdUri="urn:mpeg:dash:23003:3:audio_channel_configuration:2011" value="2"/>');
  });
});
