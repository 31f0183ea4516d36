// Real media for transcode tests: short mezzanines made with ffmpeg (cached in .cache/), a loopback ADS that
// answers VAST for them (and records <Error> pings), and ffprobe of what the transcoder wrote.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ffprobePath } from '../../src/main/ffmpeg/binaries.js';
import { runFfmpeg } from '../../src/main/ffmpeg/run.js';
import { sendXml, startServer, type LocalServer } from '../ads/local-server.js';

const exec = promisify(execFile);
const CACHE = resolve(import.meta.dirname, '..', '..', '.cache', 'test-mezzanines');

export interface MezzanineSpec {
  seconds: number;
  width: number;
  height: number;
  fps: number;
  sampleRate?: number;
  channels?: number;
}

/** A 1080p30, 44.1 kHz mono mezzanine by default: unlike the 720p/360p 25 fps, 48 kHz stereo demo content. */
export async function mezzanine(spec: Partial<MezzanineSpec> = {}): Promise<string> {
  const s: MezzanineSpec = { seconds: 4, width: 1920, height: 1080, fps: 30, sampleRate: 44100, channels: 1, ...spec };
  const file = join(CACHE, `mezz-${s.width}x${s.height}-${s.fps}-${s.seconds}s-${s.sampleRate ?? 0}-${s.channels ?? 0}.mp4`);
  if (existsSync(file)) return file;
  await mkdir(CACHE, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp.mp4`;
  const audio = s.sampleRate ? ['-f', 'lavfi', '-i', `sine=frequency=500:sample_rate=${s.sampleRate}:duration=${s.seconds}`] : [];
  await runFfmpeg([
    '-f', 'lavfi', '-i', `testsrc2=size=${s.width}x${s.height}:rate=${s.fps}:duration=${s.seconds}`, ...audio,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    ...(s.sampleRate ? ['-c:a', 'aac', '-ac', String(s.channels ?? 1)] : []),
    '-movflags', '+faststart', tmp,
  ]);
  const { rename } = await import('node:fs/promises');
  await rename(tmp, file);
  return file;
}

export interface TestAds extends LocalServer {
  /** VAST URL answering one ad whose creative id (the transcode cache key) is `name`, served from `media`. */
  vastUrl(name: string): string;
  /** <Error> pings received: [ad name, code]. */
  errors(): { ad: string; code: string }[];
}

/** Ads by name: `files[name]` is served at /media/{name}.mp4; a name with no file answers 404. */
export async function startTestAds(files: Record<string, string | Buffer>, seconds = 4): Promise<TestAds> {
  const server = await startServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/vast') {
      const name = url.searchParams.get('ad') ?? 'ad';
      return sendXml(res, vast(server.url, name, seconds));
    }
    if (url.pathname === '/error') return void res.end();
    const m = /^\/media\/([\w-]+)\.mp4$/.exec(url.pathname);
    const f = m ? files[m[1]!] : undefined;
    if (f === undefined) {
      res.writeHead(404);
      return void res.end('no such file');
    }
    const body = typeof f === 'string' ? await readFile(f) : f;
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': body.length });
    res.end(body);
  });
  return Object.assign(server, {
    vastUrl: (name: string) => `${server.url}/vast?ad=${name}`,
    errors: () =>
      server.requests
        .filter((r) => r.url.startsWith('/error'))
        .map((r) => {
          const q = new URL(r.url, 'http://x').searchParams;
          return { ad: q.get('ad') ?? '', code: q.get('code') ?? '' };
        }),
  });
}

function vast(base: string, name: string, seconds: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<VAST version="3.0"><Ad id="${name}-1"><InLine><AdSystem>transcode-test</AdSystem><AdTitle>${name}</AdTitle>
<Error><![CDATA[${base}/error?ad=${name}&code=[ERRORCODE]]]></Error>
<Impression><![CDATA[${base}/impression?ad=${name}]]></Impression>
<Creatives><Creative id="${name}"><Linear><Duration>00:00:${String(seconds).padStart(2, '0')}</Duration><MediaFiles>
<MediaFile delivery="progressive" type="video/mp4" width="1920" height="1080" bitrate="5000"><![CDATA[${base}/media/${name}.mp4]]></MediaFile>
</MediaFiles></Linear></Creative></Creatives></InLine></Ad></VAST>`;
}

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  profile?: string;
  level?: number;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
}

/** ffprobe of MP4 bytes (an fMP4 init + segment, or a TS segment remuxed to MP4: ffprobe crashes on TS here). */
export async function ffprobeStreams(parts: Buffer[], fromTs = false): Promise<ProbedStream[]> {
  const dir = join(tmpdir(), `stitchbench-ffprobe-${process.pid}-${Math.random().toString(36).slice(2)}`);
  await mkdir(dir, { recursive: true });
  try {
    let file = join(dir, fromTs ? 'in.ts' : 'in.mp4');
    await writeFile(file, Buffer.concat(parts));
    if (fromTs) {
      const mp4 = join(dir, 'remux.mp4');
      await runFfmpeg(['-i', file, '-c', 'copy', mp4]);
      file = mp4;
    }
    const { stdout } = await exec(ffprobePath(), ['-v', 'error', '-show_streams', '-of', 'json', file]);
    return (JSON.parse(stdout) as { streams: ProbedStream[] }).streams;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The fields a splice needs to agree on. */
export function spliceFields(streams: ProbedStream[]): Record<string, unknown> {
  const v = streams.find((s) => s.codec_type === 'video');
  const a = streams.find((s) => s.codec_type === 'audio');
  return {
    video: v && { codec: v.codec_name, profile: v.profile, level: v.level, width: v.width, height: v.height, pix_fmt: v.pix_fmt, fps: v.r_frame_rate },
    audio: a && { codec: a.codec_name, profile: a.profile, sample_rate: a.sample_rate, channels: a.channels },
  };
}

export async function bytes(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
