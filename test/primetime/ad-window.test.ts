// ptadwindow → the session's AvailSuppression: BEHIND_LIVE_EDGE with the window as HH:MM:SS; only whole seconds 0–1800.
import { describe, expect, it } from 'vitest';
import { adWindowSuppression } from '../../src/main/primetime/ad-window.js';

describe('ptadwindow', () => {
  it('whole seconds from 0 to 1800 become BEHIND_LIVE_EDGE with that Value', () => {
    expect(adWindowSuppression('0')).toEqual({ ok: true, suppression: { Mode: 'BEHIND_LIVE_EDGE', Value: '00:00:00' } });
    expect(adWindowSuppression('75')).toEqual({ ok: true, suppression: { Mode: 'BEHIND_LIVE_EDGE', Value: '00:01:15' } });
    expect(adWindowSuppression('1800')).toEqual({ ok: true, suppression: { Mode: 'BEHIND_LIVE_EDGE', Value: '00:30:00' } });
  });

  it('anything else is refused, saying what is expected', () => {
    for (const bad of ['', '1801', '-1', '12.5', '1e2', 'ten']) {
      const r = adWindowSuppression(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toBe(`Invalid ptadwindow "${bad}": expected whole seconds from 0 to 1800`);
    }
  });
});
