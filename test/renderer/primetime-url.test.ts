// The Primetime bootstrap URL the sidebar builds: base64url without padding of the content URL, the pt* query,
// and the JSON answer of simple tracking read back into what player A plays.
import { describe, expect, it } from 'vitest';
import { base64Url, bootstrapUrl, playPath, readBootstrapAnswer, trackingPathOf } from '../../src/renderer/lib/primetime-url';

const content = 'http://127.0.0.1:4000/demo/origin/vod/hls-ts/master.m3u8';

describe('base64Url', () => {
  it('is URL-safe base64 of the UTF-8 bytes with no padding, decodable as the engine does', () => {
    for (const text of [content, 'a', 'ab', 'abc', 'http://x/?q=>>>&r=???', 'https://cdn.example/vidéo/μ.m3u8']) {
      const b = base64Url(text);
      expect(b).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(b.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')).toBe(text);
      expect(b).toBe(Buffer.from(text, 'utf8').toString('base64url'));
    }
  });
});

describe('bootstrapUrl', () => {
  const base = { base: 'http://127.0.0.1:4000/', assetId: 'vod-hls-ts', contentUrl: content, format: 'hls' as const, trackingMode: 'sstm' as const, targeting: '', timeline: '' };

  it('puts the asset id and encoded content URL in the path, .m3u8 for HLS and .mpd for DASH', () => {
    const u = new URL(bootstrapUrl(base));
    expect(u.pathname).toBe(`/auditude/variant/vod-hls-ts/${base64Url(content)}.m3u8`);
    expect(u.searchParams.get('pttrackingmode')).toBe('sstm');
    expect([...u.searchParams.keys()]).toEqual(['pttrackingmode']);
    expect(new URL(bootstrapUrl({ ...base, format: 'dash' })).pathname).toMatch(/\.mpd$/);
  });

  it('passes targeting, pttimeline and ptconfig through when given', () => {
    const u = new URL(bootstrapUrl({ ...base, targeting: ' genre=news;age=30 ', timeline: '0:30,60:30', config: 'my config', trackingMode: 'simple' }));
    expect(u.searchParams.get('k')).toBe('genre=news;age=30');
    expect(u.searchParams.get('pttimeline')).toBe('0:30,60:30');
    expect(u.searchParams.get('ptconfig')).toBe('my config');
    expect(u.searchParams.get('pttrackingmode')).toBe('simple');
  });

  it('tracking mode none (EXT-X-MARKER) omits pttrackingmode and keeps the other parameters', () => {
    const u = new URL(bootstrapUrl({ ...base, trackingMode: 'none', targeting: 'genre=news' }));
    expect(u.searchParams.has('pttrackingmode')).toBe(false);
    expect([...u.searchParams.keys()]).toEqual(['k']);
    expect(bootstrapUrl({ ...base, trackingMode: 'none' }).endsWith('.m3u8?')).toBe(false);
  });

  it('escapes an asset id with path characters', () => {
    expect(bootstrapUrl({ ...base, assetId: 'a/b c' })).toContain('/auditude/variant/a%2Fb%20c/');
  });
});

describe('the JSON answer', () => {
  it('only simple tracking answers JSON', () => {
    expect(playPath('simple')).toBe('json');
    expect(playPath('sstm')).toBe('redirect');
    expect(playPath('simplesstm')).toBe('redirect');
    // EXT-X-MARKER sessions report client-side: the bench follows the 302 to learn the session's tracking endpoint.
    expect(playPath('none')).toBe('follow');
  });

  it('the tracking endpoint of the session a 302 led to', () => {
    expect(trackingPathOf('http://127.0.0.1:9/v1/master/acct/demo/primetime/a/x.m3u8?aws.sessionId=abc-1')).toBe('/v1/tracking/acct/demo/abc-1');
    expect(trackingPathOf('http://127.0.0.1:9/v1/dash/acct/cfg/primetime/a/x.mpd?aws.sessionId=s')).toBe('/v1/tracking/acct/cfg/s');
    expect(trackingPathOf('http://127.0.0.1:9/v1/master/acct/demo/primetime/a/x.m3u8')).toBeUndefined();
    expect(trackingPathOf('http://127.0.0.1:9/other/path?aws.sessionId=s')).toBeUndefined();
  });

  it('resolves the manifest against the request and finds the session’s tracking endpoint under the sidecar', () => {
    const req = 'http://127.0.0.1:4000/auditude/variant/x/abc.m3u8?pttrackingmode=simple';
    const a = readBootstrapAnswer({ 'Master-M3U8': '/v1/master/111/demo/primetime/x/master.m3u8?aws.sessionId=s1', 'Tracking-URL': '/v1/tracking/111/demo/s1/primetime.json' }, req);
    expect(a).toEqual({ manifestUrl: 'http://127.0.0.1:4000/v1/master/111/demo/primetime/x/master.m3u8?aws.sessionId=s1', trackingPath: '/v1/tracking/111/demo/s1' });
    expect(readBootstrapAnswer({ 'Master-MPD': '/v1/dash/1/demo/a.mpd' }, req).manifestUrl).toBe('http://127.0.0.1:4000/v1/dash/1/demo/a.mpd');
    expect(() => readBootstrapAnswer({}, req)).toThrow(/Master-M3U8/);
  });
});
