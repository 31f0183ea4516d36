// A real AWS SDK client (SigV4-signed requests) drives the configuration API unchanged.
import {
  DeletePlaybackConfigurationCommand,
  GetPlaybackConfigurationCommand,
  ListPlaybackConfigurationsCommand,
  type MediaTailorClient,
  PutPlaybackConfigurationCommand,
} from '@aws-sdk/client-mediatailor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaTailorClient } from '../helpers/aws-client.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';

describe('AWS SDK compatibility', () => {
  let e: TestEngine;
  let client: MediaTailorClient;
  beforeAll(async () => {
    e = await startTestEngine();
    client = mediaTailorClient(e.url);
  });
  afterAll(async () => {
    client.destroy();
    await e.dispose();
  });

  it('puts, gets, lists and deletes through @aws-sdk/client-mediatailor', async () => {
    const put = await client.send(
      new PutPlaybackConfigurationCommand({
        Name: 'sdk-config',
        VideoContentSourceUrl: 'https://origin.example.com/live',
        AdDecisionServerUrl: 'https://ads.example.com/vast?d=[session.avail_duration_secs]',
        AvailSuppression: { Mode: 'BEHIND_LIVE_EDGE', Value: '00:00:00' },
        Tags: { env: 'bench' },
      }),
    );
    expect(put.Name).toBe('sdk-config');
    expect(put.HlsConfiguration?.ManifestEndpointPrefix).toContain('/v1/master/');

    const got = await client.send(new GetPlaybackConfigurationCommand({ Name: 'sdk-config' }));
    expect(got.AvailSuppression?.Mode).toBe('BEHIND_LIVE_EDGE');
    expect(got.Tags).toEqual({ env: 'bench' });
    expect(got.DashConfiguration?.ManifestEndpointPrefix).toContain('/v1/dash/');

    const list = await client.send(new ListPlaybackConfigurationsCommand({}));
    expect(list.Items?.map((i) => i.Name)).toContain('sdk-config');

    await client.send(new DeletePlaybackConfigurationCommand({ Name: 'sdk-config' }));
    await expect(client.send(new GetPlaybackConfigurationCommand({ Name: 'sdk-config' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
  });
});
