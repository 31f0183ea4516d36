// From what an origin's manifests (and, where they are silent, a probed segment) say about the content to the
// ContentProfile ads are encoded to. Pure. Unknowns get documented defaults, listed in `assumed` so the UI can
// say which facts were guessed.
import { createHash } from 'node:crypto';
import type { AudioProfile, ContentProfile, RenditionProfile } from '../../shared/transcode.js';

/** One video rendition as the manifest (and probe) described it. */
export interface RenditionFacts {
  width?: number;
  height?: number;
  fps?: number;
  /** bits/s: HLS BANDWIDTH (peak, video+audio when muxed) or DASH @bandwidth (this track). */
  bandwidth?: number;
  /** HLS AVERAGE-BANDWIDTH. */
  averageBandwidth?: number;
  /** Video codec string (avc1.4d401f …). */
  codecs?: string;
  /** Whether `bandwidth` includes the audio (HLS variants always do). */
  includesAudio: boolean;
}

export interface AudioFacts {
  sampleRate?: number;
  channels?: number;
  /** bits/s of the audio alone, when known. */
  bandwidth?: number;
  codecs?: string;
}

export interface ProfileFacts {
  renditions: RenditionFacts[];
  /** Undefined when the content has no audio at all. */
  audio?: AudioFacts;
  segmentSeconds?: number;
}

export type ProfileResult = { ok: true; profile: ContentProfile; assumed: string[] } | { ok: false; error: string };

/** Ad audio bitrate by channel count, not the content's: HLS rarely states it, and it does not affect a splice. */
function audioKbps(channels: number): number {
  return channels <= 1 ? 64 : channels <= 2 ? 128 : 384;
}

/** Video bitrates snap to a 25 % grid (…, 1311, 1639, 2048, 2560 …): one content packaged as HLS TS, HLS fMP4
 *  and DASH declares slightly different bandwidths for the same encode, and should share one transcode. */
export function snapKbps(kbps: number): number {
  const step = Math.log(1.25);
  return Math.round(Math.exp(Math.round(Math.log(kbps) / step) * step));
}
const DEFAULT_SEGMENT_SECONDS = 6;
/** H.264 profile_idc by the first byte of avc1.PPCCLL. */
const H264_PROFILES: Record<number, RenditionProfile['h264Profile']> = { 66: 'baseline', 77: 'main', 88: 'main', 100: 'high' };

/** First video codec of a CODECS list, e.g. "avc1.4d401f,mp4a.40.2" → "avc1.4d401f". */
export function videoCodecOf(codecs: string | undefined): string | undefined {
  return codecs?.split(',').map((c) => c.trim()).find((c) => /^(avc|hvc|hev|av01|vp0?9|dvh)/i.test(c));
}

export function audioCodecOf(codecs: string | undefined): string | undefined {
  return codecs?.split(',').map((c) => c.trim()).find((c) => /^(mp4a|ac-3|ec-3|opus)/i.test(c));
}

/** Level that fits a frame size and rate (Table A-1 macroblock rates, with headroom), for content that says none. */
function levelFor(width: number, height: number, fps: number): number {
  const mbps = Math.ceil(width / 16) * Math.ceil(height / 16) * fps;
  if (mbps <= 40_500) return 30;
  if (mbps <= 108_000) return 31;
  if (mbps <= 245_760) return 40;
  if (mbps <= 522_240) return 42;
  return 51;
}

/** 29.97 → 30000/1001, 25 → 25: ffmpeg wants exact rates, manifests say decimals. */
export function fpsRational(fps: number): string {
  for (const base of [24, 30, 48, 60, 120]) if (Math.abs(fps - (base * 1000) / 1001) < 0.01) return `${base * 1000}/1001`;
  return Number.isInteger(fps) ? String(fps) : `${Math.round(fps * 1000)}/1000`;
}

function even(n: number): number {
  return Math.max(2, Math.round(n / 2) * 2);
}

function roundFps(fps: number): number {
  return Math.round(fps * 1000) / 1000;
}

export function renditionLabel(r: RenditionProfile): string {
  return `${r.width}x${r.height}@${Number(r.fps.toFixed(3))} ${r.videoKbps}k`;
}

function summaryOf(p: Omit<ContentProfile, 'key' | 'summary'>): string {
  const audio = p.audio ? `AAC ${p.audio.sampleRate / 1000} kHz ${p.audio.channels}ch ${p.audio.kbps}k` : 'no audio';
  return `${p.renditions.map(renditionLabel).join(', ')} · ${audio} · ${p.segmentSeconds} s segments`;
}

