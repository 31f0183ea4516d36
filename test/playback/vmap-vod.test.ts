// VOD content without ad markers: one ADS request per session. A VMAP answer inserts its breaks at segment
// boundaries (pre-, mid- and post-roll); a plain VAST answer becomes a pre-roll.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { readPlaylist } from '../stitch/helpers.js';
import { putConfig, sessionView, startSession, text } from './helpers.js';

let engine: TestEngine;
let origin: Server;
let originUrl = '';

/** A marker-free VOD: 10 × 6 s TS segments (the segment bytes are never fetched here). */
const PLAYLIST = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:6', '#EXT-X-PLAYLIST-TYPE:VOD', ...Array.from({ length: 10 }, (_, i) => `#EXTINF:6.000,\nseg${i}.ts`), '#EXT-X-ENDLIST', ''].join('\n');

beforeAll(async () => {
  engine = await startTestEngine();
  origin = createServer((req, res) => {
    if (req.url?.startsWith('/vod/index.m3u8')) {
      res.setHeader('content-type', 'application/vnd.apple.mpegurl');
      res.end(PLAYLIST);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  originUrl = `http://127.0.0.1:${(origin.address() as { port: number }).port}`;
});
afterAll(async () => {
  await engine?.dispose();
  await new Promise((r) => origin?.close(r));
});

describe('VOD without markers', () => {
  it('VMAP pre-, mid- and post-roll are inserted at segment boundaries', async () => {
    // The synthetic origin has no media to learn a profile from: the ADS's pre-conditioned HLS files are used (NONE).
    await putConfig(engine, 'vmap', { VideoContentSourceUrl: originUrl, AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' }, AdDecisionServerUrl: `${engine.url}/demo/ads/vmap?breaks=start,00:00:30.000,end&pod=1&sid=[session.id]` });
    const s = await startSession(engine, 'vmap', 'vod/index.m3u8');
    expect(s.mediaUrls).toHaveLength(1); // a media playlist origin gets a one-variant multivariant
    const p = readPlaylist((await text(engine, s.mediaUrls[0]!)).body);
    const shape = p.segments.map((x) => (x.uri.includes('/v1/segment/') ? 'A' : 'C')).join('');
    // pre-roll, 5 content segments (30 s), mid-roll, 5 content segments, post-roll.
    expect(shape).toMatch(/^A+C{5}A+C{5}A+$/);
    const view = await sessionView(engine, s.sessionId);
    expect(view.avails).toHaveLength(3);
    expect(view.avails.every((a) => a.fallback === null && a.ads.length === 1)).toBe(true);
  });

  it('a plain VAST answer is a pre-roll', async () => {
    await putConfig(engine, 'vast-preroll', { VideoContentSourceUrl: originUrl, AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' }, AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&pod=1` });
    const s = await startSession(engine, 'vast-preroll', 'vod/index.m3u8');
    const p = readPlaylist((await text(engine, s.mediaUrls[0]!)).body);
    const shape = p.segments.map((x) => (x.uri.includes('/v1/segment/') ? 'A' : 'C')).join('');
    expect(shape).toMatch(/^A+C{10}$/);
    expect((await sessionView(engine, s.sessionId)).avails.map((a) => a.availId)).toEqual(['preroll']);
  });
});
