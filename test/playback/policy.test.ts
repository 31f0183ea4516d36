// The pure avail policies: filling and suppression.
import { describe, expect, it } from 'vitest';
import { fillAvail } from '../../src/main/avails/fill.js';
import { suppressed } from '../../src/main/playback/suppression.js';

const ads = (...d: number[]) => d.map((duration) => ({ duration }));

describe('fillAvail', () => {
  it('whole ads that fit, in order; a long one is skipped and a later short one still fits', () => {
    expect(fillAvail({ availSeconds: 30, ads: ads(10, 25, 15), live: true, slate: false })).toMatchObject({ placed: [0, 2], tooLong: [1], filledSeconds: 25, slateSeconds: 0 });
  });
  it('live remainder is slate when configured; VOD never gets slate', () => {
    expect(fillAvail({ availSeconds: 30, ads: ads(10), live: true, slate: true }).slateSeconds).toBe(20);
    expect(fillAvail({ availSeconds: 30, ads: ads(10), live: false, slate: true }).slateSeconds).toBe(0);
  });
  it('underfill beyond PersonalizationThresholdSeconds abandons the avail', () => {
    expect(fillAvail({ availSeconds: 30, ads: ads(10), live: true, slate: true, thresholdSeconds: 15 })).toMatchObject({ abandoned: true, placed: [], slateSeconds: 0 });
    expect(fillAvail({ availSeconds: 30, ads: ads(20), live: true, slate: true, thresholdSeconds: 15 })).toMatchObject({ abandoned: false, slateSeconds: 10 });
  });
  it('an unknown duration takes every ad (the CUE-IN cuts)', () => {
    expect(fillAvail({ ads: ads(10, 20, 30), live: true, slate: true })).toMatchObject({ placed: [0, 1, 2], slateSeconds: 0 });
  });
  it('EXTINF rounding does not reject an ad that fits', () => {
    expect(fillAvail({ availSeconds: 20, ads: ads(10.02, 10.02), live: true, slate: false }).placed).toEqual([0, 1]);
  });
});

describe('suppressed', () => {
  const behind = (Value: string, FillPolicy?: 'FULL_AVAIL_ONLY' | 'PARTIAL_AVAIL') => ({ Mode: 'BEHIND_LIVE_EDGE' as const, Value, ...(FillPolicy ? { FillPolicy } : {}) });
  it('OFF fills everything', () => {
    expect(suppressed({ Mode: 'OFF' }, { ageSeconds: 100, inProgress: false })).toBe(false);
    expect(suppressed(undefined, { ageSeconds: 5, inProgress: true })).toBe(false);
  });
  it('BEHIND_LIVE_EDGE: avails older than Value are not filled; newer and future ones are', () => {
    expect(suppressed(behind('00:00:30'), { ageSeconds: 45, inProgress: false })).toBe(true);
    expect(suppressed(behind('00:00:30'), { ageSeconds: 10, inProgress: false })).toBe(false);
    expect(suppressed(behind('00:00:00'), { ageSeconds: 4, inProgress: true })).toBe(true);
    expect(suppressed(behind('00:00:00'), { ageSeconds: -10, inProgress: false })).toBe(false);
  });
  it('PARTIAL_AVAIL keeps the avail in progress at join', () => {
    expect(suppressed(behind('00:00:00', 'PARTIAL_AVAIL'), { ageSeconds: 4, inProgress: true })).toBe(false);
  });
  it('AFTER_LIVE_EDGE: nothing before join + Value', () => {
    const s = { Mode: 'AFTER_LIVE_EDGE' as const, Value: '00:01:00' };
    expect(suppressed(s, { ageSeconds: -30, inProgress: false })).toBe(true);
    expect(suppressed(s, { ageSeconds: -90, inProgress: false })).toBe(false);
  });
});
