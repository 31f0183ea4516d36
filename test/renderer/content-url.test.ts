// Any content URL as a stitched asset: a path under the configuration's source, or a derived configuration.
import { describe, expect, it } from 'vitest';
import { planContentUrl } from '../../src/renderer/lib/content-url.js';

const demo = { Name: 'demo', VideoContentSourceUrl: 'http://127.0.0.1:4000/demo/origin' };

describe('planContentUrl', () => {
  it('a URL under the configuration’s source is just a path', () => {
    const p = planContentUrl('http://127.0.0.1:4000/demo/origin/vod/hls-ts/master.m3u8', demo);
    expect(p).toMatchObject({ ok: true, asset: { id: 'url', format: 'hls', path: 'vod/hls-ts/master.m3u8' } });
    expect(p.ok && p.derived).toBeUndefined();
  });

  it('any other URL derives a configuration whose source is its folder, keeping the query', () => {
    const p = planContentUrl('https://cdn.example/live/ch1/manifest.mpd?token=abc', demo);
    expect(p).toMatchObject({ ok: true, asset: { format: 'dash', path: 'manifest.mpd?token=abc', originUrl: 'https://cdn.example/live/ch1/manifest.mpd?token=abc' }, derived: { name: 'demo-url', sourceUrl: 'https://cdn.example/live/ch1' } });
  });

  it('bad input is a clear error', () => {
    expect(planContentUrl('not a url', demo)).toMatchObject({ ok: false, error: expect.stringMatching(/Not a URL/) });
    expect(planContentUrl('ftp://x/y.m3u8', demo)).toMatchObject({ ok: false, error: expect.stringMatching(/Only http/) });
    expect(planContentUrl('http://x/y.m3u8', undefined)).toMatchObject({ ok: false, error: expect.stringMatching(/Select a playback configuration/) });
  });
});
