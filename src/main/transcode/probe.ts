// What a media file holds, read from `ffmpeg -i`'s stream summary. The bundled ffprobe segfaults on MPEG-TS,
// and ffmpeg's summary has every field conditioning needs (codec, size, frame rate, sample rate, channels,
// duration), for TS, MP4 and fMP4 (init + segment) alike.
import { spawn } from 'node:child_process';
import { ffmpegPath } from '../ffmpeg/binaries.js';

export interface ProbedVideo {
  codec: string;
  /** e.g. "Main", "High", "Constrained Baseline". */
  profile?: string;
  width: number;
  height: number;
  fps?: number;
  kbps?: number;
}

export interface ProbedAudio {
  codec: string;
  sampleRate: number;
  channels: number;
  kbps?: number;
}

export interface MediaProbe {
  durationSeconds?: number;
  video?: ProbedVideo;
  audio?: ProbedAudio;
}

export class ProbeError extends Error {
  override name = 'ProbeError';
}

const CHANNEL_LAYOUTS: Record<string, number> = { mono: 1, stereo: 2, '2.1': 3, quad: 4, '4.0': 4, '5.0': 5, '5.1': 6, '5.1(side)': 6, '6.1': 7, '7.1': 8 };

function duration(text: string): number | undefined {
  const m = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(text);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
}

/** Parses ffmpeg's "Input #0 …" summary (pure; exported for tests). */
export function parseFfmpegSummary(text: string): MediaProbe {
  const out: MediaProbe = {};
  const d = duration(text);
  if (d !== undefined) out.durationSeconds = d;
  for (const line of text.split('\n')) {
    const s = /Stream #\d+:\d+.*?: (Video|Audio): (\w+)(?: \(([^)]*)\))?(.*)$/.exec(line);
    if (!s) continue;
    const [, kind, codec, paren, rest = ''] = s;
    if (kind === 'Video' && !out.video) {
      const size = /(?:^|[ ,])(\d{2,5})x(\d{2,5})(?:[ ,]|$)/.exec(rest);
      if (!size) continue;
      const fps = /([\d.]+)(k?) fps/.exec(rest) ?? /([\d.]+)(k?) tbr/.exec(rest);
      const kbps = /(\d+) kb\/s/.exec(rest);
      out.video = {
        codec: codec!,
        // "(Main)" is a profile; "(avc1 / 0x…)" is a codec tag.
        ...(paren && !paren.includes('/') ? { profile: paren } : {}),
        width: Number(size[1]),
        height: Number(size[2]),
        ...(fps ? { fps: Number(fps[1]) * (fps[2] ? 1000 : 1) } : {}),
        ...(kbps ? { kbps: Number(kbps[1]) } : {}),
      };
    } else if (kind === 'Audio' && !out.audio) {
      const hz = /(\d+) Hz/.exec(rest);
      if (!hz) continue;
      const layout = /Hz, ([^,]+)/.exec(rest)?.[1]?.trim() ?? '';
      const channels = CHANNEL_LAYOUTS[layout] ?? Number(/^(\d+) channels/.exec(layout)?.[1] ?? 2);
      const kbps = /(\d+) kb\/s/.exec(rest);
      out.audio = { codec: codec!, sampleRate: Number(hz[1]), channels, ...(kbps ? { kbps: Number(kbps[1]) } : {}) };
    }
  }
  return out;
}

/** Probes a local file (or anything ffmpeg opens). Throws ProbeError when ffmpeg cannot read it as media. */
export function probeMedia(input: string, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<MediaProbe> {
  return new Promise((resolve, reject) => {
    // No output file: ffmpeg prints the summary, then exits 1 ("At least one output file must be specified").
    const child = spawn(ffmpegPath(), ['-hide_banner', '-nostdin', '-i', input], { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 15_000);
    const onAbort = () => child.kill('SIGKILL');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => {
      if (text.length < 64_000) text += c;
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new ProbeError(`cannot start ffmpeg: ${e.message}`));
    });
    child.on('close', () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      const probe = parseFfmpegSummary(text);
      if (probe.video || probe.audio) return resolve(probe);
      const why = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('At least one output')).at(-1);
      reject(new ProbeError(`not a playable media file${why ? `: ${why.replace(input, '').replace(/^:\s*/, '')}` : ''}`));
    });
  });
}
