// Stitched live HLS through the real engine with an injected clock: a viewer reloading every 2 s sees the
// same ads in the same places, numbering that never jumps, one ADS request per avail, slate, suppression,
// and session expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../src/shared/events.js';
import { LIVE_EPOCH_MS } from '../../src/main/demo/origin/timeline.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { readPlaylist } from '../stitch/helpers.js';
import { putConfig, sessionView, startSession, text } from './helpers.js';

// Live edge at 14 s into a loop of the 100 s demo asset: the break at 20 s is 3 segments away.
const START = LIVE_EPOCH_MS + (1000 * 100 + 16) * 1000;
let clock = START;
let engine: TestEngine;
const events: BenchEvent[] = [];

beforeAll(async () => {
  engine = await startTestEngine({ now: () => clock });
  engine.bus.subscribe((e) => events.push(e));
});
afterAll(async () => {
  await engine?.dispose();
});

async function watch(config: string, reloads: number, from = START, stepMs = 2000) {
  clock = from;
  const s = await startSession(engine, config, 'live/hls-ts/master.m3u8');
  const outputs: string[] = [];
  for (let i = 0; i < reloads; i++) {
    const r = await text(engine, s.mediaUrls[0]!);
    expect(r.status).toBe(200);
    outputs.push(r.body);
    clock += stepMs;
  }
  return { s, outputs };
}

describe('live HLS, a viewer reloading every 2 s for 90 s', () => {
  let run: Awaited<ReturnType<typeof watch>>;
  beforeAll(async () => {
    run = await watch('demo', 45);
  });

  it('fills both breaks that arrive while watching, each decided once', async () => {
    const view = await sessionView(engine, run.s.sessionId);
    const filled = view.avails.filter((a) => a.fallback === null);
    expect(filled.map((a) => a.key)).toEqual([50010, 50035]);
    for (const a of filled) expect(a.filledSeconds).toBe(20);
    const adsRequests = events.filter((e) => e.kind === 'ads.request' && e.side === 'client' && e.sessionId === run.s.sessionId && e.depth === 0);
    expect(adsRequests).toHaveLength(view.avails.filter((a) => a.adsUrl !== null).length);
  });

  it('every segment keeps its media sequence and discontinuity sequence on every reload', () => {
    // A looped live channel repeats content URIs: a segment is its URI at its program date-time.
    const seen = new Map<string, string>();
    let ads = 0;
    for (const body of run.outputs) {
      for (const seg of readPlaylist(body).segments) {
        const id = `${seg.seq}/${seg.cc}`;
        const pdt = seg.tags.find((t) => t.startsWith('#EXT-X-PROGRAM-DATE-TIME:'));
        const key = `${pdt} ${seg.uri}`;
        const prev = seen.get(key);
        if (prev !== undefined) expect(`${key} ${id}`).toBe(`${key} ${prev}`);
        seen.set(key, id);
        if (seg.uri.includes('/v1/segment/')) ads++;
      }
    }
    expect(ads).toBeGreaterThan(20);
    const seqs = [...seen.values()].map((v) => Number(v.split('/')[0])).sort((a, b) => a - b);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1);
  });

  it('the stitched window lasts as long as the origin window (no drift from the live edge)', () => {
    for (const body of run.outputs) {
      const total = readPlaylist(body).segments.reduce((t, s) => t + s.duration, 0);
      expect(total).toBeCloseTo(30, 1);
    }
  });

  it('ad segments carry PDT continuing the content clock', () => {
    const body = run.outputs.find((b) => b.includes('/v1/segment/'))!;
    const lines = body.split('\n');
    const i = lines.findIndex((l) => l.includes('/v1/segment/'));
    expect(lines.slice(i - 3, i).some((l) => l.startsWith('#EXT-X-PROGRAM-DATE-TIME:'))).toBe(true);
  });
});

