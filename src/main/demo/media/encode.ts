// The three encodes of the demo world: the content ladder, an ad's mezzanine, and an ad's conditioned
// renditions (the mezzanine brought to the content's resolution, frame rate, GOP and sample rate).
import { join } from 'node:path';
import { runFfmpeg } from '../../ffmpeg/run.js';
import { contentVideoFilter, creativeFilterGraph, creativeSources, renditionLabel } from './filters.js';
import {
  AUDIO_SAMPLE_RATE,
  CONTENT_FPS,
  CONTENT_RENDITIONS,
  CONTENT_SECONDS,
  MEZZANINE,
  SEGMENT_SECONDS,
  type CreativeSpec,
  type VideoRendition,
} from './model.js';

export interface EncodeOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** x264/AAC settings for one rendition: fixed GOP of one segment, no scene-cut keyframes, so every
 *  segment starts with an IDR at exactly SEGMENT_SECONDS boundaries. */
function renditionArgs(r: VideoRendition): string[] {
  const gop = String(CONTENT_FPS * SEGMENT_SECONDS);
  return [
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', r.profile, '-level', r.level, '-pix_fmt', 'yuv420p',
    '-b:v', `${r.bitrateKbps}k`, '-maxrate', `${Math.round(r.bitrateKbps * 1.1)}k`, '-bufsize', `${r.bitrateKbps * 2}k`,
    '-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-r', String(CONTENT_FPS),
    '-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', String(AUDIO_SAMPLE_RATE),
    '-movflags', '+faststart',
  ];
}

/** One filter graph, split into every rendition: the expensive source/text rendering happens once. */
function ladderOutputs(videoIn: string, audioIn: string, dir: string): { filter: string; outputs: string[]; files: Record<string, string> } {
  const n = CONTENT_RENDITIONS.length;
  const splitLabels = CONTENT_RENDITIONS.map((_, i) => `[s${i}]`).join('');
  const branches = CONTENT_RENDITIONS.map(
    (r, i) => `[s${i}]scale=${r.width}:${r.height},${renditionLabel(`${r.id} · ${r.bitrateKbps} kbps`)}[v${i}]`,
  );
  const filter = `${videoIn}split=${n}${splitLabels};${branches.join(';')}`;
  const outputs: string[] = [];
  const files: Record<string, string> = {};
  CONTENT_RENDITIONS.forEach((r, i) => {
    const file = join(dir, `${r.id}.mp4`);
    files[r.id] = file;
    outputs.push('-map', `[v${i}]`, '-map', audioIn, ...renditionArgs(r), file);
  });
  return { filter, outputs, files };
}

export async function encodeContent(dir: string, opts: EncodeOptions = {}): Promise<Record<string, string>> {
  const d = CONTENT_SECONDS;
  const { filter, outputs, files } = ladderOutputs('[c]', '1:a', dir);
  await runFfmpeg(
    [
      '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=${CONTENT_FPS}:duration=${d}`,
      '-f', 'lavfi', '-i', `sine=frequency=440:beep_factor=4:sample_rate=${AUDIO_SAMPLE_RATE}:duration=${d}`,
      '-filter_complex', `[0:v]${contentVideoFilter()}[c];${filter}`,
      ...outputs,
    ],
    { durationSeconds: d, timeoutMs: 15 * 60_000, ...opts },
  );
  return files;
}

export async function encodeMezzanine(c: CreativeSpec, file: string, opts: EncodeOptions = {}): Promise<void> {
  await runFfmpeg(
    [
      ...creativeSources(c),
      '-filter_complex', creativeFilterGraph(c),
      '-map', '[v]', '-map', '1:a',
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-maxrate', `${MEZZANINE.bitrateKbps}k`, '-bufsize', `${MEZZANINE.bitrateKbps * 2}k`,
      '-pix_fmt', 'yuv420p', '-r', String(MEZZANINE.fps),
      '-c:a', 'aac', '-b:a', '192k', '-ac', '2', '-ar', String(MEZZANINE.sampleRate),
      '-t', String(c.durationSeconds), '-movflags', '+faststart', file,
    ],
    { durationSeconds: c.durationSeconds, timeoutMs: 10 * 60_000, ...opts },
  );
}

/** The pre-conditioned renditions a VAST response offers as HLS/DASH MediaFiles. */
export async function conditionCreative(mezzanine: string, c: CreativeSpec, dir: string, opts: EncodeOptions = {}): Promise<Record<string, string>> {
  const { filter, outputs, files } = ladderOutputs('[f]', '0:a', dir);
  await runFfmpeg(
    ['-i', mezzanine, '-filter_complex', `[0:v]fps=${CONTENT_FPS}[f];${filter}`, ...outputs],
    { durationSeconds: c.durationSeconds, timeoutMs: 10 * 60_000, ...opts },
  );
  return files;
}
