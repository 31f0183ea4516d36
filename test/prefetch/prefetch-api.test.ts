// The prefetch schedule API in MediaTailor's shapes: create, get, list (filters, paging), delete, the limits, every
// bad body answered with a 400 that names the field, and schedules kept across a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListPrefetchSchedulesResponse, PrefetchOverview, PrefetchSchedule } from '../../src/shared/prefetch.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { putConfig } from '../playback/helpers.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine({ keepDataDir: true, prewarmDemo: false });
  await putConfig(engine, 'pf-api', {});
});
afterAll(async () => {
  await engine?.dispose();
});

const nowS = () => Math.floor(Date.now() / 1000);
const single = (extra: object = {}) => ({
  Retrieval: { StartTime: nowS(), EndTime: nowS() + 60, DynamicVariables: { 'scte.event_id': '7' } },
  Consumption: { EndTime: nowS() + 600, AvailMatchingCriteria: [{ DynamicVariable: 'scte.event_id', Operator: 'EQUALS' }] },
  ...extra,
});

function post<T = unknown>(path: string, body: unknown) {
  return engine.json<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('CreatePrefetchSchedule / Get / Delete', () => {
  it('creates a SINGLE schedule and answers in MediaTailor’s shape', async () => {
    const r = await post<PrefetchSchedule>('/prefetchSchedule/pf-api/first', { ...single(), StreamId: '3' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      Arn: 'arn:aws:mediatailor:local:000000000000:prefetchSchedule/pf-api/first',
      Name: 'first',
      PlaybackConfigurationName: 'pf-api',
      ScheduleType: 'SINGLE',
      StreamId: '3',
      Retrieval: { DynamicVariables: { 'scte.event_id': '7' } },
    });
    // Consumption.StartTime defaults to the retrieval's start.
    expect(r.body.Consumption!.StartTime).toBe(r.body.Retrieval!.StartTime);
    const got = await engine.json<PrefetchSchedule>('/prefetchSchedule/pf-api/first');
    expect(got.status).toBe(200);
    expect(got.body).toEqual(r.body);
  });

  it('accepts ISO-8601 times and answers with epoch seconds', async () => {
    const start = new Date(Date.now() + 5000);
    const r = await post<PrefetchSchedule>('/prefetchSchedule/pf-api/iso', {
      Retrieval: { StartTime: start.toISOString(), EndTime: new Date(start.getTime() + 60_000).toISOString() },
      Consumption: { EndTime: new Date(start.getTime() + 120_000).toISOString() },
    });
    expect(r.status).toBe(200);
    expect(r.body.Retrieval!.StartTime).toBe(start.getTime() / 1000);
  });

  it('refuses a second schedule of the same name (409) and unknown configurations (404)', async () => {
    const dup = await post('/prefetchSchedule/pf-api/first', single());
    expect(dup.status).toBe(409);
    expect(dup.headers.get('x-amzn-errortype')).toBe('ConflictException');
    const missing = await post<{ message: string }>('/prefetchSchedule/nope/x', single());
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('nope');
    expect((await engine.json('/prefetchSchedule/pf-api/never')).status).toBe(404);
  });

  it('deletes (204), after which the schedule is gone', async () => {
    expect((await post('/prefetchSchedule/pf-api/gone', single())).status).toBe(200);
    const del = await engine.get('/prefetchSchedule/pf-api/gone', { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await engine.json('/prefetchSchedule/pf-api/gone')).status).toBe(404);
    expect((await engine.get('/prefetchSchedule/pf-api/gone', { method: 'DELETE' })).status).toBe(404);
  });

  it('creates a RECURRING schedule', async () => {
    const r = await post<PrefetchSchedule>('/prefetchSchedule/pf-api/rec', {
      ScheduleType: 'RECURRING',
      RecurringPrefetchConfiguration: {
        EndTime: nowS() + 3600,
        RecurringConsumption: { RetrievedAdExpirationSeconds: 120, AvailMatchingCriteria: [] },
        RecurringRetrieval: { DelayAfterAvailEndSeconds: 10, TrafficShapingType: 'RETRIEVAL_WINDOW', TrafficShapingRetrievalWindow: { RetrievalWindowDurationSeconds: 30 } },
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.ScheduleType).toBe('RECURRING');
    expect(r.body.RecurringPrefetchConfiguration!.StartTime).toBeGreaterThan(0);
  });
});

describe('bad bodies: 400 naming the problem, nothing stored', () => {
  const cases: [string, unknown, RegExp][] = [
    ['no Retrieval', { Consumption: { EndTime: nowS() + 60 } }, /Retrieval is required/],
    ['no Consumption', { Retrieval: { EndTime: nowS() + 60 } }, /Consumption is required/],
    ['retrieval ends before it starts', single({ Retrieval: { StartTime: nowS() + 100, EndTime: nowS() + 50 } }), /Retrieval.EndTime must be after/],
    ['retrieval in the past', single({ Retrieval: { StartTime: nowS() - 100, EndTime: nowS() - 50 } }), /in the past/],
    ['six criteria', single({ Consumption: { EndTime: nowS() + 600, AvailMatchingCriteria: Array.from({ length: 6 }, (_, i) => ({ DynamicVariable: `scte.v${i}`, Operator: 'EQUALS' })) } }), /at most 5/],
    ['criterion without a value', single({ Retrieval: { EndTime: nowS() + 60 } }), /scte.event_id has no value/],
    ['operator other than EQUALS', single({ Consumption: { EndTime: nowS() + 600, AvailMatchingCriteria: [{ DynamicVariable: 'scte.event_id', Operator: 'CONTAINS' }] } }), /AvailMatchingCriteria/],
    ['TPS without its configuration', single({ Retrieval: { EndTime: nowS() + 60, DynamicVariables: { 'scte.event_id': '7' }, TrafficShapingType: 'TPS' } }), /TrafficShapingTpsConfiguration is required/],
    ['window without its duration', single({ Retrieval: { EndTime: nowS() + 60, DynamicVariables: { 'scte.event_id': '7' }, TrafficShapingType: 'RETRIEVAL_WINDOW' } }), /TrafficShapingRetrievalWindow is required/],
    ['a time that is not one', single({ Retrieval: { EndTime: 'tomorrow' } }), /not a timestamp/],
    ['an unknown field', single({ Bogus: 1 }), /Bogus|unrecognized/i],
    ['a bad StreamId', single({ StreamId: 'a b' }), /StreamId/],
    ['RECURRING without its configuration', { ScheduleType: 'RECURRING' }, /RecurringPrefetchConfiguration is required/],
    ['SINGLE with a recurring configuration', single({ RecurringPrefetchConfiguration: { EndTime: nowS() + 60, RecurringConsumption: {}, RecurringRetrieval: {} } }), /only for ScheduleType RECURRING/],
  ];
  for (const [what, body, message] of cases) {
    it(what, async () => {
      const r = await post<{ message: string }>('/prefetchSchedule/pf-api/bad', body);
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(message);
      expect((await engine.json('/prefetchSchedule/pf-api/bad')).status).toBe(404);
    });
  }

  it('malformed JSON and a bad name', async () => {
    const r = await post<{ message: string }>('/prefetchSchedule/pf-api/bad', '{"Retrieval":');
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/JSON/);
    expect((await post('/prefetchSchedule/pf-api/has%20space', single())).status).toBe(400);
  });
});

describe('ListPrefetchSchedules and the limit of 25 active schedules', () => {
  it('lists with filters and pages', async () => {
    await putConfig(engine, 'pf-list', {});
    for (let i = 0; i < 5; i++) expect((await post(`/prefetchSchedule/pf-list/s${i}`, { ...single(), StreamId: String(i % 2) })).status).toBe(200);
    const all = await post<ListPrefetchSchedulesResponse>('/prefetchSchedule/pf-list', {});
    expect(all.body.Items.map((s) => s.Name)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(all.body.NextToken).toBeUndefined();
    const odd = await post<ListPrefetchSchedulesResponse>('/prefetchSchedule/pf-list', { StreamId: '1' });
    expect(odd.body.Items.map((s) => s.Name)).toEqual(['s1', 's3']);
    expect((await post<ListPrefetchSchedulesResponse>('/prefetchSchedule/pf-list', { ScheduleType: 'RECURRING' })).body.Items).toEqual([]);
    const page1 = await post<ListPrefetchSchedulesResponse>('/prefetchSchedule/pf-list', { MaxResults: 2 });
    expect(page1.body.Items.map((s) => s.Name)).toEqual(['s0', 's1']);
    const page2 = await post<ListPrefetchSchedulesResponse>('/prefetchSchedule/pf-list', { MaxResults: 2, NextToken: page1.body.NextToken });
    expect(page2.body.Items.map((s) => s.Name)).toEqual(['s2', 's3']);
    expect((await post('/prefetchSchedule/pf-list', { MaxResults: 0 })).status).toBe(400);
  });

  it('refuses the 26th active schedule of a configuration', async () => {
    await putConfig(engine, 'pf-limit', {});
    for (let i = 0; i < 25; i++) expect((await post(`/prefetchSchedule/pf-limit/s${i}`, single())).status).toBe(200);
    const r = await post<{ message: string }>('/prefetchSchedule/pf-limit/s25', single());
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('25 active');
    // Another configuration is not affected; deleting one makes room.
    expect((await post('/prefetchSchedule/pf-api/other-config', single())).status).toBe(200);
    expect((await engine.get('/prefetchSchedule/pf-limit/s0', { method: 'DELETE' })).status).toBe(204);
    expect((await post('/prefetchSchedule/pf-limit/s25', single())).status).toBe(200);
  });

  it('the bench overview shows windows and phase', async () => {
    const r = await engine.json<PrefetchOverview>('/api/prefetch?config=pf-api');
    expect(r.status).toBe(200);
    const first = r.body.schedules.find((s) => s.schedule.Name === 'first')!;
    expect(first.phase).toBe('retrieving');
    expect(first.windows.consumption.end - first.windows.retrieval.start).toBeGreaterThan(500_000);
    expect(r.body.limits).toEqual({ activeSchedulesPerConfiguration: 25, availMatchingCriteria: 5 });
    expect((await engine.json('/api/prefetch?config=nope')).status).toBe(404);
  });
});

describe('persistence', () => {
  it('schedules survive a restart of the engine', async () => {
    const before = (await post<ListPrefetchSchedulesResponse>('/prefetchSchedule/pf-api', {})).body.Items;
    await engine.close();
    engine = await startTestEngine({ dataDir: engine.dataDir, prewarmDemo: false });
    const after = (await post<ListPrefetchSchedulesResponse>('/prefetchSchedule/pf-api', {})).body.Items;
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThanOrEqual(3);
  });
});
