// Stitched live DASH with an injected clock: a viewer refreshing every 2 s sees the same ads in the same
// Periods on every refresh, ads listed only as far as the origin's edge, Periods that slid out gone for good,
// one ADS request per avail, and a mid-break join filling only what is left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../src/shared/events.js';
import { LIVE_EPOCH_MS } from '../../src/main/demo/origin/timeline.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { presentation, readMpd } from '../stitch/dash/helpers.js';
import { sessionView, text } from './helpers.js';

// 14 s into loop 100 of the 100 s demo asset: the break at 20 s is 6 s away.
const LOOP = 100;
const START = LIVE_EPOCH_MS + (LOOP * 100 + 14) * 1000;
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

async function join(from: number) {
  clock = from;
  const first = await engine.get(`/v1/dash/${engine.accountId}/demo/live/dash/manifest.mpd`, { redirect: 'manual' });
  expect(first.status).toBe(302);
  const location = first.headers.get('location')!;
  return { location, sessionId: new URL(location, engine.url).searchParams.get('aws.sessionId')! };
}

describe('live DASH, a viewer refreshing every 2 s for 90 s', () => {
  const outputs: ReturnType<typeof readMpd>[] = [];
  let sessionId = '';
  beforeAll(async () => {
    const s = await join(START);
    sessionId = s.sessionId;
    for (let i = 0; i < 45; i++) {
      const r = await text(engine, s.location);
      expect(r.status).toBe(200);
      outputs.push(readMpd(r.body));
      clock += 2000;
    }
  });

  it('every Period id keeps one start on every refresh, and once gone never comes back', () => {
    const startOf = new Map<string, number>();
    const gone = new Set<string>();
    let previous = new Set<string>();
    for (const o of outputs) {
      const ids = new Set(o.periods.map((p) => p.id));
      for (const p of o.periods) {
        if (startOf.has(p.id)) expect(p.start, p.id).toBe(startOf.get(p.id));
        startOf.set(p.id, p.start);
        expect(gone.has(p.id), `${p.id} came back`).toBe(false);
      }
      for (const id of previous) if (!ids.has(id)) gone.add(id);
      previous = ids;
      expect(o.mpd.attrs.type).toBe('dynamic');
      expect(o.mpd.attrs.availabilityStartTime).toBe('2026-01-01T00:00:00.000Z');
    }
  });

  it('a content segment stays in the same Period (id and start) on every refresh, also after its break slid out', () => {
    const home = new Map<string, string>();
    for (const o of outputs) {
      for (const p of o.periods) {
        if (/^\d+_\d$/.test(p.id)) continue;
        // Segment numbers restart with every loop of the asset; its media time on the MPD clock does not.
        for (const [at] of presentation(p)) {
          const n = String(Math.round(at * 1000));
          const where = `${p.id}@${p.start}`;
          expect(home.get(n) ?? where, `segment at ${n} ms`).toBe(where);
          home.set(n, where);
        }
      }
    }
    expect(home.size).toBeGreaterThan(30);
  });

  it('no holes: each listed Period starts where the one before it ends', () => {
    for (const o of outputs) expectContiguous(o);
  });

  it('an ad Period appears with all its tracks at once (video and audio), never one before the other', () => {
    for (const o of outputs) for (const p of o.periods) if (/^\d+_\d$/.test(p.id)) expect(p.sets.map((x) => x.contentType), p.id).toEqual(['video', 'audio']);
  });

  it('both breaks of the loop become two ad Periods each, at the break times, content resuming after them', () => {
    const base = LOOP * 100;
    const seen = new Map<string, number>();
    for (const o of outputs) for (const p of o.periods) if (/^\d+_\d$/.test(p.id)) seen.set(p.id, p.start);
    expect([...seen.entries()]).toEqual([
      // The previous loop's second break was still in the 30 s window at join (84–100 s): its second ad only,
      // since the first (70–80 s) had already slid out.
      [`${(base - 30) * 1000}_2`, base - 20],
      [`${(base + 20) * 1000}_1`, base + 20],
      [`${(base + 20) * 1000}_2`, base + 30],
      [`${(base + 70) * 1000}_1`, base + 70],
      [`${(base + 70) * 1000}_2`, base + 80],
    ]);
    // At 56 s into the loop (21 refreshes in), the window shows content, the first break's ads, then content.
    const mid = outputs[21]!.periods.map((p) => [p.id, p.start]);
    expect(mid).toEqual([[`${(base + 20) * 1000}_1`, base + 20], [`${(base + 20) * 1000}_2`, base + 30], [`loop-${LOOP}-20_20000`, base + 40]]);
  });

  it('ad Periods grow with the edge: the first refresh inside a break lists only the segments that exist', () => {
    // Refresh k is at 14 + 2k s; the edge lags one segment. At 24 s (k = 5) the first ad has 1–2 segments.
    const at = outputs[5]!.periods.find((p) => p.id.endsWith('_1'));
    expect(at).toBeDefined();
    expect(at!.sets[0]!.segments.length).toBeLessThan(5);
    const later = outputs[12]!.periods.find((p) => p.id === at!.id)!;
    expect(later.sets[0]!.segments.length).toBe(5);
    expect(later.sets[0]!.segments.slice(0, at!.sets[0]!.segments.length)).toEqual(at!.sets[0]!.segments);
  });

  it('one ADS request per avail however many refreshes', async () => {
    const requests = events.filter((e) => e.kind === 'ads.request' && (e as { sessionId?: string }).sessionId === sessionId && (e as { depth?: number }).depth === 0);
    expect(requests).toHaveLength(3);
    const view = await sessionView(engine, sessionId);
    expect(view.live).toBe(true);
    // The previous loop's break had ended when the session joined but lies in the 30 s DVR window, so it is
    // filled in full from its start like the two breaks of this loop.
    expect(view.avails.map((a) => [a.filledSeconds, a.startOffset, a.fallback])[0]).toEqual([20, 0, null]);
    expect(view.avails.slice(1).map((a) => [a.filledSeconds, a.startOffset, a.fallback])).toEqual([[20, 0, null], [20, 0, null]]);
  });
});

