import { describe, expect, it } from 'vitest';
import { isVmap, parseTimeOffset, parseVast, parseVmap, resolveTimeOffset, type ParsedVmap, type TimeOffset } from '../../src/main/ads/index.js';
import { fixture } from './fixtures.js';

function ok(xml: string): ParsedVmap {
  const r = parseVmap(xml);
  if (!r.ok) throw new Error(`expected a VMAP document, got ${r.code}: ${r.message}`);
  return r.doc;
}

describe('parseVmap: fixtures', () => {
  it('vmap-js/correct-vmap.xml: start, 00:10:23.125 and end; inline VAST and an AdTagURI; undeclared xsi: prefix', () => {
    const doc = ok(fixture('vmap-js/correct-vmap.xml'));
    expect(doc.version).toBe('1.0');
    expect(doc.breaks.map((b) => [b.breakId, b.breakType, b.timeOffset])).toEqual([
      ['mypre', 'linear', { kind: 'start' }],
      ['myid', 'linear', { kind: 'seconds', seconds: 623.125 }],
      ['mypost', 'linear', { kind: 'end' }],
    ]);
    const [pre, mid, post] = doc.breaks;
    expect(pre!.adSource).toMatchObject({ id: '1', allowMultipleAds: true, followRedirects: true });
    expect(pre!.adSource.vastXml).toMatch(/^<VAST version="3\.0" xsi:noNamespaceSchemaLocation="vast\.xsd">\s*<\/VAST>$/);
    expect(pre!.trackingEvents).toEqual([
      { event: 'breakStart', url: 'http://server.com/breakstart' },
      { event: 'breakEnd', url: 'http://server.com/breakend' },
      { event: 'breakEnd', url: 'http://server.com/breakend2' },
      { event: 'error', url: 'http://server.com/error?[ERRORCODE]' },
    ]);
    // The inline VAST is a valid, empty VAST 3.0 (the "..." text in the second is just text).
    for (const b of [pre!, mid!]) expect(parseVast(b.adSource.vastXml!)).toEqual({ ok: true, doc: { version: '3.0', ads: [], errorUrls: [], ignored: [] } });
    expect(post!.adSource).toEqual({ id: '3', adTagUri: 'http://server.com/vast.xml', allowMultipleAds: true, followRedirects: true });
    expect(post!.adSource.vastXml).toBeUndefined();
  });

  it('vmap-js/correct-vmap-with-extension.xml: break-level Extensions do not disturb the break', () => {
    const [b] = ok(fixture('vmap-js/correct-vmap-with-extension.xml')).breaks;
    expect(b).toMatchObject({ breakId: 'mypre', timeOffset: { kind: 'start' } });
    expect(b!.trackingEvents).toHaveLength(4);
    expect(b!.adSource.vastXml).toContain('<VAST version="3.0"');
  });

  it('vmap-js/incorrect-vmap.xml and parsing-example.xml are not VMAP', () => {
    for (const f of ['vmap-js/incorrect-vmap.xml', 'vmap-js/parsing-example.xml']) {
      expect(isVmap(fixture(f))).toBe(false);
      expect(parseVmap(fixture(f))).toMatchObject({ ok: false, code: 1000 });
    }
  });

  it('eyevinn-vmap/testVmap.xml: three breaks, each an inline VAST 4.1 pod of seven ads (57 s), padded values trimmed', () => {
    const doc = ok(fixture('eyevinn-vmap/testVmap.xml'));
    expect(doc.breaks.map((b) => [b.breakId, b.timeOffset])).toEqual([
      ['midroll.ad-1', { kind: 'start' }],
      ['midroll.ad-2', { kind: 'seconds', seconds: 300 }],
      ['midroll.ad-3', { kind: 'seconds', seconds: 420 }],
    ]);
    for (const [i, b] of doc.breaks.entries()) {
      expect(b.trackingEvents).toEqual([{ event: 'breakStart', url: `http://test-adserver.domain/api/v1/sessions/331cea0b-f9a0-4ad3-b07c-e552f003316d/tracking?adId=midroll.ad-${i + 1}&progress=vmap` }]);
      const vast = parseVast(b.adSource.vastXml!);
      if (!vast.ok) throw new Error(vast.message);
      const ads = vast.doc.ads.map((a) => (a.kind === 'inline' ? a.ad : undefined));
      expect(ads.map((a) => a?.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(ads.map((a) => a?.durationSeconds)).toEqual([5, 9, 9, 9, 15, 5, 5]);
      // &#xA; padding and CDATA newlines around values are trimmed.
      expect(ads[0]).toMatchObject({ adSystem: 'Test Adserver', adTitle: 'Ad That Test-Adserver Wants Player To See #1', universalAdId: { registry: 'test-ad-id.eyevinn', value: '65ddb610cf302b002a96d95c1' } });
      expect(ads[0]!.impressions).toEqual(['http://test-adserver.domain/api/v1/sessions/331cea0b-f9a0-4ad3-b07c-e552f003316d/tracking?adId=TEST_AD_ASSET&progress=vast']);
      expect(ads[0]!.mediaFiles[0]!.url).toBe('https://test-adserver.domain/promotions/trailers/TEST_TRAILER.mp4');
    }
  });

  it('eyevinn-vmap/testVmap2.xml: an empty VMAP', () => {
    expect(ok(fixture('eyevinn-vmap/testVmap2.xml'))).toEqual({ version: '1.0', breaks: [], ignored: [] });
  });

  it('eyevinn-vmap/testVmapEmptyVast.xml: a break whose VASTAdData is an empty VAST', () => {
    const [b] = ok(fixture('eyevinn-vmap/testVmapEmptyVast.xml')).breaks;
    expect(b!.adSource.vastXml).toBe('<VAST version="4.1" />');
    expect(parseVast(b!.adSource.vastXml!)).toMatchObject({ ok: true, doc: { ads: [] } });
    expect(b!.trackingEvents[0]!.url).toBe('http://test-adserver.domain/api/v1/sessions/331cea0b-f9a0-4ad3-b07c-e552f003316d/tracking?adId=midroll.ad-3&progress=vmap');
  });
});

describe('parseVmap: synthetic', () => {
  it('any prefix or none; percent, #n, repeatAfter, templateType; unreadable offsets are skipped, not fatal', () => {
    const doc = ok(`<?xml version="1.0"?>
      <VMAP version="1.0.1">
        <AdBreak timeOffset="25%" breakType="nonlinear,linear" repeatAfter="00:05:00"><AdSource><AdTagURI templateType="vast4"><![CDATA[ /vast?b=1 ]]></AdTagURI></AdSource>
          <TrackingEvents><Tracking event="breakStart">http://t/s</Tracking><Tracking event="custom">http://t/c</Tracking></TrackingEvents></AdBreak>
        <AdBreak timeOffset="#2"><AdSource/></AdBreak>
        <AdBreak timeOffset="whenever"/>
        <AdBreak timeOffset="120%"/>
      </VMAP>`);
    expect(doc.breaks).toEqual([
      {
        breakType: 'nonlinear,linear', timeOffset: { kind: 'percent', percent: 25 }, repeatAfterSeconds: 300,
        adSource: { adTagUri: '/vast?b=1', templateType: 'vast4' }, trackingEvents: [{ event: 'breakStart', url: 'http://t/s' }],
      },
      { breakType: 'linear', timeOffset: { kind: 'position', n: 2 }, adSource: {}, trackingEvents: [] },
    ]);
    expect(doc.ignored).toEqual([{ index: 2, detail: "Unreadable timeOffset 'whenever'" }, { index: 3, detail: "Unreadable timeOffset '120%'" }]);
    expect(ok('<x:VMAP xmlns:x="http://www.iab.net/videosuite/vmap" version="1.0"><x:AdBreak timeOffset="end"/></x:VMAP>').breaks[0]!.timeOffset).toEqual({ kind: 'end' });
  });

  it('fails with VMAP codes: 1002 malformed, 1001 version, 1000 not VMAP', () => {
    expect(parseVmap('<vmap:VMAP version="1.0"><vmap:AdBreak></vmap:VMAP>')).toMatchObject({ ok: false, code: 1002 });
    expect(parseVmap('<vmap:VMAP version="2.0"/>')).toMatchObject({ ok: false, code: 1001 });
    expect(parseVmap('<VAST version="3.0"/>')).toMatchObject({ ok: false, code: 1000, message: 'Not a VMAP document: root element <vast>' });
  });

  it('isVmap sniffs the root element under any prefix, after declaration, comments and blank lines', () => {
    expect(isVmap('\uFEFF\n<?xml version="1.0"?>\n<!-- hello <VAST> -->\n<vmap:VMAP xmlns:vmap="x"/>')).toBe(true);
    expect(isVmap('<VMAP>')).toBe(true);
    expect(isVmap('<VAST version="3.0"><!-- <vmap:VMAP> --></VAST>')).toBe(false);
    expect(isVmap('<vmap:VMAPX/>')).toBe(false);
    expect(isVmap('')).toBe(false);
  });
});

describe('time offsets', () => {
  it.each<[string, TimeOffset | undefined]>([
    ['start', { kind: 'start' }], ['END', { kind: 'end' }], ['00:10:23.125', { kind: 'seconds', seconds: 623.125 }], ['00:00:20', { kind: 'seconds', seconds: 20 }],
    ['50%', { kind: 'percent', percent: 50 }], ['#1', { kind: 'position', n: 1 }], ['#0', undefined], ['later', undefined],
  ])('parseTimeOffset(%j)', (raw, want) => expect(parseTimeOffset(raw)).toEqual(want));

  it('resolveTimeOffset maps onto a content duration; #n and live content stay undefined for the caller', () => {
    expect(resolveTimeOffset({ kind: 'start' }, 600)).toBe(0);
    expect(resolveTimeOffset({ kind: 'end' }, 600)).toBe(600);
    expect(resolveTimeOffset({ kind: 'seconds', seconds: 20 }, 600)).toBe(20);
    expect(resolveTimeOffset({ kind: 'percent', percent: 25 }, 601)).toBe(150.25);
    expect(resolveTimeOffset({ kind: 'position', n: 2 }, 600)).toBeUndefined();
    expect(resolveTimeOffset({ kind: 'end' }, Infinity)).toBeUndefined();
    expect(resolveTimeOffset({ kind: 'percent', percent: 50 }, Number.NaN)).toBeUndefined();
  });
});
