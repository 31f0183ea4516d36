// HLS Interstitials (guided): the asset list names engine-served assets whose media playlists carry the ad's
// segments through /v1/segment/…, so a player that plays the assets fires the server-side beacons (as stitched).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeaconReport } from '../../src/shared/beacons.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { readPlaylist } from '../stitch/helpers.js';
import { startSession, text } from './helpers.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.dispose();
});

describe('HLS Interstitials assets', () => {
  it('play through the engine: every asset variant lists its ad’s segments, and fetching them fires the beacons', async () => {
    const s = await startSession(engine, 'demo', 'vod/hls-ts/master.m3u8', '?aws.insertionMode=GUIDED');
    const media = await text(engine, s.mediaUrls[0]!);
    expect(media.body).not.toContain('/v1/segment/');
    const href = /X-ASSET-LIST="([^"]+)"/.exec(media.body)?.[1];
    expect(href).toMatch(new RegExp(`/v1/interstitials/[^/]+/${s.sessionId}/\\d+/assets\\.json$`));
    const list = (await engine.json<{ ASSETS: { URI: string; DURATION: number; 'X-AD-ID': string }[] }>(href!)).body;
    expect(list.ASSETS).toHaveLength(2);
    expect(list.ASSETS.reduce((t, a) => t + a.DURATION, 0)).toBeCloseTo(20, 3);

    for (const asset of list.ASSETS) {
      expect(asset.URI).toMatch(/\/v1\/interstitials\/[^/]+\/[^/]+\/\d+\/\d+\/master\.m3u8$/);
      const master = await text(engine, asset.URI);
      expect(master.status).toBe(200);
      expect(master.headers.get('content-type')).toContain('mpegurl');
      const variants = master.body.split('\n').filter((l) => l.startsWith('/v1/interstitials/'));
      expect(variants.length).toBe(s.mediaUrls.length);
      for (const v of variants) {
        const p = readPlaylist((await text(engine, v)).body);
        expect(p.segments.reduce((t, x) => t + x.duration, 0)).toBeCloseTo(asset.DURATION, 1);
        expect(p.segments.every((x) => x.uri.includes('/v1/segment/'))).toBe(true);
        expect((await text(engine, v)).body).toContain('#EXT-X-ENDLIST');
      }
      // A player plays one variant: fetch its segments.
      for (const seg of readPlaylist((await text(engine, variants[0]!)).body).segments) expect((await engine.get(new URL(seg.uri, engine.url).pathname)).status).toBe(200);
    }

    // The avail's beacons fired server-side, all of them (the other break was never played).
    await expect
      .poll(async () => {
        const r = (await engine.json<BeaconReport>(`/api/sessions/${s.sessionId}/beacons`)).body;
        const avail = r.avails.find((a) => href!.includes(`/${a.key}/assets.json`))!;
        return avail.ads.flatMap((a) => a.beacons.map((b) => `${b.state}/${b.sender ?? ''}`));
      }, { timeout: 5000 })
      .toEqual(Array.from({ length: 12 }, () => 'fired/server'));
  });

  it('unknown assets and tracks are 404s', async () => {
    const s = await startSession(engine, 'demo', 'vod/hls-ts/master.m3u8', '?aws.insertionMode=GUIDED');
    const media = await text(engine, s.mediaUrls[0]!);
    const href = /X-ASSET-LIST="([^"]+)"/.exec(media.body)![1]!;
    const base = href.replace(/assets\.json$/, '');
    expect((await engine.get(`${base}9/master.m3u8`)).status).toBe(404);
    expect((await engine.get(`${base}0/99.m3u8`)).status).toBe(404);
    expect((await engine.get(`${base.replace(/\/\d+\/$/, '/123456/')}0/master.m3u8`)).status).toBe(404);
  });
});
