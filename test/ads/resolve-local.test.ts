// resolveVast over real HTTP against small local servers: the vast-client-js fixtures served as files (their
// wrappers point at each other by relative name), and synthetic cases the demo ADS cannot produce.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBreak, resolveVast, type VmapBreak } from '../../src/main/ads/index.js';
import { VAST_FIXTURE_DIR } from './fixtures.js';
import { deadPort, sendXml, startServer, type LocalServer } from './local-server.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('vast-client-js fixtures served over HTTP', () => {
  let s: LocalServer;
  beforeAll(async () => {
    s = await startServer(async (req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
      if (!/^[\w.-]+\.xml$/.test(name)) return void res.writeHead(404).end();
      try {
        sendXml(res, await readFile(join(VAST_FIXTURE_DIR, 'vast-client-js', name), 'utf8'));
      } catch {
        res.writeHead(404).end();
      }
    });
  });
  afterAll(() => s.close());

  it('wrapper-a → wrapper-b → sample: two-level chain merged; the vpaid branch fails alone (101)', async () => {
    const r = await resolveVast(`${s.url}/wrapper-a.xml`);
    expect(r.errorCode).toBeUndefined();
    expect(r.ads.map((a) => a.adId)).toEqual(['ad_id_0001', 'ad_id_0002']);
    const [a] = r.ads;
    expect(a!.wrapperUrls).toEqual([`${s.url}/wrapper-b.xml`, `${s.url}/sample.xml`]);
    expect(a!.impressions).toEqual([
      'http://example.com/wrapperA-impression', 'http://example.com/wrapperB-impression1', 'http://example.com/wrapperB-impression2',
      'http://example.com/impression1_asset:[ASSETURI]_[CACHEBUSTING]', 'http://example.com/impression2_[random]', 'http://example.com/impression3_[RANDOM]',
    ]);
    expect(a!.errorUrls).toEqual(['http://example.com/wrapperA-error', 'http://example.com/wrapperB-error', 'http://example.com/error_[ERRORCODE]']);
    expect(a!.tracking).toHaveLength(6 + 4 + 8);
    expect(a!.tracking.filter((t) => t.event === 'start').map((t) => t.url)).toEqual([
      'http://example.com/wrapperA-linear-start1', 'http://example.com/wrapperA-linear-start2', 'http://example.com/wrapperB-linear-start', 'http://example.com/linear-start',
    ]);
    expect(a!.clickTracking).toHaveLength(3 + 1 + 2);
    // The InLine's own ClickThrough wins.
    expect(a!.clickThrough).toBe('http://example.com/linear-clickthrough_adplayhead:[ADPLAYHEAD]');
    expect(r.failures).toEqual([{
      kind: 'parse', code: 101, message: expect.stringContaining('Linear without Duration'), url: `${s.url}/vpaid.xml`, depth: 1, errorUrls: ['http://example.com/error'],
    }]);
    expect(r.hops.map((h) => [h.url.replace(s.url, ''), h.depth]).sort()).toEqual([['/sample.xml', 2], ['/vpaid.xml', 1], ['/wrapper-a.xml', 0], ['/wrapper-b.xml', 1]]);
    // sample.xml's CompanionAds creative and NonLinear creative are inside usable ads: nothing ignored as an ad.
    expect(r.ignored).toEqual([]);
  });

  it('wrapper-empty → empty-no-ad: 303 with the wrapper Error and the inner root Error to ping', async () => {
    const r = await resolveVast(`${s.url}/wrapper-empty.xml`);
    expect(r).toMatchObject({ ads: [], errorCode: 303 });
    expect(r.failures[0]).toMatchObject({ kind: 'no-ads', depth: 1, errorUrls: ['http://example.com/wrapper-empty_wrapper-error', 'http://example.com/empty-no-ad'] });
  });

  it('wrapper-empty-no-creative → InLine without creatives: 303, logged as a non-linear ad', async () => {
    const r = await resolveVast(`${s.url}/wrapper-empty-no-creative.xml`);
    expect(r).toMatchObject({ ads: [], errorCode: 303, error: expect.stringContaining('only non-linear ads') });
    expect(r.ignored).toEqual([{ reason: 'non-linear', detail: 'InLine without creatives' }]);
  });

  it('wrapper-unavailable-url: the relative "invalid-url" is a 404 → 301, status kept on the hop', async () => {
    const r = await resolveVast(`${s.url}/wrapper-unavailable-url.xml`);
    expect(r).toMatchObject({ ads: [], errorCode: 301 });
    expect(r.hops[1]).toMatchObject({ url: `${s.url}/invalid-url`, depth: 1, status: 404 });
    expect(r.failures[0]!.errorUrls).toEqual(['http://example.com/wrapper-invalid-xmlfile_wrapper-error']);
  });

  it('wrapper-legacy (VAST 2.0 VASTAdTagURL) → inline-linear', async () => {
    const r = await resolveVast(`${s.url}/wrapper-legacy.xml`);
    expect(r.version).toBe('2.0');
    expect(r.rootErrorUrls).toEqual(['http://example.com/wrapper-error']);
    expect(r.ads.map((a) => [a.adId, a.impressions.length, a.tracking.length, a.wrapperUrls])).toEqual([['20001', 2, 7, [`${s.url}/inline-linear.xml`]]]);
  });

  it('wrapper-multiple-ads: a pod of wrappers then a buffet, each expanded in place', async () => {
    const r = await resolveVast(`${s.url}/wrapper-multiple-ads.xml`);
    // 20011 (seq 1) → vpaid: fails; 20012 (seq 2) → inline-linear; 201 → sample (2 ads); 2032 → vpaid2.
    expect(r.ads.map((a) => a.adId)).toEqual(['20001', 'ad_id_0001', 'ad_id_0002', 'preroll-1']);
    expect(r.failures.map((f) => [f.code, f.url.replace(s.url, '')])).toEqual([[101, '/vpaid.xml']]);
    expect(r.errorCode).toBeUndefined();
  });

  it('wrapper-attributes-multiple-ads: followAdditionalWrappers="false" drops a further Wrapper (303)', async () => {
    const r = await resolveVast(`${s.url}/wrapper-attributes-multiple-ads.xml`);
    // 201 → sample (2); 202 (follow=false) → wrapper-b is a Wrapper → ignored → 303; 203 → wrapper-b → sample (2); 204 → sample (2).
    expect(r.ads.map((a) => a.adId)).toEqual(['ad_id_0001', 'ad_id_0002', 'ad_id_0001', 'ad_id_0002', 'ad_id_0001', 'ad_id_0002']);
    expect(r.ads.map((a) => a.wrapperUrls.length)).toEqual([1, 1, 2, 2, 1, 1]);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ code: 303, url: `${s.url}/wrapper-b.xml`, message: expect.stringContaining('not allowed by the Wrapper') });
  });
});

