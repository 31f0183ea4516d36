// What the demo world's media looks like: the content ladder, the ad creatives, and the on-disk index
// that the demo origin turns into HLS/DASH manifests. Bump DEMO_MEDIA_VERSION whenever output changes,
// so cached worlds from older builds are regenerated instead of served stale.

export const DEMO_MEDIA_VERSION = 2;
export const SEGMENT_SECONDS = 2;
export const CONTENT_FPS = 25;
export const AUDIO_SAMPLE_RATE = 48000;
export const AUDIO_CODECS = 'mp4a.40.2';

export interface VideoRendition {
  id: string;
  width: number;
  height: number;
  bitrateKbps: number;
  /** H.264 profile/level pinned in the encode so the CODECS string is known. */
  profile: 'main';
  level: string;
  codecs: string;
}

export const CONTENT_RENDITIONS: readonly VideoRendition[] = [
  { id: '720p', width: 1280, height: 720, bitrateKbps: 2000, profile: 'main', level: '3.1', codecs: 'avc1.4d401f' },
  { id: '360p', width: 640, height: 360, bitrateKbps: 700, profile: 'main', level: '3.0', codecs: 'avc1.4d401e' },
];

/** The VOD asset: 100 s, with two origin ad breaks (filled with labelled filler the stitcher should replace). */
export const CONTENT_SECONDS = 100;
export const CONTENT_BREAKS: readonly { startSeconds: number; durationSeconds: number }[] = [
  { startSeconds: 20, durationSeconds: 20 },
  { startSeconds: 70, durationSeconds: 20 },
];

export interface CreativeSpec {
  id: string;
  title: string;
  durationSeconds: number;
  color: string;
  toneHz: number;
}

/** Mezzanines are 1080p30 with 44.1 kHz audio: unlike the 25 fps / 48 kHz content, so they need conditioning. */
export const MEZZANINE = { width: 1920, height: 1080, fps: 30, sampleRate: 44100, bitrateKbps: 6000 } as const;

export const DEMO_CREATIVES: readonly CreativeSpec[] = [
  { id: 'ad1', title: 'AD 1 — 10 s', durationSeconds: 10, color: '0x1d4ed8', toneHz: 660 },
  { id: 'ad2', title: 'AD 2 — 20 s', durationSeconds: 20, color: '0x7e22ce', toneHz: 770 },
  { id: 'ad3', title: 'AD 3 — 10 s', durationSeconds: 10, color: '0x0f766e', toneHz: 880 },
  { id: 'slate', title: 'SLATE — back soon', durationSeconds: 10, color: '0x374151', toneHz: 0 },
];

/** Segment durations and measured bitrates of one packaged asset (content or a conditioned creative). */
/** Number of segments on the asset's timeline (video defines it; every track has this many). */
export function segmentCount(asset: PackagedAsset): number {
  const first = asset.renditions[0];
  return first ? (asset.cmafVideo[first.id]?.length ?? 0) : 0;
}

export interface PackagedAsset {
  id: string;
  durationSeconds: number;
  renditions: (VideoRendition & { tsBandwidth: number; cmafBandwidth: number })[];
  audio: { codecs: string; sampleRate: number; channels: number; bandwidth: number };
  /** Muxed audio+video TS segment durations per rendition id. */
  ts: Record<string, number[]>;
  /** Video-only fMP4 segment durations per rendition id. */
  cmafVideo: Record<string, number[]>;
  /** Audio-only fMP4 segment durations. */
  cmafAudio: number[];
  /** mdhd timescales of the fMP4 tracks (DASH SegmentTimeline is written in them). */
  videoTimescale: number;
  audioTimescale: number;
}

export interface DemoWorldIndex {
  version: number;
  createdAt: string;
  buildMs: number;
  bytes: number;
  content: PackagedAsset;
  creatives: (PackagedAsset & { title: string; mezzanine: { width: number; height: number; fps: number; bitrateKbps: number; bytes: number } })[];
}
