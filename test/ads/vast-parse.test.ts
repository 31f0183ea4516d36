import { describe, expect, it } from 'vitest';
import { isVmap, parseVast, parseVmap, parseVastOffset, parseVastTime, podOrder, type ParsedInlineAd, type ParsedVast, type ParsedWrapperAd } from '../../src/main/ads/index.js';
import { allFixtures, fixture } from './fixtures.js';

function ok(xml: string): ParsedVast {
  const r = parseVast(xml);
  if (!r.ok) throw new Error(`expected a VAST document, got ${r.code}: ${r.message}`);
  return r.doc;
}
const inline = (doc: ParsedVast) => doc.ads.map((a) => (a as ParsedInlineAd).ad);
const wrappers = (doc: ParsedVast) => doc.ads as ParsedWrapperAd[];

describe('parseVast: fixtures with explicit expectations', () => {
  it('vast-client-js/sample.xml: VAST 4.3, a sequenced ad and a stand-alone one', () => {
    const doc = ok(fixture('vast-client-js/sample.xml'));
    expect(doc.version).toBe('4.3');
    expect(doc.errorUrls).toEqual([]);
    expect(doc.ads.map((a) => a.kind)).toEqual(['inline', 'inline']);
    const [a, b] = inline(doc);
    expect(a).toMatchObject({
      adId: 'ad_id_0001', sequence: 1, adSystem: 'AdServer', adTitle: 'Ad title', creativeId: 'id130984', creativeAdId: 'adId345690',
      universalAdId: { registry: 'daily-motion-L1', value: 'Linear-12345' }, durationSeconds: 90.123,
      adServingId: 'a532d16d-4d7f-4440-bd29-2ec0e693fc80', clickThrough: 'http://example.com/linear-clickthrough_adplayhead:[ADPLAYHEAD]',
      errorUrls: ['http://example.com/error_[ERRORCODE]'], wrapperUrls: [],
    });
    // Macros stay literal for whoever fires the URL.
    expect(a!.impressions).toEqual([
      'http://example.com/impression1_asset:[ASSETURI]_[CACHEBUSTING]', 'http://example.com/impression2_[random]', 'http://example.com/impression3_[RANDOM]',
    ]);
    expect(a!.mediaFiles).toEqual([
      { url: 'http://example.com/linear-asset.mp4', delivery: 'progressive', type: 'video/mp4', width: 512, height: 288, bitrateKbps: 849 },
      { url: 'parser.js?adData=http%3A%2F%2Fad.com%2F%3Fcb%3D%5Btime%5D', delivery: 'progressive', type: 'application/javascript', width: 512, height: 288, apiFramework: 'VPAID' },
    ]);
    expect(a!.mezzanines).toEqual([
      { url: 'http://example.com/linear-mezzanine.mp4', delivery: 'progressive', type: 'video/mp4', width: 1080, height: 720, id: 'mezzanine-id-165468451', codec: 'h264' },
    ]);
    expect(a!.tracking).toHaveLength(8);
    expect(a!.tracking.filter((t) => t.event === 'progress')).toEqual([
      { event: 'progress', url: 'http://example.com/linear-progress-30sec', offsetSeconds: 30 },
      { event: 'progress', url: 'http://example.com/linear-progress-60%', offsetPercent: 60 },
    ]);
    expect(a!.clickTracking).toHaveLength(2);
    expect(a!.extensions?.map((e) => e.type)).toEqual(['Pricing', 'Count', undefined]);
    expect(a!.extensions?.[0]?.xml).toMatch(/^<Price model="CPM" currency="USD" source="someone">/);
    expect(a!.extensions?.[2]?.xml).toBe('{ foo: bar }');
    // Second ad: no sequence (stand-alone), plain-seconds duration "30", skipoffset, creative adID spelt adID.
    expect(b).toMatchObject({ adId: 'ad_id_0002', durationSeconds: 30, skipOffsetSeconds: 10, creativeAdId: 'adId221144', tracking: [], clickTracking: ['http://example.com/linear-clicktracking'] });
    expect(b!.sequence).toBeUndefined();
    expect(b!.mediaFiles.map((m) => m.apiFramework)).toEqual(['VPAID']);
  });

  it('vast-client-js/inline-linear.xml: one InLine, CDATA with whitespace, offset on a start event', () => {
    const doc = ok(fixture('vast-client-js/inline-linear.xml'));
    const [ad] = inline(doc);
    expect(ad).toMatchObject({
      adId: '20001', adSystem: 'iabtechlab', adTitle: 'iabtechlab video ad', creativeId: '5480', durationSeconds: 16,
      impressions: ['http://example.com/track/impression'], errorUrls: ['http://example.com/error'], clickTracking: ['https://iabtechlab.com'],
    });
    expect(ad!.clickThrough).toBeUndefined();
    expect(ad!.mediaFiles).toEqual([{
      url: 'https://iabtechlab.com/wp-content/uploads/2016/07/VAST-4.0-Short-Intro.mp4', delivery: 'progressive', type: 'video/mp4',
      width: 400, height: 300, bitrateKbps: 500, id: '5241', codec: '0',
    }]);
    expect(ad!.tracking.map((t) => t.event)).toEqual(['start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete']);
    expect(ad!.tracking[0]!.offsetSeconds).toBe(9 * 3600 + 15 * 60 + 23);
    expect(ad!.extensions).toEqual([{ type: 'iab-Count', xml: expect.stringContaining('<total_available>') }]);
  });

  it('vast-client-js/wrapper-a.xml: two Wrappers; linear tracking from both Linear creatives, NonLinear ignored', () => {
    const [a, b] = wrappers(ok(fixture('vast-client-js/wrapper-a.xml')));
    expect(a).toMatchObject({
      kind: 'wrapper', id: '4321', tagUrl: 'wrapper-b.xml', adSystem: 'VAST',
      impressions: ['http://example.com/wrapperA-impression'], errorUrls: ['http://example.com/wrapperA-error'],
    });
    expect(a!.tracking.map((t) => t.url.replace('http://example.com/wrapperA-linear-', ''))).toEqual(['start1', 'progress-30sec', 'progress-60%', 'complete', 'start2', 'progress-90%']);
    expect(a!.tracking[1]).toMatchObject({ event: 'progress', offsetSeconds: 30 });
    expect(a!.tracking[5]).toMatchObject({ event: 'progress', offsetPercent: 90 });
    expect(a!.clickTracking).toHaveLength(3);
    expect(b).toMatchObject({ id: '2032', tagUrl: 'vpaid.xml', tracking: [], clickTracking: [], impressions: ['http://example.com/track/impression'] });
  });

  it('vast-client-js/wrapper-legacy.xml: VAST 2.0 <VASTAdTagURL><URL> and a root Error', () => {
    const doc = ok(fixture('vast-client-js/wrapper-legacy.xml'));
    expect(doc.version).toBe('2.0');
    expect(doc.errorUrls).toEqual(['http://example.com/wrapper-error']);
    expect(wrappers(doc)[0]).toMatchObject({ tagUrl: 'inline-linear.xml', impressions: ['http://example.com/wrapper-impression'] });
  });

  it('vast-client-js/wrapper-attributes-multiple-ads.xml: boolean attributes written false, 1 and True', () => {
    const ws = wrappers(ok(fixture('vast-client-js/wrapper-attributes-multiple-ads.xml')));
    expect(ws.map((w) => [w.id, w.allowMultipleAds, w.followAdditionalWrappers])).toEqual([
      ['201', undefined, undefined],
      ['202', false, false],
      ['203', true, true],
      ['204', true, false],
    ]);
  });

  it('vast-client-js/wrapper-multiple-ads.xml: pod first (by sequence), then the buffet in document order', () => {
    const doc = ok(fixture('vast-client-js/wrapper-multiple-ads.xml'));
    expect(doc.ads.map((a) => (a as ParsedWrapperAd).id)).toEqual(['201', '20011', '20012', '2032']);
    expect(podOrder(doc.ads).map((a) => (a as ParsedWrapperAd).id)).toEqual(['20011', '20012', '201', '2032']);
  });

  it('vast-client-js/empty-no-ad.xml and empty-no-creative.xml: no ads; a root Error; a non-linear count', () => {
    const noAd = ok(fixture('vast-client-js/empty-no-ad.xml'));
    expect(noAd).toEqual({ version: '4.3', ads: [], errorUrls: ['http://example.com/empty-no-ad'], ignored: [] });
    const noCreative = ok(fixture('vast-client-js/empty-no-creative.xml'));
    expect(noCreative.ads).toEqual([]);
    expect(noCreative.ignored).toEqual([{ reason: 'non-linear', detail: 'InLine without creatives' }]);
  });

  it('vast-client-js: invalid documents fail with the documented codes', () => {
    expect(parseVast(fixture('vast-client-js/invalid-xmlfile.xml'))).toMatchObject({ ok: false, code: 100 });
    expect(parseVast(fixture('vast-client-js/outdated-vast.xml'))).toMatchObject({ ok: false, code: 102 });
    // The only ad is a Linear without Duration: schema-invalid, not an empty answer.
    expect(parseVast(fixture('vast-client-js/vpaid.xml'))).toMatchObject({ ok: false, code: 101, message: expect.stringContaining('VPAID: Linear without Duration') });
    // vpaid2 is a valid linear ad (Flash only, unstitchable: the caller's 403, not a parse error); delivery inferred.
    const [flash] = inline(ok(fixture('vast-client-js/vpaid2.xml')));
    expect(flash).toMatchObject({ adId: 'preroll-1', durationSeconds: 1, mediaFiles: [{ type: 'application/x-shockwave-flash', delivery: 'progressive', width: 370, height: 270 }] });
  });

  it('eyevinn-vmap/testVast2.xml: recorded FreeWheel pod, sequences 1,2,3,10, entities, blank line before the declaration', () => {
    const doc = ok(fixture('eyevinn-vmap/testVast2.xml'));
    expect(doc.version).toBe('4.1');
    const ads = inline(doc);
    expect(ads.map((a) => a.sequence)).toEqual([1, 2, 3, 10]);
    expect(ads.map((a) => a.durationSeconds)).toEqual([3, 30, 15, 3]);
    expect(ads.map((a) => a.tracking.length)).toEqual([4, 4, 37, 4]);
    expect(ads.map((a) => a.impressions.length)).toEqual([2, 3, 8, 2]);
    expect(ads.map((a) => a.clickTracking.length)).toEqual([1, 1, 4, 1]);
    expect(ads[0]!.adTitle).toBe('Blommande körsbärsträd');
    expect(ads[0]!.universalAdId).toEqual({ registry: 'unknown', value: '145507734' });
    expect(ads[1]!.universalAdId).toEqual({ registry: 'MMS', value: 'E1H32W3000' });
    // &amp; decoded once; [ERRORCODE] left for the pinger.
    expect(ads[0]!.errorUrls[0]).toMatch(/^https:\/\/80276\.v\.fwmrm\.net\/ad\/l\/1\?s=v2c22&n=524918%3B.*&cn=\[ERRORCODE\]$/);
    expect(ads[0]!.mediaFiles[0]).toMatchObject({ type: 'application/x-mpegURL', delivery: 'progressive', width: 1920, height: 1080, bitrateKbps: 6500, id: '589423750' });
    expect(ads[0]!.extensions?.[0]?.type).toBe('FreeWheel');
  });

  it('eyevinn-vmap/testVast.xml: VAST 4.0 UniversalAdId (idValue and text), Duration after TrackingEvents', () => {
    const ads = inline(ok(fixture('eyevinn-vmap/testVast.xml')));
    expect(ads.map((a) => [a.adId, a.sequence, a.durationSeconds, a.creativeAdId])).toEqual([
      ['POD_AD-ID_001', 1, 10, 'alvedon-10s'],
      ['POD_AD-ID_002', 2, 15, 'bromwel-15s'],
    ]);
    expect(ads[0]!.universalAdId).toEqual({ registry: 'test-ad-id.eyevinn', value: 'AAA%2FBBBB123%2F1' });
    expect(ads[0]!.mediaFiles[0]).toMatchObject({ codec: 'H.264', bitrateKbps: 1300, url: 'https://testcontent.eyevinn.technology/ads/alvedon-10s.mp4' });
    expect(ads[0]!.clickThrough).toBe('https://github.com/Eyevinn/test-adserver');
    expect(ads[1]!.errorUrls).toEqual([]);
  });

  it('eyevinn-vmap/testVast3.xml and testVastSpecialChars.xml: empty VAST; an InLine without creatives', () => {
    expect(ok(fixture('eyevinn-vmap/testVast3.xml'))).toEqual({ version: '4.1', ads: [], errorUrls: [], ignored: [] });
    const special = ok(fixture('eyevinn-vmap/testVastSpecialChars.xml'));
    expect(special.ads).toEqual([]);
    expect(special.ignored).toEqual([{ adId: 'POD_AD-ID_001', reason: 'non-linear', detail: 'InLine without creatives' }]);
  });

  it('test-adserver/test_vast.xml: default namespace, lower-case adid, CDATA surrounded by whitespace', () => {
    const [ad] = inline(ok(fixture('test-adserver/test_vast.xml')));
    expect(ad).toMatchObject({
      adId: 'test-ad_1', creativeId: 'from-test-adserver', creativeAdId: 'a-unique-ID', durationSeconds: 16,
      impressions: ['about:blank'], adServingId: 'Test-Adserver-47ed3bac-1768-4b9a-9d0e-0b92422ab066',
    });
    expect(ad!.adSystem).toBeUndefined();
    expect(ad!.mediaFiles.map((m) => [m.id, m.bitrateKbps, m.width, m.height])).toEqual([['5241', 2000, 1280, 720], ['5244', 1000, 854, 480], ['5246', 600, 640, 360]]);
    expect(ad!.mediaFiles.every((m) => m.url === 'https://s0.2mdn.net/4253510/google_ddm_animation_480P.mp4')).toBe(true);
    expect(ad!.tracking[0]).toEqual({ event: 'start', url: 'http://127.0.0.1:8080/api/v1/sessions/s-169/tracking?adId=12&progress=0' });
  });

  it('sgai-ad-proxy/vast4.1.xml: bumpers with sequence 0 and 2 around a FreeWheel ad', () => {
    const ads = inline(ok(fixture('sgai-ad-proxy/vast4.1.xml')));
    expect(ads.map((a) => [a.adId, a.sequence, a.durationSeconds, a.tracking.length, a.impressions.length])).toEqual([
      ['bumper_start-tjrnskymning-4', 0, 3, 0, 2],
      ['80763981.139982310335872', 1, 10, 4, 1],
      ['bumper_end-tjrnskymning-4', 2, 3, 0, 2],
    ]);
    expect(ads[0]!.universalAdId).toEqual({ registry: 'empty', value: '105a434b0cb139d04d7f1c5593fb7bae' });
  });

  it('sgai-ad-proxy/vast4.0_transcoded.xml: HLS renditions as MediaFiles, URLs kept as written', () => {
    const ads = inline(ok(fixture('sgai-ad-proxy/vast4.0_transcoded.xml')));
    expect(ads).toHaveLength(2);
    expect(ads[0]!.mediaFiles).toEqual([{
      url: 'https:/eyevinnlab-adnormalizer.minio-minio.auto.prod.osaas.io/adassets/AAA2FBBBB1232F1/7c0bd98e-20ff-43ff-bc5a-e1cd0491d94c/index.m3u8',
      delivery: 'progressive', type: 'application/x-mpegURL', width: 718, height: 404, bitrateKbps: 1300, codec: 'H.264',
    }]);
    expect(ads[0]!.impressions[0]).toContain('tracking?adId=alvedon-10s_1&progress=vast');
  });
});