const inline = (id: string, seq?: number, extra = '') => `<Ad id="${id}"${seq !== undefined ? ` sequence="${seq}"` : ''}><InLine><AdSystem>t</AdSystem>
  <Impression>http://imp/${id}</Impression><Creatives><Creative><Linear><Duration>00:00:10</Duration>
  <TrackingEvents><Tracking event="start">http://trk/${id}/start</Tracking></TrackingEvents>
  <MediaFiles><MediaFile delivery="progressive" type="video/mp4">http://m/${id}.mp4</MediaFile></MediaFiles></Linear></Creative></Creatives>${extra}</InLine></Ad>`;
const wrapper = (tag: string, id = 'w', attrs = '', seq?: number) => `<Ad id="${id}"${seq !== undefined ? ` sequence="${seq}"` : ''}><Wrapper ${attrs}><AdSystem>t</AdSystem>
  <VASTAdTagURI><![CDATA[ ${tag} ]]></VASTAdTagURI><Error>http://err/${id}?c=[ERRORCODE]</Error><Impression>http://imp/${id}</Impression>
  <Creatives><Creative><Linear><TrackingEvents><Tracking event="start">http://trk/${id}/start</Tracking></TrackingEvents></Linear></Creative></Creatives></Wrapper></Ad>`;
const vast = (...ads: string[]) => `<?xml version="1.0"?><VAST version="3.0">${ads.join('')}</VAST>`;

