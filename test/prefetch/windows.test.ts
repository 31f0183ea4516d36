// The pure rules of prefetch schedules: windows, phase, traffic shaping and criteria matching.
import { describe, expect, it } from 'vitest';
import type { PrefetchSchedule } from '../../src/shared/prefetch.js';
import { variablesByNamespace } from '../../src/main/prefetch/retrieve.js';
import { availMatches, phaseAt, shapedCallAt, windowsOf } from '../../src/main/prefetch/windows.js';

const single: PrefetchSchedule = {
  Arn: 'a',
  Name: 'n',
  PlaybackConfigurationName: 'c',
  ScheduleType: 'SINGLE',
  Retrieval: { StartTime: 100, EndTime: 160 },
  Consumption: { StartTime: 150, EndTime: 400 },
};

describe('windows and phase', () => {
  it('SINGLE: retrieval and consumption in ms', () => {
    expect(windowsOf(single)).toEqual({ retrieval: { start: 100_000, end: 160_000 }, consumption: { start: 150_000, end: 400_000 } });
    expect(phaseAt(single, 50_000)).toBe('waiting');
    expect(phaseAt(single, 120_000)).toBe('retrieving');
    expect(phaseAt(single, 200_000)).toBe('consuming');
    expect(phaseAt(single, 400_000)).toBe('done');
  });
  it('RECURRING: one window for both', () => {
    const rec: PrefetchSchedule = { ...single, ScheduleType: 'RECURRING', RecurringPrefetchConfiguration: { StartTime: 10, EndTime: 20, RecurringConsumption: {}, RecurringRetrieval: {} } };
    delete rec.Retrieval;
    delete rec.Consumption;
    expect(windowsOf(rec)).toEqual({ retrieval: { start: 10_000, end: 20_000 }, consumption: { start: 10_000, end: 20_000 } });
  });
});

describe('traffic shaping', () => {
  const w = { start: 1000, end: 61_000 };
  it('no shaping: at once (or at the window start)', () => {
    expect(shapedCallAt(w, 0, {}, undefined, () => 0.9)).toBe(1000);
    expect(shapedCallAt(w, 5000, {}, undefined, () => 0.9)).toBe(5000);
  });
  it('RETRIEVAL_WINDOW: random within the duration, cut to what is left of the window', () => {
    const shaping = { TrafficShapingType: 'RETRIEVAL_WINDOW' as const, TrafficShapingRetrievalWindow: { RetrievalWindowDurationSeconds: 30 } };
    expect(shapedCallAt(w, 0, shaping, undefined, () => 0)).toBe(1000);
    expect(shapedCallAt(w, 0, shaping, undefined, () => 0.5)).toBe(16_000);
    expect(shapedCallAt(w, 51_000, shaping, undefined, () => 0.999)).toBeLessThan(61_000);
  });
  it('TPS: 1/PeakTps apart, and never after the window', () => {
    const shaping = { TrafficShapingType: 'TPS' as const, TrafficShapingTpsConfiguration: { PeakTps: 4 } };
    let prev: number | undefined;
    const at: number[] = [];
    for (let i = 0; i < 5; i++) at.push((prev = shapedCallAt(w, 0, shaping, prev, Math.random)!));
    expect(at).toEqual([1000, 1250, 1500, 1750, 2000]);
    expect(shapedCallAt(w, 0, shaping, 60_900, Math.random)).toBeUndefined();
  });
  it('too late: nothing', () => {
    expect(shapedCallAt(w, 61_000, {}, undefined, Math.random)).toBeUndefined();
  });
});

describe('avail matching', () => {
  const criteria = [{ DynamicVariable: 'scte.event_id', Operator: 'EQUALS' as const }];
  it('EQUALS against the retrieval value', () => {
    expect(availMatches(criteria, { 'scte.event_id': '5' }, { 'scte.event_id': '5' })).toBe(true);
    expect(availMatches(criteria, { 'scte.event_id': '5' }, { 'scte.event_id': '6' })).toBe(false);
    expect(availMatches(criteria, { 'scte.event_id': '5' }, {})).toBe(false);
  });
  it('no criteria: any avail', () => {
    expect(availMatches([], {}, {})).toBe(true);
  });
  it('several criteria must all match', () => {
    const two = [...criteria, { DynamicVariable: 'scte.segmentation_type_id', Operator: 'EQUALS' as const }];
    const vars = { 'scte.event_id': '5', 'scte.segmentation_type_id': '52' };
    expect(availMatches(two, vars, vars)).toBe(true);
    expect(availMatches(two, vars, { ...vars, 'scte.segmentation_type_id': '48' })).toBe(false);
  });
});

describe('DynamicVariables for the ADS request', () => {
  it('split by namespace', () => {
    expect(variablesByNamespace({ 'scte.event_id': '9', 'player_params.tier': 'gold', 'session.avail_duration_secs': '30', 'other.x': 'y' })).toEqual({
      scte: { event_id: '9' },
      playerParams: { tier: 'gold' },
      durationSeconds: 30,
    });
    expect(variablesByNamespace({ 'session.avail_duration_ms': '15000' }).durationSeconds).toBe(15);
  });
});
