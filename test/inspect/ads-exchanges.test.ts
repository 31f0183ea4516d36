// The ADS inspector's engine side: every ADS exchange of a session with its expanded URL, headers, raw body, status,
// timing and parsed ads; wrapper chains linked by parentId; failures recorded with their bodies (where any).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVast } from '../../src/main/ads/vast-parse.js';
import type { BenchEvent } from '../../src/shared/events.js';
import type { AdsExchange, AdsExchangesResponse } from '../../src/shared/inspect-ads.js';
import { ADS_EXCHANGE_BODY_CAP } from '../../src/shared/inspect-ads.js';
import { startServer, type LocalServer } from '../ads/local-server.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { putConfig, sessionView, startSession, text } from '../playback/helpers.js';

let engine: TestEngine;
let local: LocalServer;
const events: BenchEvent[] = [];

/** A marker-free 60 s VOD for the VMAP-or-VAST request, and a VAST with a non-ASCII title and a huge comment. */
const PLAYLIST = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:6', '#EXT-X-PLAYLIST-TYPE:VOD', ...Array.from({ length: 10 }, (_, i) => `#EXTINF:6.000,\nseg${i}.ts`), '#EXT-X-ENDLIST', ''].join('\n');
const BIG_VAST = `<?xml version="1.0"?><VAST version="4.1"><Ad id="big"><InLine><AdSystem>local</AdSystem><AdTitle>Café ☕</AdTitle><Impression>http://127.0.0.1:1/i</Impression><Creatives><Creative id="c1"><Linear><Duration>00:00:10</Duration><TrackingEvents><Tracking event="start">http://127.0.0.1:1/s</Tracking><Tracking event="start">http://127.0.0.1:1/s2</Tracking><Tracking event="complete">http://127.0.0.1:1/c</Tracking></TrackingEvents><MediaFiles><MediaFile delivery="progressive" type="video/mp4" width="640" height="360">http://127.0.0.1:1/a.mp4</MediaFile></MediaFiles></Linear></Creative></Creatives></InLine></Ad><!-- ${'é'.repeat(200 * 1024)} --></VAST>`;

