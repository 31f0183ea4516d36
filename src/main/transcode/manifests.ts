// The manifests of a transcoded ad, written once next to its segments: HLS with MPEG-TS variants (muxed audio),
// HLS with fMP4 video variants and one fMP4 audio rendition, and a single-Period DASH MPD over the same fMP4
// segments. Pure: (packaged ad) → text. URIs are relative, so the entry can be served from any host or port.
import { fpsRational } from './profile.js';

export interface PackagedTrack {
  /** Folder name under ts/ and cmaf/ (720p, 360p … or audio). */
  id: string;
  /** Segment durations, seconds, as the packager measured them. */
  durations: number[];
  /** Peak and average bits/s over the segments. */
  peak: number;
  average: number;
}

export interface PackagedRendition {
  id: string;
  width: number;
  height: number;
  fps: number;
  /** RFC 6381, read from the init segment (avc1.PPCCLL). */
  codecs: string;
  ts: PackagedTrack;
  cmaf: PackagedTrack;
}

export interface PackagedAd {
  durationSeconds: number;
  renditions: PackagedRendition[];
  audio?: PackagedTrack & { codecs: string; sampleRate: number; channels: number };
  videoTimescale: number;
  audioTimescale: number;
}

const seg = (i: number, ext: string) => `seg_${String(i).padStart(5, '0')}.${ext}`;

export function hlsMediaPlaylist(durations: number[], ext: 'ts' | 'm4s'): string {
  // RFC 8216 4.3.3.1: every EXTINF rounded to the nearest integer is ≤ the target duration.
  const target = Math.max(1, ...durations.map((d) => Math.round(d)));
  const lines = ['#EXTM3U', `#EXT-X-VERSION:${ext === 'ts' ? 3 : 7}`, `#EXT-X-TARGETDURATION:${target}`, '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD', '#EXT-X-INDEPENDENT-SEGMENTS'];
  if (ext === 'm4s') lines.push('#EXT-X-MAP:URI="init.mp4"');
  durations.forEach((d, i) => lines.push(`#EXTINF:${d.toFixed(6)},`, seg(i, ext)));
  lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

const fpsText = (fps: number) => fps.toFixed(3);

export function hlsMultivariant(ad: PackagedAd, container: 'ts' | 'fmp4'): string {
  const lines = ['#EXTM3U', `#EXT-X-VERSION:${container === 'ts' ? 3 : 7}`, '#EXT-X-INDEPENDENT-SEGMENTS'];
  const a = ad.audio;
  if (container === 'fmp4' && a) {
    lines.push(`#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="Audio",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="${a.channels}",URI="cmaf/audio/index.m3u8"`);
  }
  for (const r of ad.renditions) {
    const t = container === 'ts' ? r.ts : r.cmaf;
    const extra = container === 'fmp4' && a ? { peak: a.peak, average: a.average } : { peak: 0, average: 0 };
    const codecs = a ? `${r.codecs},${a.codecs}` : r.codecs;
    const attrs = [
      `BANDWIDTH=${t.peak + extra.peak}`,
      `AVERAGE-BANDWIDTH=${t.average + extra.average}`,
      `RESOLUTION=${r.width}x${r.height}`,
      `FRAME-RATE=${fpsText(r.fps)}`,
      `CODECS="${codecs}"`,
      ...(container === 'fmp4' && a ? ['AUDIO="aac"'] : []),
    ];
    lines.push(`#EXT-X-STREAM-INF:${attrs.join(',')}`, `${container === 'ts' ? 'ts' : 'cmaf'}/${r.id}/index.m3u8`);
  }
  return `${lines.join('\n')}\n`;
}

/** SegmentTimeline in `timescale` ticks, with runs of equal durations folded into @r. */
function segmentTimeline(durations: number[], timescale: number): string {
  const out: string[] = [];
  let t = 0;
  let run: { t: number; d: number; r: number } | undefined;
  for (const sec of durations) {
    const d = Math.round(sec * timescale);
    if (run && run.d === d) run.r++;
    else {
      if (run) out.push(`<S t="${run.t}" d="${run.d}"${run.r ? ` r="${run.r}"` : ''}/>`);
      run = { t, d, r: 0 };
    }
    t += d;
  }
  if (run) out.push(`<S t="${run.t}" d="${run.d}"${run.r ? ` r="${run.r}"` : ''}/>`);
  return `<SegmentTimeline>${out.join('')}</SegmentTimeline>`;
}

function template(id: string, durations: number[], timescale: number): string {
  return `<SegmentTemplate timescale="${timescale}" initialization="cmaf/${id}/init.mp4" media="cmaf/${id}/seg_$Number%05d$.m4s" startNumber="0">${segmentTimeline(durations, timescale)}</SegmentTemplate>`;
}

export function dashMpd(ad: PackagedAd): string {
  const dur = `PT${Number(ad.durationSeconds.toFixed(3))}S`;
  const maxSeg = Math.max(...ad.renditions.map((r) => Math.max(...r.cmaf.durations)));
  const video = ad.renditions
    .map(
      (r) =>
        `<Representation id="${r.id}" bandwidth="${r.cmaf.peak}" width="${r.width}" height="${r.height}" frameRate="${fpsRational(r.fps)}" codecs="${r.codecs}">${template(r.id, r.cmaf.durations, ad.videoTimescale)}</Representation>`,
    )
    .join('');
  const sets = [`<AdaptationSet id="0" contentType="video" mimeType="video/mp4" segmentAlignment="true" startWithSAP="1">${video}</AdaptationSet>`];
  const a = ad.audio;
  if (a) {
    sets.push(
      `<AdaptationSet id="1" contentType="audio" mimeType="audio/mp4" segmentAlignment="true" startWithSAP="1"><Role schemeIdUri="urn:mpeg:dash:role:2011" value="main"/>` +
        `<Representation id="audio" bandwidth="${a.peak}" codecs="${a.codecs}" audioSamplingRate="${a.sampleRate}">` +
        `<AudioChannelConfiguration schemeIdUri="urn:mpeg:dash:23003:3:audio_channel_configuration:2011" value="${a.channels}"/>` +
        `${template('audio', a.durations, ad.audioTimescale)}</Representation></AdaptationSet>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-live:2011" type="static" mediaPresentationDuration="${dur}" minBufferTime="PT${Math.ceil(maxSeg)}S">` +
    `<Period id="0" start="PT0S">${sets.join('')}</Period></MPD>\n`
  );
}
