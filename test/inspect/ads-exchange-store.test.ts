// The ADS exchange store's bounds (per session, sessions, bytes, body cap) and what it makes of an exchange.
import { describe, expect, it } from 'vitest';
import type { AdsExchangeInfo } from '../../src/main/ads/exchange.js';
import { parseVast } from '../../src/main/ads/vast-parse.js';
import { parseVmap } from '../../src/main/ads/vmap-parse.js';
import { AdsExchangeStore } from '../../src/main/inspect/ads-exchanges.js';

function info(sessionId: string | undefined, body = '<VAST version="3.0"/>', extra: Partial<AdsExchangeInfo> = {}): AdsExchangeInfo {
  return {
    ...(sessionId !== undefined ? { sessionId } : {}),
    depth: 0, startedAt: 1000, url: 'http://ads.test/vast?a=1&b=x%20y&c=%E2%98%95&b=2', requestHeaders: { 'x-device-ip': '10.0.0.1' },
    requested: true, status: 200, ms: 12.5, bytes: Buffer.byteLength(body), body, doc: 'vast', ...extra,
  };
}

const ids = (store: AdsExchangeStore, s: string) => store.list(s)?.map((x) => x.id);

describe('AdsExchangeStore', () => {
  it('keeps the last N exchanges of a session, oldest dropped first', () => {
    const store = new AdsExchangeStore({ perSession: 3 });
    const got = Array.from({ length: 5 }, () => store.record(info('s1'))!);
    expect(new Set(got).size).toBe(5);
    expect(ids(store, 's1')).toEqual(got.slice(2));
    expect(store.get('s1', got[0]!)).toBeUndefined();
    expect(store.get('s1', got[4]!)?.id).toBe(got[4]);
  });

  it('keeps the most recently active sessions', () => {
    const store = new AdsExchangeStore({ maxSessions: 2 });
    store.record(info('a'));
    store.record(info('b'));
    store.record(info('a')); // a is now more recent than b
    store.record(info('c'));
    expect(store.list('b')).toBeUndefined();
    expect(store.list('a')).toHaveLength(2);
    expect(store.list('c')).toHaveLength(1);
  });

  it('holds a byte budget over all sessions by dropping the oldest exchanges, but never the newest', () => {
    const big = 'x'.repeat(4000);
    const store = new AdsExchangeStore({ maxBytes: 10_000 });
    const a1 = store.record(info('a', big))!;
    const b1 = store.record(info('b', big))!;
    expect(store.bytes).toBeGreaterThan(8000);
    const a2 = store.record(info('a', big))!;
    expect(store.bytes).toBeLessThanOrEqual(10_000);
    expect(store.get('a', a1)).toBeUndefined();
    expect(ids(store, 'b')).toEqual([b1]);
    expect(ids(store, 'a')).toEqual([a2]);
    // One exchange over the whole budget stays (it is the one being looked at); all older ones go.
    const huge = store.record(info('c', 'y'.repeat(20_000)))!;
    expect(store.list('a')).toBeUndefined();
    expect(store.list('b')).toBeUndefined();
    expect(ids(store, 'c')).toEqual([huge]);
  });

  it('cuts a long body on a character boundary and flags it; bodyBytes is what arrived', () => {
    const body = `<VAST>${'é'.repeat(100)}</VAST>`;
    const store = new AdsExchangeStore({ bodyCap: 51 });
    const x = store.get('s', store.record(info('s', body))!)!;
    expect(x.bodyTruncated).toBe(true);
    expect(x.bodyBytes).toBe(Buffer.byteLength(body));
    // 6 bytes of "<VAST>" + 22 two-byte characters = 50 ≤ 51: the half character is dropped, not mangled.
    expect(x.body).toBe(`<VAST>${'é'.repeat(22)}`);
    const small = store.get('s', store.record(info('s', 'short'))!)!;
    expect(small.body).toBe('short');
    expect(small.bodyTruncated).toBeUndefined();
  });

  it('exchanges without a session are not kept', () => {
    const store = new AdsExchangeStore();
    expect(store.record(info(undefined))).toBeUndefined();
    expect(store.bytes).toBe(0);
  });

  it('records the decoded query in order, the headers, links and failure fields', () => {
    const store = new AdsExchangeStore();
    const parent = store.record(info('s'))!;
    const x = store.get('s', store.record(info('s', 'oops', { parentId: parent, depth: 1, availId: 'av', status: 500, failure: 'http', errorCode: 301, error: 'HTTP 500', contentType: 'text/plain', urlTemplate: 'http://ads.test/vast?a=[x]' }))!)!;
    expect(x).toMatchObject({
      parentId: parent, depth: 1, availId: 'av', at: 1000, ms: 12.5, status: 500, failure: 'http', errorCode: 301, error: 'HTTP 500',
      contentType: 'text/plain', body: 'oops', requested: true, doc: 'vast', ads: [], urlTemplate: 'http://ads.test/vast?a=[x]',
      requestHeaders: { 'x-device-ip': '10.0.0.1' },
    });
    expect(x.query).toEqual([['a', '1'], ['b', 'x y'], ['c', '☕'], ['b', '2']]);
    const timeout = store.get('s', store.record(info('s', undefined, { body: undefined, bytes: 0, status: 0, failure: 'timeout' }))!)!;
    expect('body' in timeout).toBe(false);
    expect(store.get('s', store.record(info('s', '', { url: 'not a url' }))!)!.query).toEqual([]);
  });

  it('summarises parsed VAST ads (document order, wrappers with their target) and VMAP breaks', () => {
    const vast = `<VAST version="4.0">
      <Ad id="second" sequence="2"><InLine><AdSystem>S</AdSystem><AdTitle>T</AdTitle><Impression>http://i/1</Impression><Impression>http://i/2</Impression><Error>http://e</Error>
        <Creatives><Creative id="cr" adId="AD-1"><Linear><Duration>00:00:15.500</Duration>
          <TrackingEvents><Tracking event="firstQuartile">http://t/q</Tracking><Tracking event="progress" offset="00:00:05">http://t/p</Tracking><Tracking event="progress" offset="50%">http://t/p2</Tracking></TrackingEvents>
          <MediaFiles><MediaFile delivery="progressive" type="video/mp4">http://m/a.mp4</MediaFile><MediaFile delivery="streaming" type="application/x-mpegURL">http://m/a.m3u8</MediaFile><Mezzanine delivery="progressive" type="video/mp4">http://m/mz.mp4</Mezzanine></MediaFiles>
        </Linear></Creative></Creatives></InLine></Ad>
      <Ad id="first" sequence="1"><Wrapper><AdSystem>W</AdSystem><VASTAdTagURI>http://next/vast</VASTAdTagURI><Impression>http://wi</Impression>
        <Creatives><Creative><Linear><TrackingEvents><Tracking event="start">http://ws</Tracking></TrackingEvents></Linear></Creative></Creatives></Wrapper></Ad>
      <Ad id="nl"><InLine><AdSystem>S</AdSystem><Creatives><Creative><NonLinearAds><NonLinear/></NonLinearAds></Creative></Creatives></InLine></Ad>
      <Error>http://root-error</Error>
    </VAST>`;
    const p = parseVast(vast);
    if (!p.ok) throw new Error(p.message);
    const store = new AdsExchangeStore();
    const x = store.get('s', store.record(info('s', vast, { parsed: { vast: p.doc } }))!)!;
    expect(x.version).toBe('4.0');
    expect(x.ads).toEqual([
      { kind: 'inline', id: 'second', sequence: 2, adSystem: 'S', adTitle: 'T', durationSeconds: 15.5, creativeId: 'cr', creativeAdId: 'AD-1', mediaFiles: 2, mezzanines: 1, impressions: 2, tracking: { firstQuartile: 1, progress: 2 }, errorUrls: 1 },
      { kind: 'wrapper', id: 'first', sequence: 1, adSystem: 'W', mediaFiles: 0, mezzanines: 0, wrapperTarget: 'http://next/vast', impressions: 1, tracking: { start: 1 }, errorUrls: 0 },
    ]);
    expect(x.ignored).toEqual([{ adId: 'nl', reason: 'non-linear', detail: expect.any(String) }]);
    expect(x.rootErrorUrls).toEqual(['http://root-error']);

    const vmap = `<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
      <vmap:AdBreak timeOffset="start" breakType="linear" breakId="pre"><vmap:AdSource><vmap:AdTagURI templateType="vast3"><![CDATA[http://ads/pre]]></vmap:AdTagURI></vmap:AdSource>
        <vmap:TrackingEvents><vmap:Tracking event="breakStart">http://b/s</vmap:Tracking></vmap:TrackingEvents></vmap:AdBreak>
      <vmap:AdBreak timeOffset="50%" breakType="linear"><vmap:AdSource><vmap:VASTAdData><VAST version="3.0"/></vmap:VASTAdData></vmap:AdSource></vmap:AdBreak>
      <vmap:AdBreak timeOffset="00:01:00.500" breakType="linear"><vmap:AdSource/></vmap:AdBreak>
      <vmap:AdBreak timeOffset="#2" breakType="linear"><vmap:AdSource><vmap:AdTagURI>http://ads/2</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
    </vmap:VMAP>`;
    const m = parseVmap(vmap);
    if (!m.ok) throw new Error(m.message);
    const y = store.get('s', store.record(info('s', vmap, { doc: 'vmap', parsed: { vmap: m.doc } }))!)!;
    expect(y).toMatchObject({ doc: 'vmap', version: '1.0', ads: [] });
    expect(y.breaks).toEqual([
      { breakId: 'pre', timeOffset: 'start', source: 'tag', tagUrl: 'http://ads/pre', trackingEvents: ['breakStart'] },
      { timeOffset: '50%', source: 'inline', trackingEvents: [] },
      { timeOffset: '60.5s', source: 'none', trackingEvents: [] },
      { timeOffset: '#2', source: 'tag', tagUrl: 'http://ads/2', trackingEvents: [] },
    ]);
  });
});
