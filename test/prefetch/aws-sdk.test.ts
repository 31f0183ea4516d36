// A real AWS SDK client (SigV4-signed, Date objects for timestamps) drives the prefetch schedule API unchanged:
// what the SDK sends is what the bench reads, and what the bench answers the SDK parses (epoch seconds → Date).
import {
  CreatePrefetchScheduleCommand,
  DeletePrefetchScheduleCommand,
  GetPrefetchScheduleCommand,
  ListPrefetchSchedulesCommand,
  type MediaTailorClient,
} from '@aws-sdk/client-mediatailor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaTailorClient } from '../helpers/aws-client.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { putConfig } from '../playback/helpers.js';

describe('prefetch schedules through @aws-sdk/client-mediatailor', () => {
  let e: TestEngine;
  let client: MediaTailorClient;
  beforeAll(async () => {
    e = await startTestEngine({ prewarmDemo: false });
    await putConfig(e, 'sdk-prefetch', {});
    client = mediaTailorClient(e.url);
  });
  afterAll(async () => {
    client.destroy();
    await e.dispose();
  });

  it('creates, gets, lists and deletes; timestamps survive the round trip as Dates', async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
    const end = new Date(start.getTime() + 120_000);
    const created = await client.send(
      new CreatePrefetchScheduleCommand({
        PlaybackConfigurationName: 'sdk-prefetch',
        Name: 'sdk-schedule',
        StreamId: '2',
        Retrieval: {
          StartTime: start,
          EndTime: end,
          DynamicVariables: { 'scte.event_id': '42' },
          TrafficShapingType: 'RETRIEVAL_WINDOW',
          TrafficShapingRetrievalWindow: { RetrievalWindowDurationSeconds: 30 },
        },
        Consumption: { EndTime: new Date(end.getTime() + 600_000), AvailMatchingCriteria: [{ DynamicVariable: 'scte.event_id', Operator: 'EQUALS' }] },
      }),
    );
    expect(created.Arn).toBe('arn:aws:mediatailor:local:000000000000:prefetchSchedule/sdk-prefetch/sdk-schedule');
    expect(created.Retrieval?.StartTime?.getTime()).toBe(start.getTime());
    expect(created.Retrieval?.TrafficShapingRetrievalWindow?.RetrievalWindowDurationSeconds).toBe(30);

    const got = await client.send(new GetPrefetchScheduleCommand({ PlaybackConfigurationName: 'sdk-prefetch', Name: 'sdk-schedule' }));
    expect(got.StreamId).toBe('2');
    expect(got.Consumption?.AvailMatchingCriteria).toEqual([{ DynamicVariable: 'scte.event_id', Operator: 'EQUALS' }]);
    expect(got.Consumption?.StartTime?.getTime()).toBe(start.getTime());

    const list = await client.send(new ListPrefetchSchedulesCommand({ PlaybackConfigurationName: 'sdk-prefetch', StreamId: '2' }));
    expect(list.Items?.map((i) => i.Name)).toEqual(['sdk-schedule']);

    await client.send(new DeletePrefetchScheduleCommand({ PlaybackConfigurationName: 'sdk-prefetch', Name: 'sdk-schedule' }));
    await expect(client.send(new GetPrefetchScheduleCommand({ PlaybackConfigurationName: 'sdk-prefetch', Name: 'sdk-schedule' }))).rejects.toMatchObject({ name: 'NotFoundException' });
  });

  it('a bad schedule surfaces as the SDK’s BadRequestException with the bench’s message', async () => {
    const now = new Date();
    await expect(
      client.send(
        new CreatePrefetchScheduleCommand({
          PlaybackConfigurationName: 'sdk-prefetch',
          Name: 'bad',
          Retrieval: { StartTime: new Date(now.getTime() + 60_000), EndTime: now },
          Consumption: { EndTime: new Date(now.getTime() + 600_000) },
        }),
      ),
    ).rejects.toMatchObject({ name: 'BadRequestException', message: expect.stringMatching(/Retrieval.EndTime must be after/) });
  });
});
