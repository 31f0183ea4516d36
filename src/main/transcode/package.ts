// Cuts a conditioned ladder into segments (stream copy, no re-encode): MPEG-TS with muxed audio per rendition,
// fMP4 video per rendition and one fMP4 audio track (shared by HLS fMP4 and DASH), then writes the manifests.
// ffmpeg's own playlists are read for the real segment durations and dropped: ours are written by manifests.ts.
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentProfile } from '../../shared/transcode.js';
import { runFfmpeg } from '../ffmpeg/run.js';
import { codecString, mdhdTimescale } from '../mp4/boxes.js';
import type { EncodePlan } from './encode.js';
import { dashMpd, hlsMediaPlaylist, hlsMultivariant, type PackagedAd, type PackagedTrack } from './manifests.js';

export const ENTRY_FILES = { hlsTs: 'hls-ts.m3u8', hlsFmp4: 'hls-fmp4.m3u8', dash: 'manifest.mpd' } as const;

/** Stream-copies inputs into HLS segments (seg_00000.ts|m4s, init.mp4 for fMP4) in `dir`; returns their durations
 *  as ffmpeg measured them (its playlist is read, then dropped). `limitSeconds` trims the output (-t). */
export async function segmentRun(inputs: string[], maps: string[], dir: string, fmp4: boolean, segmentSeconds: number, opts: { signal?: AbortSignal; limitSeconds?: number } = {}): Promise<number[]> {
  await mkdir(dir, { recursive: true });
  const args = [...inputs.flatMap((i) => ['-i', i]), ...maps.flatMap((m) => ['-map', m])];
  if (opts.limitSeconds !== undefined) args.push('-t', String(opts.limitSeconds));
  args.push('-c', 'copy', '-f', 'hls', '-hls_time', String(segmentSeconds), '-hls_playlist_type', 'vod', '-hls_list_size', '0');
  if (fmp4) args.push('-hls_segment_type', 'fmp4', '-hls_fmp4_init_filename', 'init.mp4');
  args.push('-hls_segment_filename', join(dir, `seg_%05d.${fmp4 ? 'm4s' : 'ts'}`), join(dir, 'ffmpeg.m3u8'));
  await runFfmpeg(args, { timeoutMs: 120_000, ...(opts.signal ? { signal: opts.signal } : {}) });
  const playlist = await readFile(join(dir, 'ffmpeg.m3u8'), 'utf8');
  await rm(join(dir, 'ffmpeg.m3u8'));
  return [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map((m) => Number(m[1]));
}

/** Peak and average bits/s of a track's segment files (HLS BANDWIDTH / AVERAGE-BANDWIDTH). */
export async function trackRates(dir: string, id: string, durations: number[], ext: string): Promise<PackagedTrack> {
  let peak = 0;
  let bytes = 0;
  for (let i = 0; i < durations.length; i++) {
    const { size } = await stat(join(dir, `seg_${String(i).padStart(5, '0')}.${ext}`));
    bytes += size;
    // A very short last segment would overstate the peak.
    if ((durations[i] ?? 0) > 0.5) peak = Math.max(peak, (size * 8) / durations[i]!);
  }
  const total = durations.reduce((a, b) => a + b, 0);
  const round = (n: number) => Math.ceil(n / 1000) * 1000;
  return { id, durations, peak: round(peak), average: round(total > 0 ? (bytes * 8) / total : 0) };
}

/** Folder and Representation ids: "720p", or "720p-2560k" when two renditions share a height. */
export function renditionIds(profile: ContentProfile): string[] {
  const heights = profile.renditions.map((r) => r.height);
  return profile.renditions.map((r) => (heights.filter((h) => h === r.height).length > 1 ? `${r.height}p-${r.videoKbps}k` : `${r.height}p`));
}

/** Two runs at a time: each is a short stream copy, mostly waiting on the disk. */
async function inPairs<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

export async function packageAd(plan: EncodePlan, profile: ContentProfile, dir: string, signal?: AbortSignal): Promise<PackagedAd> {
  const S = profile.segmentSeconds;
  const ids = renditionIds(profile);
  const audioIn = plan.audio ? [plan.audio] : [];
  const tasks: (() => Promise<number[]>)[] = [];
  ids.forEach((id, i) => {
    const v = plan.video[i]!;
    tasks.push(() => segmentRun([v, ...audioIn], ['0:v', ...(plan.audio ? ['1:a'] : [])], join(dir, 'ts', id), false, S, { ...(signal ? { signal } : {}) }));
    tasks.push(() => segmentRun([v], ['0:v'], join(dir, 'cmaf', id), true, S, { ...(signal ? { signal } : {}) }));
  });
  if (plan.audio) tasks.push(() => segmentRun([plan.audio!], ['0:a'], join(dir, 'cmaf', 'audio'), true, S, { ...(signal ? { signal } : {}) }));
  const runs = await inPairs(tasks);

  const videoCount = runs[1]?.length ?? 0;
  const renditions: PackagedAd['renditions'] = [];
  for (const [i, id] of ids.entries()) {
    const r = profile.renditions[i]!;
    const init = await readFile(join(dir, 'cmaf', id, 'init.mp4'));
    renditions.push({
      id,
      width: r.width,
      height: r.height,
      fps: r.fps,
      codecs: codecString(init) ?? 'avc1.4d401f',
      ts: await trackRates(join(dir, 'ts', id), id, runs[i * 2]!, 'ts'),
      cmaf: await trackRates(join(dir, 'cmaf', id), id, runs[i * 2 + 1]!, 'm4s'),
    });
  }
  const firstInit = await readFile(join(dir, 'cmaf', ids[0]!, 'init.mp4'));
  const ad: PackagedAd = {
    durationSeconds: renditions[0]!.cmaf.durations.reduce((a, b) => a + b, 0),
    renditions,
    videoTimescale: mdhdTimescale(firstInit),
    audioTimescale: 0,
  };
  if (plan.audio && profile.audio) {
    const durations = runs.at(-1)!;
    // AAC frames overrun the video by a few ms; ffmpeg makes that a tiny last segment. Video defines the ad's
    // length, so such a tail is not listed.
    while (durations.length > videoCount && (durations.at(-1) ?? 0) < 0.2) durations.pop();
    const aDir = join(dir, 'cmaf', 'audio');
    const init = await readFile(join(aDir, 'init.mp4'));
    ad.audio = { ...(await trackRates(aDir, 'audio', durations, 'm4s')), codecs: codecString(init) ?? 'mp4a.40.2', sampleRate: profile.audio.sampleRate, channels: profile.audio.channels };
    ad.audioTimescale = mdhdTimescale(init);
  }
  for (const r of renditions) {
    await writeFile(join(dir, 'ts', r.id, 'index.m3u8'), hlsMediaPlaylist(r.ts.durations, 'ts'));
    await writeFile(join(dir, 'cmaf', r.id, 'index.m3u8'), hlsMediaPlaylist(r.cmaf.durations, 'm4s'));
  }
  if (ad.audio) await writeFile(join(dir, 'cmaf', 'audio', 'index.m3u8'), hlsMediaPlaylist(ad.audio.durations, 'm4s'));
  await writeFile(join(dir, ENTRY_FILES.hlsTs), hlsMultivariant(ad, 'ts'));
  await writeFile(join(dir, ENTRY_FILES.hlsFmp4), hlsMultivariant(ad, 'fmp4'));
  await writeFile(join(dir, ENTRY_FILES.dash), dashMpd(ad));
  return ad;
}
