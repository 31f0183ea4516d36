// The demo world wired together in a real engine: the demo configuration's ADS answers VAST 3 / VMAP whose
// media URLs resolve on this server, and tracking hits are recorded per session and put on the bus.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaybackConfiguration } from '../../src/shared/playback-config.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: (n) => ['Ad', 'MediaFile', 'Tracking', 'AdBreak'].includes(n) });

describe('demo world in the engine', () => {
  let e: TestEngine;
  beforeAll(async () => {
    e = await startTestEngine();
  });
  afterAll(async () => e.dispose());

  it("the demo configuration's ADS URL returns valid VAST 3 whose every MediaFile is served here", async () => {
    const config = (await e.json<PlaybackConfiguration>('/playbackConfiguration/demo')).body;
    const adsUrl = config.AdDecisionServerUrl!.replace('[session.avail_duration_secs]', '30').replace('[session.id]', 'sess-a');
    const res = await fetch(adsUrl);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const vast = xml.parse(body).VAST;
    expect(vast['@version']).toBe('3.0');
    const ads = vast.Ad as { '@sequence': string; InLine: { Creatives: { Creative: { Linear: { Duration: string; MediaFiles: { MediaFile: { '#text': string; '@type': string }[] } } } } } }[];
    const seconds = ads.map((a) => {
      const [h, m, s] = a.InLine.Creatives.Creative.Linear.Duration.split(':').map(Number);
      return h! * 3600 + m! * 60 + s!;
    });
    expect(seconds.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(30);
    expect(ads.map((a) => a['@sequence'])).toEqual(ads.map((_, i) => String(i + 1)));
    const files = ads.flatMap((a) => a.InLine.Creatives.Creative.Linear.MediaFiles.MediaFile);
    expect(new Set(files.map((f) => f['@type']))).toEqual(new Set(['video/mp4', 'application/x-mpegURL', 'application/dash+xml']));
    for (const f of files) {
      const r = await fetch(f['#text'].trim(), { method: 'GET', headers: { range: 'bytes=0-15' } });
      expect([200, 206], f['#text']).toContain(r.status);
    }
  });

  it('returns VMAP 1.0 with pre-, mid- and post-roll breaks', async () => {
    const body = await (await e.get('/demo/ads/vmap?sid=sess-v')).text();
    expect(XMLValidator.validate(body)).toBe(true);
    const breaks = xml.parse(body).VMAP.AdBreak as { '@timeOffset': string }[];
    expect(breaks.map((b) => b['@timeOffset'])).toEqual(['start', '00:00:20.000', 'end']);
  });

  it('records tracking hits per session and reports them as beacons on the bus', async () => {
    const body = await (await e.get('/demo/ads/vast?v=3.0&pod=1&sid=sess-t')).text();
    const ad = xml.parse(body).VAST.Ad[0];
    const start = (ad.InLine.Creatives.Creative.Linear.TrackingEvents.Tracking as { '@event': string; '#text': string }[]).find((t) => t['@event'] === 'start')!;
    const hit = await fetch(start['#text'].trim());
    expect(hit.status).toBe(200);
    expect(hit.headers.get('content-type')).toBe('image/gif');
    const events = await e.json<{ hits: { ev: string }[] }>('/demo/ads/events?sid=sess-t');
    expect(events.body.hits.map((h) => h.ev)).toEqual(['start']);
    expect(e.bus.recent({ sessionId: 'sess-t', kinds: ['beacon'] }).map((b) => b.kind === 'beacon' && b.event)).toEqual(['start']);
  });
});
