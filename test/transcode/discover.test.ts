// Content profile discovery against real origins: the demo's three packagings (manifest attributes + a probed
// segment), and an origin whose playlists omit RESOLUTION, FRAME-RATE and CODECS (everything probed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileDiscovery } from '../../src/main/transcode/discover.js';
import type { DiscoveredProfile } from '../../src/shared/transcode.js';
import { startServer, type LocalServer } from '../ads/local-server.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';

let engine: TestEngine;
let bare: LocalServer;

beforeAll(async () => {
  engine = await startTestEngine();
  // A multivariant with bare STREAM-INFs over the demo's TS media playlists (absolute segment URLs).
  bare = await startServer(async (req, res) => {
    if (req.url === '/master.m3u8') {
      res.end(['#EXTM3U', '#EXT-X-STREAM-INF:BANDWIDTH=2300000', 'a.m3u8', '#EXT-X-STREAM-INF:BANDWIDTH=900000', 'b.m3u8', ''].join('\n'));
      return;
    }
    const track = req.url === '/a.m3u8' ? '720p' : req.url === '/b.m3u8' ? '360p' : undefined;
    if (!track) return void res.writeHead(404).end();
    const origin = `${engine.url}/demo/origin/vod/hls-ts`;
    const body = await (await fetch(`${origin}/${track}.m3u8`)).text();
    res.end(body.replace(/^(?!#)(\S+)$/gm, `${origin}/$1`));
  });
});
afterAll(async () => {
  await engine?.dispose();
  await bare?.close();
});

describe('ProfileDiscovery', () => {
  it('the demo content has one profile however it is packaged; HLS probes the audio, DASH states it', async () => {
    const d = new ProfileDiscovery();
    const base = `${engine.url}/demo/origin/vod`;
    const [ts, fmp4, dash] = await Promise.all([d.discover(`${base}/hls-ts/master.m3u8`, 'hls'), d.discover(`${base}/hls-fmp4/master.m3u8`, 'hls'), d.discover(`${base}/dash/manifest.mpd`, 'dash')]);
    for (const r of [ts, fmp4, dash]) if (!r.ok) throw new Error(r.error);
    const [a, b, c] = [ts, fmp4, dash].map((r) => (r.ok ? r.discovered : undefined)) as [DiscoveredProfile, DiscoveredProfile, DiscoveredProfile];
    expect(a.profile.summary).toBe('1280x720@25 1972k, 640x360@25 646k · AAC 48 kHz 2ch 128k · 2 s segments');
    expect(new Set([a.profile.key, b.profile.key, c.profile.key]).size).toBe(1);
    expect(a).toMatchObject({ container: 'ts', muxedAudio: true, videoCodecs: ['avc1.4d401f', 'avc1.4d401e'], audioCodecs: ['mp4a.40.2'], probed: ['audio sample rate and channels'], assumed: [] });
    expect(b).toMatchObject({ container: 'fmp4', muxedAudio: false, probed: ['audio sample rate and channels'] });
    expect(c).toMatchObject({ format: 'dash', container: 'fmp4', videoTimescale: 12800 });
    // Cached per origin URL: the same promise's result, no second discovery.
    expect((await d.discover(`${base}/hls-ts/master.m3u8`, 'hls')) === ts).toBe(true);
    expect((await d.list()).length).toBe(3);
  });

  it('probes resolution and frame rate when the playlist omits them', async () => {
    const r = await new ProfileDiscovery().discover(`${bare.url}/master.m3u8`, 'hls');
    if (!r.ok) throw new Error(r.error);
    expect(r.discovered.profile.renditions.map((x) => [x.width, x.height, x.fps])).toEqual([[1280, 720, 25], [640, 360, 25]]);
    expect(new Set(r.discovered.probed)).toEqual(new Set(['rendition 1 resolution', 'rendition 1 frame rate', 'audio sample rate and channels', 'rendition 2 resolution', 'rendition 2 frame rate']));
    expect(r.discovered.assumed).toEqual(['rendition 1 H.264 main', 'rendition 2 H.264 main']);
  });

  it('an unreachable or broken origin is an error with the reason, retried later rather than remembered', async () => {
    let now = 0;
    const d = new ProfileDiscovery(undefined, () => now);
    const r = await d.discover(`${bare.url}/missing.m3u8`, 'hls');
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/HTTP 404/) });
    const garbage = await d.discover(`${engine.url}/healthz`, 'dash');
    expect(garbage.ok).toBe(false);
    const asked = () => bare.requests.filter((q) => q.url === '/missing.m3u8').length;
    const before = asked();
    await d.discover(`${bare.url}/missing.m3u8`, 'hls');
    expect(asked()).toBe(before);
    now = 31_000;
    await d.discover(`${bare.url}/missing.m3u8`, 'hls');
    expect(asked()).toBe(before + 1);
  });
});