// What every file under fixtures/vast is expected to give: a VAST (n usable ads), a VMAP (n breaks), or a failure.
const EXPECTED: Record<string, { vast: number } | { vmap: number } | { fail: number }> = {
  'eyevinn-vmap/testVast.xml': { vast: 2 },
  'eyevinn-vmap/testVast2.xml': { vast: 4 },
  'eyevinn-vmap/testVast3.xml': { vast: 0 },
  'eyevinn-vmap/testVastSpecialChars.xml': { vast: 0 },
  'eyevinn-vmap/testVmap.xml': { vmap: 3 },
  'eyevinn-vmap/testVmap2.xml': { vmap: 0 },
  'eyevinn-vmap/testVmapEmptyVast.xml': { vmap: 1 },
  'sgai-ad-proxy/vast4.0_transcoded.xml': { vast: 2 },
  'sgai-ad-proxy/vast4.1.xml': { vast: 3 },
  'test-adserver/test_vast.xml': { vast: 1 },
  'vast-client-js/empty-no-ad.xml': { vast: 0 },
  'vast-client-js/empty-no-creative.xml': { vast: 0 },
  'vast-client-js/inline-linear.xml': { vast: 1 },
  'vast-client-js/invalid-xmlfile.xml': { fail: 100 },
  'vast-client-js/outdated-vast.xml': { fail: 102 },
  'vast-client-js/sample.xml': { vast: 2 },
  'vast-client-js/vpaid.xml': { fail: 101 },
  'vast-client-js/vpaid2.xml': { vast: 1 },
  'vast-client-js/wrapper-a.xml': { vast: 2 },
  'vast-client-js/wrapper-attributes-multiple-ads.xml': { vast: 4 },
  'vast-client-js/wrapper-b.xml': { vast: 1 },
  'vast-client-js/wrapper-empty-no-creative.xml': { vast: 1 },
  'vast-client-js/wrapper-empty.xml': { vast: 1 },
  'vast-client-js/wrapper-legacy.xml': { vast: 1 },
  'vast-client-js/wrapper-multiple-ads.xml': { vast: 4 },
  'vast-client-js/wrapper-unavailable-url.xml': { vast: 1 },
  'vmap-js/correct-vmap-with-extension.xml': { vmap: 1 },
  'vmap-js/correct-vmap.xml': { vmap: 3 },
  // Neither is a VMAP (roots vmap:WRONG and vmap:Extension) nor a VAST.
  'vmap-js/incorrect-vmap.xml': { fail: 100 },
  'vmap-js/parsing-example.xml': { fail: 100 },
};

