// Writes the demo origin's HLS: multivariant playlists and media playlists (TS muxed, or fMP4 video +
// an audio rendition), with ad breaks signalled as an encoder would: EXT-X-CUE-OUT / CUE-OUT-CONT /
// CUE-IN with EXT-OATCLS-SCTE35 (Elemental style), or EXT-X-DATERANGE with SCTE35-OUT/IN (RFC 8216).
import { cueInSection, cueOutSection } from './scte35-cache.js';
import type { PackagedAsset } from '../media/model.js';
import type { TimelineSegment } from './timeline.js';
import { withCarry } from './faults.js';

export type HlsMarkerStyle = 'cue-out' | 'daterange' | 'none';
export type HlsContainer = 'ts' | 'fmp4';

const TS_PTS_OFFSET_SECONDS = 1.4; // ffmpeg's MPEG-TS muxer starts timestamps at 1.4 s

/** `carry`: query put on every media playlist URI (fault parameters, so they reach the refreshes); '' for none. */
export function hlsMultivariant(asset: PackagedAsset, container: HlsContainer, carry = ''): string {
  const lines = ['#EXTM3U', `#EXT-X-VERSION:${container === 'ts' ? 3 : 7}`, '#EXT-X-INDEPENDENT-SEGMENTS'];
  const audioCodec = asset.audio.codecs;
  if (container === 'fmp4') {
    lines.push(
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="English",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="${asset.audio.channels}",URI="${withCarry('audio.m3u8', carry)}"`,
    );
  }
  for (const r of asset.renditions) {
    const bandwidth = container === 'ts' ? r.tsBandwidth : r.cmafBandwidth + asset.audio.bandwidth;
    const attrs = [
      `BANDWIDTH=${bandwidth}`,
      `RESOLUTION=${r.width}x${r.height}`,
      'FRAME-RATE=25.000',
      `CODECS="${r.codecs},${audioCodec}"`,
    ];
    if (container === 'fmp4') attrs.push('AUDIO="aac"');
    lines.push(`#EXT-X-STREAM-INF:${attrs.join(',')}`, withCarry(`${r.id}.m3u8`, carry));
  }
  return `${lines.join('\n')}\n`;
}

export interface MediaPlaylistOptions {
  segments: TimelineSegment[];
  /** Duration of each asset segment index for this track. */
  durations: number[];
  /** URI of a segment file for an asset index. */
  uri: (index: number) => string;
  /** EXT-X-MAP URI for fMP4. */
  mapUri?: string;
  container: HlsContainer;
  markers: HlsMarkerStyle;
  live: boolean;
  discontinuitySequence?: number;
}

function pts(seconds: number, container: HlsContainer): number {
  return Math.round((seconds + (container === 'ts' ? TS_PTS_OFFSET_SECONDS : 0)) * 90000);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function breakStartTags(seg: TimelineSegment, style: HlsMarkerStyle, container: HlsContainer, joinedMidBreak: boolean): string[] {
  const b = seg.inBreak;
  if (!b || style === 'none') return [];
  const out = cueOutSection(b.eventId, pts(b.assetStart, container), b.duration);
  if (style === 'daterange') {
    if (b.elapsed > 0 && !joinedMidBreak) return [];
    const startMs = seg.pdt - b.elapsed * 1000;
    return [
      `#EXT-X-DATERANGE:ID="splice-${b.eventId}",START-DATE="${iso(startMs)}",PLANNED-DURATION=${b.duration.toFixed(3)},SCTE35-OUT=${out.hex}`,
    ];
  }
  if (b.elapsed === 0) {
    return [`#EXT-OATCLS-SCTE35:${out.b64}`, `#EXT-X-CUE-OUT:DURATION=${b.duration.toFixed(3)}`];
  }
  return [`#EXT-X-CUE-OUT-CONT:ElapsedTime=${b.elapsed.toFixed(3)},Duration=${b.duration.toFixed(3)},SCTE35=${out.b64}`];
}

function breakEndTags(seg: TimelineSegment, style: HlsMarkerStyle, container: HlsContainer): string[] {
  const e = seg.breakEnded;
  if (!e || style === 'none') return [];
  if (style === 'cue-out') return ['#EXT-X-CUE-IN'];
  const inSection = cueInSection(e.eventId, pts(e.assetStart + e.duration, container));
  const startMs = seg.pdt - e.duration * 1000;
  return [
    `#EXT-X-DATERANGE:ID="splice-${e.eventId}",START-DATE="${iso(startMs)}",END-DATE="${iso(seg.pdt)}",DURATION=${e.duration.toFixed(3)},SCTE35-IN=${inSection.hex}`,
  ];
}

export function hlsMediaPlaylist(o: MediaPlaylistOptions): string {
  const durations = o.segments.map((s) => o.durations[s.index] ?? 0);
  const target = Math.max(1, ...durations.map((d) => Math.round(d)));
  const first = o.segments[0];
  const lines = ['#EXTM3U', `#EXT-X-VERSION:${o.container === 'ts' ? 3 : 7}`, `#EXT-X-TARGETDURATION:${target}`];
  lines.push(`#EXT-X-MEDIA-SEQUENCE:${first?.seq ?? 0}`);
  if (o.live) lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${o.discontinuitySequence ?? 0}`);
  else lines.push('#EXT-X-PLAYLIST-TYPE:VOD');
  if (o.container === 'ts') lines.push('#EXT-X-INDEPENDENT-SEGMENTS');
  if (o.mapUri) lines.push(`#EXT-X-MAP:URI="${o.mapUri}"`);
  o.segments.forEach((seg, i) => {
    const isFirst = i === 0;
    // A new pass over the looped asset restarts its timestamps.
    if (!isFirst && seg.index === 0) lines.push('#EXT-X-DISCONTINUITY');
    // Live: PDT on every segment (as MediaPackage does); VOD: once, which DATERANGE requires.
    if (o.live || isFirst) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${iso(seg.pdt)}`);
    if (!isFirst) lines.push(...breakEndTags(seg, o.markers, o.container));
    lines.push(...breakStartTags(seg, o.markers, o.container, isFirst));
    lines.push(`#EXTINF:${(durations[i] ?? 0).toFixed(6)},`, o.uri(seg.index));
  });
  if (!o.live) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
