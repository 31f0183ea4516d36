import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { BASE, injectPath, makeApp, parseXml, type TestApp, type Xml } from './helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});
afterEach(async () => {
  await t.app.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /vmap', () => {
  it('answers start/mid/end breaks with valid inline VAST', async () => {
    const res = await get('/demo/ads/vmap?sid=m1');
    expect(res.statusCode).toBe(200);
    expect(XMLValidator.validate(res.body)).toBe(true);
    const vmap = parseXml(res.body)['vmap:VMAP'];
    expect(vmap['@_xmlns:vmap']).toBe('http://www.iab.net/videosuite/vmap');
    expect(vmap['@_version']).toBe('1.0');
    const breaks = vmap['vmap:AdBreak'];
    expect(breaks.map((b: Xml) => b['@_timeOffset'])).toEqual(['start', '00:00:20.000', 'end']);
    expect(breaks.map((b: Xml) => b['@_breakId'])).toEqual(['preroll', 'midroll-1', 'postroll']);
    const firstIds: string[] = [];
    for (const b of breaks) {
      expect(b['@_breakType']).toBe('linear');
      const src = b['vmap:AdSource'];
      expect(src).toMatchObject({ '@_allowMultipleAds': 'true', '@_followRedirects': 'true' });
      const vast = src['vmap:VASTAdData'].VAST;
      expect(vast['@_version']).toBe('3.0');
      expect(vast.Ad).toHaveLength(2);
      expect(vast.Ad.map((a: Xml) => a['@_sequence'])).toEqual(['1', '2']);
      expect(vast.Ad[0].InLine.Impression[0]['#text']).toContain('sid=m1');
      expect(vast.Ad[0].InLine.Impression[0]['#text']).toContain(`brk=${b['@_breakId']}`);
      firstIds.push(vast.Ad[0].InLine.Creatives.Creative['@_id']);
      const tracking = b['vmap:TrackingEvents']['vmap:Tracking'];
      const start = tracking.find((x: Xml) => x['@_event'] === 'breakStart');
      const end = tracking.find((x: Xml) => x['@_event'] === 'breakEnd');
      expect(start['#text']).toBe(`${BASE}/track?sid=m1&ev=breakStart&brk=${b['@_breakId']}`);
      expect(end['#text']).toContain('ev=breakEnd');
    }
    // Breaks rotate through the creatives instead of repeating the same pod.
    expect(firstIds).toEqual(['ad1', 'ad3', 'ad2']);
  });

  it('honours breaks, v and pod', async () => {
    const res = await get('/demo/ads/vmap?breaks=start,30,50%25,%231,end&v=4.1&pod=1');
    const breaks = parseXml(res.body)['vmap:VMAP']['vmap:AdBreak'];
    expect(breaks.map((b: Xml) => b['@_timeOffset'])).toEqual(['start', '00:00:30.000', '50%', '#1', 'end']);
    for (const b of breaks) {
      const vast = b['vmap:AdSource']['vmap:VASTAdData'].VAST;
      expect(vast['@_version']).toBe('4.1');
      expect(vast.Ad).toHaveLength(1);
    }
  });

  it('tag=1 references /vast by AdTagURI', async () => {
    const res = await get('/demo/ads/vmap?tag=1&sid=tg&pod=1');
    const breaks = parseXml(res.body)['vmap:VMAP']['vmap:AdBreak'];
    for (const b of breaks) {
      const tag = b['vmap:AdSource']['vmap:AdTagURI'];
      expect(tag['@_templateType']).toBe('vast3');
      expect(b['vmap:AdSource']['vmap:VASTAdData']).toBeUndefined();
      const url = new URL(tag['#text']);
      expect(url.pathname).toBe('/demo/ads/vast');
      expect(url.searchParams.get('sid')).toBe('tg');
      expect(url.searchParams.get('brk')).toBe(b['@_breakId']);
      const vast = parseXml((await get(injectPath(tag['#text']))).body).VAST;
      expect(vast.Ad).toHaveLength(1);
      expect(vast.Ad[0].InLine.Impression[0]['#text']).toContain(`brk=${b['@_breakId']}`);
    }
  });

  it('wrapper=1 makes each break a wrapper one hop from an inline pod', async () => {
    const res = await get('/demo/ads/vmap?wrapper=1&breaks=start');
    const vast = parseXml(res.body)['vmap:VMAP']['vmap:AdBreak'][0]['vmap:AdSource']['vmap:VASTAdData'].VAST;
    const next = String(vast.Ad[0].Wrapper.VASTAdTagURI);
    const inline = parseXml((await get(injectPath(next))).body).VAST;
    expect(inline.Ad[0].InLine).toBeDefined();
  });

  it('rejects bad parameters with 400', async () => {
    for (const [q, name] of [['breaks=start,soon', 'breaks'], ['tag=yes', 'tag'], ['v=1.0', 'v'], ['ads=nope', 'ads'], ['pod=-1', 'pod']]) {
      const res = await get(`/demo/ads/vmap?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().message, q).toContain(`'${name}'`);
    }
  });

  it('emits an ads.request event', async () => {
    await get('/demo/ads/vmap?sid=vm');
    expect(t.events.filter((e) => e.kind === 'ads.request')).toMatchObject([{ side: 'demo-ads', status: 200, sessionId: 'vm' }]);
  });
});
