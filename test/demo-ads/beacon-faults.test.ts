// Beacon faults of the demo ADS: beacons=down points every tracking URL at a port nothing listens on;
// beacons=500 keeps them on the sink, which records the hit and answers 500. Both survive wrapper hops and VMAP.
import { describe, expect, it } from 'vitest';
import { useApp } from './helpers.js';
import type { BeaconEvent } from '../../src/shared/events.js';

const app = useApp();
const get = (url: string) => app().app.inject({ method: 'GET', url });
const trackingUrls = (xml: string) => [...xml.matchAll(/<(?:Impression|Tracking|Error|vmap:Tracking)[^>]*>\s*<!\[CDATA\[([^\]]+)\]\]>/g)].map((m) => m[1]!);

describe('beacon faults', () => {
  it('without a fault, tracking URLs point at the sink', async () => {
    const urls = trackingUrls((await get('/demo/ads/vast?v=3.0&pod=1&sid=s')).body);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.every((u) => u.startsWith('http://127.0.0.1:4000/demo/ads/track?'))).toBe(true);
  });

  it('beacons=down: every Impression, Tracking and Error URL points at 127.0.0.1:2 (refused, and not a fetch "bad port")', async () => {
    const urls = trackingUrls((await get('/demo/ads/vast?v=3.0&pod=2&sid=s&beacons=down')).body);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.every((u) => u.startsWith('http://127.0.0.1:2/demo/ads/track?'))).toBe(true);
  });

  it('beacons=500: the sink records the hit and answers HTTP 500', async () => {
    const urls = trackingUrls((await get('/demo/ads/vast?v=3.0&pod=1&sid=s5&beacons=500')).body);
    const impression = urls.find((u) => u.includes('ev=impression'))!;
    expect(impression).toContain('fail=500');
    const res = await get(impression.replace('http://127.0.0.1:4000', ''));
    expect(res.statusCode).toBe(500);
    const hits = (await get('/demo/ads/events?sid=s5')).json() as { hits: { ev: string }[] };
    expect(hits.hits.map((h) => h.ev)).toEqual(['impression']);
    expect(app().events.filter((e): e is BeaconEvent => e.kind === 'beacon').at(-1)).toMatchObject({ sender: 'demo-ads', event: 'impression', status: 500 });
  });

  it('the fault travels through wrapper hops and into VMAP breaks', async () => {
    const wrapper = (await get('/demo/ads/vast?v=3.0&wrapper=1&beacons=down')).body;
    const next = /<VASTAdTagURI>\s*<!\[CDATA\[([^\]]+)\]\]>/.exec(wrapper)![1]!;
    expect(next).toContain('beacons=down');
    expect(trackingUrls(wrapper).every((u) => u.startsWith('http://127.0.0.1:2/'))).toBe(true);
    const inline = (await get(next.replace('http://127.0.0.1:4000', ''))).body;
    expect(trackingUrls(inline).every((u) => u.startsWith('http://127.0.0.1:2/'))).toBe(true);
    const vmap = (await get('/demo/ads/vmap?breaks=start&beacons=500')).body;
    expect(trackingUrls(vmap).filter((u) => u.includes('/track?')).every((u) => u.includes('fail=500'))).toBe(true);
  });

  it('an unknown beacon fault is a 400 naming the parameter', async () => {
    const res = await get('/demo/ads/vast?beacons=maybe');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/beacons/);
  });
});
