import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/main/bus/event-bus.js';
import { pingVastErrors, resolveVast, substituteErrorMacros, VAST_ERROR } from '../../src/main/ads/index.js';
import type { BeaconEvent } from '../../src/shared/events.js';
import { deadPort, sendXml, startServer, type LocalServer } from './local-server.js';

let s: LocalServer;
beforeAll(async () => {
  s = await startServer(async (req, res) => {
    if (req.url?.startsWith('/slow')) await new Promise((r) => setTimeout(r, 200));
    if (req.url?.startsWith('/vast-nofill')) return sendXml(res, `<VAST version="3.0"><Error>${s.url}/root-error?code=[ERRORCODE]</Error></VAST>`);
    res.writeHead(req.url?.startsWith('/missing') ? 404 : 200, { 'content-type': 'image/gif' }).end('GIF89a');
  });
});
afterAll(() => s.close());

function recorder() {
  const bus = new EventBus();
  const beacons: BeaconEvent[] = [];
  bus.subscribe((e) => beacons.push(e as BeaconEvent), { kinds: ['beacon'] });
  return { bus, beacons };
}

describe('VAST error codes', () => {
  it('have their IAB values under readable names', () => {
    expect(VAST_ERROR).toMatchObject({
      XML_PARSE: 100, SCHEMA_VALIDATION: 101, VERSION_NOT_SUPPORTED: 102, TRAFFICKING: 200, UNEXPECTED_LINEARITY: 201, UNEXPECTED_DURATION: 202,
      UNEXPECTED_SIZE: 203, WRAPPER_GENERAL: 300, WRAPPER_TIMEOUT: 301, WRAPPER_LIMIT: 302, NO_ADS_AFTER_WRAPPER: 303, LINEAR_GENERAL: 400,
      FILE_NOT_FOUND: 401, MEDIAFILE_TIMEOUT: 402, NO_SUPPORTED_MEDIAFILE: 403, MEDIAFILE_DISPLAY_PROBLEM: 405, UNDEFINED: 900, VPAID_GENERAL: 901,
    });
  });
});

describe('substituteErrorMacros', () => {
  it('replaces [ERRORCODE] and %5BERRORCODE%5D, [TIMESTAMP] (ISO 8601, encoded) and [CACHEBUSTING] (8 digits)', () => {
    const now = new Date('2025-05-06T12:34:56.789Z');
    const u = substituteErrorMacros('http://e/x?c=[ERRORCODE]&c2=%5BERRORCODE%5D&c3=%5berrorcode%5d&t=[TIMESTAMP]&cb=[CACHEBUSTING]&unknown=[ADPLAYHEAD]&keep=[NOSUCHMACRO]', 402, now);
    const q = new URL(u).searchParams;
    expect(q.get('c')).toBe('402');
    expect(q.get('c2')).toBe('402');
    expect(q.get('c3')).toBe('402');
    expect(q.get('t')).toBe('2025-05-06T12:34:56.789Z');
    expect(u).toContain('t=2025-05-06T12%3A34%3A56.789Z&');
    expect(q.get('cb')).toMatch(/^\d{8}$/);
    // VAST 4.1 §6.1: a macro the pinger cannot know is -1; one nobody defined stays for the receiver to see.
    expect(q.get('unknown')).toBe('-1');
    expect(q.get('keep')).toBe('[NOSUCHMACRO]');
  });
});

describe('pingVastErrors', () => {
  it('fires every URL concurrently with the code and timestamp substituted, one beacon event per URL', async () => {
    const { bus, beacons } = recorder();
    const before = s.requests.length;
    const t0 = Date.now();
    const results = await pingVastErrors(
      [`${s.url}/err1?code=[ERRORCODE]&ts=[TIMESTAMP]&cb=[CACHEBUSTING]`, ` ${s.url}/err2/%5BERRORCODE%5D `, '', `${s.url}/missing?c=[ERRORCODE]`],
      303,
      { bus, sessionId: 'sess', adId: 'ad-7', headers: { 'user-agent': 'StitchbenchPing/1' } },
    );
    const got = s.requests.slice(before);
    expect(got.map((r) => r.url.split('?')[0]).sort()).toEqual(['/err1', '/err2/303', '/missing']);
    const first = new URL(got.find((r) => r.url.startsWith('/err1'))!.url, 'http://x').searchParams;
    expect(first.get('code')).toBe('303');
    const ts = Date.parse(first.get('ts')!);
    expect(ts).toBeGreaterThanOrEqual(t0 - 1000);
    expect(ts).toBeLessThanOrEqual(Date.now());
    expect(first.get('cb')).toMatch(/^\d{8}$/);
    expect(got.every((r) => r.headers['user-agent'] === 'StitchbenchPing/1')).toBe(true);

    expect(results.map((r) => r.status)).toEqual([200, 200, 404]);
    expect(results[2]!.error).toBe('HTTP 404');
    expect(beacons).toHaveLength(3);
    for (const b of beacons) {
      expect(b).toMatchObject({ kind: 'beacon', event: 'error', sender: 'server', sessionId: 'sess', adId: 'ad-7', ms: expect.any(Number) });
      expect(results.map((r) => r.url)).toContain(b.url);
      expect(b.url).not.toMatch(/ERRORCODE/i);
    }
    expect(beacons.find((b) => b.url.includes('/missing'))).toMatchObject({ status: 404, error: 'HTTP 404' });
  });

  it('pings run concurrently', async () => {
    const t0 = performance.now();
    const results = await pingVastErrors([1, 2, 3, 4].map((i) => `${s.url}/slow?i=${i}`), 405);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(performance.now() - t0).toBeLessThan(2 * 200);
  });

  it('a dead host does not reject: the result and the beacon carry the error', async () => {
    const { bus, beacons } = recorder();
    const port = await deadPort();
    const results = await pingVastErrors([`http://127.0.0.1:${port}/e?c=[ERRORCODE]`, 'not-a-url'], 301, { bus, timeoutMs: 500 });
    expect(results).toEqual([
      { url: `http://127.0.0.1:${port}/e?c=301`, status: 0, ms: expect.any(Number), error: expect.stringContaining('Request failed') },
      { url: 'not-a-url', status: 0, ms: expect.any(Number), error: expect.stringContaining('Not an absolute http(s) URL') },
    ]);
    expect(beacons.map((b) => [b.status, typeof b.error])).toEqual([[0, 'string'], [0, 'string']]);
  });

  it('closes the loop with resolveVast: a top-level no-fill root Error pinged with 303', async () => {
    const r = await resolveVast(`${s.url}/vast-nofill`);
    expect(r.errorCode).toBeUndefined();
    const before = s.requests.length;
    await pingVastErrors(r.rootErrorUrls, VAST_ERROR.NO_ADS_AFTER_WRAPPER);
    expect(s.requests.slice(before).map((x) => x.url)).toEqual(['/root-error?code=303']);
  });
});
