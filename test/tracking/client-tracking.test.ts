// Client-side reporting: MediaTailor's tracking API (validated against a zod schema of its documented fields),
// ids consistent with the manifests (HLS media sequence, DASH Period ids), start times on the session's timeline,
// live paging with nextToken, and a player's pings relayed through the bench (sender "client") — with no
// server-side beacons for such sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LIVE_EPOCH_MS } from '../../src/main/demo/origin/timeline.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { text } from '../playback/helpers.js';
import { parseVast } from '../../src/main/ads/vast-parse.js';
import { parseVmap } from '../../src/main/ads/vmap-parse.js';
import { readPlaylist } from '../stitch/helpers.js';

const duration = z.string().regex(/^PT\d+(\.\d+)?S$/);
const TrackingEvent = z.strictObject({
  beaconUrls: z.array(z.url()),
  duration,
  durationInSeconds: z.number(),
  eventId: z.string(),
  eventProgramDateTime: z.iso.datetime().nullable(),
  eventType: z.string(),
  startTime: duration,
  startTimeInSeconds: z.number(),
});
const Ad = z.strictObject({
  adId: z.string(),
  adParameters: z.string(),
  adProgramDateTime: z.iso.datetime().nullable(),
  adSystem: z.string(),
  adTitle: z.string(),
  adVerifications: z.array(z.unknown()),
  companionAds: z.array(z.unknown()),
  creativeId: z.string(),
  creativeSequence: z.string(),
  duration,
  durationInSeconds: z.number(),
  extensions: z.array(z.unknown()),
  mediaFiles: z.strictObject({ mediaFilesList: z.array(z.object({ mediaFileUri: z.string(), mediaType: z.string() }).loose()), mezzanine: z.string() }),
  skipOffset: z.string().nullable(),
  startTime: duration,
  startTimeInSeconds: z.number(),
  trackingEvents: z.array(TrackingEvent),
  vastAdId: z.string(),
});
const Avail = z.strictObject({
  adBreakTrackingEvents: z.array(z.strictObject({ beaconUrls: z.array(z.url()), eventType: z.string() })),
  adMarkerDuration: duration.nullable(),
  ads: z.array(Ad),
  availId: z.string(),
  availProgramDateTime: z.iso.datetime().nullable(),
  duration,
  durationInSeconds: z.number(),
  meta: z.null(),
  nonLinearAdsList: z.array(z.unknown()),
  startTime: duration,
  startTimeInSeconds: z.number(),
});
const TrackingResponse = z.strictObject({ avails: z.array(Avail), nextToken: z.string().optional(), nonLinearAvails: z.array(z.unknown()) });
type Tracking = z.infer<typeof TrackingResponse>;

let clock = LIVE_EPOCH_MS + (1000 * 100 + 16) * 1000;
let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine({ now: () => clock });
});
afterAll(async () => {
  await engine?.dispose();
});

