// Prefetch schedules at work on the live demo channel, through the real engine with an injected clock: ads fetched
// in the retrieval window fill the avail with no ADS call at break time (ADS log and bus agree), criteria pick the
// schedule, unused ads expire, recurring schedules fetch again after each avail, and traffic shaping spreads the
// sessions' ADS calls over the window (RETRIEVAL_WINDOW) or to PeakTps (TPS) instead of all at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdsLogRecord, BenchEvent } from '../../src/shared/events.js';
import type { PrefetchOverview, PrefetchScheduleView } from '../../src/shared/prefetch.js';
import { LIVE_EPOCH_MS } from '../../src/main/demo/origin/timeline.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { putConfig, startSession, text, type Started } from '../playback/helpers.js';

// Live edge at 14 s into loop 1000 of the 100 s demo asset: the break at 20 s (SCTE-35 event id 2001) is 3 segments
// away, the one at 70 s (event 2002) a minute later.
const START = LIVE_EPOCH_MS + (1000 * 100 + 16) * 1000;
let clock = START;
let engine: TestEngine;
const events: BenchEvent[] = [];

beforeAll(async () => {
  engine = await startTestEngine({ now: () => clock });
  engine.bus.subscribe((e) => events.push(e));
});
afterAll(async () => {
  await engine?.dispose();
});

const S = (ms: number) => ms / 1000;

