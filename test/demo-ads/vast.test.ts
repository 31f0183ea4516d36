import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { BASE, CREATIVES, injectPath, makeApp, parseXml, text, type TestApp, type Xml } from './helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});
afterEach(async () => {
  await t.app.close();
});

async function vast(query: string): Promise<{ status: number; body: string; xml: Xml; type: string }> {
  const res = await t.app.inject({ method: 'GET', url: `/demo/ads/vast${query}` });
  return { status: res.statusCode, body: res.body, type: String(res.headers['content-type']), xml: res.statusCode === 200 ? parseXml(res.body) : undefined };
}

describe('GET /vast', () => {
  it('answers a VAST 3 pod of 2 by default', async () => {
    const r = await vast('?sid=s1');
    expect(r.status).toBe(200);
    expect(r.type).toContain('application/xml');
    expect(XMLValidator.validate(r.body)).toBe(true);
    expect(r.xml.VAST['@_version']).toBe('3.0');
    const ads = r.xml.VAST.Ad;
    expect(ads).toHaveLength(2);
    expect(ads.map((a: Xml) => a['@_sequence'])).toEqual(['1', '2']);
    expect(ads.map((a: Xml) => a['@_id'])).toEqual(['ad1-1', 'ad2-2']);

    const first = ads[0].InLine;
    expect(text(first.AdSystem)).toBe('Stitchbench Demo ADS');
    expect(first.AdTitle).toBe('AD 1 — 10 s');
    expect(first.Impression[0]['#text']).toBe(`${BASE}/track?sid=s1&ad=ad1-1&ev=impression`);
    expect(first.Error[0]).toBe(`${BASE}/track?sid=s1&ad=ad1-1&ev=error&code=[ERRORCODE]`);

    const creative = first.Creatives.Creative;
    expect(creative['@_id']).toBe('ad1');
    expect(creative['@_AdID']).toBe('ad1');
    expect(creative.UniversalAdId).toBeUndefined();
    const linear = creative.Linear;
    expect(linear.Duration).toBe('00:00:10.000');
    expect(ads[1].InLine.Creatives.Creative.Linear.Duration).toBe('00:00:20.000');

    const events = linear.TrackingEvents.Tracking.map((x: Xml) => x['@_event']);
    expect(events).toEqual(['creativeView', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete', 'pause', 'resume', 'mute', 'unmute']);
    for (const tr of linear.TrackingEvents.Tracking) {
      expect(tr['#text']).toContain('sid=s1');
      expect(tr['#text']).toContain(`ev=${tr['@_event']}`);
    }

    const files = linear.MediaFiles.MediaFile;
    expect(files.map((f: Xml) => f['@_type'])).toEqual(['video/mp4', 'application/x-mpegURL', 'application/dash+xml']);
    expect(files[0]).toMatchObject({ '@_delivery': 'progressive', '@_width': '1920', '@_height': '1080', '@_bitrate': '8000' });
    expect(files[0]['#text']).toBe(`${BASE}/media/ad1/mezzanine.mp4`);
    expect(files[1]['#text']).toBe(`${BASE}/media/ad1/hls-ts/master.m3u8`);
    expect(files[1]['@_delivery']).toBe('streaming');
    expect(files[2]['#text']).toBe(`${BASE}/media/ad1/dash/manifest.mpd`);
    expect(linear.MediaFiles.Mezzanine).toBeUndefined();
    // URLs travel as CDATA.
    expect(r.body).toContain(`<![CDATA[${BASE}/track?sid=s1&ad=ad1-1&ev=start]]>`);
  });

  it('VAST 4 adds UniversalAdId, Mezzanine and a progress event', async () => {
    for (const v of ['4.0', '4.1', '4.2']) {
      const r = await vast(`?v=${v}&pod=1&sid=s4`);
      expect(r.xml.VAST['@_version']).toBe(v);
      const ad = r.xml.VAST.Ad[0];
      expect(ad['@_sequence']).toBe('1');
      const creative = ad.InLine.Creatives.Creative;
      expect(creative['@_adId']).toBe('ad1');
      expect(text(creative.UniversalAdId)).toBe('ad1');
      expect(creative.UniversalAdId['@_idRegistry']).toBe('stitchbench');
      const mezz = creative.Linear.MediaFiles.Mezzanine;
      expect(mezz).toHaveLength(1);
      expect(mezz[0]).toMatchObject({ '@_delivery': 'progressive', '@_type': 'video/mp4', '@_width': '1920', '@_height': '1080' });
      expect(mezz[0]['#text']).toBe(`${BASE}/media/ad1/mezzanine.mp4`);
      const progress = creative.Linear.TrackingEvents.Tracking.find((x: Xml) => x['@_event'] === 'progress');
      expect(progress['@_offset']).toBe('00:00:05');
      expect(progress['#text']).toContain('ev=progress');
      expect(ad.InLine.AdServingId).toBeTruthy();
    }
  });

  it('VAST 2 has stand-alone ads without sequence', async () => {
    const r = await vast('?v=2.0&pod=3');
    expect(r.xml.VAST['@_version']).toBe('2.0');
    expect(r.xml.VAST.Ad).toHaveLength(3);
    for (const ad of r.xml.VAST.Ad) expect(ad['@_sequence']).toBeUndefined();
    expect(r.body).not.toContain('sequence=');
    expect(r.body).not.toContain('UniversalAdId');
  });

  it('rotates round-robin for larger pods', async () => {
    const r = await vast('?pod=4');
    expect(r.xml.VAST.Ad.map((a: Xml) => a['@_id'])).toEqual(['ad1-1', 'ad2-2', 'ad3-3', 'ad1-4']);
  });

  it('dur fills the avail without exceeding it', async () => {
    for (const dur of [30, 45, 60, 15]) {
      const r = await vast(`?dur=${dur}`);
      const durations: number[] = r.xml.VAST.Ad.map((a: Xml) => {
        const [h, m, s] = String(a.InLine.Creatives.Creative.Linear.Duration).split(':').map(Number);
        return h! * 3600 + m! * 60 + s!;
      });
      const total = durations.reduce((a, b) => a + b, 0);
      expect(total).toBeLessThanOrEqual(dur);
      expect(total).toBeGreaterThan(dur - 10); // shortest creative is 10 s: greedy leaves less than that
    }
    const thirty = await vast('?dur=30');
    expect(thirty.xml.VAST.Ad.map((a: Xml) => a['@_id'])).toEqual(['ad1-1', 'ad2-2']);
    // Shorter than any creative: nothing fits.
    const five = await vast('?dur=5');
    expect(five.xml.VAST.Ad).toBeUndefined();
    // 0 is a stitcher's "unknown" (a prefetch, a CUE-OUT without duration): the default pod, same as no dur.
    const unknown = await vast('?dur=0');
    expect(unknown.xml.VAST.Ad.map((a: Xml) => a['@_id'])).toEqual((await vast('')).xml.VAST.Ad.map((a: Xml) => a['@_id']));
  });

  it('ads= picks explicit creatives in order', async () => {
    const r = await vast('?ads=ad3,ad1');
    expect(r.xml.VAST.Ad.map((a: Xml) => a['@_id'])).toEqual(['ad3-1', 'ad1-2']);
    const bad = await t.app.inject({ method: 'GET', url: '/demo/ads/vast?ads=ad9' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("'ads'");
  });

  it('hls=fmp4 references the fMP4 rendition set', async () => {
    const r = await vast('?pod=1&hls=fmp4');
    const files = r.xml.VAST.Ad[0].InLine.Creatives.Creative.Linear.MediaFiles.MediaFile;
    expect(files[1]['#text']).toBe(`${BASE}/media/ad1/hls-fmp4/master.m3u8`);
  });

  it('answers an empty VAST while no creative exists yet', async () => {
    t.setCreatives([]);
    const r = await vast('?pod=3');
    expect(r.status).toBe(200);
    expect(r.xml.VAST['@_version']).toBe('3.0');
    expect(r.xml.VAST.Ad).toBeUndefined();
  });

  it('escapes creative titles', async () => {
    const [c] = CREATIVES;
    t.setCreatives([{ ...c!, title: 'A & B <"x"> ]]>' }]);
    const r = await vast('?pod=1');
    expect(XMLValidator.validate(r.body)).toBe(true);
    expect(r.xml.VAST.Ad[0].InLine.AdTitle).toBe('A & B <"x"> ]]>');
    expect(r.body).toContain('<AdTitle>A &amp; B &lt;&quot;x&quot;&gt; ]]&gt;</AdTitle>');
  });

  it('wrapper=2 leads through two wrappers to an inline pod', async () => {
    const r = await vast('?wrapper=2&sid=w&pod=2');
    const w2 = r.xml.VAST.Ad[0];
    expect(w2['@_id']).toBe('wrapper-2');
    expect(w2.Wrapper.Impression[0]['#text']).toContain('ad=wrapper-2');
    expect(w2.Wrapper.Error[0]).toContain('ad=wrapper-2&ev=error&code=[ERRORCODE]');
    expect(w2.Wrapper.Creatives.Creative.Linear.TrackingEvents.Tracking.length).toBeGreaterThan(0);
    const next1 = String(w2.Wrapper.VASTAdTagURI);
    expect(new URL(next1).searchParams.get('wrapper')).toBe('1');

    const hop1 = await t.app.inject({ method: 'GET', url: injectPath(next1) });
    const w1 = parseXml(hop1.body).VAST.Ad[0];
    expect(w1['@_id']).toBe('wrapper-1');
    expect(w1.Wrapper.Impression[0]['#text']).toContain('ad=wrapper-1');

    const hop2 = await t.app.inject({ method: 'GET', url: injectPath(String(w1.Wrapper.VASTAdTagURI)) });
    const inline = parseXml(hop2.body).VAST.Ad;
    expect(inline).toHaveLength(2);
    expect(inline[0].InLine).toBeDefined();
    expect(inline[0].InLine.Impression[0]['#text']).toContain('sid=w');
  });

  it('VAST 2 wrappers carry no pod attributes', async () => {
    const r = await vast('?v=2&wrapper=1');
    expect(r.xml.VAST['@_version']).toBe('2.0');
    expect(r.xml.VAST.Ad[0].Wrapper['@_allowMultipleAds']).toBeUndefined();
  });

  it('rejects bad parameters with a 400 naming them', async () => {
    const cases: [string, string][] = [
      ['v=9', 'v'], ['pod=-1', 'pod'], ['pod=abc', 'pod'], ['pod=999', 'pod'], ['delay=abc', 'delay'],
      ['delay=999999', 'delay'], ['dur=-3', 'dur'], ['dur=x', 'dur'], ['wrapper=99', 'wrapper'], ['fault=boom', 'fault'],
      ['sid=a%20b', 'sid'], ['v=3.0&v=4.0', 'v'], ['hls=cmaf', 'hls'],
    ];
    for (const [q, name] of cases) {
      const res = await t.app.inject({ method: 'GET', url: `/demo/ads/vast?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().message, q).toContain(`'${name}'`);
    }
    const reqs = t.events.filter((e) => e.kind === 'ads.request');
    expect(reqs).toHaveLength(cases.length);
    expect(reqs.every((e) => e.kind === 'ads.request' && e.status === 400)).toBe(true);
  });

  it('emits an ads.request event per call', async () => {
    const r = await vast('?sid=ev1&pod=1');
    const e = t.events.find((x) => x.kind === 'ads.request');
    expect(e).toMatchObject({
      kind: 'ads.request', side: 'demo-ads', status: 200, sessionId: 'ev1',
      url: 'http://127.0.0.1:4000/demo/ads/vast?sid=ev1&pod=1', bytes: Buffer.byteLength(r.body),
    });
    expect(e && 'ms' in e && e.ms).toBeGreaterThanOrEqual(0);
  });

  it('GET / describes endpoints and faults', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/demo/ads/' });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.endpoints.map((e: { path: string }) => e.path)).toContain('/vast');
    expect(Object.keys(d.faults).sort()).toEqual(['500', 'empty', 'garbage', 'loop', 'nofill', 'slow', 'timeout']);
    expect(d.creatives).toHaveLength(3);
    expect(d.ready).toBe(true);
  });
});
