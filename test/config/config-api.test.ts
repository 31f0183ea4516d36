// The configuration API in MediaTailor's shapes: round-trip, validation, persistence, error bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaybackConfiguration } from '../../src/shared/playback-config.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';

const put = (e: TestEngine, body: unknown, raw?: string) =>
  e.json<PlaybackConfiguration & { message?: string }>('/playbackConfiguration', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });

const sample = {
  Name: 'qa-live',
  VideoContentSourceUrl: 'https://origin.example.com/out/v1',
  AdDecisionServerUrl: 'https://ads.example.com/vast?duration=[session.avail_duration_secs]&uid=[player_params.uid]',
  SlateAdUrl: 'https://cdn.example.com/slate.mp4',
  Bumper: { StartUrl: 'https://cdn.example.com/bumper-start.mp4' },
  CdnConfiguration: { AdSegmentUrlPrefix: 'https://ads-cdn.example.com', ContentSegmentUrlPrefix: 'https://cdn.example.com' },
  PersonalizationThresholdSeconds: 4,
  AvailSuppression: { Mode: 'BEHIND_LIVE_EDGE', Value: '00:00:30', FillPolicy: 'PARTIAL_AVAIL' },
  LivePreRollConfiguration: { AdDecisionServerUrl: 'https://ads.example.com/preroll', MaxDurationSeconds: 30 },
  ManifestProcessingRules: { AdMarkerPassthrough: { Enabled: true } },
  ConfigurationAliases: { 'player_params.origin_domain': { pdx: 'abc.mediapackage.us-west-2.amazonaws.com' } },
  DashConfiguration: { MpdLocation: 'DISABLED', OriginManifestType: 'SINGLE_PERIOD' },
  InsertionMode: 'PLAYER_SELECT',
  AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' },
  Tags: { team: 'qa' },
};

describe('configuration API', () => {
  let e: TestEngine;
  beforeAll(async () => {
    e = await startTestEngine({ keepDataDir: true });
  });
  afterAll(async () => e.dispose());

  it('has the demo configuration joining the demo origin and demo ADS', async () => {
    const { status, body } = await e.json<PlaybackConfiguration>('/playbackConfiguration/demo');
    expect(status).toBe(200);
    expect(body.VideoContentSourceUrl).toBe(`${e.url}/demo/origin`);
    expect(body.AdDecisionServerUrl).toMatch(new RegExp(`^${e.url}/demo/ads/vast\\?`));
    expect(body.HlsConfiguration.ManifestEndpointPrefix).toMatch(new RegExp(`^${e.url}/v1/master/[0-9a-f]{32}/demo/$`));
  });

  it('round-trips PUT, GET, list and DELETE with every MediaTailor field', async () => {
    const created = await put(e, sample);
    expect(created.status).toBe(200);
    for (const [k, v] of Object.entries(sample)) {
      if (k === 'DashConfiguration') expect(created.body.DashConfiguration).toMatchObject(v as object);
      else expect((created.body as unknown as Record<string, unknown>)[k]).toEqual(v);
    }
    expect(created.body.PlaybackEndpointPrefix).toBe(e.url);
    expect(created.body.SessionInitializationEndpointPrefix).toMatch(/\/v1\/session\/[0-9a-f]{32}\/qa-live\/$/);
    expect(created.body.DashConfiguration.ManifestEndpointPrefix).toMatch(/\/v1\/dash\/[0-9a-f]{32}\/qa-live\/$/);

    const got = await e.json<PlaybackConfiguration>('/playbackConfiguration/qa-live');
    expect(got.body).toEqual(created.body);

    const list = await e.json<{ Items: PlaybackConfiguration[] }>('/playbackConfigurations');
    expect(list.body.Items.map((c) => c.Name)).toEqual(['demo', 'qa-live']);

    const del = await e.get('/playbackConfiguration/qa-live', { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await e.json('/playbackConfiguration/qa-live')).status).toBe(404);
  });

  it('pages the list with MaxResults/NextToken', async () => {
    for (const n of ['p1', 'p2', 'p3']) await put(e, { Name: n });
    const first = await e.json<{ Items: PlaybackConfiguration[]; NextToken?: string }>('/playbackConfigurations?MaxResults=2');
    expect(first.body.Items.map((c) => c.Name)).toEqual(['demo', 'p1']);
    expect(first.body.NextToken).toBeTruthy();
    const second = await e.json<{ Items: PlaybackConfiguration[]; NextToken?: string }>(
      `/playbackConfigurations?MaxResults=2&NextToken=${first.body.NextToken}`,
    );
    expect(second.body.Items.map((c) => c.Name)).toEqual(['p2', 'p3']);
    expect(second.body.NextToken).toBeUndefined();
  });

  it('rejects bad bodies with 400 naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ Name: 'x', VideoContentSourceUrl: 'ftp://nope' }, /VideoContentSourceUrl/],
      [{ Name: 'x', AvailSuppression: { Mode: 'SOMETIMES' } }, /AvailSuppression\.Mode/],
      [{ Name: 'x', PersonalizationThresholdSeconds: 0 }, /PersonalizationThresholdSeconds/],
      [{ Name: 'x', Bumper: { StartUrl: 'https://a/b', Typo: 1 } }, /Bumper/],
      [{ Name: 'has space' }, /Name/],
      [{ VideoContentSourceUrl: 'https://a.example' }, /Name/],
      [[1, 2], /JSON object/],
    ];
    for (const [body, pattern] of cases) {
      const r = await put(e, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(pattern);
      expect(r.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    }
  });

  it('answers malformed JSON, unknown names, unknown routes and oversized bodies with 4xx JSON', async () => {
    const malformed = await put(e, undefined, '{"Name": "x",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/Malformed JSON/);

    const unknown = await e.json<{ message: string }>('/playbackConfiguration/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/"nope" does not exist/);
    expect((await e.json('/playbackConfiguration/nope', { method: 'DELETE' })).status).toBe(404);

    const route = await e.json<{ message: string }>('/v9/whatever');
    expect(route.status).toBe(404);
    expect(route.body.message).toMatch(/No route/);

    const big = await put(e, undefined, JSON.stringify({ Name: 'big', Tags: { a: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(big.status).toBe(413);
    expect(big.body.message).toMatch(/too large/);
  });

  it('persists configurations across a restart of the engine', async () => {
    await put(e, { ...sample, Name: 'survivor' });
    const dataDir = e.dataDir;
    await e.close();
    e = await startTestEngine({ dataDir, keepDataDir: true });
    const got = await e.json<PlaybackConfiguration>('/playbackConfiguration/survivor');
    expect(got.status).toBe(200);
    expect(got.body.AdDecisionServerUrl).toBe(sample.AdDecisionServerUrl);
    // The demo config was re-based onto the new port.
    const demo = await e.json<PlaybackConfiguration>('/playbackConfiguration/demo');
    expect(demo.body.VideoContentSourceUrl).toBe(`${e.url}/demo/origin`);
  });
});
