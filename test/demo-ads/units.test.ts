import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { pickAds } from '../../src/main/demo/ads/pick-ads.js';
import { formatVastTime } from '../../src/main/demo/ads/vast-xml.js';
import { cdata, el, escapeXml, renderXml, urlEl } from '../../src/main/demo/ads/xml.js';
import { CREATIVES } from './helpers.js';

describe('xml helpers', () => {
  it('escapes text and attributes', () => {
    expect(escapeXml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
    const xml = renderXml(el('A', { t: 'x"<&' }, [urlEl('U', 'http://h/?a=1&b=]]>&c=[X]')]));
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(parsed.A.U).toBe('http://h/?a=1&b=]]>&c=[X]');
  });

  it('splits CDATA terminators', () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
  });

  it('formats VAST time', () => {
    expect(formatVastTime(10)).toBe('00:00:10.000');
    expect(formatVastTime(3725.5)).toBe('01:02:05.500');
  });
});

describe('pickAds', () => {
  const ids = (r: ReturnType<typeof pickAds>) => (r.ok ? r.ads.map((a) => a.id) : r.message);

  it('round-robins pods, honouring rotation', () => {
    expect(ids(pickAds(CREATIVES, {}))).toEqual(['ad1', 'ad2']);
    expect(ids(pickAds(CREATIVES, { pod: 5, rotate: 2 }))).toEqual(['ad3', 'ad1', 'ad2', 'ad3', 'ad1']);
    expect(ids(pickAds(CREATIVES, { pod: 0 }))).toEqual([]);
  });

  it('fills a duration greedily and never exceeds it', () => {
    expect(ids(pickAds(CREATIVES, { dur: 30 }))).toEqual(['ad1', 'ad2']);
    expect(ids(pickAds(CREATIVES, { dur: 25 }))).toEqual(['ad1', 'ad3']);
    expect(ids(pickAds(CREATIVES, { dur: 9 }))).toEqual([]);
    // pod wins over dur
    expect(ids(pickAds(CREATIVES, { dur: 10, pod: 3 }))).toEqual(['ad1', 'ad2', 'ad3']);
  });

  it('explicit ids win, unknown ones are refused, no creatives is an empty pick', () => {
    expect(ids(pickAds(CREATIVES, { ads: ['ad2', 'ad2'], pod: 5 }))).toEqual(['ad2', 'ad2']);
    expect(ids(pickAds(CREATIVES, { ads: ['zz'] }))).toContain("'ads'");
    expect(ids(pickAds([], { ads: ['zz'] }))).toEqual([]);
  });
});