describe('synthetic cases over HTTP', () => {
  let s: LocalServer;
  let dead: number;
  let inFlight = 0;
  let maxInFlight = 0;
  beforeAll(async () => {
    dead = await deadPort();
    s = await startServer(async (req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const q = u.searchParams;
      switch (u.pathname) {
        case '/to-dead':
          return sendXml(res, vast(wrapper(`http://127.0.0.1:${dead}/vast`)));
        case '/huge':
          return sendXml(res, `<VAST version="3.0"><!-- ${'x'.repeat(3 * 1024 * 1024)} --></VAST>`);
        case '/to-huge':
          return sendXml(res, vast(wrapper('/huge')));
        case '/outer':
          return sendXml(res, vast(wrapper('inner-pod', 'outer')));
        case '/inner-pod':
          // Out of order on purpose: sequence 2 first.
          return sendXml(res, vast(inline('second', 2), inline('first', 1)));
        case '/slow-chain': {
          await sleep(150);
          const n = Number(q.get('n'));
          return sendXml(res, n > 0 ? vast(wrapper(`/slow-chain?n=${n - 1}`, `w${n}`)) : vast(inline('end')));
        }
        case '/fan-out':
          return sendXml(res, vast(...[0, 1, 2, 3, 4, 5].map((i) => wrapper(`/slow-inline?i=${i}`, `w${i}`))));
        case '/slow-inline': {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await sleep(100);
          inFlight--;
          return sendXml(res, vast(inline(`ad${q.get('i')}`)));
        }
        case '/one-only':
          return sendXml(res, vast(wrapper('/pod-and-buffet', 'w', 'allowMultipleAds="false"')));
        case '/pod-and-buffet':
          return sendXml(res, vast(inline('p1', 1), inline('s1'), inline('p2', 2), inline('s2')));
        case '/no-content':
          return void res.writeHead(204).end();
        case '/blank':
          return sendXml(res, '  \n');
        case '/hang':
          return; // never answers
        default:
          return void res.writeHead(404).end();
      }
    });
  });
  afterAll(() => s.close());

  it('a wrapper pointing at a dead port: network error, 301, status 0', async () => {
    const r = await resolveVast(`${s.url}/to-dead`);
    expect(r).toMatchObject({ ads: [], errorCode: 301 });
    expect(r.failures[0]).toMatchObject({ kind: 'network', depth: 1, errorUrls: ['http://err/w?c=[ERRORCODE]'] });
    expect(r.hops[1]).toMatchObject({ url: `http://127.0.0.1:${dead}/vast`, depth: 1, status: 0, bytes: 0, error: expect.stringContaining('Request failed') });
  });

  it('a 3 MB body is refused (too-large, 100) at the top and behind a wrapper', async () => {
    const top = await resolveVast(`${s.url}/huge`);
    expect(top).toMatchObject({ ads: [], errorCode: 100 });
    expect(top.failures[0]!.kind).toBe('too-large');
    const wrapped = await resolveVast(`${s.url}/to-huge`, { maxBytes: 64 * 1024 });
    expect(wrapped.failures[0]).toMatchObject({ kind: 'too-large', depth: 1, url: `${s.url}/huge` });
    expect(wrapped.hops[1]!.error).toContain('65536-byte limit');
  });

  it('an inner pod with sequence numbers out of order comes back in sequence order, wrapper data first', async () => {
    const r = await resolveVast(`${s.url}/outer`);
    expect(r.ads.map((a) => [a.adId, a.sequence])).toEqual([['first', 1], ['second', 2]]);
    expect(r.ads[0]!.impressions).toEqual(['http://imp/outer', 'http://imp/first']);
    expect(r.ads[0]!.tracking.map((t) => t.url)).toEqual(['http://trk/outer/start', 'http://trk/first/start']);
    // The relative tag URI "inner-pod" resolved against the document holding it.
    expect(r.ads[0]!.wrapperUrls).toEqual([`${s.url}/inner-pod`]);
  });

  it('the overall budget stops a chain whose hops are each within the per-request timeout', async () => {
    const t0 = performance.now();
    const r = await resolveVast(`${s.url}/slow-chain?n=5`, { timeoutMs: 1000, budgetMs: 400 });
    const took = performance.now() - t0;
    expect(took).toBeGreaterThanOrEqual(395);
    // The whole chain takes ≥ 900 ms (6 hops × 150 ms): finishing sooner proves the budget cut it.
    expect(took).toBeLessThan(900);
    expect(r).toMatchObject({ ads: [], errorCode: 301 });
    expect(r.failures[0]!.kind).toBe('budget');
    expect(r.hops.slice(0, 2).map((h) => h.status)).toEqual([200, 200]);
    // Without the tight budget the same chain resolves.
    expect((await resolveVast(`${s.url}/slow-chain?n=5`, { timeoutMs: 1000, budgetMs: 3000 })).ads.map((a) => a.adId)).toEqual(['end']);
  });

  it('several Wrappers in one response resolve in parallel, bounded, in document order', async () => {
    maxInFlight = 0;
    const t0 = performance.now();
    const r = await resolveVast(`${s.url}/fan-out`, { concurrency: 3 });
    const took = performance.now() - t0;
    expect(r.ads.map((a) => a.adId)).toEqual(['ad0', 'ad1', 'ad2', 'ad3', 'ad4', 'ad5']);
    expect(maxInFlight).toBe(3);
    // Two rounds of 100 ms, not six.
    expect(took).toBeLessThan(500);
    expect(r.hops.filter((h) => h.depth === 1)).toHaveLength(6);
  });

  it('allowMultipleAds="false" keeps the first stand-alone ad only', async () => {
    const r = await resolveVast(`${s.url}/one-only`);
    expect(r.ads.map((a) => a.adId)).toEqual(['s1']);
  });

  it('resolveBreak honours AdSource followRedirects="false" and allowMultipleAds="false"; relative AdTagURIs use baseUrl', async () => {
    const brk = (adSource: VmapBreak['adSource']): VmapBreak => ({ breakType: 'linear', timeOffset: { kind: 'start' }, adSource, trackingEvents: [] });
    const base = `${s.url}/some/vmap.xml`;
    const follows = await resolveBreak(brk({ adTagUri: '/outer' }), { baseUrl: base });
    expect(follows.ads.map((a) => a.adId)).toEqual(['first', 'second']);
    const noRedirects = await resolveBreak(brk({ adTagUri: '/outer', followRedirects: false }), { baseUrl: base });
    expect(noRedirects).toMatchObject({ ads: [], errorCode: 302 });
    expect(noRedirects.hops).toHaveLength(1);
    const one = await resolveBreak(brk({ adTagUri: '../pod-and-buffet', allowMultipleAds: false }), { baseUrl: base });
    expect(one.ads.map((a) => a.adId)).toEqual(['s1']);
    const inlineOne = await resolveBreak(brk({ vastXml: vast(inline('p1', 1), inline('s1'), inline('s2')), allowMultipleAds: false }));
    expect(inlineOne.ads.map((a) => a.adId)).toEqual(['s1']);
    // Inline VASTAdData holding a Wrapper: fetched from depth 1, relative to the VMAP.
    const inlineWrapper = await resolveBreak(brk({ vastXml: vast(wrapper('inner-pod', 'vw')) }), { baseUrl: `${s.url}/vmap` });
    expect(inlineWrapper.ads.map((a) => a.adId)).toEqual(['first', 'second']);
    expect(inlineWrapper.hops.map((h) => [h.url, h.depth])).toEqual([[`${s.url}/inner-pod`, 1]]);
    expect(await resolveBreak(brk({}))).toMatchObject({ ads: [], error: 'AdBreak has neither VASTAdData nor AdTagURI' });
    expect(await resolveBreak(brk({ vastXml: '<VAST version="3.0"><Ad>' }))).toMatchObject({ ads: [], errorCode: 100 });
  });

  it('an empty 2xx body (204 or blanks) is an empty answer, not a parse error', async () => {
    for (const p of ['/no-content', '/blank']) {
      const r = await resolveVast(`${s.url}${p}`);
      expect(r, p).toMatchObject({ ads: [], failures: [] });
      expect(r.errorCode, p).toBeUndefined();
    }
  });

  it('forwards the caller’s headers on every hop', async () => {
    const before = s.requests.length;
    await resolveVast(`${s.url}/outer`, { headers: { 'user-agent': 'StitchbenchTest/1', 'x-device-ip': '198.51.100.7' } });
    const seen = s.requests.slice(before);
    expect(seen.map((r) => r.url)).toEqual(['/outer', '/inner-pod']);
    for (const r of seen) expect(r.headers).toMatchObject({ 'user-agent': 'StitchbenchTest/1', 'x-device-ip': '198.51.100.7' });
  });

  it('a caller abort ends the resolution at once; bad URLs never throw', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const t0 = performance.now();
    const r = await resolveVast(`${s.url}/hang`, { signal: ac.signal, timeoutMs: 5000 });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.failures[0]).toMatchObject({ kind: 'aborted', code: 301 });
    expect(await resolveVast('not a url')).toMatchObject({ ads: [], errorCode: 301, failures: [{ kind: 'bad-url' }], hops: [{ status: 0 }] });
  });
});
