// The manifest history (always on, bounded per track and by a text budget) and GET /api/sessions/:id/manifests on
// a real engine: origin beside stitched per refresh, the multivariant once, polling filters, 404s — and the demo's
// stitched VOD and live streams (HLS and DASH, several live refreshes) lint free of errors.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EPOCH_MS } from '../../src/main/demo/origin/timeline.js';
import { ManifestHistory } from '../../src/main/inspect/manifest-history.js';
import type { DebugManifest } from '../../src/main/sessions/types.js';
import type { LintFinding, SessionManifests } from '../../src/shared/inspect-manifests.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { putConfig, sessionView, startSession, text } from '../playback/helpers.js';

const entry = (at: number, track: DebugManifest['track'], size = 10): DebugManifest => ({ at, track, origin: 'o'.repeat(size), stitched: 's'.repeat(size) });

describe('ManifestHistory', () => {
  it('keeps the last N refreshes of each track, and the multivariant once', () => {
    const h = new ManifestHistory(3, 1e9);
    const s = { id: 'a', debug: [] as DebugManifest[] };
    for (let i = 0; i < 5; i++) {
      h.record(s, entry(i, 0));
      h.record(s, entry(i, 1));
      h.record(s, entry(i, 'multivariant'));
    }
    expect(s.debug.filter((e) => e.track === 0).map((e) => e.at)).toEqual([2, 3, 4]);
    expect(s.debug.filter((e) => e.track === 1).map((e) => e.at)).toEqual([2, 3, 4]);
    expect(s.debug.filter((e) => e.track === 'multivariant').map((e) => e.at)).toEqual([0]);
    expect(h.totalChars).toBe(7 * 20);
  });

  it('over the budget, drops the histories of the sessions that recorded least recently first', () => {
    const h = new ManifestHistory(30, 100);
    const a = { id: 'a', debug: [] as DebugManifest[] };
    const b = { id: 'b', debug: [] as DebugManifest[] };
    const c = { id: 'c', debug: [] as DebugManifest[] };
    h.record(a, entry(1, 0));
    h.record(b, entry(2, 0));
    h.record(a, entry(3, 0)); // a is now the more recent
    h.record(c, entry(4, 0, 20)); // 60 + 40 = 100: still within
    expect([a.debug.length, b.debug.length, c.debug.length]).toEqual([2, 1, 1]);
    h.record(c, entry(5, 0)); // 120: b goes first
    expect([a.debug.length, b.debug.length, c.debug.length]).toEqual([2, 0, 2]);
    expect(h.totalChars).toBe(100);
    h.record(c, entry(6, 0, 50)); // 200: a goes, then c's own oldest until within
    expect(a.debug).toEqual([]);
    expect(c.debug.map((e) => e.at)).toEqual([6]);
    expect(h.totalChars).toBe(100);
  });
});