describe('live avail policies', () => {
  it('slate fills what the ads leave of the break (SlateAdUrl)', async () => {
    await putConfig(engine, 'slate', {
      AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&ads=ad1&pod=1`,
      SlateAdUrl: `${engine.url}/demo/ads/media/slate/mezzanine.mp4`,
      PersonalizationThresholdSeconds: 15,
    });
    const { s, outputs } = await watch('slate', 20);
    const avail = (await sessionView(engine, s.sessionId)).avails.find((a) => a.key === 50010)!;
    expect(avail).toMatchObject({ filledSeconds: 10, slateSeconds: 10, fallback: null });
    expect(avail.ads.map((a) => a.kind)).toEqual(['ad', 'slate']);
    const last = readPlaylist(outputs.at(-1)!);
    expect(last.segments.filter((x) => x.uri.includes('/50010/1/'))).toHaveLength(5); // 10 s of 2 s slate segments
  });

  it('PersonalizationThresholdSeconds: too much unfilled time abandons the avail', async () => {
    await putConfig(engine, 'threshold', { AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&ads=ad1&pod=1`, PersonalizationThresholdSeconds: 5 });
    const { s } = await watch('threshold', 5);
    const avail = (await sessionView(engine, s.sessionId)).avails.find((a) => a.key === 50010)!;
    expect(avail.fallback).toBe('PERSONALIZATION_THRESHOLD');
  });

  it('AvailSuppression BEHIND_LIVE_EDGE 00:00:00 skips the break already under way at join, fills the next', async () => {
    // Live edge 6 s into the loop: the break at 70 s of the previous loop ended 16 s ago and is still in the window.
    await putConfig(engine, 'suppress', { AvailSuppression: { Mode: 'BEHIND_LIVE_EDGE', Value: '00:00:00' } });
    const { s } = await watch('suppress', 10, START - 8000);
    const view = await sessionView(engine, s.sessionId);
    const byKey = new Map(view.avails.map((a) => [a.key, a]));
    expect(byKey.get(49985)?.fallback).toBe('AVAIL_SUPPRESSED');
    expect(byKey.get(50010)?.fallback).toBeNull();
  });

  it('with suppression OFF a viewer joining mid-break gets ads for what is left of it', async () => {
    // The window's first segment is 6 s into the break at 20 s: its CUE-OUT has slid out, CUE-OUT-CONT remains.
    await putConfig(engine, 'midbreak', { AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]`, PersonalizationThresholdSeconds: 10 });
    clock = LIVE_EPOCH_MS + (2000 * 100 + 56) * 1000;
    const s = await startSession(engine, 'midbreak', 'live/hls-ts/master.m3u8');
    const body = (await text(engine, s.mediaUrls[0]!)).body;
    const avail = (await sessionView(engine, s.sessionId)).avails.find((a) => a.key === 100010)!;
    expect(avail.startOffset).toBe(6);
    expect(avail.adsUrl).toContain('dur=14');
    expect(avail.fallback).toBeNull();
    const p = readPlaylist(body);
    // Ads start at the top of the window, where the viewer joined.
    expect(p.segments[0]!.uri).toContain('/v1/segment/');
  });
});

describe('session expiry', () => {
  it('a session idle for 10× its manifest duration answers 400 with a clear message', async () => {
    clock = START;
    const s = await startSession(engine, 'demo', 'live/hls-ts/master.m3u8');
    expect((await text(engine, s.mediaUrls[0]!)).status).toBe(200);
    clock += 10 * 30 * 1000 - 1000;
    expect((await text(engine, s.mediaUrls[0]!)).status).toBe(200); // still alive, and touched
    clock += 10 * 30 * 1000 + 1000;
    const expired = await engine.json<{ message: string }>(s.mediaUrls[0]!);
    expect(expired.status).toBe(400);
    expect(expired.body.message).toMatch(/expired/);
    expect(events.some((e) => e.kind === 'session' && e.action === 'expired' && e.sessionId === s.sessionId)).toBe(true);
  });
});

describe('bumpers', () => {
  it('a start bumper opens each filled avail and the ads fill what it leaves', async () => {
    await putConfig(engine, 'bumpers', {
      AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]`,
      Bumper: { StartUrl: `${engine.url}/demo/ads/media/ad3/mezzanine.mp4` },
      // The bumper is an MP4 the pre-warm did not cover: the session waits for its transcode (real ffmpeg).
      TranscodeWaitSeconds: 45,
    });
    const { s } = await watch('bumpers', 4);
    const avail = (await sessionView(engine, s.sessionId)).avails.find((a) => a.key === 50010)!;
    expect(avail.fallback).toBeNull();
    expect(avail.ads[0]).toMatchObject({ kind: 'bumper', adId: 'bumper-start', duration: 10 });
    expect(avail.adsUrl).toContain('dur=10');
    expect(avail.ads.reduce((t, a) => t + a.duration, 0)).toBe(20);
  });
});

describe('live pre-roll (LivePreRollConfiguration)', () => {
  it('the first playlist starts with the pre-roll; content follows it on later reloads with stable numbering', async () => {
    await putConfig(engine, 'preroll', {
      LivePreRollConfiguration: { AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&ads=ad1&pod=1`, MaxDurationSeconds: 15 },
    });
    const { s, outputs } = await watch('preroll', 6);
    const first = readPlaylist(outputs[0]!);
    expect(outputs[0]).toContain('#EXT-X-START:TIME-OFFSET=0,PRECISE=YES');
    expect(first.segments).toHaveLength(5); // ad1: 10 s of 2 s segments, nothing older
    expect(first.segments.every((x) => x.uri.includes(`/${s.sessionId}/0/-1000000/`))).toBe(true);
    const later = readPlaylist(outputs[5]!);
    expect(later.segments.slice(0, 5).map((x) => [x.uri, x.seq])).toEqual(first.segments.map((x) => [x.uri, x.seq]));
    expect(later.segments[5]!.uri).toContain('/demo/origin/live/');
    expect(later.segments[5]!.cc).toBe(later.segments[4]!.cc + 1);
    const avail = (await sessionView(engine, s.sessionId)).avails.find((a) => a.availId === 'preroll')!;
    expect(avail).toMatchObject({ filledSeconds: 10, fallback: null });
  });
});
