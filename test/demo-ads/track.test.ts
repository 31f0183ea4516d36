import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HitStore } from '../../src/main/demo/ads/hit-store.js';
import type { BeaconEvent } from '../../src/shared/events.js';
import { injectPath, makeApp, parseXml, type TestApp } from './helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});
afterEach(async () => {
  await t.app.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('tracking', () => {
  it('records hits from VAST tracking URLs per sid and emits beacons', async () => {
    const seen: BeaconEvent[] = [];
    const off = t.bus.subscribe((e) => seen.push(e as BeaconEvent), { kinds: ['beacon'] });
    const vast = parseXml((await get('/demo/ads/vast?sid=S1&pod=1')).body);
    const inline = vast.VAST.Ad[0].InLine;
    const impression = inline.Impression[0]['#text'] as string;
    const start = inline.Creatives.Creative.Linear.TrackingEvents.Tracking[1]['#text'] as string;
    const error = (inline.Error[0] as string).replace('[ERRORCODE]', '405');

    for (const url of [impression, start, error]) {
      const res = await get(injectPath(url), { 'user-agent': 'bench-test' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/gif');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.rawPayload.subarray(0, 6).toString()).toBe('GIF89a');
    }
    await get('/demo/ads/track?sid=OTHER&ev=start');
    off();

    const list = (await get('/demo/ads/events?sid=S1')).json();
    expect(list.sid).toBe('S1');
    expect(list.hits.map((h: { ev: string }) => h.ev)).toEqual(['impression', 'start', 'error']);
    expect(list.hits[0]).toMatchObject({ sid: 'S1', ad: 'ad1-1', userAgent: 'bench-test', query: { sid: 'S1', ad: 'ad1-1', ev: 'impression' } });
    expect(list.hits[2].code).toBe('405');
    expect(typeof list.hits[0].at).toBe('number');
    expect(typeof list.hits[0].ip).toBe('string');

    expect(seen.map((e) => e.event)).toEqual(['impression', 'start', 'error', 'start']);
    expect(seen[0]).toMatchObject({ kind: 'beacon', sender: 'demo-ads', adId: 'ad1-1', sessionId: 'S1', status: 200 });
    expect(seen[0]!.url).toBe(impression);
    expect(seen[3]!.sessionId).toBe('OTHER');

    const summary = (await get('/demo/ads/events')).json();
    expect(summary.sessions.map((s: { sid: string; count: number }) => [s.sid, s.count])).toEqual([['S1', 3], ['OTHER', 1]]);

    const del = await t.app.inject({ method: 'DELETE', url: '/demo/ads/events?sid=S1' });
    expect(del.json()).toEqual({ cleared: 3 });
    expect((await get('/demo/ads/events?sid=S1')).json().hits).toEqual([]);
    expect((await get('/demo/ads/events')).json().sessions).toHaveLength(1);
  });

  it('rejects a beacon without ev', async () => {
    const res = await get('/demo/ads/track?sid=x');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("'ev'");
  });

  it('hit store is bounded per session and in sessions', () => {
    const store = new HitStore(3, 5);
    const hit = (sid: string, i: number) => ({ at: i, sid, ev: `e${i}`, query: {}, ip: '::1' });
    for (let i = 0; i < 8; i++) store.record(hit('a', i));
    expect(store.list('a').map((h) => h.ev)).toEqual(['e3', 'e4', 'e5', 'e6', 'e7']);
    expect(store.summary()[0]).toMatchObject({ sid: 'a', count: 5, total: 8, lastAt: 7 });
    store.record(hit('b', 1));
    store.record(hit('c', 1));
    store.record(hit('a', 9)); // a becomes most recent
    store.record(hit('d', 1)); // drops b, the least recently active
    expect(store.summary().map((s) => s.sid)).toEqual(['c', 'a', 'd']);
  });
});
