import { describe, expect, it } from 'vitest';
import { adsParamsToQuery, expandAdsUrl, type AdsVariables } from '../../src/main/ads/index.js';

const VARS: AdsVariables = {
  session: { id: 'sess-1', uuid: '0b3f…-uuid', availDurationMs: 30_000, clientIp: '203.0.113.9', referer: 'https://example.com/page?a=1&b=2', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' },
  avail: { index: 3, random: 7_351_902 },
  playerParams: { ad_type: 'customized', deviceType: 'smart tv' },
  asset: { id: 'movie/42', genre: 'drama' },
  scte: { segmentation_upid: '0x08:0x9425BC', segmentation_type_id: '52', event_id: '1207959695', avail_num: '1', avails_expected: '2' },
};

describe('expandAdsUrl', () => {
  it('substitutes every variable family, URL-encoded', () => {
    const template = 'https://ads.example/vast?sid=[session.id]&u=[session.uuid]&ms=[session.avail_duration_ms]&s=[session.avail_duration_secs]'
      + '&ip=[session.client_ip]&ref=[session.referer]&ua=[session.user_agent]&i=[avail.index]&r=[avail.random]'
      + '&t=[player_params.ad_type]&d=[player_params.deviceType]&a=[asset.id]&g=[asset.genre]'
      + '&upid=[scte.segmentation_upid]&type=[scte.segmentation_type_id]&ev=[scte.event_id]&n=[scte.avail_num]&of=[scte.avails_expected]';
    const { url, unknown } = expandAdsUrl(template, VARS);
    expect(unknown).toEqual([]);
    const q = new URL(url).searchParams;
    expect(Object.fromEntries(q)).toEqual({
      sid: 'sess-1', u: '0b3f…-uuid', ms: '30000', s: '30', ip: '203.0.113.9', ref: 'https://example.com/page?a=1&b=2', ua: 'Mozilla/5.0 (X11; Linux x86_64)',
      i: '3', r: '7351902', t: 'customized', d: 'smart tv', a: 'movie/42', g: 'drama',
      upid: '0x08:0x9425BC', type: '52', ev: '1207959695', n: '1', of: '2',
    });
    // encodeURIComponent, exactly
    expect(url).toContain(`ref=${encodeURIComponent('https://example.com/page?a=1&b=2')}&`);
    expect(url).toContain('ua=Mozilla%2F5.0%20(X11%3B%20Linux%20x86_64)&');
    expect(url).toContain('a=movie%2F42&');
  });

  it('derives avail duration in ms from seconds and vice versa', () => {
    expect(expandAdsUrl('[session.avail_duration_ms]/[session.avail_duration_secs]', { session: { availDurationSecs: 15.5 } }).url).toBe('15500/15.5');
    expect(expandAdsUrl('[session.avail_duration_ms]/[session.avail_duration_secs]', { session: { availDurationMs: 29_600 } }).url).toBe('29600/30');
  });

  it('unknown or missing variables become empty and are reported once each', () => {
    const r = expandAdsUrl('http://a/?x=[player_params.nope]&y=[session.nope]&z=[foo.bar]&w=[player_params.nope]&v=[scte.avail_num]', {});
    expect(r.url).toBe('http://a/?x=&y=&z=&w=&v=');
    expect(r.unknown).toEqual(['player_params.nope', 'session.nope', 'foo.bar', 'scte.avail_num']);
  });

  it('leaves bracketed text that is not namespace.name alone (IPv6 hosts, ADS macros), and prototype names unresolved', () => {
    const r = expandAdsUrl('http://[::1]:8080/vast?cb=[CACHEBUSTING]&t=[TIMESTAMP]&c=[player_params.constructor]', VARS);
    expect(r.url).toBe('http://[::1]:8080/vast?cb=[CACHEBUSTING]&t=[TIMESTAMP]&c=');
    expect(r.unknown).toEqual(['player_params.constructor']);
  });

  it('ConfigurationAliases replace the session value by its alias; values without an alias pass through', () => {
    const aliases = { 'player_params.ad_type': { customized: 'abc&1', default: 'xyz' } };
    expect(expandAdsUrl('http://a/?t=[player_params.ad_type]', VARS, { aliases }).url).toBe('http://a/?t=abc%261');
    expect(expandAdsUrl('http://a/?t=[player_params.ad_type]', { playerParams: { ad_type: 'default' } }, { aliases }).url).toBe('http://a/?t=xyz');
    expect(expandAdsUrl('http://a/?t=[player_params.ad_type]', { playerParams: { ad_type: 'other' } }, { aliases }).url).toBe('http://a/?t=other');
    // An alias map does not invent a value for a parameter the session lacks.
    expect(expandAdsUrl('http://a/?t=[player_params.ad_type]', {}, { aliases })).toEqual({ url: 'http://a/?t=', unknown: ['player_params.ad_type'] });
  });

  it('is a single pass: substituted values are never expanded again', () => {
    const r = expandAdsUrl('[player_params.a][player_params.b]', { playerParams: { a: '[player_params.b]', b: 'B' } });
    expect(r.url).toBe('%5Bplayer_params.b%5DB');
  });
});

describe('adsParamsToQuery', () => {
  it('ads.* become player_params.*; those the template does not reference are appended to the query', () => {
    const template = 'https://ads.example/vast?dt=[player_params.deviceType]';
    const { template: t, playerParams } = adsParamsToQuery(template, { 'ads.deviceType': 'tv', 'ads.content id': 'a&b', genre: 'news' });
    expect(playerParams).toEqual({ deviceType: 'tv', 'content id': 'a&b', genre: 'news' });
    expect(t).toBe('https://ads.example/vast?dt=[player_params.deviceType]&content%20id=a%26b&genre=news');
    expect(expandAdsUrl(t, { playerParams }).url).toBe('https://ads.example/vast?dt=tv&content%20id=a%26b&genre=news');
  });

  it('starts a query when there is none, keeps a #fragment last, and changes nothing when all are referenced', () => {
    expect(adsParamsToQuery('http://a/vast', { x: '1' }).template).toBe('http://a/vast?x=1');
    expect(adsParamsToQuery('http://a/vast?', { x: '1' }).template).toBe('http://a/vast?x=1');
    expect(adsParamsToQuery('http://a/vast?a=1#f', { x: '1' }).template).toBe('http://a/vast?a=1&x=1#f');
    expect(adsParamsToQuery('http://a/vast?x=[player_params.x]', { 'ads.x': '1' }).template).toBe('http://a/vast?x=[player_params.x]');
    expect(adsParamsToQuery('http://a/vast', {})).toEqual({ template: 'http://a/vast', playerParams: {} });
  });
});