beforeAll(async () => {
  engine = await startTestEngine();
  engine.bus.subscribe((e) => void events.push(e));
  local = await startServer((req, res) => {
    if (req.url?.startsWith('/vod/index.m3u8')) {
      res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' });
      res.end(PLAYLIST);
    } else if (req.url?.startsWith('/big')) {
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
      res.end(BIG_VAST);
    } else if (req.url?.startsWith('/html')) {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<script>alert(1)</script>');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});
afterAll(async () => {
  await engine?.dispose();
  await local?.close();
});

const faultUrl = (q: string) => `${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&sid=[session.id]&${q}`;

async function exchangesOf(sessionId: string): Promise<AdsExchange[]> {
  const res = await engine.json<AdsExchangesResponse>(`/api/sessions/${sessionId}/ads-exchanges`);
  expect(res.status).toBe(200);
  expect(res.body.sessionId).toBe(sessionId);
  return res.body.exchanges;
}

/** A demo VOD session (two 20 s avails) whose first media playlist decides both avails. */
async function session(config: string): Promise<{ id: string; exchanges: AdsExchange[] }> {
  const s = await startSession(engine, config, 'vod/hls-ts/master.m3u8');
  expect((await text(engine, s.mediaUrls[0]!)).status).toBe(200);
  return { id: s.sessionId, exchanges: await exchangesOf(s.sessionId) };
}

function byAvail(xs: AdsExchange[]): Map<string, AdsExchange[]> {
  const m = new Map<string, AdsExchange[]>();
  for (const x of xs) m.set(x.availId ?? '', [...(m.get(x.availId ?? '') ?? []), x]);
  return m;
}

async function body(sessionId: string, x: AdsExchange): Promise<Response> {
  return engine.get(`/api/sessions/${sessionId}/ads-exchanges/${x.id}/body`);
}

describe('ADS exchanges (real engine)', () => {
  it('a demo avail: the expanded URL, its template and query, headers, the body as served and the parsed ads', async () => {
    const { id, exchanges } = await session('demo');
    const view = await sessionView(engine, id);
    const avails = byAvail(exchanges);
    expect([...avails.keys()].sort()).toEqual(view.avails.map((a) => a.availId).sort());
    expect(avails.size).toBe(2);
    for (const [availId, xs] of avails) {
      expect(xs).toHaveLength(1);
      const x = xs[0]!;
      const decided = view.avails.find((a) => a.availId === availId)!;
      // Variables expanded: the session id and the avail's 20 s are in the URL the ADS got.
      expect(x.url).toBe(decided.adsUrl);
      expect(x.urlTemplate).toBe(`${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&sid=[session.id]`);
      expect(x.query).toEqual([['v', '3.0'], ['dur', '20'], ['sid', id]]);
      expect(x).toMatchObject({ depth: 0, requested: true, status: 200, doc: 'vast', version: '3.0' });
      expect(x.parentId).toBeUndefined();
      expect(x.failure).toBeUndefined();
      expect(x.contentType).toMatch(/^application\/xml/);
      expect(x.requestHeaders['x-device-ip']).toBe('127.0.0.1');
      expect(x.ms).toBeGreaterThan(0);
      expect(Math.abs(x.at - Date.now())).toBeLessThan(60_000);

      // The body is what the demo ADS served: its byte count as the ADS reported it, and the same text on a re-ask.
      const served = events.find((e) => e.kind === 'ads.request' && e.side === 'demo-ads' && e.url === x.url);
      expect(served?.kind === 'ads.request' && served.bytes).toBe(Buffer.byteLength(x.body!));
      expect(x.bodyBytes).toBe(Buffer.byteLength(x.body!));
      expect(x.body).toBe(await (await fetch(x.url)).text());
      // Without bodies for polling: everything else the same.
      const light = await engine.json<AdsExchangesResponse>(`/api/sessions/${id}/ads-exchanges?body=0`);
      const lx = light.body.exchanges.find((e) => e.id === x.id)!;
      expect('body' in lx).toBe(false);
      expect(lx).toEqual((({ body: _b, ...rest }) => rest)(x));
      const raw = await body(id, x);
      expect(raw.status).toBe(200);
      expect(raw.headers.get('content-type')).toBe(x.contentType);
      expect(await raw.text()).toBe(x.body);

      // Parsed ads: the document's own, and the ones placed in the avail.
      const parsed = parseVast(x.body!);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(x.ads.map((a) => a.id)).toEqual(parsed.doc.ads.map((a) => (a.kind === 'inline' ? a.ad.adId : a.id)));
      expect(decided.ads.filter((a) => a.kind === 'ad').map((a) => a.adId)).toEqual(x.ads.map((a) => a.id));
      for (const [i, a] of x.ads.entries()) {
        const p = parsed.doc.ads[i]!;
        if (p.kind !== 'inline') throw new Error('expected InLine ads');
        expect(a).toMatchObject({ kind: 'inline', durationSeconds: p.ad.durationSeconds, mediaFiles: p.ad.mediaFiles.length, impressions: p.ad.impressions.length });
        expect(a.mediaFiles + a.mezzanines).toBeGreaterThan(0);
        expect(a.tracking.complete).toBe(p.ad.tracking.filter((t) => t.event === 'complete').length);
        expect(Object.values(a.tracking).reduce((s, n) => s + n, 0)).toBe(p.ad.tracking.length);
      }
    }
  });

  it('wrapper=2: three exchanges per avail linked root → redirect → InLine by parentId and depth', async () => {
    await putConfig(engine, 'ix-wrapper', { AdDecisionServerUrl: faultUrl('wrapper=2') });
    const { exchanges } = await session('ix-wrapper');
    const avails = byAvail(exchanges);
    expect(avails.size).toBe(2);
    for (const xs of avails.values()) {
      expect(xs.map((x) => x.depth)).toEqual([0, 1, 2]);
      const [root, mid, leaf] = xs as [AdsExchange, AdsExchange, AdsExchange];
      expect(root.parentId).toBeUndefined();
      expect(mid.parentId).toBe(root.id);
      expect(leaf.parentId).toBe(mid.id);
      expect(root.urlTemplate).toContain('wrapper=2');
      expect(mid.urlTemplate).toBeUndefined();
      // Each Wrapper's VASTAdTagURI is the next exchange's URL.
      expect(root.ads.map((a) => a.kind)).toEqual(['wrapper']);
      expect(root.ads[0]!.wrapperTarget).toBe(mid.url);
      expect(mid.ads[0]!.wrapperTarget).toBe(leaf.url);
      expect(mid.query).toContainEqual(['wrapper', '1']);
      expect(leaf.ads.length).toBeGreaterThan(0);
      expect(leaf.ads.every((a) => a.kind === 'inline')).toBe(true);
      expect(root.body).toContain('<Wrapper');
      expect(leaf.body).toContain('<InLine');
    }
  });

  it('a loop and the wrapper limit show as exchanges the client refused to send, under the Wrapper that asked', async () => {
    await putConfig(engine, 'ix-loop', { AdDecisionServerUrl: faultUrl('fault=loop') });
    const loop = [...byAvail((await session('ix-loop')).exchanges).values()][0]!;
    expect(loop.map((x) => [x.depth, x.requested, x.failure])).toEqual([[0, true, undefined], [1, false, 'wrapper-loop']]);
    expect(loop[1]).toMatchObject({ parentId: loop[0]!.id, url: loop[0]!.url, status: 0, errorCode: 302 });
    expect(loop[1]!.body).toBeUndefined();

    await putConfig(engine, 'ix-deep', { AdDecisionServerUrl: faultUrl('wrapper=8') });
    const deep = [...byAvail((await session('ix-deep')).exchanges).values()][0]!;
    expect(deep.map((x) => x.depth)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(deep.slice(0, 8).every((x) => x.requested && x.status === 200)).toBe(true);
    expect(deep[8]).toMatchObject({ requested: false, failure: 'wrapper-limit', errorCode: 302, parentId: deep[7]!.id });
    expect(deep[8]!.error).toMatch(/Wrapper limit/);
  });

  it('timeout, HTTP 500, garbage and empty: each recorded with its failure and (where any) the body', async () => {
    await putConfig(engine, 'ix-timeout', { AdDecisionServerUrl: faultUrl('fault=timeout'), AdsRequestTimeoutMilliseconds: 400 });
    const t = await session('ix-timeout');
    const timeout = t.exchanges[0]!;
    expect(t.exchanges).toHaveLength(2);
    expect(timeout).toMatchObject({ requested: true, status: 0, failure: 'timeout', errorCode: 301, bodyBytes: 0 });
    expect(timeout.body).toBeUndefined();
    expect(timeout.ms).toBeGreaterThanOrEqual(350);
    expect(timeout.requestHeaders['x-device-ip']).toBe('127.0.0.1');
    const noBody = await body(t.id, timeout);
    expect(noBody.status).toBe(404);
    expect(((await noBody.json()) as { message: string }).message).toMatch(/no response body.*timeout/);

    await putConfig(engine, 'ix-500', { AdDecisionServerUrl: faultUrl('fault=500') });
    const e500 = (await session('ix-500')).exchanges[0]!;
    expect(e500).toMatchObject({ status: 500, failure: 'http', errorCode: 301, body: 'demo ADS fault=500: internal server error\n', ads: [] });
    expect(e500.contentType).toMatch(/^text\/plain/);

    await putConfig(engine, 'ix-garbage', { AdDecisionServerUrl: faultUrl('fault=garbage') });
    const g = await session('ix-garbage');
    const garbage = g.exchanges[0]!;
    expect(garbage).toMatchObject({ status: 200, failure: 'parse', errorCode: 100, ads: [] });
    expect(garbage.body).toMatch(/^<\?xml[^]*<AdSystem>[^<]*<\/AdTitle>/);
    expect(await (await body(g.id, garbage)).text()).toBe(garbage.body);

    await putConfig(engine, 'ix-empty', { AdDecisionServerUrl: faultUrl('fault=empty') });
    const empty = (await session('ix-empty')).exchanges[0]!;
    expect(empty).toMatchObject({ status: 200, ads: [], version: '3.0' });
    expect(empty.failure).toBeUndefined();
    expect(parseVast(empty.body!)).toMatchObject({ ok: true, doc: { ads: [] } });
  });

  it('a body over 256 KiB is cut on a character boundary and flagged; the parsed ads come from the whole body', async () => {
    await putConfig(engine, 'ix-big', { AdDecisionServerUrl: `${local.url}/big?sid=[session.id]`, AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' } });
    const { id, exchanges } = await session('ix-big');
    const x = exchanges[0]!;
    expect(x.bodyBytes).toBe(Buffer.byteLength(BIG_VAST));
    expect(x.bodyTruncated).toBe(true);
    expect(Buffer.byteLength(x.body!)).toBeLessThanOrEqual(ADS_EXCHANGE_BODY_CAP);
    expect(Buffer.byteLength(x.body!)).toBeGreaterThan(ADS_EXCHANGE_BODY_CAP - 4);
    expect(BIG_VAST.startsWith(x.body!)).toBe(true);
    expect(x.ads).toEqual([{ kind: 'inline', id: 'big', adSystem: 'local', adTitle: 'Café ☕', durationSeconds: 10, creativeId: 'c1', mediaFiles: 1, mezzanines: 0, impressions: 1, tracking: { start: 2, complete: 1 }, errorUrls: 0 }]);
    expect(x.version).toBe('4.1');
    expect((await body(id, x)).headers.get('x-stitchbench-body-truncated')).toBe('true');
  });

  it('an HTML error page is served back as plain text, never as a page on the engine origin', async () => {
    await putConfig(engine, 'ix-html', { AdDecisionServerUrl: `${local.url}/html` });
    const { id, exchanges } = await session('ix-html');
    expect(exchanges[0]).toMatchObject({ status: 500, contentType: 'text/html', body: '<script>alert(1)</script>' });
    const res = await body(id, exchanges[0]!);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
  });

  it('marker-free VOD asks the ADS once: a VAST answer is read as the pre-roll without asking again', async () => {
    await putConfig(engine, 'ix-vod-vast', { VideoContentSourceUrl: local.url, AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' }, AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&pod=1&sid=[session.id]` });
    const s = await startSession(engine, 'ix-vod-vast', 'vod/index.m3u8');
    expect((await text(engine, s.mediaUrls[0]!)).status).toBe(200);
    const served = events.filter((e) => e.kind === 'ads.request' && e.side === 'demo-ads' && e.sessionId === s.sessionId);
    expect(served).toHaveLength(1);
    const xs = await exchangesOf(s.sessionId);
    expect(xs).toHaveLength(1);
    expect(xs[0]).toMatchObject({ doc: 'vast', status: 200, depth: 0 });
    expect(xs[0]!.ads).toHaveLength(1);
    expect((await sessionView(engine, s.sessionId)).avails.map((a) => [a.availId, a.fallback, a.ads.length])).toEqual([['preroll', null, 1]]);

    // A failing answer is not asked twice either; the pre-roll says why there are no ads.
    for (const [name, url, failure] of [
      ['ix-vod-500', `${engine.url}/demo/ads/vmap?fault=500&sid=[session.id]`, 'http'],
      ['ix-vod-garbage', `${engine.url}/demo/ads/vmap?fault=garbage&sid=[session.id]`, 'parse'],
    ] as const) {
      await putConfig(engine, name, { VideoContentSourceUrl: local.url, AdDecisionServerUrl: url });
      const f = await startSession(engine, name, 'vod/index.m3u8');
      expect((await text(engine, f.mediaUrls[0]!)).status).toBe(200);
      expect(events.filter((e) => e.kind === 'ads.request' && e.side === 'demo-ads' && e.sessionId === f.sessionId)).toHaveLength(1);
      const [only, ...more] = await exchangesOf(f.sessionId);
      expect(more).toEqual([]);
      expect(only).toMatchObject({ doc: 'vmap', failure, body: expect.any(String) });
      expect((await sessionView(engine, f.sessionId)).avails.map((a) => [a.availId, a.fallback])).toEqual([['preroll', 'ADS_ERROR']]);
    }
  });

  it('marker-free VOD with a VMAP: the VMAP exchange lists its breaks; AdTagURI requests hang under it', async () => {
    await putConfig(engine, 'ix-vod-vmap', { VideoContentSourceUrl: local.url, AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' }, AdDecisionServerUrl: `${engine.url}/demo/ads/vmap?tag=1&breaks=start,00:00:30.000&pod=1&sid=[session.id]` });
    const s = await startSession(engine, 'ix-vod-vmap', 'vod/index.m3u8');
    expect((await text(engine, s.mediaUrls[0]!)).status).toBe(200);
    const xs = await exchangesOf(s.sessionId);
    const vmap = xs.find((x) => x.doc === 'vmap')!;
    expect(vmap).toMatchObject({ depth: 0, status: 200, version: '1.0', ads: [] });
    expect(vmap.availId).toBeUndefined();
    expect(vmap.breaks?.map((b) => [b.breakId, b.timeOffset, b.source])).toEqual([['preroll', 'start', 'tag'], ['midroll-1', '30s', 'tag']]);
    const tags = xs.filter((x) => x.parentId === vmap.id);
    expect(tags.map((x) => x.availId).sort()).toEqual(['midroll-1', 'preroll']);
    for (const t of tags) {
      expect(t).toMatchObject({ doc: 'vast', depth: 0, status: 200 });
      expect(t.url).toBe(vmap.breaks!.find((b) => b.breakId === t.availId)!.tagUrl);
      expect(t.urlTemplate).toBeUndefined();
    }
  });

  it('404 for an unknown session and an unknown exchange; a known session without ADS requests yet has none', async () => {
    const unknown = await engine.json<{ message: string; code: string }>('/api/sessions/nope/ads-exchanges');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NotFoundException', message: expect.stringContaining('nope') });
    expect((await engine.json('/api/sessions/nope/ads-exchanges/x1/body')).status).toBe(404);

    const s = await startSession(engine, 'demo', 'vod/hls-ts/master.m3u8');
    expect(await exchangesOf(s.sessionId)).toEqual([]);
    const missing = await engine.json<{ message: string }>(`/api/sessions/${s.sessionId}/ads-exchanges/x999999/body`);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/x999999/);
    // An exchange id from another session is not this session's.
    const other = (await session('demo')).exchanges[0]!;
    expect((await body(s.sessionId, other)).status).toBe(404);
  });
});
