// The "New schedule" form: demo defaults, the next free name, and the MediaTailor body (epoch seconds).
import { describe, expect, it } from 'vitest';
import { defaultDraft, nextScheduleName, prefetchRequest } from '../../src/renderer/lib/prefetch-form';

const NOW = 1_800_000_000_500; // epoch ms; seconds floor to 1_800_000_000
const T = 1_800_000_000;

describe('nextScheduleName', () => {
  it('is one past the highest prefetch-<n>', () => {
    expect(nextScheduleName([])).toBe('prefetch-1');
    expect(nextScheduleName(['prefetch-1', 'prefetch-4', 'other', 'prefetch-x'])).toBe('prefetch-5');
  });
});

describe('prefetchRequest', () => {
  it('SINGLE with the demo defaults: retrieve now → +60 s over a 30 s window, consume now → +10 min', () => {
    const r = prefetchRequest(defaultDraft('prefetch-1'), NOW);
    expect(r).toEqual({
      ok: true,
      name: 'prefetch-1',
      body: {
        ScheduleType: 'SINGLE',
        Retrieval: { StartTime: T, EndTime: T + 60, DynamicVariables: { 'session.avail_duration_secs': '20' }, TrafficShapingType: 'RETRIEVAL_WINDOW', TrafficShapingRetrievalWindow: { RetrievalWindowDurationSeconds: 30 } },
        Consumption: { StartTime: T, EndTime: T + 600 },
      },
    });
    // 0: the break's length left unknown, no variable sent.
    const unknown = prefetchRequest({ ...defaultDraft('u'), availSeconds: 0 }, NOW);
    expect(unknown.ok && unknown.body.Retrieval?.DynamicVariables).toBeUndefined();
  });

  it('a stream id, TPS shaping and an scte.event_id criterion with its value in DynamicVariables', () => {
    const r = prefetchRequest({ ...defaultDraft(' p '), streamId: '3', shaping: 'TPS', peakTps: 7, eventId: ' 1234 ' }, NOW);
    expect(r.ok && r.name).toBe('p');
    expect(r.ok && r.body).toMatchObject({
      StreamId: '3',
      Retrieval: { TrafficShapingType: 'TPS', TrafficShapingTpsConfiguration: { PeakTps: 7 }, DynamicVariables: { 'scte.event_id': '1234' } },
      Consumption: { AvailMatchingCriteria: [{ DynamicVariable: 'scte.event_id', Operator: 'EQUALS' }] },
    });
    expect(r.ok && r.body.Retrieval?.TrafficShapingRetrievalWindow).toBeUndefined();
  });

  it('RECURRING sends only the recurring configuration', () => {
    const r = prefetchRequest({ ...defaultDraft('r'), recurring: true, eventId: '9', recurringEndS: 7200, delayAfterAvailEndS: 5, adExpiryS: 300 }, NOW);
    expect(r).toEqual({
      ok: true,
      name: 'r',
      body: {
        ScheduleType: 'RECURRING',
        RecurringPrefetchConfiguration: {
          StartTime: T,
          EndTime: T + 7200,
          RecurringConsumption: { RetrievedAdExpirationSeconds: 300, AvailMatchingCriteria: [{ DynamicVariable: 'scte.event_id', Operator: 'EQUALS' }] },
          RecurringRetrieval: { DelayAfterAvailEndSeconds: 5, DynamicVariables: { 'scte.event_id': '9', 'session.avail_duration_secs': '20' }, TrafficShapingType: 'RETRIEVAL_WINDOW', TrafficShapingRetrievalWindow: { RetrievalWindowDurationSeconds: 30 } },
        },
      },
    });
  });

  it('refuses only what cannot be sent: no name, a field that is not a number', () => {
    expect(prefetchRequest(defaultDraft('  '), NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/name/) });
    expect(prefetchRequest({ ...defaultDraft('x'), retrievalEndS: Number.NaN }, NOW)).toMatchObject({ ok: false });
    // End before start is the engine's to refuse, with its own message.
    expect(prefetchRequest({ ...defaultDraft('x'), retrievalEndS: -10 }, NOW).ok).toBe(true);
  });
});
