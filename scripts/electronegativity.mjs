#!/usr/bin/env node
// Electron security audit with Doyensec's electronegativity, offline and deterministic.
//
//   node scripts/electronegativity.mjs            audit the app; exit 1 on any HIGH or MEDIUM finding
//   node scripts/electronegativity.mjs --json     the same, printing the result as JSON (used by the test)
//   node scripts/electronegativity.mjs --input D  audit directory D instead (the test's negative control)
//
// What is scanned: the sources (src/: main incl. the engine, preload, renderer, shared) plus package.json,
// in ONE run, because the global checks (navigation limits, CSP, permission handler) judge the app as a
// whole. Not the build in out/: its renderer bundle is minified hls.js/dash.js/React, which only yields
// unactionable DANGEROUS_FUNCTIONS noise, and its main bundle is the same code as src/main.
//
// The Electron version is passed explicitly (electronegativity would otherwise look it up online or
// assume 0.1.0, and its version-gated checks would misjudge the defaults).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/**
 * Findings reviewed and accepted, each tied to one check in one file, with the reason. A finding is
 * accepted only if it matches an entry; an entry that matches nothing fails the audit (stale).
 */
const ALLOWLIST = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'src/main/electron/web-preferences.ts',
    reason:
      'The window needs a preload for its contextBridge. src/preload/index.ts runs sandboxed with contextIsolation and ' +
      'exposes only typed functions (info, saveFile, onCommand, setTheme) — never ipcRenderer, IPC events or Node; ' +
      'command payloads are shape-checked. test/engine/electron-ipc.test.ts asserts that surface.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src/main/electron/security.ts',
    reason:
      "openExternalSafely() is the app's only shell.openExternal call; it opens a URL only when policy.ts " +
      "isExternalAllowed() accepts it (https, or the app's own loopback origin), which test/engine/electron-hardening.test.ts covers.",
  },
];

/**
 * Checks not run, with the reason. AvailableSecurityFixesGlobalCheck downloads Electron's release list
 * from GitHub: offline it silently does nothing, online it makes CI depend on the network. (It only
 * reports INFORMATIONAL for an Electron in devDependencies anyway; keeping Electron current is the
 * dependency updates' job.)
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const BLOCKING = new Set(['HIGH', 'MEDIUM']);

function installedElectronVersion() {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    const range = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies?.electron ?? '';
    const m = /\d+\.\d+\.\d+/.exec(range);
    if (!m) throw new Error('cannot tell the Electron version: node_modules/electron missing and package.json has none');
    return m[0];
  }
}

/** A scratch tree holding exactly what is audited, so reported paths read as repo paths. */
function stageApp() {
  const dir = mkdtempSync(join(tmpdir(), 'stitchbench-electronegativity-'));
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  return dir;
}

async function audit(input, electronVersion) {
  const run = require('@doyensec/electronegativity');
  // Its translations loader tries a download first (1 s timeout) and logs when offline: keep stdout clean.
  const log = console.log;
  console.log = (...args) => process.stderr.write(`${args.join(' ')}\n`);
  try {
    return await run({
      input,
      isRelative: true,
      electronVersionOverride: electronVersion,
      severitySet: 'informational',
      confidenceSet: 'tentative',
      excludeFromScan: EXCLUDED_CHECKS,
      parserPlugins: [],
    });
  } finally {
    console.log = log;
  }
}

function classify(result) {
  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file.split('\\').join('/'),
    line: i.location?.line ?? 0,
    manualReview: Boolean(i.manualReview),
    description: i.description,
  }));
  const used = new Set();
  const blocking = [];
  const accepted = [];
  const other = [];
  for (const f of findings) {
    if (!BLOCKING.has(f.severity)) {
      other.push(f);
      continue;
    }
    const entry = ALLOWLIST.find((a) => a.id === f.id && a.file === f.file);
    if (entry) {
      used.add(entry);
      accepted.push({ ...f, reason: entry.reason });
    } else blocking.push(f);
  }
  return { findings, blocking, accepted, other, used };
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const i = args.indexOf('--input');
  const custom = i >= 0 ? resolve(args[i + 1] ?? '') : undefined;
  const input = custom ?? stageApp();
  const electronVersion = installedElectronVersion();
  const started = Date.now();
  let result;
  try {
    result = await audit(input, electronVersion);
  } finally {
    if (!custom) rmSync(input, { recursive: true, force: true });
  }
  const { blocking, accepted, other, used } = classify(result);
  // The allowlist is about this app: stale entries only count when auditing it.
  const stale = custom ? [] : ALLOWLIST.filter((a) => !used.has(a)).map(({ id, file }) => ({ id, file }));
  const parseErrors = result.errors.filter((e) => !e.tolerable).map((e) => ({ file: e.file, message: e.message }));
  const ok = blocking.length === 0 && stale.length === 0 && parseErrors.length === 0;
  const summary = {
    ok,
    electronVersion,
    checks: { atomic: result.atomicChecks, global: result.globalChecks, excluded: EXCLUDED_CHECKS },
    ms: Date.now() - started,
    blocking,
    accepted,
    other,
    staleAllowlist: stale,
    parseErrors,
  };

  if (json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const line = (f) => `  ${f.severity.padEnd(13)} ${f.id.padEnd(40)} ${f.file}:${f.line}${f.manualReview ? ' (review)' : ''}`;
    console.log(`electronegativity: Electron ${electronVersion}, ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${summary.ms} ms`);
    if (blocking.length) console.log(`HIGH/MEDIUM findings (${blocking.length}):\n${blocking.map((f) => `${line(f)}\n      ${f.description}`).join('\n')}`);
    if (accepted.length) console.log(`Accepted after review (${accepted.length}):\n${accepted.map((f) => `${line(f)}\n      why: ${f.reason}`).join('\n')}`);
    if (other.length) console.log(`Lower severity, not blocking (${other.length}):\n${other.map(line).join('\n')}`);
    for (const s of stale) console.log(`Stale allowlist entry (matches nothing; remove it): ${s.id} ${s.file}`);
    for (const e of parseErrors) console.log(`Could not parse ${e.file}: ${e.message}`);
    console.log(ok ? 'electronegativity: no HIGH or MEDIUM findings' : 'electronegativity: FAILED');
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
