// Starts the built headless host (`stitchbench serve --port 0`) for the web e2e project and reads
// the URL it prints. The server stops with the test run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './env.js';

export async function startServer(): Promise<{ url: string; stop: () => void }> {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Run `npm run build` before the e2e tests');
  const dataDir = join(ROOT, '.cache', 'e2e-data');
  mkdirSync(dataDir, { recursive: true });
  const sharedMedia = join(ROOT, '.cache', 'test-demo-media');
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'stitchbench.js'), 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, ...(existsSync(sharedMedia) ? { STITCHBENCH_DEMO_MEDIA: sharedMedia } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('stitchbench serve printed no URL within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`stitchbench serve exited early with code ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /listening on (http:\/\/\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  // First start may build the demo world with ffmpeg: wait for it (progress goes to stderr).
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    const res = await fetch(`${url}/healthz`).catch(() => undefined);
    if (res?.status === 200) break;
    const body = (await res?.json().catch(() => undefined)) as { status?: string; demo?: { error?: string } } | undefined;
    if (body?.status === 'failed') throw new Error(`demo world failed: ${body.demo?.error}`);
    if (Date.now() > deadline) throw new Error('stitchbench did not become healthy within 5 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, stop: () => child.kill('SIGTERM') };
}
