// Stitched DASH through the real engine: MediaTailor's implicit session (302 + Location), explicit sessions,
// ad Periods matched to the content's adaptation sets, /v1/dashsegment/ redirects, fallbacks that leave
// content unchanged, malformed origins → 502, SINGLE_PERIOD vs MULTI_PERIOD, VMAP on marker-free DASH.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { presentation, readMpd, synthMpd } from '../stitch/dash/helpers.js';
import { putConfig, sessionView, text } from './helpers.js';

let engine: TestEngine;
let origin: Server;
let originUrl = '';

const BAD: Record<string, string> = {
  '/truncated.mpd': '<?xml version="1.0"?><MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static"><Period id="1"><AdaptationSet>',
  '/html.mpd': '<html><body>Service Unavailable</body></html>',
  '/json.mpd': '{"error":"nope"}',
  '/noperiod.mpd': '<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static"/>',
};
/** A marker-free 60 s VOD (2 s segments) for VMAP. */
const PLAIN = synthMpd([{ id: 'main', start: 0, seg: 2, count: 30 }], { duration: 60 });

beforeAll(async () => {
  engine = await startTestEngine();
  origin = createServer((req, res) => {
    const path = req.url?.split('?')[0] ?? '';
    const body = path === '/plain/manifest.mpd' ? PLAIN : BAD[path];
    if (body === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/dash+xml');
    res.end(body);
  });
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  originUrl = `http://127.0.0.1:${(origin.address() as { port: number }).port}`;
});
afterAll(async () => {
  await engine?.dispose();
  await new Promise((r) => origin?.close(r));
});

/** Implicit session: the 302, then the session's MPD. */
async function startDash(config: string, asset: string) {
  const first = await engine.get(`/v1/dash/${engine.accountId}/${config}/${asset}`, { redirect: 'manual' });
  expect(first.status).toBe(302);
  const location = first.headers.get('location')!;
  const sessionId = new URL(location, engine.url).searchParams.get('aws.sessionId')!;
  const mpd = await text(engine, location);
  return { location, sessionId, mpd };
}

describe('implicit DASH session on the demo VOD (MediaPackage-style multi-period origin)', () => {
  it('302 to ?aws.sessionId=, then a multi-period MPD with one Period per ad and content resuming in place', async () => {
    const s = await startDash('demo', 'vod/dash/manifest.mpd');
    expect(s.location).toBe(`/v1/dash/${engine.accountId}/demo/vod/dash/manifest.mpd?aws.sessionId=${s.sessionId}`);
    expect(s.mpd.status).toBe(200);
    expect(s.mpd.headers.get('content-type')).toContain('application/dash+xml');
    const read = readMpd(s.mpd.body);
    const view = await sessionView(engine, s.sessionId);
    const adIds = view.avails.flatMap((a) => (a as unknown as { periods: { id: string }[] }).periods.map((p) => p.id));
    expect(adIds).toEqual(['20000_1', '20000_2', '70000_1', '70000_2']);
    expect(read.periods.map((p) => [p.id, p.start, p.duration ?? null])).toEqual([
      ['p0', 0, 20],
      ['20000_1', 20, 10],
      ['20000_2', 30, 10],
      ['p20_20000', 40, 30],
      ['70000_1', 70, 10],
      ['70000_2', 80, 10],
      ['p70_20000', 90, null],
    ]);
    // Content after each break starts with the origin's segment for that time (numbers and media time).
    const after = read.periods[3]!;
    expect(after.sets[0]!.startNumber).toBe(20);
    expect(presentation(after)[0]![0]).toBeCloseTo(40, 6);
    // <Location> is the session URL; content is absolute against the origin.
    expect(s.mpd.body).toContain(`<Location>${engine.url}${s.location}</Location>`);
    expect(s.mpd.body).toContain(`<BaseURL>${engine.url}/demo/origin/vod/dash/</BaseURL>`);
    expect(read.mpd.attrs.mediaPresentationDuration).toBe('PT100S');
  });

  it('ad Periods use the ad’s renditions matched to the content: AVC video ≤ 720p and AAC audio', async () => {
    const s = await startDash('demo', 'vod/dash/manifest.mpd');
    const ad = readMpd(s.mpd.body).periods.find((p) => p.id === '20000_1')!;
    expect(ad.sets.map((x) => x.contentType)).toEqual(['video', 'audio']);
    // Representation ids are the ad's, made unique to the ad Period (players key caches by id).
    expect(s.mpd.body).toMatch(/<Representation id="20000_1_720p"[^>]*codecs="avc1\.4d401f"[^>]*><SegmentTemplate[^>]*\/v1\/dashsegment\//);
    expect(s.mpd.body).toMatch(/<Representation id="20000_1_360p"/);
  });

  it('ad segments redirect through /v1/dashsegment/ to the creative’s DASH files, which play', async () => {
    const s = await startDash('demo', 'vod/dash/manifest.mpd');
    const media = /media="([^"]*\/v1\/dashsegment\/[^"]*)"/.exec(s.mpd.body)![1]!;
    const init = /initialization="([^"]*\/v1\/dashsegment\/[^"]*)"/.exec(s.mpd.body)![1]!;
    const first = media.replace('$Number$', '1');
    const r = await fetch(first, { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toMatch(/\/v1\/transcoded\/ad\d_[0-9a-f]{12}\/cmaf\/720p\/seg_00000\.m4s$/);
    const seg = await fetch(first);
    expect(seg.status).toBe(200);
    expect((await seg.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await fetch(init)).status).toBe(200);
    expect((await fetch(media.replace('$Number$', '99'))).status).toBe(404);
  });

  it('MpdLocation DISABLED leaves <Location> out; explicit POST /v1/session returns the DASH manifest URL', async () => {
    await putConfig(engine, 'noloc', { DashConfiguration: { MpdLocation: 'DISABLED' } });
    const s = await startDash('noloc', 'vod/dash/manifest.mpd');
    expect(s.mpd.body).not.toContain('<Location>');
    const res = await engine.json<{ manifestUrl: string; trackingUrl: string }>(`/v1/session/${engine.accountId}/demo/vod/dash/manifest.mpd`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ adsParams: { a: '1' } }) });
    expect(res.status).toBe(200);
    expect(res.body.manifestUrl).toMatch(new RegExp(`^/v1/dash/${engine.accountId}/demo/vod/dash/manifest\\.mpd\\?aws\\.sessionId=[0-9a-f-]{36}$`));
    const mpd = await text(engine, res.body.manifestUrl);
    expect(mpd.status).toBe(200);
    expect(readMpd(mpd.body).periods.filter((p) => /^\d+_\d$/.test(p.id))).toHaveLength(4);
  });

  it('single-period origin: MULTI_PERIOD (the default) fills only the first Event; SINGLE_PERIOD every Event', async () => {
    const multi = await startDash('demo', 'vod/dash/manifest.mpd?periods=single');
    expect(readMpd(multi.mpd.body).periods.map((p) => p.id)).toEqual(['p0', '20000_1', '20000_2', 'p0_40000']);
    await putConfig(engine, 'single', { DashConfiguration: { OriginManifestType: 'SINGLE_PERIOD' } });
    const single = await startDash('single', 'vod/dash/manifest.mpd?periods=single');
    expect(readMpd(single.mpd.body).periods.map((p) => p.id)).toEqual(['p0', '20000_1', '20000_2', 'p0_40000', '70000_1', '70000_2', 'p0_90000']);
  });
});

describe('fallbacks and errors', () => {
  it('ADS timeout → the MPD is the origin’s content, unchanged (no ad Periods, every segment kept)', async () => {
    await putConfig(engine, 'dash-timeout', { AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&fault=timeout`, AdsRequestTimeoutMilliseconds: 400 });
    const s = await startDash('dash-timeout', 'vod/dash/manifest.mpd');
    const read = readMpd(s.mpd.body);
    expect(read.periods.map((p) => p.id)).toEqual(['p0', 'p20', 'p70']);
    expect(read.periods.reduce((n, p) => n + p.sets[0]!.segments.length, 0)).toBe(50);
    expect(read.periods.flatMap((p) => p.events)).toHaveLength(2); // markers stay: nothing replaced them
    expect((await sessionView(engine, s.sessionId)).avails.map((a) => a.fallback)).toEqual(['ADS_TIMEOUT', 'ADS_TIMEOUT']);
  });

  it('malformed origin MPDs → 502 with the reason; origin 404 → 502; an HLS asset on /v1/dash → 400', async () => {
    await putConfig(engine, 'bad-origin', { VideoContentSourceUrl: originUrl });
    const reasons: Record<string, RegExp> = {
      'truncated.mpd': /MPD is malformed \(MPD is not well-formed XML: Document ends inside <AdaptationSet>/,
      'html.mpd': /Root element is <html>, not <MPD>/,
      'json.mpd': /not well-formed XML: Text before the root element/,
      'noperiod.mpd': /MPD has no <Period>/,
      'missing.mpd': /HTTP 404/,
    };
    for (const [asset, reason] of Object.entries(reasons)) {
      const first = await engine.get(`/v1/dash/${engine.accountId}/bad-origin/${asset}`, { redirect: 'manual' });
      const r = await engine.json<{ message: string }>(first.headers.get('location')!);
      expect(r.status, asset).toBe(502);
      expect(r.body.message, asset).toMatch(reason);
    }
    expect((await engine.get(`/v1/dash/${engine.accountId}/demo/vod/hls-ts/master.m3u8`, { redirect: 'manual' })).status).toBe(400);
  });

  it('an HLS session id on /v1/dash and an unknown session → 400 / 404', async () => {
    const hls = await engine.get(`/v1/master/${engine.accountId}/demo/vod/hls-ts/master.m3u8`);
    const id = hls.headers.get('x-stitchbench-session')!;
    expect((await engine.get(`/v1/dash/${engine.accountId}/demo/vod/dash/manifest.mpd?aws.sessionId=${id}`)).status).toBe(400);
    expect((await engine.get(`/v1/dash/${engine.accountId}/demo/vod/dash/manifest.mpd?aws.sessionId=00000000-0000-0000-0000-000000000000`)).status).toBe(404);
  });
});

describe('VOD without markers', () => {
  it('VMAP pre-, mid- and post-roll become ad Periods at segment boundaries', async () => {
    // The synthetic origin has no media to learn a profile from: the ADS's pre-conditioned DASH files are used (NONE).
    await putConfig(engine, 'dash-vmap', { VideoContentSourceUrl: originUrl, AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' }, AdDecisionServerUrl: `${engine.url}/demo/ads/vmap?breaks=start,00:00:31.000,end&pod=1&sid=[session.id]` });
    const s = await startDash('dash-vmap', 'plain/manifest.mpd');
    const read = readMpd(s.mpd.body);
    const kinds = read.periods.map((p) => (p.id.startsWith('main') ? 'content' : 'ad'));
    expect(kinds).toEqual(['ad', 'content', 'ad', 'content', 'ad']);
    // The mid-roll at 31 s moved to the next 2 s boundary: content [0,32) then [32,60).
    const content = read.periods.filter((p) => p.id.startsWith('main'));
    expect(content.map((p) => [p.sets[0]!.startNumber, p.sets[0]!.segments.length])).toEqual([[1, 16], [17, 14]]);
    const ads = read.periods.filter((p) => !p.id.startsWith('main'));
    expect(content[0]!.start).toBeCloseTo(ads[0]!.duration!, 6);
  });
});
