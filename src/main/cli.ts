// Headless host: `stitchbench serve` runs the same engine as the desktop app and serves the renderer,
// so the whole bench works in any browser (and in CI). Prints the URL on one line on stdout.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from './engine/engine.js';
import { VERSION } from './engine/version.js';

const USAGE = `Usage: stitchbench serve [--port N] [--host 127.0.0.1] [--data-dir DIR]
       stitchbench check <playback-url | configuration-url> [--duration S] [--junit FILE] [--json FILE]
                         [--speed X] [--asset PATH] [--client]

  --port N        port to listen on (0 = any free port; default 0)
  --host H        address to bind (default 127.0.0.1; use 0.0.0.0 to expose the bench on your network)
  --data-dir DIR  where configurations and the demo world are kept
                  (default $STITCHBENCH_DATA_DIR or ~/.stitchbench)
  --quiet         do not print demo build progress

check plays a session headlessly like a player (manifests, segments, client beacons) and prints the
bench's QA verdict; exit 0 when it passes, 1 when it fails, 2 when it could not run.
  --duration S    seconds of playback to judge (default: the whole VOD, 60 s of live)
  --speed X       playhead speed for VOD, e.g. 10 to play 100 s in 10 s (default 1; live is always 1)
  --asset PATH    asset under the configuration's origin when given a configuration URL
                  (default vod/hls-ts/master.m3u8, a demo asset)
  --client        client-side reporting: an explicit session whose beacons the checker reports as it plays
  --junit FILE    write the verdict as JUnit XML;  --json FILE  as JSON
  --no-color      plain output (also when NO_COLOR is set or stdout is not a terminal)
  --version, --help`;

function fail(message: string): never {
  process.stderr.write(`stitchbench: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        quiet: { type: 'boolean' },
        duration: { type: 'string' },
        speed: { type: 'string' },
        asset: { type: 'string' },
        client: { type: 'boolean' },
        junit: { type: 'string' },
        json: { type: 'string' },
        'no-color': { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.version) return void process.stdout.write(`${VERSION}\n`);
  const command = positionals[0] ?? 'serve';
  if (command === 'check') return check(positionals, values);
  if (command !== 'serve' || positionals.length > 1) fail(`unknown command "${positionals.join(' ')}"`);

  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer 0..65535, got "${values.port}"`);
  const dataDir = resolve(values['data-dir'] ?? process.env.STITCHBENCH_DATA_DIR ?? join(homedir(), '.stitchbench'));
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

  // STITCHBENCH_DEMO_MEDIA lets several data dirs share one prebuilt demo world (CI, tests).
  const demoMediaRoot = process.env.STITCHBENCH_DEMO_MEDIA ? resolve(process.env.STITCHBENCH_DEMO_MEDIA) : undefined;
  // STITCHBENCH_TRANSCODE_CACHE shares transcoded ads the same way; STITCHBENCH_X264_PRESET trades quality for speed.
  const transcodeCacheDir = process.env.STITCHBENCH_TRANSCODE_CACHE ? resolve(process.env.STITCHBENCH_TRANSCODE_CACHE) : undefined;
  const transcodePreset = process.env.STITCHBENCH_X264_PRESET;
  const engine = await createEngine({
    dataDir,
    host: values.host ?? '127.0.0.1',
    port,
    rendererDir,
    ...(demoMediaRoot ? { demoMediaRoot } : {}),
    ...(transcodeCacheDir ? { transcodeCacheDir } : {}),
    ...(transcodePreset ? { transcodePreset } : {}),
  });
  process.stdout.write(`Stitchbench ${VERSION} listening on ${engine.url}\n`);

  if (!values.quiet) {
    let lastDecile = -1;
    const stop = engine.bus.subscribe(
      (e) => {
        if (e.kind !== 'demo.progress') return;
        const decile = Math.floor(e.progress * 10);
        if (e.state === 'building' && decile === lastDecile) return;
        lastDecile = decile;
        const text = e.state === 'failed' ? `demo world FAILED: ${e.error}` : `demo world ${Math.round(e.progress * 100)}%: ${e.step}`;
        process.stderr.write(`${text}\n`);
        if (e.state !== 'building') stop();
      },
      { kinds: ['demo.progress'] },
    );
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`stitchbench: ${signal}, shutting down\n`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    engine.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

async function check(positionals: string[], values: Record<string, string | boolean | undefined>): Promise<void> {
  const url = positionals[1];
  if (!url || positionals.length > 2) fail('check needs exactly one URL');
  const num = (name: string, min: number, max: number): number | undefined => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (typeof raw !== 'string' || !Number.isFinite(n) || n < min || n > max) fail(`--${name} must be a number ${min}..${max}, got "${String(raw)}"`);
    return n;
  };
  const durationS = num('duration', 1, 86_400);
  const { runCheck } = await import('./check/run.js');
  const outcome = await runCheck({
    url,
    ...(durationS !== undefined ? { durationS } : {}),
    speed: num('speed', 0.1, 100) ?? 1,
    asset: typeof values.asset === 'string' ? values.asset : 'vod/hls-ts/master.m3u8',
    reportingMode: values.client ? 'client' : 'server',
    ...(typeof values.junit === 'string' ? { junitFile: values.junit } : {}),
    ...(typeof values.json === 'string' ? { jsonFile: values.json } : {}),
    color: !values['no-color'] && !process.env.NO_COLOR && process.stdout.isTTY === true,
    out: (line) => process.stdout.write(`${line}\n`),
  });
  process.exitCode = outcome.exitCode;
}

main().catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  const message = err.code === 'EADDRINUSE' ? `port already in use (${err.message})` : err.code === 'EACCES' ? `permission denied (${err.message})` : (err.stack ?? String(e));
  process.stderr.write(`stitchbench: cannot start: ${message}\n`);
  process.exit(1);
});
