// Prefetching on the ad timeline and the latency panel: each avail's source, the ADS latency avoided, and
// consumption windows placed on a live session's timeline.
import { describe, expect, it } from 'vitest';
import type { PrefetchScheduleView } from '../../src/shared/prefetch';
import { availSource, consumptionBands, prefetchSavings } from '../../src/renderer/lib/prefetch-avails';
import { formatRelative, formatSpan, formatWindow } from '../../src/renderer/lib/relative-time';

const pf = (ms: number) => ({ schedule: 'prefetch-1', retrievedAt: 1_800_000_000_000, adsMsAvoided: ms });

describe('availSource', () => {
  it('prefetch names its schedule; otherwise live ADS with its time; nothing when no ADS answered', () => {
    expect(availSource({ adsMs: null, prefetch: pf(412.4) })).toMatchObject({ kind: 'prefetch', label: 'prefetch', title: expect.stringMatching(/prefetch-1.*412 ms/) });
    expect(availSource({ adsMs: 230.6, prefetch: null })).toEqual({ kind: 'live', label: 'live ADS', title: 'ADS called at break time: 231 ms' });
    expect(availSource({ adsMs: null })).toBeNull();
  });
});

describe('prefetchSavings', () => {
  it('counts, sums and takes the nearest-rank p50 of the prefetched avails only', () => {
    expect(prefetchSavings([{ prefetch: pf(100) }, { prefetch: null }, {}, { prefetch: pf(300) }, { prefetch: pf(200) }])).toEqual({ avails: 3, totalMs: 600, p50Ms: 200 });
    expect(prefetchSavings([{ prefetch: pf(100) }, { prefetch: pf(400) }])).toEqual({ avails: 2, totalMs: 500, p50Ms: 100 });
  });

  it('is null when prefetching filled no avail', () => {
    expect(prefetchSavings([])).toBeNull();
    expect(prefetchSavings([{ prefetch: null }, {}])).toBeNull();
  });
});

describe('consumptionBands', () => {
  const zero = 1_800_000_000_000;
  const view = (name: string, start: number, end: number): PrefetchScheduleView => ({
    schedule: { Arn: `arn:${name}`, Name: name, PlaybackConfigurationName: 'demo', ScheduleType: 'SINGLE' },
    phase: 'consuming',
    windows: { retrieval: { start: zero, end: zero }, consumption: { start: zero + start * 1000, end: zero + end * 1000 } },
    retrievals: [],
    counts: { planned: 0, ready: 0, used: 0, expired: 0, failed: 0 },
  });

  it('maps epoch windows onto session seconds, clipped to the range; drops windows outside it', () => {
    const bands = consumptionBands([view('a', 150, 250), view('b', 0, 50), view('c', 290, 400)], zero, { from: 100, to: 300 });
    expect(bands.map((b) => b.name)).toEqual(['a', 'c']);
    expect(bands[0]).toMatchObject({ left: 0.25, width: 0.5, from: 150, to: 250 });
    expect(bands[1]!.left).toBeCloseTo(0.95);
    expect(bands[1]!.width).toBeCloseTo(0.05);
  });

  it('an empty range has no bands', () => {
    expect(consumptionBands([view('a', 0, 10)], zero, { from: 5, to: 5 })).toEqual([]);
  });
});

describe('relative times', () => {
  const now = 1_000_000;
  it('says spans in s, min or h', () => {
    expect(formatSpan(45_000)).toBe('45 s');
    expect(formatSpan(-600_000)).toBe('10 min');
    expect(formatSpan(2 * 3600_000 + 5 * 60_000)).toBe('2 h 5 min');
  });
  it('moments and windows relative to now', () => {
    expect(formatRelative(now + 20_000, now)).toBe('in 20 s');
    expect(formatRelative(now - 20_000, now)).toBe('20 s ago');
    expect(formatRelative(now + 100, now)).toBe('now');
    expect(formatWindow({ start: now + 20_000, end: now + 50_000 }, now)).toBe('in 20 s → 50 s');
    expect(formatWindow({ start: now - 40_000, end: now + 20_000 }, now)).toBe('40 s ago → in 20 s');
    expect(formatWindow({ start: now - 90_000, end: now - 30_000 }, now)).toBe('90 s → 30 s ago');
    expect(formatWindow({ start: now, end: now + 600_000 }, now)).toBe('now → in 10 min');
  });
});