function expectContiguous(o: ReturnType<typeof readMpd>): void {
  o.periods.forEach((p, i) => {
    const prev = o.periods[i - 1];
    if (prev?.duration !== undefined) expect(p.start, `${prev.id} → ${p.id}`).toBeCloseTo(prev.start + prev.duration, 3);
  });
}

describe('live DASH joins', () => {
  it('joining 8 s into a break fills what is left (ads, then slate), starting at the edge the viewer joined at, with no hole', async () => {
    const s = await join(LIVE_EPOCH_MS + (LOOP * 100 + 200 + 28) * 1000);
    const o = readMpd((await text(engine, s.location)).body);
    // Refresh through the rest of the break: the last ad, the slate and the content after them line up.
    const seen = new Set<string>();
    for (let i = 0; i < 16; i++) {
      clock += 1000;
      const later = readMpd((await text(engine, s.location)).body);
      expectContiguous(later);
      for (const p of later.periods) seen.add(p.id);
    }
    // …through the end of the break: ad, slate and the content after them were all listed.
    expect([...seen].filter((id) => /^\d+_\d$/.test(id))).toHaveLength(2);
    expect([...seen].some((id) => id.endsWith('_20000'))).toBe(true);
    const view = await sessionView(engine, s.sessionId);
    expect(view.avails).toHaveLength(1);
    expect(view.avails[0]!.startOffset).toBeGreaterThan(0);
    expect(view.avails[0]!.durationSeconds).toBe(20);
    const ad = o.periods.find((p) => /_1$/.test(p.id) && /^\d+_1$/.test(p.id));
    // Ads begin at the join edge, not at the break start (that part was already on air).
    if (ad) expect(ad.start).toBeCloseTo((LOOP + 2) * 100 + 20 + view.avails[0]!.startOffset, 3);
  });

  it('a break that ended before the window began is not sent to the ADS', async () => {
    // 50 s into a loop: the window (30 s) starts at 20 s… the break 20–40 still overlaps; at 75 s it does not.
    const s = await join(LIVE_EPOCH_MS + (LOOP * 100 + 400 + 72) * 1000);
    await text(engine, s.location);
    const view = await sessionView(engine, s.sessionId);
    expect(view.avails.map((a) => a.key)).toEqual([((LOOP + 4) * 100 + 70) * 1000]);
  });
});