describe('GET /api/sessions/:id/manifests', () => {
  const START = LIVE_EPOCH_MS + (1000 * 100 + 16) * 1000;
  let clock = START;
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startTestEngine({ now: () => clock });
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  const manifests = async (id: string, query = '') => engine.json<SessionManifests>(`/api/sessions/${id}/manifests${query}`);
  const errors = (lint: LintFinding[]) => lint.filter((f) => f.severity === 'error');

  describe('stitched VOD HLS', () => {
    let id = '';
    let mediaUrls: string[] = [];
    beforeAll(async () => {
      const s = await startSession(engine, 'demo', 'vod/hls-ts/master.m3u8');
      id = s.sessionId;
      mediaUrls = s.mediaUrls;
      for (const u of mediaUrls) expect((await text(engine, u)).status).toBe(200);
    });

    it('lists the multivariant and each media playlist with origin and stitched text', async () => {
      const { status, body, headers } = await manifests(id);
      expect(status).toBe(200);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(body).toMatchObject({ sessionId: id, format: 'hls', live: false });
      expect(body.tracks.map((t) => t.track)).toEqual(['multivariant', ...mediaUrls.map((_, n) => String(n))]);
      const [mv, first] = body.tracks;
      expect(mv).toMatchObject({ kind: 'multivariant', label: 'multivariant' });
      expect(mv!.refreshes).toHaveLength(1);
      expect(mv!.refreshes[0]!.stitched).toContain(`/v1/manifest/${engine.accountId}/${id}/0.m3u8`);
      expect(mv!.refreshes[0]!.origin).toContain('#EXT-X-STREAM-INF');
      expect(first!.kind).toBe('media');
      expect(first!.label).toMatch(/^video \d+×\d+ [\d.]+ Mbps$/);
      const r = first!.refreshes[0]!;
      expect(r.origin).toContain('#EXT-X-CUE-OUT');
      expect(r.stitched).toContain('/v1/segment/');
      expect(r.originUrl).toMatch(/\/demo\/origin\/vod\/hls-ts\/.+\.m3u8/);
      expect(r.at).toBe(clock);
    });

    it('the stitched VOD lints free of errors (origin and stitched)', async () => {
      const { body } = await manifests(id);
      expect(errors(body.lint)).toEqual([]);
    });

    it('keeps the last 30 refreshes per track; ?track and ?since keep polls small', async () => {
      for (let i = 0; i < 33; i++) {
        clock += 1000;
        await text(engine, mediaUrls[0]!);
      }
      const all = await manifests(id);
      const t0 = all.body.tracks.find((t) => t.track === '0')!;
      expect(t0.refreshes).toHaveLength(30);
      expect(t0.refreshes.at(-1)!.at).toBe(clock);
      expect(all.body.tracks.find((t) => t.track === '1')!.refreshes).toHaveLength(1);

      const polled = await manifests(id, `?track=0&since=${clock - 2000}`);
      expect(polled.body.tracks.map((t) => [t.track, t.refreshes.map((r) => r.at)])).toEqual([['0', [clock - 1000, clock]]]);
      expect(errors(polled.body.lint)).toEqual([]);
    });

    it("the session view's debug stays MediaTailor's DEBUG switch (empty in STANDARD log mode)", async () => {
      expect((await sessionView(engine, id)).debug).toEqual([]);
    });
  });

  it('404 for an unknown session, 400 for a bad track or since', async () => {
    const missing = await engine.json<{ message: string }>('/api/sessions/nope/manifests');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Unknown session "nope"');
    const s = await startSession(engine, 'demo', 'vod/hls-ts/master.m3u8');
    expect((await manifests(s.sessionId, '?track=video')).status).toBe(400);
    expect((await manifests(s.sessionId, '?since=yesterday')).status).toBe(400);
  });

  it('stitched live HLS over 45 refreshes every 2 s (two ad breaks) lints free of errors', async () => {
    clock = START;
    const s = await startSession(engine, 'demo', 'live/hls-ts/master.m3u8');
    for (let i = 0; i < 45; i++) {
      for (const u of s.mediaUrls) expect((await text(engine, u)).status).toBe(200);
      clock += 2000;
    }
    const { body } = await manifests(s.sessionId);
    expect(body.live).toBe(true);
    const t0 = body.tracks.find((t) => t.track === '0')!;
    expect(t0.refreshes).toHaveLength(30);
    expect(t0.refreshes.some((r) => r.stitched.includes('/v1/segment/'))).toBe(true);
    expect(errors(body.lint)).toEqual([]);
  });

  it('a stuck live origin: both texts flagged stale once unchanged for more than 1.5 × target duration', async () => {
    const media = '#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:7\n#EXTINF:2.0,\ns7.ts\n#EXTINF:2.0,\ns8.ts\n#EXTINF:2.0,\ns9.ts\n';
    const origin = createServer((req, res) => {
      res.setHeader('content-type', 'application/vnd.apple.mpegurl');
      res.end(req.url?.endsWith('master.m3u8') ? '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000000\nmedia.m3u8\n' : media);
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    try {
      await putConfig(engine, 'stuck', { VideoContentSourceUrl: `http://127.0.0.1:${(origin.address() as AddressInfo).port}` });
      const s = await startSession(engine, 'stuck', 'master.m3u8');
      const t0 = clock;
      for (const dt of [0, 2000, 3000]) {
        clock = t0 + dt;
        expect((await text(engine, s.mediaUrls[0]!)).status).toBe(200);
      }
      expect((await manifests(s.sessionId, '?track=0')).body.lint).toEqual([]); // 3 s: exactly the limit
      clock = t0 + 4000;
      await text(engine, s.mediaUrls[0]!);
      const { body } = await manifests(s.sessionId, '?track=0');
      expect(body.lint.map((f) => [f.rule, f.source, f.track, f.refreshAt])).toEqual([
        ['stale-playlist', 'stitched', '0', t0 + 4000],
        ['stale-playlist', 'origin', '0', t0 + 4000],
      ]);
    } finally {
      origin.close();
    }
  });

  async function dashSession(asset: string): Promise<{ id: string; location: string }> {
    const first = await engine.get(`/v1/dash/${engine.accountId}/demo/${asset}`, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const location = first.headers.get('location')!;
    return { id: new URL(location, engine.url).searchParams.get('aws.sessionId')!, location };
  }

  it('stitched VOD DASH: one MPD track, lints free of errors', async () => {
    const s = await dashSession('vod/dash/manifest.mpd');
    expect((await text(engine, s.location)).status).toBe(200);
    const { body } = await manifests(s.id);
    expect(body.format).toBe('dash');
    expect(body.tracks.map((t) => [t.track, t.kind, t.label])).toEqual([['0', 'mpd', 'MPD']]);
    expect(body.tracks[0]!.refreshes[0]!.stitched).toContain('/v1/dashsegment/');
    expect(errors(body.lint)).toEqual([]);
  });

  it('stitched live DASH over 45 refreshes every 2 s lints free of errors', async () => {
    clock = LIVE_EPOCH_MS + (100 * 100 + 14) * 1000;
    const s = await dashSession('live/dash/manifest.mpd');
    for (let i = 0; i < 45; i++) {
      expect((await text(engine, s.location)).status).toBe(200);
      clock += 2000;
    }
    const { body } = await manifests(s.id);
    expect(body.tracks[0]!.refreshes).toHaveLength(30);
    expect(body.tracks[0]!.refreshes.some((r) => r.stitched.includes('/v1/dashsegment/'))).toBe(true);
    expect(errors(body.lint)).toEqual([]);
  });
});
