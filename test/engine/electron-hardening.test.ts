// Electron's security settings and policies, checked without the Electron binary.
import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences } from '../../src/main/electron/web-preferences.js';
import { CONTENT_SECURITY_POLICY } from '../../src/main/http/security-headers.js';

describe('Electron hardening', () => {
  it('isolates and sandboxes the renderer without Node integration', () => {
    const p = hardenedWebPreferences('/x/preload.cjs', 'http://127.0.0.1:1');
    expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false });
    expect(p.additionalArguments).toEqual(['--stitchbench-engine-url=http://127.0.0.1:1']);
  });

  it('uses a strict CSP: scripts only from self, no eval, no plugins, no framing', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });
});