describe('parseVast: every fixture', () => {
  it('the expectation table covers exactly the fixture files', () => {
    expect(allFixtures()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (file, want) => {
    const xml = fixture(file);
    if ('vmap' in want) {
      expect(isVmap(xml)).toBe(true);
      const r = parseVmap(xml);
      expect(r.ok && r.doc.breaks.length).toBe(want.vmap);
      return;
    }
    expect(isVmap(xml)).toBe(false);
    const r = parseVast(xml);
    if ('fail' in want) expect(r).toMatchObject({ ok: false, code: want.fail });
    else {
      expect(r.ok && r.doc.ads.length).toBe(want.vast);
      // Every usable inline ad has a positive duration.
      if (r.ok) for (const a of r.doc.ads) if (a.kind === 'inline') expect(a.ad.durationSeconds).toBeGreaterThan(0);
    }
  });
});

describe('parseVast: robustness', () => {
  const linear = (extra = '') => `<Creatives><Creative><Linear><Duration>00:00:10</Duration>${extra}<MediaFiles><MediaFile delivery="progressive" type="video/mp4"><![CDATA[ http://m/a.mp4 ]]></MediaFile></MediaFiles></Linear></Creative></Creatives>`;

  it('accepts a namespace prefix on every element and attribute names in any case', () => {
    const doc = ok(`<v:VAST xmlns:v="http://www.iab.com/VAST" VERSION="3.0"><v:Ad ID="x" SEQUENCE="2"><v:Inline><v:Impression><![CDATA[
      http://i ]]></v:Impression><v:Creatives><v:Creative ADID="c"><v:Linear SkipOffset="25%"><v:Duration>00:00:20.5</v:Duration></v:Linear></v:Creative></v:Creatives></v:Inline></v:Ad></v:VAST>`);
    expect(doc.version).toBe('3.0');
    expect(inline(doc)[0]).toMatchObject({ adId: 'x', sequence: 2, creativeAdId: 'c', durationSeconds: 20.5, impressions: ['http://i'], skipOffsetSeconds: 5.125, mediaFiles: [] });
  });

  it('a VAST without version is read (as 2.0) and reported without version', () => {
    const doc = ok(`<VAST><Ad><InLine>${linear()}</InLine></Ad></VAST>`);
    expect(doc.version).toBeUndefined();
    expect(inline(doc)[0]!.mediaFiles[0]!.url).toBe('http://m/a.mp4');
  });

  it('versions: 2.x/3.x/4.x accepted, 1.0 and 5.0 rejected with 102', () => {
    for (const v of ['2.0', '3.0', '4.0', '4.1', '4.2', '4.3']) expect(parseVast(`<VAST version="${v}"/>`).ok).toBe(true);
    for (const v of ['1.0', '5.0', 'x']) expect(parseVast(`<VAST version="${v}"/>`)).toMatchObject({ ok: false, code: 102 });
  });

  it('malformed XML is 100 even where a lenient parser would accept it', () => {
    const garbage = '<?xml version="1.0"?>\n<VAST version="3.0"><Ad id="g"><InLine><AdSystem>x</AdTitle><Creatives><Creative><Linear><Duration>00:00:1';
    expect(parseVast(garbage)).toMatchObject({ ok: false, code: 100, message: expect.stringContaining("Expected closing tag 'AdSystem'") });
    expect(parseVast('<VAST version="3.0"><Ad>')).toMatchObject({ ok: false, code: 100 });
    // Leading blank lines are tolerated, and positions still refer to the text as received.
    expect(parseVast('\n\n<VAST version="3.0"><Ad></VAST>')).toMatchObject({ ok: false, code: 100, message: expect.stringMatching(/^Malformed XML at line 3, /) });
    expect(parseVast('')).toMatchObject({ ok: false, code: 100 });
    expect(parseVast('<html><body>503</body></html>')).toMatchObject({ ok: false, code: 100, message: 'Not a VAST document: root element <html>' });
    expect(parseVast('<VAST version="3.0"><__proto__/></VAST>')).toMatchObject({ ok: false, code: 100 });
  });

  it('an Ad without a usable Duration is invalid (101 when nothing else is usable), next to valid ones it is skipped', () => {
    const bad = `<Ad id="bad"><InLine><Creatives><Creative><Linear><Duration>soon</Duration></Linear></Creative></Creatives></InLine></Ad>`;
    expect(parseVast(`<VAST version="3.0">${bad}</VAST>`)).toMatchObject({ ok: false, code: 101, message: "No usable ad: bad: Linear Duration 'soon' is not a VAST time" });
    const doc = ok(`<VAST version="3.0">${bad}<Ad id="good"><InLine>${linear()}</InLine></Ad><Ad id="w"><Wrapper/></Ad></VAST>`);
    expect(inline(doc).map((a) => a.adId)).toEqual(['good']);
    expect(doc.ignored.map((i) => [i.adId, i.reason])).toEqual([['bad', 'invalid'], ['w', 'invalid']]);
  });

  it('numeric character references and entities are decoded in text', () => {
    const doc = ok(`<VAST version="4.0"><Ad id="a"><InLine><AdTitle>Hej&amp;&#xF6;&#xA;&lt;&gt;&quot;</AdTitle>${linear()}</InLine></Ad></VAST>`);
    expect(inline(doc)[0]!.adTitle).toBe('Hej&ö\n<>"');
  });

  it('ads without an id get an id that is stable for the same document and distinct per position', () => {
    const xml = `<VAST version="3.0"><Ad><InLine>${linear()}</InLine></Ad><Ad><InLine>${linear()}</InLine></Ad></VAST>`;
    const a = inline(ok(xml)).map((x) => x.adId);
    expect(a).toEqual(inline(ok(xml)).map((x) => x.adId));
    expect(a[0]).toMatch(/^auto-1-[0-9a-f]{8}$/);
    expect(new Set(a).size).toBe(2);
  });

  it('MediaFile delivery is inferred from the type when missing; bitrate falls back to maxBitrate', () => {
    const doc = ok(`<VAST version="3.0"><Ad id="a"><InLine><Creatives><Creative><Linear><Duration>10</Duration><MediaFiles>
      <MediaFile type="application/x-mpegURL" maxBitrate="3000">http://m/a.m3u8</MediaFile>
      <MediaFile type="application/dash+xml" delivery="Streaming">http://m/a.mpd</MediaFile>
      <MediaFile type="video/mp4"></MediaFile></MediaFiles></Linear></Creative></Creatives></InLine></Ad></VAST>`);
    expect(inline(doc)[0]!.mediaFiles).toEqual([
      { url: 'http://m/a.m3u8', delivery: 'streaming', type: 'application/x-mpegURL', bitrateKbps: 3000 },
      { url: 'http://m/a.mpd', delivery: 'streaming', type: 'application/dash+xml' },
    ]);
  });
});

describe('VAST time values', () => {
  it.each([
    ['00:00:10', 10], ['00:01:30.123', 90.123], ['01:00:00.5', 3600.5], [' 00:00:05 ', 5], ['30', 30], ['12.25', 12.25],
  ])('parseVastTime(%j) = %d', (s, v) => expect(parseVastTime(s)).toBe(v));

  it.each(['', 'soon', '10s', '00:10', '-00:00:01', '1:2:3:4'])('parseVastTime(%j) is undefined', (s) => expect(parseVastTime(s)).toBeUndefined());

  it('offsets: VAST time or percent', () => {
    expect(parseVastOffset('00:00:30.000')).toEqual({ seconds: 30 });
    expect(parseVastOffset('60%')).toEqual({ percent: 60 });
    expect(parseVastOffset('12.5%')).toEqual({ percent: 12.5 });
    expect(parseVastOffset('150%')).toBeUndefined();
    expect(parseVastOffset(undefined)).toBeUndefined();
  });
});