async function createSchedule(config: string, name: string, body: unknown): Promise<void> {
  const r = await engine.json(`/prefetchSchedule/${config}/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (r.status !== 200) throw new Error(`create ${name}: ${r.status} ${JSON.stringify(r.body)}`);
}

async function scheduleView(config: string, name: string): Promise<PrefetchScheduleView> {
  const r = await engine.json<PrefetchOverview>(`/api/prefetch?config=${config}`);
  return r.body.schedules.find((s) => s.schedule.Name === name)!;
}

/** A live session that has read its first playlist (prefetch serves live sessions only). */
async function liveSession(config: string, query = ''): Promise<Started> {
  const s = await startSession(engine, config, 'live/hls-ts/master.m3u8', query);
  expect((await text(engine, s.mediaUrls[0]!)).status).toBe(200);
  return s;
}

// Each session joins mid-way through the previous loop's second break (event 2000), which it decides with an ADS call
// before any schedule exists: calls are counted from a mark.
const clientAdsCalls = (sessionId: string, from = 0) => events.slice(from).filter((e): e is Extract<BenchEvent, { kind: 'ads.request' }> => e.kind === 'ads.request' && e.side === 'client' && e.sessionId === sessionId && e.depth === 0);

interface AvailV {
  availId: string;
  key: number;
  filledSeconds: number;
  adsMs: number | null;
  fallback: string | null;
  prefetch: { schedule: string; retrievedAt: number; adsMsAvoided: number } | null;
  marker: { scte?: { eventId?: number } } | null;
}

async function avails(sessionId: string): Promise<AvailV[]> {
  return (await engine.json<{ avails: AvailV[] }>(`/api/sessions/${sessionId}`)).body.avails;
}

/** Reloads the playlist every 2 s of clock, ticking the prefetcher, until `until` says stop. */
async function play(s: Started, maxSteps: number, until: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < maxSteps; i++) {
    clock += 2000;
    await engine.prefetcher.tick();
    expect((await text(engine, s.mediaUrls[0]!)).status).toBe(200);
    if (await until()) return;
  }
  throw new Error('the awaited state never came');
}

describe('a SINGLE schedule fills a live avail with no ADS call at break time', () => {
  it('retrieves in the window, fills the matching break from prefetch, lets the non-matching schedule expire', async () => {
    clock = START;
    await putConfig(engine, 'pf-single', {});
    const s = await liveSession('pf-single');
    const mark = events.length;
    const now = S(clock);
    const vars = { 'scte.event_id': '2001', 'session.avail_duration_secs': '20' };
    await createSchedule('pf-single', 'break-2001', {
      Retrieval: { StartTime: now, EndTime: now + 6, DynamicVariables: vars },
      Consumption: { StartTime: now, EndTime: now + 120, AvailMatchingCriteria: [{ DynamicVariable: 'scte.event_id', Operator: 'EQUALS' }] },
    });
    await createSchedule('pf-single', 'other-event', {
      Retrieval: { StartTime: now, EndTime: now + 6, DynamicVariables: { 'scte.event_id': '9999', 'session.avail_duration_secs': '20' } },
      Consumption: { StartTime: now, EndTime: now + 30, AvailMatchingCriteria: [{ DynamicVariable: 'scte.event_id', Operator: 'EQUALS' }] },
    });
    await engine.prefetcher.tick();

    const ready = await scheduleView('pf-single', 'break-2001');
    expect(ready.phase).toBe('retrieving');
    expect(ready.retrievals).toHaveLength(1);
    expect(ready.retrievals[0]).toMatchObject({ sessionId: s.sessionId, state: 'ready', adCount: 2 });
    expect(ready.retrievals[0]!.adsUrl).toContain('dur=20');
    const callsBeforeBreak = clientAdsCalls(s.sessionId, mark).length;
    expect(callsBeforeBreak).toBe(2); // one per schedule, both made in the retrieval window
    const breakTimeFrom = clock;

    await play(s, 10, async () => (await avails(s.sessionId)).some((a) => a.marker?.scte?.eventId === 2001));
    const avail = (await avails(s.sessionId)).find((a) => a.marker?.scte?.eventId === 2001)!;
    expect(avail.fallback).toBeNull();
    expect(avail.filledSeconds).toBe(20);
    expect(avail.prefetch).toMatchObject({ schedule: 'break-2001' });
    expect(avail.prefetch!.adsMsAvoided).toBe(ready.retrievals[0]!.adsMs);
    expect(avail.adsMs).toBe(0);

    // No ADS call was made for the break: every call of the session is a prefetch, made before the break.
    const calls = clientAdsCalls(s.sessionId, mark);
    expect(calls).toHaveLength(callsBeforeBreak);
    for (const c of calls) expect(c.availId).toMatch(/^prefetch:/);

    // The ADS log says the same: its requests all precede the avail, which names the schedule.
    const log = (await engine.json<AdsLogRecord[]>(`/api/sessions/${s.sessionId}/ads-log?format=json`)).body;
    const records = Array.isArray(log) ? log : [];
    const planned = records.filter((r) => r.eventType === 'PLANNED_AVAIL' && r.avail?.availId === avail.availId);
    expect(planned).toHaveLength(1);
    expect(planned[0]!.eventDescription).toContain('from prefetch schedule break-2001');
    const requests = records.filter((r) => r.eventType === 'MAKING_ADS_REQUEST').slice(-2);
    expect(requests.map((r) => r.adsRequestUrl)).toEqual(calls.map((c) => c.url));
    for (const r of requests) expect(Date.parse(r.eventTimestamp)).toBeLessThanOrEqual(Date.parse(planned[0]!.eventTimestamp));

    const used = await scheduleView('pf-single', 'break-2001');
    expect(used.retrievals[0]).toMatchObject({ state: 'used', usedBy: { availId: avail.availId } });
    expect(used.counts).toMatchObject({ used: 1, ready: 0 });
    expect(events.some((e) => e.kind === 'prefetch' && e.action === 'used' && e.schedule === 'break-2001' && e.sessionId === s.sessionId)).toBe(true);

    // The other schedule's ads never matched: dropped once its consumption window closed.
    expect((await scheduleView('pf-single', 'other-event')).retrievals[0]!.state).toBe('ready');
    clock = breakTimeFrom + 31_000;
    await engine.prefetcher.tick();
    const expired = await scheduleView('pf-single', 'other-event');
    expect(expired.retrievals[0]!.state).toBe('expired');
    expect(expired.phase).toBe('done');
  });

  it('a schedule with a StreamId serves only sessions of that stream', async () => {
    clock = START;
    await putConfig(engine, 'pf-stream', {});
    const one = await liveSession('pf-stream', '?aws.streamId=1');
    const two = await liveSession('pf-stream', '?aws.streamId=2');
    const mark = events.length;
    const now = S(clock);
    await createSchedule('pf-stream', 'stream-2', {
      StreamId: '2',
      Retrieval: { StartTime: now, EndTime: now + 5, DynamicVariables: { 'session.avail_duration_secs': '20' } },
      Consumption: { EndTime: now + 60 },
    });
    await engine.prefetcher.tick();
    const v = await scheduleView('pf-stream', 'stream-2');
    expect(v.retrievals.map((r) => r.sessionId)).toEqual([two.sessionId]);
    expect(clientAdsCalls(one.sessionId, mark)).toHaveLength(0);

    // Without criteria the next avail in the window takes the ads; the other stream's avail calls the ADS.
    const next = (a: AvailV) => a.marker?.scte?.eventId === 2001;
    await play(two, 10, async () => (await avails(two.sessionId)).some(next));
    expect((await avails(two.sessionId)).find(next)!.prefetch?.schedule).toBe('stream-2');
    expect((await text(engine, one.mediaUrls[0]!)).status).toBe(200);
    const oneAvail = (await avails(one.sessionId)).find(next)!;
    expect(oneAvail.prefetch).toBeNull();
    expect(clientAdsCalls(one.sessionId, mark).map((c) => c.availId)).toEqual([oneAvail.availId]);
  });
});

describe('a RECURRING schedule fetches again after each avail', () => {
  it('fills two breaks a minute apart, each from its own prefetch', async () => {
    clock = START;
    await putConfig(engine, 'pf-recurring', {});
    const s = await liveSession('pf-recurring');
    const mark = events.length;
    const now = S(clock);
    await createSchedule('pf-recurring', 'every-break', {
      ScheduleType: 'RECURRING',
      RecurringPrefetchConfiguration: {
        StartTime: now,
        EndTime: now + 600,
        RecurringConsumption: { RetrievedAdExpirationSeconds: 300 },
        RecurringRetrieval: { DelayAfterAvailEndSeconds: 4, DynamicVariables: { 'session.avail_duration_secs': '20' } },
      },
    });
    await engine.prefetcher.tick();
    await play(s, 40, async () => (await avails(s.sessionId)).some((a) => a.marker?.scte?.eventId === 2002));
    const filled = (await avails(s.sessionId)).filter((a) => a.filledSeconds > 0 && a.marker?.scte?.eventId !== 2000);
    expect(filled.map((a) => a.marker?.scte?.eventId)).toEqual([2001, 2002]);
    for (const a of filled) expect(a.prefetch?.schedule).toBe('every-break');
    expect(filled[1]!.prefetch!.retrievedAt).toBeGreaterThan(filled[0]!.prefetch!.retrievedAt);
    const calls = clientAdsCalls(s.sessionId, mark);
    expect(calls.length).toBe(2);
    expect(calls.every((c) => c.availId === 'prefetch:every-break')).toBe(true);
    const v = await scheduleView('pf-recurring', 'every-break');
    expect(v.counts.used).toBe(2);
    // The second fetch waited for the first break to end (20 s) plus DelayAfterAvailEndSeconds.
    const [first, second] = v.retrievals;
    expect(second!.plannedAt - first!.usedBy!.at).toBeGreaterThanOrEqual(4000);
  });
});

describe('traffic shaping spreads the sessions’ ADS calls', () => {
  const N = 10;
  async function sessions(config: string): Promise<Started[]> {
    await putConfig(engine, config, {});
    const out: Started[] = [];
    for (let i = 0; i < N; i++) out.push(await liveSession(config));
    return out;
  }
  /** Steps the clock a second at a time; returns how many calls were started at each step. */
  async function callsPerSecond(config: string, name: string, seconds: number): Promise<number[]> {
    const per: number[] = [];
    let before = 0;
    for (let i = 0; i <= seconds; i++) {
      if (i > 0) clock += 1000;
      await engine.prefetcher.tick();
      const v = await scheduleView(config, name);
      const started = v.retrievals.filter((r) => r.state !== 'planned').length;
      per.push(started - before);
      before = started;
    }
    return per;
  }
  const retrieval = (extra: object) => ({ StartTime: S(clock), EndTime: S(clock) + 20, DynamicVariables: { 'session.avail_duration_secs': '20' }, ...extra });

  it('RETRIEVAL_WINDOW: calls at random moments over the window, not at once', async () => {
    clock = START;
    const list = await sessions('pf-window');
    await createSchedule('pf-window', 'spread', { Retrieval: retrieval({ TrafficShapingType: 'RETRIEVAL_WINDOW', TrafficShapingRetrievalWindow: { RetrievalWindowDurationSeconds: 8 } }), Consumption: { EndTime: S(clock) + 60 } });
    const start = clock;
    const per = await callsPerSecond('pf-window', 'spread', 9);
    expect(per.reduce((a, b) => a + b, 0)).toBe(N);
    expect(per.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...per)).toBeLessThan(N);
    const v = await scheduleView('pf-window', 'spread');
    expect(new Set(v.retrievals.map((r) => r.sessionId))).toEqual(new Set(list.map((s) => s.sessionId)));
    for (const r of v.retrievals) {
      expect(r.plannedAt).toBeGreaterThanOrEqual(start);
      expect(r.plannedAt).toBeLessThan(start + 8000);
      expect(r.retrievedAt).toBeGreaterThanOrEqual(r.plannedAt);
    }
    const planned = v.retrievals.map((r) => r.plannedAt);
    expect(Math.max(...planned) - Math.min(...planned)).toBeGreaterThan(2000);
  });

  it('no shaping: every session is called at once (the baseline the window improves on)', async () => {
    clock = START;
    await sessions('pf-burst');
    await createSchedule('pf-burst', 'burst', { Retrieval: retrieval({}), Consumption: { EndTime: S(clock) + 60 } });
    const per = await callsPerSecond('pf-burst', 'burst', 3);
    expect(per[0]).toBe(N);
  });

  it('TPS: no second sees more than PeakTps calls', async () => {
    clock = START;
    await sessions('pf-tps');
    await createSchedule('pf-tps', 'tps', { Retrieval: retrieval({ TrafficShapingType: 'TPS', TrafficShapingTpsConfiguration: { PeakTps: 2 } }), Consumption: { EndTime: S(clock) + 60 } });
    const per = await callsPerSecond('pf-tps', 'tps', 6);
    expect(per.reduce((a, b) => a + b, 0)).toBe(N);
    expect(Math.max(...per)).toBeLessThanOrEqual(2);
    // The demo ADS saw them arrive in that order, over 4.5 s of clock.
    const v = await scheduleView('pf-tps', 'tps');
    const planned = v.retrievals.map((r) => r.plannedAt).sort((a, b) => a - b);
    expect(planned.at(-1)! - planned[0]!).toBe(4500);
  });
});

describe('DASH live takes prefetched ads the same way', () => {
  it('the next break’s ad Periods come from the prefetch, with no ADS call at break time', async () => {
    clock = START;
    await putConfig(engine, 'pf-dash', {});
    const first = await engine.get(`/v1/dash/${engine.accountId}/pf-dash/live/dash/manifest.mpd`, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const location = first.headers.get('location')!;
    const sessionId = new URL(location, engine.url).searchParams.get('aws.sessionId')!;
    expect((await text(engine, location)).status).toBe(200);
    const mark = events.length;
    const now = S(clock);
    await createSchedule('pf-dash', 'dash', { Retrieval: { StartTime: now, EndTime: now + 4, DynamicVariables: { 'session.avail_duration_secs': '20' } }, Consumption: { EndTime: now + 60 } });
    await engine.prefetcher.tick();
    const isNext = (a: AvailV) => a.prefetch !== null;
    for (let i = 0; i < 10 && !(await avails(sessionId)).some(isNext); i++) {
      clock += 2000;
      expect((await text(engine, location)).status).toBe(200);
    }
    const a = (await avails(sessionId)).find(isNext)!;
    expect(a).toMatchObject({ fallback: null, filledSeconds: 20, adsMs: 0, prefetch: { schedule: 'dash' } });
    expect(clientAdsCalls(sessionId, mark).map((c) => c.availId)).toEqual(['prefetch:dash']);
    // Its ad Periods are in the MPD the player reads.
    const view = (await engine.json<{ avails: { availId: string; periods?: { id: string; kind: string }[] }[] }>(`/api/sessions/${sessionId}`)).body;
    const periods = view.avails.find((x) => x.availId === a.availId)!.periods!.filter((p) => p.kind === 'ad');
    expect(periods.length).toBe(2);
    let mpd = '';
    for (let i = 0; i < 15 && !periods.every((p) => mpd.includes(`id="${p.id}"`)); i++) {
      clock += 2000;
      mpd = (await text(engine, location)).body;
    }
    for (const p of periods) expect(mpd).toContain(`id="${p.id}"`);
    expect(clientAdsCalls(sessionId, mark)).toHaveLength(1);
  });
});
