// The one ffmpeg run that conditions an ad: decode the source once, bring it to the content's frame rate, split
// it into every content rendition (scaled and letterboxed to the exact frame size), and encode each with a
// keyframe on every segment boundary, plus the audio resampled to the content's rate and channel count.
// Settings (documented in the README): x264 `veryfast` (configurable), no B-frames (so fMP4 media starts at
// PTS 0 with no composition offset, and encodes ~15 % faster), CBR-ish VBV at the content's bitrate.
import { join } from 'node:path';
import type { ContentProfile, RenditionProfile } from '../../shared/transcode.js';
import { runFfmpeg } from '../ffmpeg/run.js';
import type { MediaProbe } from './probe.js';
import { fpsRational } from './profile.js';

export const DEFAULT_PRESET = 'veryfast';
export const X264_PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium'] as const;

export interface EncodePlan {
  args: string[];
  /** One MP4 per profile rendition, in profile order. */
  video: string[];
  audio?: string;
}

function x264Args(r: RenditionProfile, profile: ContentProfile, preset: string): string[] {
  // A keyframe exactly on every segment boundary; -g as the same bound for encoders that ignore forced frames.
  const gop = String(Math.max(1, Math.round(r.fps * profile.segmentSeconds)));
  return [
    '-c:v', 'libx264', '-preset', preset, '-profile:v', r.h264Profile, '-level', (r.h264Level / 10).toFixed(1),
    '-pix_fmt', 'yuv420p', '-bf', '0',
    '-b:v', `${r.videoKbps}k`, '-maxrate', `${Math.round(r.videoKbps * 1.1)}k`, '-bufsize', `${r.videoKbps * 2}k`,
    '-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-force_key_frames', `expr:gte(t,n_forced*${profile.segmentSeconds})`,
  ];
}

export function encodePlan(input: string, source: MediaProbe, profile: ContentProfile, dir: string, preset = DEFAULT_PRESET): EncodePlan {
  if (!source.video) throw new Error('the ad has no video stream');
  const n = profile.renditions.length;
  const fps = fpsRational(profile.renditions[0]!.fps);
  const args = ['-i', input];
  // An ad without sound still needs an audio track where the content has one, or players stall at the splice.
  const silent = Boolean(profile.audio && !source.audio);
  if (silent && profile.audio) {
    args.push('-f', 'lavfi', '-t', String(source.durationSeconds ?? 30), '-i', `anullsrc=r=${profile.audio.sampleRate}:cl=${profile.audio.channels === 1 ? 'mono' : 'stereo'}`);
  }
  const branches = profile.renditions.map(
    (r, i) => `[s${i}]scale=${r.width}:${r.height}:force_original_aspect_ratio=decrease,pad=${r.width}:${r.height}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p[v${i}]`,
  );
  args.push('-filter_complex', `[0:v:0]fps=${fps},split=${n}${profile.renditions.map((_, i) => `[s${i}]`).join('')};${branches.join(';')}`);
  const video: string[] = [];
  profile.renditions.forEach((r, i) => {
    const file = join(dir, `v${i}.mp4`);
    video.push(file);
    args.push('-map', `[v${i}]`, '-an', ...x264Args(r, profile, preset), '-f', 'mp4', file);
  });
  let audio: string | undefined;
  if (profile.audio) {
    audio = join(dir, 'audio.mp4');
    const a = profile.audio;
    args.push('-map', silent ? '1:a:0' : '0:a:0', '-vn', '-c:a', 'aac', '-b:a', `${a.kbps}k`, '-ar', String(a.sampleRate), '-ac', String(a.channels));
    args.push('-f', 'mp4', audio);
  }
  return { args, video, ...(audio ? { audio } : {}) };
}

export interface EncodeOptions {
  preset?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  onProgress?: (fraction: number) => void;
}

export async function encodeLadder(input: string, source: MediaProbe, profile: ContentProfile, dir: string, opts: EncodeOptions = {}): Promise<EncodePlan> {
  const plan = encodePlan(input, source, profile, dir, opts.preset);
  await runFfmpeg(plan.args, {
    ...(source.durationSeconds ? { durationSeconds: source.durationSeconds } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  return plan;
}
