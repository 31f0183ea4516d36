// The headless host as users run it: the built `stitchbench serve` binary in a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DEMO_MEDIA_ROOT, TEST_TRANSCODE_ROOT } from '../global-setup.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'stitchbench.js');

describe('stitchbench serve (built CLI)', () => {
  let child: ChildProcess;
  let url = '';
  let dataDir = '';
  beforeAll(async () => {
    if (!existsSync(join(root, 'out', 'main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before the tests');
    dataDir = await mkdtemp(join(tmpdir(), 'stitchbench-cli-'));
    child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
      // The shared demo media and transcoded demo ads: healthy as soon as both are loaded.
      env: { ...process.env, STITCHBENCH_DEMO_MEDIA: TEST_DEMO_MEDIA_ROOT, STITCHBENCH_TRANSCODE_CACHE: TEST_TRANSCODE_ROOT },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout! });
    url = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no URL printed within 20 s')), 20_000);
      lines.on('line', (l) => {
        const m = /listening on (http:\/\/\S+)$/.exec(l);
        if (m) {
          clearTimeout(t);
          resolve(m[1]!);
        }
      });
    });
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints one URL on a free loopback port and becomes healthy', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await fetch(`${url}/healthz`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('`stitchbench check` exits 0 on the demo and 1, with the reason, when the beacon host is down', async () => {
    const acct = /\/v1\/master\/([^/]+)\//.exec(((await (await fetch(`${url}/playbackConfiguration/demo`)).json()) as { HlsConfiguration: { ManifestEndpointPrefix: string } }).HlsConfiguration.ManifestEndpointPrefix)![1]!;
    const junit = join(dataDir, 'verdict.xml');
    const check = (...args: string[]) => spawnSync(process.execPath, [bin, 'check', ...args, '--speed', '25', '--no-color'], { encoding: 'utf8', timeout: 90_000 });
    const ok = check(`${url}/v1/master/${acct}/demo/vod/hls-ts/master.m3u8`, '--junit', junit);
    expect(ok.stdout).toMatch(/verdict: PASS/);
    expect(ok.status).toBe(0);
    expect(existsSync(junit)).toBe(true);

    const res = await fetch(`${url}/playbackConfiguration`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Name: 'dead-beacons', VideoContentSourceUrl: `${url}/demo/origin`, AdDecisionServerUrl: `${url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&sid=[session.id]&beacons=down` }),
    });
    expect(res.status).toBe(200);
    const bad = check(`${url}/playbackConfiguration/dead-beacons`);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/FAIL {2}beacons-complete +24 failed of 24 beacons due/);
    expect(bad.stdout).toMatch(/ECONNREFUSED/);
    expect(bad.stdout).toMatch(/verdict: FAIL/);

    const usage = spawnSync(process.execPath, [bin, 'check'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/check needs exactly one URL/);
  }, 200_000);

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('rejects bad arguments with a usage message and exit code 2', () => {
    const r = spawnSync(process.execPath, [bin, 'serve', '--port', 'eighty'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--port must be an integer/);
    expect(r.stderr).toMatch(/Usage: stitchbench serve/);
    const unknown = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
  });
});
