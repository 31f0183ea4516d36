// Primetime's bootstrap URL on the bench: /auditude/variant/{publisherAssetId}/{base64 content URL}.m3u8|.mpd
// makes a session and sends the client to it (302, or JSON in simple tracking / iOS mobile web), CORS as the
// seed says, targeting and unknown parameters to the ADS, the tracking mode chosen by pttrackingmode, the
// sidecars served for the session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.dispose();
});

const b64url = (s: string) => Buffer.from(s).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const hls = () => `${engine.url}/demo/origin/vod/hls-ts/master.m3u8`;
const dash = () => `${engine.url}/demo/origin/vod/dash/manifest.mpd`;
interface View { originUrl: string; format: string; reportingMode: string; adsParams: Record<string, string>; configName: string }
const view = async (id: string) => (await engine.json<View>(`/api/sessions/${id}`)).body;

describe('Primetime bootstrap', () => {
  it('HLS: 302 to the session’s master manifest; the session plays the decoded content URL with stitched ads', async () => {
    const res = await engine.get(`/auditude/variant/asset42/${b64url(hls())}.m3u8?u=asset42&z=zone1&_sid_=0&k=genre%3Dnews%3Bage%3D30`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const loc = res.headers.get('location')!;
    expect(loc).toMatch(new RegExp(`^/v1/master/${engine.accountId}/demo/primetime/asset42/master\\.m3u8\\?aws\\.sessionId=`));
    const id = res.headers.get('x-stitchbench-session')!;
    const v = await view(id);
    expect(v).toMatchObject({ originUrl: hls(), format: 'hls', reportingMode: 'server', configName: 'demo' });
    // k targeting pairs and Primetime-unknown parameters go to the ADS; pt* parameters do not.
    expect(v.adsParams).toEqual({ genre: 'news', age: '30', u: 'asset42', z: 'zone1', _sid_: '0' });
    const master = await engine.get(loc);
    expect(master.status).toBe(200);
    const text = await master.text();
    expect(text).toContain(`/v1/manifest/${engine.accountId}/${id}/0.m3u8`);
    const media = await (await engine.get(`/v1/manifest/${engine.accountId}/${id}/0.m3u8`)).text();
    expect(media).toMatch(/\/v1\/segment\//);
  });

  it('simple tracking (and ios-mobileweb) answers JSON with the manifest and the sidecar; the session tracks client-side', async () => {
    const res = await engine.json<Record<string, string>>(`/auditude/variant/a1/${b64url(hls())}.m3u8?pttrackingmode=simple&pttrackingversion=v2`);
    expect(res.status).toBe(200);
    const url = res.body['Master-M3U8']!;
    expect(url).toMatch(/^\/v1\/master\/.+\?aws\.sessionId=/);
    const id = new URL(url, engine.url).searchParams.get('aws.sessionId')!;
    expect((await view(id)).reportingMode).toBe('client');
    expect(res.body['Tracking-URL']).toBe(`/v1/tracking/${engine.accountId}/demo/${id}/primetime.json`);
    // The sidecar is served for the session once its manifest placed the avails.
    await engine.get(url);
    await engine.get(`/v1/manifest/${engine.accountId}/${id}/0.m3u8`);
    const sidecar = await engine.json<{ pods: { ads: unknown[] }[] }>(res.body['Tracking-URL']!);
    expect(sidecar.status).toBe(200);
    expect(sidecar.body.pods).toHaveLength(2);
    const ios = await engine.json<Record<string, string>>(`/auditude/variant/a1/${b64url(hls())}.m3u8?ptplayer=ios-mobileweb&pttrackingmode=sstm&pttrackingversion=vmap`);
    expect(ios.body['Master-M3U8']).toBeDefined();
    expect(ios.body['Tracking-URL']).toMatch(/primetime\.vmap$/);
    const iosId = new URL(ios.body['Master-M3U8']!, engine.url).searchParams.get('aws.sessionId')!;
    expect((await view(iosId)).reportingMode).toBe('server');
  });

  it('DASH: .mpd makes a DASH session (JSON key Master-MPD in simple mode)', async () => {
    const res = await engine.get(`/auditude/variant/d1/${b64url(dash())}.mpd`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/v1\/dash\/.+\/primetime\/d1\/manifest\.mpd\?aws\.sessionId=/);
    const mpd = await engine.get(res.headers.get('location')!);
    expect(mpd.status).toBe(200);
    expect(await mpd.text()).toContain('/v1/dashsegment/');
    const simple = await engine.json<Record<string, string>>(`/auditude/variant/d1/${b64url(dash())}.mpd?pttrackingmode=simple`);
    expect(Object.keys(simple.body)).toEqual(['Master-MPD', 'Tracking-URL']);
  });

  it('CORS as the seed says: an Origin is echoed with credentials; without one, any origin; GET', async () => {
    const withOrigin = await engine.get(`/auditude/variant/a/${b64url(hls())}.m3u8`, { redirect: 'manual', headers: { origin: 'https://player.example' } });
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('https://player.example');
    expect(withOrigin.headers.get('access-control-allow-credentials')).toBe('true');
    expect(withOrigin.headers.get('access-control-allow-methods')).toBe('GET');
    const without = await engine.get(`/auditude/variant/a/${b64url(hls())}.m3u8`, { redirect: 'manual' });
    expect(without.headers.get('access-control-allow-origin')).toBe('*');
    expect(without.headers.get('access-control-allow-credentials')).toBeNull();
    expect(without.headers.get('access-control-allow-methods')).toBe('GET');
  });

  it('bad input is a 400 (or 404) naming what is wrong, and no session is made', async () => {
    const before = (await engine.json<{ sessions: unknown[] }>('/api/sessions')).body.sessions.length;
    const cases: [string, number, RegExp][] = [
      [`/auditude/variant/a/${b64url(hls())}.txt`, 404, /\.m3u8 or \.mpd/],
      ['/auditude/variant/a/not*base64.m3u8', 400, /not base64/],
      [`/auditude/variant/a/${b64url('hello')}.m3u8`, 400, /does not decode to a URL/],
      [`/auditude/variant/a/${b64url('file:///etc/passwd')}.m3u8`, 400, /http\(s\)/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?pttrackingmode=loud`, 400, /pttrackingmode/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?pttrackingversion=v3`, 400, /not served by the bench/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?k=novalue`, 400, /targeting k/],
      [`/auditude/variant/a/${b64url(hls())}.m3u8?ptconfig=nope`, 404, /does not exist/],
    ];
    for (const [path, status, message] of cases) {
      const r = await engine.json<{ message: string }>(path, { redirect: 'manual' });
      expect(r.status, path).toBe(status);
      expect(r.body.message, path).toMatch(message);
    }
    expect((await engine.json<{ sessions: unknown[] }>('/api/sessions')).body.sessions.length).toBe(before);
  });
});