async function clientSession(asset: string): Promise<{ manifestUrl: string; trackingUrl: string; sessionId: string }> {
  const res = await engine.json<{ manifestUrl: string; trackingUrl: string }>(`/v1/session/${engine.accountId}/demo/${asset}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reportingMode: 'client' }),
  });
  expect(res.status).toBe(200);
  return { ...res.body, sessionId: res.body.trackingUrl.split('/').at(-1)! };
}

async function tracking(url: string): Promise<Tracking> {
  const res = await engine.json<unknown>(url);
  expect(res.status).toBe(200);
  return TrackingResponse.parse(res.body);
}

describe('client-side tracking API (HLS VOD)', () => {
  let s: Awaited<ReturnType<typeof clientSession>>;
  let playlist: ReturnType<typeof readPlaylist>;
  let mediaSequence = -1;

  beforeAll(async () => {
    s = await clientSession('vod/hls-ts/master.m3u8');
    const master = (await text(engine, s.manifestUrl)).body;
    const media = master.split('\n').find((l) => l.startsWith('/v1/manifest/'))!;
    const body = (await text(engine, media)).body;
    playlist = readPlaylist(body);
    mediaSequence = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(body)?.[1] ?? 0);
  });

  it('matches MediaTailor’s schema; availId and adId are the media sequence of their first segment; times on the stitched timeline', async () => {
    const t = await tracking(s.trackingUrl);
    expect(t.nextToken).toBeUndefined(); // VOD: everything at once
    expect(t.avails.map((a) => [a.availId, a.startTimeInSeconds, a.durationInSeconds, a.adMarkerDuration])).toEqual([
      ['10', 20, 20, 'PT20S'],
      ['35', 70, 20, 'PT20S'],
    ]);
    const first = playlist.segments.findIndex((x) => x.uri.includes('/v1/segment/'));
    expect(mediaSequence + first).toBe(10);
    const a1 = t.avails[0]!;
    expect(a1.ads.map((a) => [a.adId, a.vastAdId, a.startTimeInSeconds, a.durationInSeconds, a.creativeId])).toEqual([
      ['10', 'ad1-1', 20, 10, 'ad1'],
      ['15', 'ad3-2', 30, 10, 'ad3'],
    ]);
    expect(a1.ads[0]!.trackingEvents.map((e) => [e.eventType, e.startTimeInSeconds, e.durationInSeconds])).toEqual([
      ['impression', 20, 10], ['start', 20, 0], ['firstQuartile', 22.5, 0], ['midpoint', 25, 0], ['thirdQuartile', 27.5, 0], ['complete', 30, 0],
    ]);
    expect(a1.ads[0]!.trackingEvents[0]!.beaconUrls[0]).toMatch(/\/demo\/ads\/track\?sid=[^&]+&ad=ad1-1&ev=impression$/);
    expect(a1.ads[0]!.mediaFiles.mezzanine === '' || a1.ads[0]!.mediaFiles.mediaFilesList.length > 0).toBe(true);
  });

  it('fetching ad segments fires no server-side beacon; the player’s pings relayed through the bench fire once', async () => {
    for (const seg of playlist.segments.filter((x) => x.uri.includes('/v1/segment/')).slice(0, 5)) await fetch(seg.uri, { redirect: 'manual' });
    const report = async () => (await engine.json<{ summary: Record<string, number>; avails: { ads: { beacons: { event: string; state: string; sender?: string }[] }[] }[] }>(`/api/sessions/${s.sessionId}/beacons`)).body;
    expect((await report()).summary.fired).toBe(0);

    const post = (body: object) => engine.json<{ fired: string[]; alreadyFired: string[]; message?: string }>(`/api/sessions/${s.sessionId}/beacons`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const r1 = await post({ availId: '10', adId: '10', eventType: 'impression' });
    expect(r1.status).toBe(200);
    expect(r1.body).toEqual({ fired: ['10/0/impression'], alreadyFired: [] });
    // By the session API's ids too (decision availId + VAST Ad@id); a repeat fires nothing.
    expect((await post({ availId: '10', adId: 'ad1-1', eventType: 'impression' })).body).toEqual({ fired: [], alreadyFired: ['10/0/impression'] });
    await expect.poll(async () => (await report()).avails[0]!.ads[0]!.beacons[0]).toMatchObject({ event: 'impression', state: 'fired', sender: 'client' });
    const hits = (await engine.json<{ hits: { ev: string; ad: string }[] }>(`/demo/ads/events?sid=${s.sessionId}`)).body.hits;
    expect(hits.filter((h) => h.ev !== 'error').map((h) => `${h.ad}:${h.ev}`)).toEqual(['ad1-1:impression']);

    expect((await post({ availId: '10', adId: 'nope', eventType: 'start' })).status).toBe(404);
    expect((await post({ availId: '10', adId: '10', eventType: 'acceptInvitation' })).status).toBe(404);
    expect((await post({ availId: '10', eventType: 'start' })).status).toBe(400);
  });

  it('errors: wrong account or configuration, unknown session, bad nextToken', async () => {
    const [, , , acct, config, id] = s.trackingUrl.split('/');
    expect((await engine.get(`/v1/tracking/nope/${config}/${id}`)).status).toBe(404);
    expect((await engine.get(`/v1/tracking/${acct}/other/${id}`)).status).toBe(404);
    expect((await engine.get(`/v1/tracking/${acct}/${config}/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
    expect((await engine.get(`${s.trackingUrl}?nextToken=garbage`)).status).toBe(400);
  });
});

describe('client-side tracking API (DASH VOD)', () => {
  it('availId and adId are the ad Period ids of the session’s MPD', async () => {
    const s = await clientSession('vod/dash/manifest.mpd');
    const mpd = (await text(engine, s.manifestUrl)).body;
    const t = await tracking(s.trackingUrl);
    expect(t.avails.map((a) => [a.availId, a.startTimeInSeconds, a.ads.map((x) => x.adId)])).toEqual([
      ['20000_1', 20, ['20000_1', '20000_2']],
      ['70000_1', 70, ['70000_1', '70000_2']],
    ]);
    for (const a of t.avails) for (const ad of a.ads) expect(mpd).toContain(`<Period id="${ad.adId}"`);
  });
});