/** Hash of the fields that change the encode (not where the content came from): the cache key's second half. */
export function profileKey(p: Omit<ContentProfile, 'key' | 'summary'>): string {
  const canonical = JSON.stringify({
    r: p.renditions.map((r) => [r.width, r.height, r.fps, r.videoKbps, r.h264Profile, r.h264Level]),
    a: p.audio ? [p.audio.sampleRate, p.audio.channels, p.audio.kbps] : null,
    s: p.segmentSeconds,
  });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

export function buildProfile(facts: ProfileFacts): ProfileResult {
  const assumed: string[] = [];
  const audio: AudioProfile | undefined = facts.audio
    ? {
        sampleRate: facts.audio.sampleRate ?? (assumed.push('audio sample rate 48 kHz'), 48_000),
        channels: facts.audio.channels ?? (assumed.push('audio channels 2'), 2),
        kbps: 0,
      }
    : undefined;
  if (audio) audio.kbps = audioKbps(audio.channels);
  if (facts.audio?.codecs && !/^mp4a/i.test(facts.audio.codecs)) return { ok: false, error: `content audio is ${facts.audio.codecs}; the bundled transcoder makes AAC only` };
  if (facts.audio?.codecs === 'mp4a.40.5' || facts.audio?.codecs === 'mp4a.40.29') assumed.push('HE-AAC content: ads get AAC-LC');

  const renditions: RenditionProfile[] = [];
  const seen = new Set<string>();
  for (const [i, f] of facts.renditions.entries()) {
    const codec = f.codecs;
    if (codec && !/^avc[13]/i.test(codec)) return { ok: false, error: `content video is ${codec}; the bundled transcoder makes H.264 (avc1) only` };
    if (!f.width || !f.height) return { ok: false, error: `rendition ${i + 1} has no resolution in the manifest and none could be probed` };
    const fps = f.fps ?? (assumed.push(`rendition ${i + 1} frame rate 25`), 25);
    const idc = codec ? Number.parseInt(codec.slice(5, 7), 16) : Number.NaN;
    const levelIdc = codec ? Number.parseInt(codec.slice(9, 11), 16) : Number.NaN;
    const h264Profile = H264_PROFILES[idc] ?? (f.height > 720 ? 'high' : 'main');
    if (!codec) assumed.push(`rendition ${i + 1} H.264 ${h264Profile}`);
    const width = even(f.width);
    const height = even(f.height);
    const h264Level = Number.isFinite(levelIdc) && levelIdc > 0 ? levelIdc : levelFor(width, height, fps);
    // HLS BANDWIDTH is a peak over video+audio; encode the video to the average, less the audio share.
    const total = f.averageBandwidth ?? (f.bandwidth !== undefined ? f.bandwidth / (f.includesAudio ? 1.15 : 1.1) : undefined);
    const audioShare = f.includesAudio && audio ? audio.kbps * 1000 : 0;
    const videoKbps = total !== undefined ? snapKbps(Math.max(100, (total - audioShare) / 1000)) : (assumed.push(`rendition ${i + 1} bitrate from its size`), snapKbps((width * height * fps) / 12_000));
    const r: RenditionProfile = { width, height, fps: roundFps(fps), videoKbps, h264Profile, h264Level };
    const id = JSON.stringify(r);
    if (!seen.has(id)) renditions.push(r);
    seen.add(id);
  }
  if (renditions.length === 0) return { ok: false, error: 'the content has no video renditions' };
  renditions.sort((a, b) => b.height - a.height || b.videoKbps - a.videoKbps);
  const segmentSeconds = facts.segmentSeconds && facts.segmentSeconds > 0 ? Math.round(facts.segmentSeconds * 1000) / 1000 : (assumed.push(`segment duration ${DEFAULT_SEGMENT_SECONDS} s`), DEFAULT_SEGMENT_SECONDS);
  const base = { renditions, ...(audio ? { audio } : {}), segmentSeconds };
  return { ok: true, profile: { ...base, key: profileKey(base), summary: summaryOf(base) }, assumed };
}

/** The segment duration a packager aimed at: the most common duration (to the 1/10 s), ignoring a short last one. */
export function typicalSegmentSeconds(durations: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const d of durations.length > 2 ? durations.slice(0, -1) : durations) {
    const k = Math.round(d * 10) / 10;
    if (k > 0) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [k, c] of counts) if (c > bestCount || (c === bestCount && best !== undefined && k > best)) [best, bestCount] = [k, c];
  return best;
}
