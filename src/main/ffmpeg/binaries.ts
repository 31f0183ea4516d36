// Locates the bundled ffmpeg/ffprobe (shipped inside npm packages). STITCHBENCH_FFMPEG / STITCHBENCH_FFPROBE
// override them. Inside a packaged Electron app binaries live in app.asar.unpacked, not in the archive.
import { createRequire } from 'node:module';

const requireCjs = createRequire(import.meta.url);

function unpacked(p: string): string {
  return p.replace(`app.asar${process.platform === 'win32' ? '\\' : '/'}`, `app.asar.unpacked${process.platform === 'win32' ? '\\' : '/'}`);
}

export function ffmpegPath(): string {
  if (process.env.STITCHBENCH_FFMPEG) return process.env.STITCHBENCH_FFMPEG;
  return unpacked((requireCjs('@ffmpeg-installer/ffmpeg') as { path: string }).path);
}

export function ffprobePath(): string {
  if (process.env.STITCHBENCH_FFPROBE) return process.env.STITCHBENCH_FFPROBE;
  return unpacked((requireCjs('@ffprobe-installer/ffprobe') as { path: string }).path);
}