describe('client-side tracking API (HLS live)', () => {
  it('pages with nextToken: each token returns only the avails that started after the last one seen', async () => {
    const s = await clientSession('live/hls-ts/master.m3u8');
    const master = (await text(engine, s.manifestUrl)).body;
    const media = master.split('\n').find((l) => l.startsWith('/v1/manifest/'))!;
    let token: string | undefined;
    const seen: string[] = [];
    const pages: number[] = [];
    for (let i = 0; i < 45; i++) {
      await text(engine, media);
      const t = await tracking(`${s.trackingUrl}${token ? `?nextToken=${token}` : ''}`);
      expect(t.nextToken).toBeDefined();
      token = t.nextToken;
      pages.push(t.avails.length);
      seen.push(...t.avails.map((a) => a.availId));
      clock += 2000;
    }
    // Two breaks arrive in 90 s; each shows up on exactly one page, then never again.
    expect(seen).toHaveLength(2);
    expect(new Set(seen).size).toBe(2);
    expect(pages.filter((n) => n > 0)).toEqual([1, 1]);
    const all = await tracking(s.trackingUrl);
    expect(all.avails.map((a) => a.availId)).toEqual(seen);
    // Live times are on the session's timeline (seconds since its first playlist's first segment) with PDTs.
    expect(all.avails[0]!.startTimeInSeconds).toBeGreaterThan(0);
    expect(all.avails[0]!.availProgramDateTime).not.toBeNull();
    expect(all.avails[1]!.startTimeInSeconds - all.avails[0]!.startTimeInSeconds).toBe(50);
  });
});

describe('Primetime sidecars', () => {
  it('JSON v2 and VMAP describe the same pods, ads and tracking as the MediaTailor API; the VMAP reads back with our VMAP/VAST parsers', async () => {
    const s = await clientSession('vod/hls-ts/master.m3u8');
    const master = (await text(engine, s.manifestUrl)).body;
    await text(engine, master.split('\n').find((l) => l.startsWith('/v1/manifest/'))!);
    const t = await tracking(s.trackingUrl);
    const json = (await engine.json<{ startTime: number; endTime: number; scte35: unknown[]; pods: { id: string; startTime: number; duration: number; ads: { id: string; startTime: number; duration: number; trackingUrls: { startTime: number; event: string; url: string }[] }[] }[] }>(`${s.trackingUrl}/primetime.json`)).body;
    expect(json.pods.map((p) => [p.id, p.startTime, p.duration, p.ads.map((a) => a.id)])).toEqual(t.avails.map((a) => [a.availId, a.startTimeInSeconds, a.durationInSeconds, a.ads.map((x) => x.adId)]));
    expect([json.startTime, json.endTime]).toEqual([20, 90]);
    expect(json.scte35).toHaveLength(2);
    expect(json.pods[0]!.ads[0]!.trackingUrls.filter((u) => u.event === 'firstQuartile')).toEqual([{ startTime: 22.5, event: 'firstQuartile', url: expect.stringContaining('ev=firstQuartile') }]);

    const res = await engine.get(`${s.trackingUrl}/primetime.vmap`);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    const vmap = parseVmap(await res.text());
    if (!vmap.ok) throw new Error(vmap.message);
    expect(vmap.doc.breaks.map((b) => [b.breakId, b.timeOffset])).toEqual([['10', { kind: 'seconds', seconds: 20 }], ['35', { kind: 'seconds', seconds: 70 }]]);
    const vast = parseVast(vmap.doc.breaks[0]!.adSource.vastXml!);
    if (!vast.ok) throw new Error(vast.message);
    const ads = vast.doc.ads.flatMap((a) => (a.kind === 'inline' ? [a.ad] : []));
    expect(ads.map((a) => [a.adId, a.durationSeconds, a.impressions.length, a.tracking.map((x) => x.event)])).toEqual([
      ['10', 10, 1, ['start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete']],
      ['15', 10, 1, ['start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete']],
    ]);
    expect((await engine.get(`${s.trackingUrl}/primetime.xml`)).status).toBe(404);
  });
});
