// Packages encoded renditions into the segment files the demo origin serves: muxed MPEG-TS per rendition,
// and CMAF-style fMP4 (video per rendition, one audio track) shared by HLS fMP4 and DASH.
// The segmenting itself is the transcoder's (transcode/package.ts); the origin writes its own manifests (with
// ad markers, live windows, DASH periods) from the durations and bitrates recorded here.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mdhdTimescale } from '../../mp4/boxes.js';
import { segmentRun, trackRates } from '../../transcode/package.js';
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
  const run = { limitSeconds: opts.durationSeconds, ...(opts.signal ? { signal: opts.signal } : {}) };
  for (const r of opts.renditions) {
    const src = opts.sources[r.id];
    if (!src) throw new Error(`no encoded source for rendition ${r.id}`);
    const tsDir = join(opts.outDir, 'ts', r.id);
    const cmafDir = join(opts.outDir, 'cmaf', r.id);
    await mkdir(tsDir, { recursive: true });
    await mkdir(cmafDir, { recursive: true });
    asset.ts[r.id] = await segmentRun([src], ['0:v', '0:a'], tsDir, false, SEGMENT_SECONDS, run);
    asset.cmafVideo[r.id] = await segmentRun([src], ['0:v'], cmafDir, true, SEGMENT_SECONDS, run);
    asset.renditions.push({
      ...r,
      tsBandwidth: (await trackRates(tsDir, r.id, asset.ts[r.id] ?? [], 'ts')).peak,
      cmafBandwidth: (await trackRates(cmafDir, r.id, asset.cmafVideo[r.id] ?? [], 'm4s')).peak,
    });
  }
  const first = opts.renditions[0];
  if (!first) throw new Error('no renditions');
  const audioDir = join(opts.outDir, 'cmaf', 'audio');
  await mkdir(audioDir, { recursive: true });
  asset.cmafAudio = await segmentRun([opts.sources[first.id] ?? ''], ['0:a'], audioDir, true, SEGMENT_SECONDS, run);
  // AAC priming/padding leaves a few ms of audio past the video's end; ffmpeg makes that a tiny last
  // segment. Video defines the timeline, so such a tail is dropped (its file simply isn't listed).
  const videoCount = asset.cmafVideo[first.id]?.length ?? 0;
  while (asset.cmafAudio.length > videoCount && (asset.cmafAudio.at(-1) ?? 0) < 0.2) asset.cmafAudio.pop();
  asset.audio.bandwidth = (await trackRates(audioDir, 'audio', asset.cmafAudio, 'm4s')).peak;
  asset.videoTimescale = mdhdTimescale(await readFile(join(opts.outDir, 'cmaf', first.id, 'init.mp4')));
  asset.audioTimescale = mdhdTimescale(await readFile(join(audioDir, 'init.mp4')));
  return asset;
}
