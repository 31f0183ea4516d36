// Runs ffmpeg with machine-readable progress (-progress pipe:1), a timeout and cancellation.
// Failures carry the tail of ffmpeg's stderr, which is where it explains itself.
import { spawn } from 'node:child_process';
import { ffmpegPath } from './binaries.js';

export interface FfmpegRunOptions {
  /** Expected output duration in seconds, to turn out_time into a 0..1 fraction. */
  durationSeconds?: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
  cwd?: string;
}

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(message);
  }
}

export function runFfmpeg(args: string[], opts: FfmpegRunOptions = {}): Promise<void> {
  const full = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-progress', 'pipe:1', '-y', ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), full, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdoutRest = '';
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    };
    const onAbort = () => {
      child.kill('SIGKILL');
      finish(new FfmpegError('ffmpeg cancelled', null, stderr.slice(-2000)));
    };
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
          finish(new FfmpegError(`ffmpeg timed out after ${opts.timeoutMs} ms`, null, stderr.slice(-2000)));
        }, opts.timeoutMs)
      : undefined;
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (stdoutRest + chunk).split('\n');
      stdoutRest = lines.pop() ?? '';
      for (const line of lines) {
        // out_time_ms is in microseconds despite its name.
        if (line.startsWith('out_time_ms=') && opts.durationSeconds && opts.onProgress) {
          const us = Number(line.slice(12));
          if (Number.isFinite(us)) opts.onProgress(Math.min(1, Math.max(0, us / 1e6 / opts.durationSeconds)));
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8000);
    });
    child.on('error', (e) => finish(new FfmpegError(`cannot start ffmpeg: ${e.message}`, null, '')));
    child.on('close', (code) => {
      if (code === 0) {
        opts.onProgress?.(1);
        finish();
      } else {
        const tail = stderr.trim().split('\n').slice(-5).join('\n');
        finish(new FfmpegError(`ffmpeg exited with code ${code}: ${tail}`, code, stderr.slice(-2000)));
      }
    });
  });
}
