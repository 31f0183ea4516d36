// `npm run audit:electron` as CI runs it: electronegativity over the app, offline, no HIGH/MEDIUM findings
// beyond the reviewed allowlist — and a negative control proving the audit does fail on a real problem.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

interface Finding {
  id: string;
  severity: string;
  file: string;
}

interface Summary {
  ok: boolean;
  electronVersion: string;
  checks: { atomic: number; global: number };
  blocking: Finding[];
  accepted: Finding[];
  staleAllowlist: unknown[];
  parseErrors: unknown[];
}

function audit(...args: string[]): { status: number | null; summary: Summary } {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'electronegativity.mjs'), '--json', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (!r.stdout) throw new Error(`no output (status ${r.status}): ${r.stderr}`);
  return { status: r.status, summary: JSON.parse(r.stdout) as Summary };
}

describe('electronegativity', () => {
  it('finds no HIGH or MEDIUM issue in the app beyond the reviewed allowlist', () => {
    const { status, summary } = audit();
    expect(summary.blocking).toEqual([]);
    expect(summary.staleAllowlist).toEqual([]);
    expect(summary.parseErrors).toEqual([]);
    expect(status).toBe(0);
    expect(summary.ok).toBe(true);
    expect(summary.electronVersion).toMatch(/^45\./);
    expect(summary.checks.atomic).toBeGreaterThan(30);
    expect(summary.accepted.map((f) => `${f.id} ${f.file}`).sort()).toEqual([
      'OPEN_EXTERNAL_JS_CHECK src/main/electron/security.ts',
      'PRELOAD_JS_CHECK src/main/electron/web-preferences.ts',
    ]);
  }, 90_000);

  it('fails on an insecure window (negative control)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stitchbench-insecure-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'insecure', devDependencies: { electron: '45.4.1' } }));
      writeFileSync(
        join(dir, 'main.js'),
        "const { BrowserWindow } = require('electron');\n" +
          "new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });\n",
      );
      const { status, summary } = audit('--input', dir);
      expect(status).toBe(1);
      expect(summary.ok).toBe(false);
      expect(summary.blocking.map((f) => f.id)).toEqual(
        expect.arrayContaining([
          'CONTEXT_ISOLATION_JS_CHECK',
          'SANDBOX_JS_CHECK',
          'WEB_SECURITY_JS_CHECK',
          'AUXCLICK_JS_CHECK',
          // The app-wide checks our hardening satisfies: navigation limits, a permission handler, a CSP.
          'LIMIT_NAVIGATION_GLOBAL_CHECK',
          'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
          'CSP_GLOBAL_CHECK',
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
