// Packages encoded renditions into the segment files the demo origin serves: muxed MPEG-TS per rendition,
// and CMAF-style fMP4 (video per rendition, one audio track) shared by HLS fMP4 and DASH.
// ffmpeg writes a playlist per run; we read the real segment durations from it and then drop it,
// because the origin writes its own manifests (with ad markers, live windows, DASH periods).
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runFfmpeg } from '../../ffmpeg/run.js';
import { mdhdTimescale } from '../../mp4/boxes.js';
import { AUDIO_CODECS, AUDIO_SAMPLE_RATE, SEGMENT_SECONDS, type PackagedAsset, type VideoRendition } from './model.js';

export interface PackageOptions {
  id: string;
  durationSeconds: number;
  renditions: readonly VideoRendition[];
  /** Encoded MP4 (H.264 + AAC) per rendition id. */
  sources: Record<string, string>;
  outDir: string;
  signal?: AbortSignal;
}

const HLS_ARGS = ['-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_playlist_type', 'vod', '-hls_list_size', '0'];

async function segmentRun(input: string, map: string[], dir: string, fmp4: boolean, seconds: number, signal?: AbortSignal): Promise<number[]> {
  const ext = fmp4 ? 'm4s' : 'ts';
  const args = ['-i', input, ...map, '-t', String(seconds), '-c', 'copy', ...HLS_ARGS];
  if (fmp4) args.push('-hls_segment_type', 'fmp4', '-hls_fmp4_init_filename', 'init.mp4');
  args.push('-hls_segment_filename', join(dir, `seg_%05d.${ext}`), join(dir, 'ffmpeg.m3u8'));
  await runFfmpeg(args, { signal, timeoutMs: 120_000 });
  const playlist = await readFile(join(dir, 'ffmpeg.m3u8'), 'utf8');
  await rm(join(dir, 'ffmpeg.m3u8'));
  return [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map((m) => Number(m[1]));
}

/** Peak bits per second over the segments, as HLS BANDWIDTH wants. */
async function peakBandwidth(dir: string, durations: number[], ext: string): Promise<number> {
  let peak = 0;
  for (let i = 0; i < durations.length; i++) {
    const d = durations[i] ?? SEGMENT_SECONDS;
    const { size } = await stat(join(dir, `seg_${String(i).padStart(5, '0')}.${ext}`));
    if (d > 0.5) peak = Math.max(peak, (size * 8) / d);
  }
  return Math.ceil(peak / 1000) * 1000;
}

export async function packageAsset(opts: PackageOptions): Promise<PackagedAsset> {
  const asset: PackagedAsset = {
    id: opts.id,
    durationSeconds: opts.durationSeconds,
    renditions: [],
    audio: { codecs: AUDIO_CODECS, sampleRate: AUDIO_SAMPLE_RATE, channels: 2, bandwidth: 0 },
    ts: {},
    cmafVideo: {},
    cmafAudio: [],
    videoTimescale: 0,
    audioTimescale: 0,
  };
  for (const r of opts.renditions) {
    const src = opts.sources[r.id];
    if (!src) throw new Error(`no encoded source for rendition ${r.id}`);
    const tsDir = join(opts.outDir, 'ts', r.id);
    const cmafDir = join(opts.outDir, 'cmaf', r.id);
    await mkdir(tsDir, { recursive: true });
    await mkdir(cmafDir, { recursive: true });
    asset.ts[r.id] = await segmentRun(src, ['-map', '0:v', '-map', '0:a'], tsDir, false, opts.durationSeconds, opts.signal);
    asset.cmafVideo[r.id] = await segmentRun(src, ['-map', '0:v'], cmafDir, true, opts.durationSeconds, opts.signal);
    asset.renditions.push({
      ...r,
      tsBandwidth: await peakBandwidth(tsDir, asset.ts[r.id] ?? [], 'ts'),
      cmafBandwidth: await peakBandwidth(cmafDir, asset.cmafVideo[r.id] ?? [], 'm4s'),
    });
  }
  const first = opts.renditions[0];
  if (!first) throw new Error('no renditions');
  const audioDir = join(opts.outDir, 'cmaf', 'audio');
  await mkdir(audioDir, { recursive: true });
  asset.cmafAudio = await segmentRun(opts.sources[first.id] ?? '', ['-map', '0:a'], audioDir, true, opts.durationSeconds, opts.signal);
  // AAC priming/padding leaves a few ms of audio past the video's end; ffmpeg makes that a tiny last
  // segment. Video defines the timeline, so such a tail is dropped (its file simply isn't listed).
  const videoCount = asset.cmafVideo[first.id]?.length ?? 0;
  while (asset.cmafAudio.length > videoCount && (asset.cmafAudio.at(-1) ?? 0) < 0.2) asset.cmafAudio.pop();
  asset.audio.bandwidth = await peakBandwidth(audioDir, asset.cmafAudio, 'm4s');
  asset.videoTimescale = mdhdTimescale(await readFile(join(opts.outDir, 'cmaf', first.id, 'init.mp4')));
  asset.audioTimescale = mdhdTimescale(await readFile(join(audioDir, 'init.mp4')));
  return asset;
}

/** Total size of a directory tree in bytes (for reporting the demo world's footprint). */
export async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
