// The session setup's parameters: k=v text ↔ records, and the query a playback URL carries for a setup.
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/renderer/lib/check-command.js';
import { parseParams, playbackQuery, sessionAdsParams } from '../../src/renderer/lib/session-params.js';

const base = { adsFault: '', adsDelayMs: 2000, wrapper: 0, beacons: '', adsParams: {}, originParams: {} };

describe('session parameters', () => {
  it('parses k=v pairs separated by & or new lines, and names what is wrong', () => {
    expect(parseParams('a=1&b=two\nc=')).toEqual({ ok: true, params: { a: '1', b: 'two', c: '' } });
    expect(parseParams('')).toEqual({ ok: true, params: {} });
    expect(parseParams('a=1&oops')).toEqual({ ok: false, error: '"oops" is not name=value' });
    expect(parseParams('bad name=1')).toMatchObject({ ok: false, error: expect.stringMatching(/"bad name"/) });
  });

  it('faults and ads params go to the ADS as ads.*, origin params as they are', () => {
    const q = playbackQuery({ ...base, adsFault: 'slow', adsDelayMs: 4000, wrapper: 2, beacons: 'down', adsParams: { pod: '1' }, originParams: { fault: '404', every: '3' } });
    expect(q).toEqual({ 'ads.pod': '1', 'ads.fault': 'slow', 'ads.delay': '4000', 'ads.wrapper': '2', 'ads.beacons': 'down', fault: '404', every: '3' });
    // The delay only travels with the slow fault.
    expect(playbackQuery({ ...base, adsFault: 'timeout' })).toEqual({ 'ads.fault': 'timeout' });
    expect(sessionAdsParams({ ...base, adsFault: 'empty', adsParams: { k: 'v' }, originParams: { fault: '500' } })).toEqual({ k: 'v', fault: 'empty' });
  });

  it('the CLI command for a session reproduces its setup without pinning the session', () => {
    const cmd = checkCommand('http://127.0.0.1:4000/v1/master/acct/demo/vod/hls-ts/master.m3u8?ads.fault=timeout&aws.sessionId=abc', { live: false, client: false });
    expect(cmd).toBe("npx stitchbench check 'http://127.0.0.1:4000/v1/master/acct/demo/vod/hls-ts/master.m3u8?ads.fault=timeout' --speed 10 --junit verdict.xml");
    expect(checkCommand('http://h/v1/dash/a/c/live/dash/manifest.mpd', { live: true, client: true })).toBe("npx stitchbench check 'http://h/v1/dash/a/c/live/dash/manifest.mpd' --duration 120 --client --junit verdict.xml");
  });
});
