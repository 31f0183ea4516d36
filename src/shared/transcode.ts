// Ad transcoding as the control API and the UI see it: the content profile ads are conditioned to, the
// jobs that condition them, and the on-disk cache of finished ads. Pure types, no Node, no DOM.

/** One video rendition of the content, which every transcoded ad gets a rendition of. */
export interface RenditionProfile {
  width: number;
  height: number;
  /** Frames per second (29.97 as 29.97). */
  fps: number;
  /** Target video bitrate, kbit/s (the content's, less audio when the origin only says the total). */
  videoKbps: number;
  /** H.264 profile and level the ad is encoded at, so its CODECS match the content's. */
  h264Profile: 'baseline' | 'main' | 'high';
  /** level_idc × 10, e.g. 31 for level 3.1. */
  h264Level: number;
}

export interface AudioProfile {
  sampleRate: number;
  channels: number;
  kbps: number;
}

/** What ads are transcoded to: everything that must match for a seamless splice. */
export interface ContentProfile {
  /** Stable hash of the encoding-relevant fields: the second half of a cache key. */
  key: string;
  renditions: RenditionProfile[];
  /** Undefined when the content has no audio (ads are then encoded silent-free: video only). */
  audio?: AudioProfile;
  /** Content segment duration, seconds: the ad's GOP and segment length. */
  segmentSeconds: number;
  /** Human summary, e.g. "1280x720@25 2000k, 640x360@25 700k · AAC 48 kHz 2ch · 2 s segments". */
  summary: string;
}

/** A content profile as discovered for an origin, with where each fact came from. */
export interface DiscoveredProfile {
  /** The origin manifest the profile was read from. */
  originUrl: string;
  format: 'hls' | 'dash';
  /** Container of the content's segments. */
  container: 'ts' | 'fmp4';
  /** HLS: whether the content's variants carry their audio (TS muxed) or reference audio renditions. */
  muxedAudio: boolean;
  /** fMP4 video timescale when the origin says (DASH SegmentTemplate@timescale, or the init segment). */
  videoTimescale?: number;
  /** Manifest codec strings, for display and matching. */
  videoCodecs: string[];
  audioCodecs: string[];
  profile: ContentProfile;
  /** Fields that were missing from the manifest and were filled by probing a content segment. */
  probed: string[];
  /** Defaults used where neither the manifest nor a probe said (e.g. "audio bitrate 128k"). */
  assumed: string[];
  discoveredAt: number;
  ms: number;
}

export type TranscodeJobState = 'queued' | 'downloading' | 'encoding' | 'packaging' | 'ready' | 'failed' | 'cancelled';

export interface TranscodeJobInfo {
  id: string;
  /** Cache key: a readable slug of the ad key + a hash of ad key and profile key, e.g. "ad1_3f2a9c0d1e4b". */
  key: string;
  /** UniversalAdId (registry/value), else creative id, else a hash of the media URL. */
  adKey: string;
  /** VAST Ad@id of the first ad that asked for it, and its title, for display. */
  adId?: string;
  title?: string;
  sourceUrl: string;
  profileKey: string;
  profileSummary: string;
  state: TranscodeJobState;
  /** 0..1 over the whole job. */
  progress: number;
  /** How many requests (sessions, pre-warms) are waiting on or asked for this job. */
  requests: number;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  /** Wall time from start to finish. */
  ms?: number;
  /** Source duration, seconds (known once probed). */
  sourceSeconds?: number;
  /** Wall time over source duration: 0.4 means the ad was ready in 40 % of its running time. */
  realTimeRatio?: number;
  error?: string;
}

export interface TranscodedUrls {
  /** HLS multivariant, MPEG-TS variants with muxed audio. */
  hlsTs: string;
  /** HLS multivariant, fMP4 video variants and one fMP4 audio rendition. */
  hlsFmp4: string;
  /** DASH MPD over the same fMP4 segments. */
  dash: string;
}

export interface TranscodeCacheEntryInfo {
  key: string;
  adKey: string;
  title?: string;
  sourceUrl: string;
  profileKey: string;
  profileSummary: string;
  durationSeconds: number;
  /** e.g. ["1280x720@25 2000k", "640x360@25 700k"]. */
  renditions: string[];
  bytes: number;
  createdAt: number;
  lastUsedAt: number;
  encodeMs: number;
  /** Paths under the engine (prefix with the engine's base URL). */
  paths: TranscodedUrls;
}

export interface TranscodeOverview {
  jobs: TranscodeJobInfo[];
  cache: { entries: TranscodeCacheEntryInfo[]; bytes: number; maxBytes: number };
  /** Content profiles discovered so far, newest first. */
  profiles: DiscoveredProfile[];
  concurrency: number;
  queueLimit: number;
  /** x264 preset in use. */
  preset: string;
}

/** POST /api/transcode/prewarm body. */
export interface PrewarmRequest {
  /** Playback configuration whose ADS, slate and bumpers are conditioned. */
  configName: string;
  /** Content to condition for: an asset path under VideoContentSourceUrl (e.g. "vod/hls-ts/master.m3u8")
   *  or an absolute manifest URL. Default: the configuration's VideoContentSourceUrl itself when it is a
   *  manifest, else the demo's VOD HLS TS asset for the demo configuration. */
  asset?: string;
  /** Avail duration asked of the ADS (seconds, default 120). */
  availSeconds?: number;
}

export interface PrewarmResponse {
  profile: DiscoveredProfile;
  /** One line per ad found: ready from cache, queued now, or why not. */
  ads: { adId: string; adKey?: string; title?: string; state: TranscodeJobState | 'skipped'; jobId?: string; detail?: string }[];
}
