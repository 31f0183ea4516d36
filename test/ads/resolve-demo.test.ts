// resolveVast / resolveVmap / resolveBreak over real HTTP against the embedded demo ADS of a real engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/main/bus/event-bus.js';
import { resolveBreak, resolveVast, resolveVmap } from '../../src/main/ads/index.js';
import type { AdsRequestEvent, BenchEvent } from '../../src/shared/events.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';

let e: TestEngine;
let ads: string;
beforeAll(async () => {
  e = await startTestEngine();
  ads = `${e.url}/demo/ads`;
});
afterAll(async () => {
  await e?.dispose();
});

function recorder() {
  const bus = new EventBus();
  const events: BenchEvent[] = [];
  bus.subscribe((ev) => events.push(ev));
  return { bus, requests: () => events.filter((x): x is AdsRequestEvent => x.kind === 'ads.request') };
}

describe('resolveVast against the demo ADS', () => {
  it('an InLine pod resolves directly (depth 0, no wrapper URLs)', async () => {
    const r = await resolveVast(`${ads}/vast?pod=2&sid=r0`);
    expect(r.errorCode).toBeUndefined();
    expect(r.version).toBe('3.0');
    expect(r.ads).toHaveLength(2);
    expect(r.ads.map((a) => a.sequence)).toEqual([1, 2]);
    expect(r.ads[0]!.wrapperUrls).toEqual([]);
    expect(r.ads[0]!.mediaFiles.map((m) => m.type)).toEqual(['video/mp4', 'application/x-mpegURL', 'application/dash+xml']);
    expect(r.hops).toEqual([{ url: `${ads}/vast?pod=2&sid=r0`, depth: 0, status: 200, ms: expect.any(Number), bytes: expect.any(Number), ads: 2 }]);
  });

  it('a chain of 3 wrappers: InLine ads with impressions/errors/tracking merged from 3 wrappers + the InLine, one event per hop', async () => {
    const { bus, requests } = recorder();
    const r = await resolveVast(`${ads}/vast?wrapper=3&pod=2&sid=w3`, { bus, sessionId: 'S', availId: 'A1' });
    expect(r.errorCode).toBeUndefined();
    expect(r.failures).toEqual([]);
    expect(r.ads).toHaveLength(2);
    for (const ad of r.ads) {
      expect(ad.impressions).toHaveLength(4);
      // Wrapper entries first, outermost first.
      expect(ad.impressions.map((u) => new URL(u).searchParams.get('ad'))).toEqual(['wrapper-3', 'wrapper-2', 'wrapper-1', ad.adId]);
      expect(ad.errorUrls).toHaveLength(4);
      expect(ad.tracking).toHaveLength(4 * 10);
      expect(ad.tracking.filter((t) => t.event === 'start')).toHaveLength(4);
      expect(ad.wrapperUrls).toHaveLength(3);
      expect(ad.wrapperUrls.map((u) => new URL(u).searchParams.get('wrapper'))).toEqual(['2', '1', '0']);
    }
    expect(r.hops.map((h) => [h.depth, h.status, h.ads])).toEqual([[0, 200, 1], [1, 200, 1], [2, 200, 1], [3, 200, 2]]);
    const evs = requests();
    expect(evs.map((x) => x.depth)).toEqual([0, 1, 2, 3]);
    for (const [i, x] of evs.entries()) {
      expect(x).toMatchObject({ side: 'client', sessionId: 'S', availId: 'A1', status: 200, url: r.hops[i]!.url, ads: r.hops[i]!.ads, bytes: r.hops[i]!.bytes });
      expect(x.error).toBeUndefined();
    }
  });

  it('7 wrappers are followed; the 8th is error 302 with the 8 hops recorded and every wrapper Error URL to ping', async () => {
    const seven = await resolveVast(`${ads}/vast?wrapper=7&pod=1`);
    expect(seven.errorCode).toBeUndefined();
    expect(seven.ads).toHaveLength(1);
    expect(seven.ads[0]!.impressions).toHaveLength(8);
    expect(seven.hops.map((h) => h.depth)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);

    const eight = await resolveVast(`${ads}/vast?wrapper=8&pod=1`);
    expect(eight.ads).toEqual([]);
    expect(eight.errorCode).toBe(302);
    expect(eight.error).toMatch(/^Wrapper limit reached/);
    expect(eight.hops.map((h) => h.depth)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(eight.failures).toHaveLength(1);
    expect(eight.failures[0]).toMatchObject({ kind: 'wrapper-limit', code: 302, depth: 8 });
    expect(eight.failures[0]!.errorUrls).toHaveLength(8);
    expect(eight.failures[0]!.url).toContain('wrapper=0');

    // A caller-chosen limit works the same way.
    const two = await resolveVast(`${ads}/vast?wrapper=3&pod=1`, { maxDepth: 2 });
    expect(two).toMatchObject({ errorCode: 302, ads: [] });
    expect(two.hops).toHaveLength(3);
  });

  it('fault=loop: a wrapper pointing at itself is detected as a loop (302) without re-requesting it', async () => {
    const r = await resolveVast(`${ads}/vast?fault=loop&pod=1`);
    expect(r.ads).toEqual([]);
    expect(r.errorCode).toBe(302);
    expect(r.failures[0]).toMatchObject({ kind: 'wrapper-loop', depth: 1 });
    expect(r.error).toMatch(/^Wrapper loop: .* was already requested at depth 0$/);
    expect(r.hops).toHaveLength(1);
  });

  it('fault=empty: no ads and no error code; fault=nofill: the root Error URL, no ads, no error code', async () => {
    const empty = await resolveVast(`${ads}/vast?fault=empty`);
    expect(empty).toMatchObject({ ads: [], rootErrorUrls: [], failures: [] });
    expect(empty.errorCode).toBeUndefined();
    const nofill = await resolveVast(`${ads}/vast?fault=nofill&sid=nf`);
    expect(nofill.ads).toEqual([]);
    expect(nofill.errorCode).toBeUndefined();
    expect(nofill.rootErrorUrls).toEqual([`${ads}/track?sid=nf&ev=error&code=[ERRORCODE]`]);
    expect(nofill.hops[0]).toMatchObject({ status: 200, ads: 0 });
  });

  it('no fill after wrappers is 303, with the wrappers’ and the inner root Error URLs', async () => {
    const r = await resolveVast(`${ads}/vast?wrapper=2&fault=nofill&sid=x`);
    expect(r).toMatchObject({ ads: [], errorCode: 303 });
    expect(r.failures[0]!.errorUrls.map((u) => new URL(u.replace('[ERRORCODE]', '0')).searchParams.get('ad'))).toEqual(['wrapper-2', 'wrapper-1', null]);
  });

  it('fault=garbage: 100 (malformed XML), with the parse error on the hop', async () => {
    const { bus, requests } = recorder();
    const r = await resolveVast(`${ads}/vast?fault=garbage`, { bus });
    expect(r).toMatchObject({ ads: [], errorCode: 100 });
    expect(r.error).toContain('Malformed XML');
    expect(r.hops[0]).toMatchObject({ status: 200, ads: 0, error: expect.stringContaining('Malformed XML') });
    expect(requests()[0]).toMatchObject({ depth: 0, status: 200, error: expect.stringContaining('Malformed XML') });
  });

  it('fault=500: error with status 500 (301: URI unavailable)', async () => {
    const r = await resolveVast(`${ads}/vast?fault=500`);
    expect(r).toMatchObject({ ads: [], errorCode: 301 });
    expect(r.failures[0]).toMatchObject({ kind: 'http', code: 301 });
    expect(r.hops[0]).toMatchObject({ status: 500, error: `HTTP 500 from ${ads}/vast?fault=500` });
    // Behind a wrapper: the wrapper's Error URL is there to ping.
    const wrapped = await resolveVast(`${ads}/vast?wrapper=1&fault=500`);
    expect(wrapped.hops.map((h) => h.status)).toEqual([200, 500]);
    expect(wrapped.failures[0]).toMatchObject({ kind: 'http', depth: 1, errorUrls: [expect.stringContaining('ad=wrapper-1')] });
  });

  it('fault=timeout and fault=slow beyond timeoutMs: 301 within about the timeout', async () => {
    const timeoutMs = 300;
    for (const q of ['fault=timeout', 'fault=slow&delay=5000', 'wrapper=1&fault=slow&delay=5000']) {
      const { bus, requests } = recorder();
      const t0 = performance.now();
      const r = await resolveVast(`${ads}/vast?${q}`, { timeoutMs, bus });
      const took = performance.now() - t0;
      expect(r.errorCode, q).toBe(301);
      // A first request that times out is a timeout; only a later hop can find the chain's budget used up.
      expect(r.failures[0]!.kind, q).toBe(q.startsWith('wrapper') ? 'budget' : 'timeout');
      expect(took, q).toBeGreaterThanOrEqual(timeoutMs - 5);
      expect(took, q).toBeLessThan(2 * timeoutMs);
      const last = requests().at(-1)!;
      expect(last).toMatchObject({ status: 0, error: expect.any(String) });
    }
  });

  it('fault=slow within the timeout resolves normally', async () => {
    const r = await resolveVast(`${ads}/vast?fault=slow&delay=100&pod=1`, { timeoutMs: 2000 });
    expect(r.errorCode).toBeUndefined();
    expect(r.ads).toHaveLength(1);
    expect(r.hops[0]!.ms).toBeGreaterThanOrEqual(95);
  });

  it('the overall budget cuts a request shorter than its own timeout (failure kind budget)', async () => {
    const t0 = performance.now();
    const r = await resolveVast(`${ads}/vast?wrapper=2&fault=slow&delay=2000&pod=1`, { timeoutMs: 2000, budgetMs: 300 });
    expect(performance.now() - t0).toBeLessThan(600);
    expect(r).toMatchObject({ ads: [], errorCode: 301 });
    expect(r.failures[0]).toMatchObject({ kind: 'budget', depth: 2 });
    expect(r.hops.map((h) => h.status)).toEqual([200, 200, 0]);
  });

  it('VAST 2.0 answers stand-alone ads (a buffet, document order); VAST 3.0 a pod with sequence numbers', async () => {
    const v2 = await resolveVast(`${ads}/vast?v=2.0&pod=3`);
    expect(v2.version).toBe('2.0');
    expect(v2.ads.map((a) => a.sequence)).toEqual([undefined, undefined, undefined]);
    expect(v2.ads.map((a) => a.adId.replace(/^.*-/, ''))).toEqual(['1', '2', '3']);
    const v3 = await resolveVast(`${ads}/vast?v=3.0&pod=3`);
    expect(v3.ads.map((a) => a.sequence)).toEqual([1, 2, 3]);
  });

  it('VAST 4.1: progress offset, Mezzanine, UniversalAdId and AdServingId', async () => {
    const r = await resolveVast(`${ads}/vast?v=4.1&pod=1&sid=v4`);
    const [ad] = r.ads;
    expect(ad!.tracking.find((t) => t.event === 'progress')).toMatchObject({ offsetSeconds: 5 });
    expect(ad!.mezzanines).toHaveLength(1);
    expect(ad!.mezzanines[0]).toMatchObject({ type: 'video/mp4', delivery: 'progressive' });
    expect(ad!.universalAdId).toEqual({ registry: 'stitchbench', value: ad!.creativeId });
    expect(ad!.adServingId).toBe(`v4-${ad!.adId}`);
  });
});

describe('resolveVmap / resolveBreak against the demo ADS', () => {
  it('inline VASTAdData breaks at start, 20 s and end resolve without further requests', async () => {
    const v = await resolveVmap(`${ads}/vmap?sid=vm&pod=2`);
    expect(v.error).toBeUndefined();
    expect(v.version).toBe('1.0');
    expect(v.breaks.map((b) => [b.breakId, b.timeOffset])).toEqual([
      ['preroll', { kind: 'start' }],
      ['midroll-1', { kind: 'seconds', seconds: 20 }],
      ['postroll', { kind: 'end' }],
    ]);
    expect(v.hops).toHaveLength(1);
    for (const b of v.breaks) {
      expect(b.trackingEvents.map((t) => t.event)).toEqual(['breakStart', 'breakEnd', 'error']);
      const r = await resolveBreak(b, { baseUrl: `${ads}/vmap` });
      expect(r.errorCode).toBeUndefined();
      expect(r.hops).toEqual([]);
      expect(r.ads).toHaveLength(2);
      expect(r.ads[0]!.impressions[0]).toContain(`brk=${b.breakId}`);
    }
  });

  it('tag=1: breaks carry AdTagURIs that resolveBreak fetches (through wrappers too)', async () => {
    const { bus, requests } = recorder();
    const v = await resolveVmap(`${ads}/vmap?tag=1&breaks=start,50%25,%231&wrapper=1&pod=1`, { bus });
    expect(v.breaks.map((b) => b.timeOffset)).toEqual([{ kind: 'start' }, { kind: 'percent', percent: 50 }, { kind: 'position', n: 1 }]);
    expect(v.breaks[0]!.adSource.templateType).toBe('vast3');
    for (const b of v.breaks) {
      expect(b.adSource.vastXml).toBeUndefined();
      const r = await resolveBreak(b, { bus, baseUrl: `${ads}/vmap` });
      expect(r.ads).toHaveLength(1);
      expect(r.ads[0]!.wrapperUrls).toHaveLength(1);
      expect(r.hops.map((h) => h.depth)).toEqual([0, 1]);
    }
    expect(requests().map((x) => x.depth)).toEqual([0, 0, 1, 0, 1, 0, 1]);
  });

  it('VMAP faults: garbage → 1002, 500 → 1008, a timeout → 1007', async () => {
    expect(await resolveVmap(`${ads}/vmap?fault=garbage`)).toMatchObject({ breaks: [], errorCode: 1002 });
    expect(await resolveVmap(`${ads}/vmap?fault=500`)).toMatchObject({ breaks: [], errorCode: 1008, error: expect.stringContaining('HTTP 500') });
    expect(await resolveVmap(`${ads}/vmap?fault=timeout`, { timeoutMs: 200 })).toMatchObject({ breaks: [], errorCode: 1007 });
  });

  it('a VAST URL handed to resolveVmap is reported as not VMAP', async () => {
    expect(await resolveVmap(`${ads}/vast?pod=1`)).toMatchObject({ breaks: [], errorCode: 1000, error: expect.stringContaining('Not a VMAP document') });
  });
});
