import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import type { AddressInfo } from 'node:net';
import { BASE, injectPath, makeApp, parseXml, type TestApp } from './helpers.js';
import type { AdsRequestEvent } from '../../src/shared/events.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});
afterEach(async () => {
  await t.app.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
const adsRequests = () => t.events.filter((e): e is AdsRequestEvent => e.kind === 'ads.request');

describe('fault modes', () => {
  it('500 answers HTTP 500 text', async () => {
    const res = await get('/demo/ads/vast?fault=500&sid=f');
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(adsRequests()[0]).toMatchObject({ status: 500, fault: '500', sessionId: 'f' });
  });

  it('garbage answers 200 with malformed XML', async () => {
    for (const path of ['/demo/ads/vast?fault=garbage', '/demo/ads/vmap?fault=garbage']) {
      const res = await get(path);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('xml');
      expect(XMLValidator.validate(res.body)).not.toBe(true);
    }
  });

  it('empty answers a valid VAST without Ad', async () => {
    for (const v of ['2.0', '3.0', '4.1']) {
      const res = await get(`/demo/ads/vast?fault=empty&v=${v}`);
      expect(res.statusCode).toBe(200);
      expect(XMLValidator.validate(res.body)).toBe(true);
      const xml = parseXml(res.body);
      expect(xml.VAST['@_version']).toBe(v);
      expect(xml.VAST.Ad).toBeUndefined();
      expect(xml.VAST.Error).toBeUndefined();
    }
  });

  it('nofill answers VAST with only an Error URL', async () => {
    const res = await get('/demo/ads/vast?fault=nofill&sid=nf');
    const xml = parseXml(res.body);
    expect(xml.VAST.Ad).toBeUndefined();
    expect(xml.VAST.Error).toEqual([`${BASE}/track?sid=nf&ev=error&code=[ERRORCODE]`]);
  });

  it('loop answers a Wrapper pointing at itself', async () => {
    const res = await get('/demo/ads/vast?fault=loop&sid=l&pod=1');
    const w = parseXml(res.body).VAST.Ad[0].Wrapper;
    const uri = String(w.VASTAdTagURI);
    expect(uri).toBe(`${BASE}/vast?fault=loop&sid=l&pod=1`);
    const again = parseXml((await get(injectPath(uri))).body).VAST.Ad[0].Wrapper;
    expect(String(again.VASTAdTagURI)).toBe(uri);
  });

  it('faults act at the end of a wrapper chain', async () => {
    const res = await get('/demo/ads/vast?wrapper=1&fault=nofill');
    const w = parseXml(res.body).VAST.Ad[0].Wrapper;
    const end = parseXml((await get(injectPath(String(w.VASTAdTagURI)))).body);
    expect(end.VAST.Ad).toBeUndefined();
    expect(end.VAST.Error).toHaveLength(1);
  });

  it('slow waits for delay ms', async () => {
    const t0 = performance.now();
    const res = await get('/demo/ads/vast?fault=slow&delay=200');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(195);
    expect(res.statusCode).toBe(200);
    expect(parseXml(res.body).VAST.Ad).toHaveLength(2);
    expect(adsRequests()[0]!.ms).toBeGreaterThanOrEqual(195);
  });

  it('slow and timeout are abandoned when the client disconnects', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    for (const q of ['fault=slow&delay=30000', 'fault=timeout']) {
      const ctrl = new AbortController();
      const t0 = performance.now();
      const pending = fetch(`http://127.0.0.1:${port}/demo/ads/vast?${q}&sid=ab`, { signal: ctrl.signal });
      setTimeout(() => ctrl.abort(), 150);
      await expect(pending).rejects.toThrow();
      await expect.poll(() => adsRequests().length, { timeout: 2000 }).toBe(1);
      expect(adsRequests()[0]).toMatchObject({ status: 499, error: 'client disconnected', sessionId: 'ab' });
      expect(performance.now() - t0).toBeLessThan(5000);
      t.events.length = 0;
    }
  });

  it('close() releases a held timeout request', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    const pending = fetch(`http://127.0.0.1:${port}/demo/ads/vast?fault=timeout`).then((r) => r.status, () => 0);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    await t.app.close();
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(await pending).toBe(503);
  });

  it('VMAP transport faults hit the VMAP, document faults go into the breaks', async () => {
    const five = await get('/demo/ads/vmap?fault=500');
    expect(five.statusCode).toBe(500);

    const t0 = performance.now();
    const slow = await get('/demo/ads/vmap?fault=slow&delay=150');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
    expect(slow.statusCode).toBe(200);

    const empty = parseXml((await get('/demo/ads/vmap?fault=empty')).body);
    for (const b of empty['vmap:VMAP']['vmap:AdBreak']) expect(b['vmap:AdSource']['vmap:VASTAdData'].VAST.Ad).toBeUndefined();

    const nofill = parseXml((await get('/demo/ads/vmap?fault=nofill')).body);
    for (const b of nofill['vmap:VMAP']['vmap:AdBreak']) expect(b['vmap:AdSource']['vmap:VASTAdData'].VAST.Error).toHaveLength(1);

    const loop = parseXml((await get('/demo/ads/vmap?fault=loop')).body);
    const uri = String(loop['vmap:VMAP']['vmap:AdBreak'][0]['vmap:AdSource']['vmap:VASTAdData'].VAST.Ad[0].Wrapper.VASTAdTagURI);
    const hop = parseXml((await get(injectPath(uri))).body);
    expect(String(hop.VAST.Ad[0].Wrapper.VASTAdTagURI)).toBe(uri);
  });
});
