// The verdict's checks over hand-built evidence: each rule fails on the fault it exists for and passes without it.
import { describe, expect, it } from 'vitest';
import type { AvailDecision } from '../../src/main/avails/types.js';
import type { Evidence } from '../../src/main/verdict/evidence.js';
import { verdictJUnit } from '../../src/main/verdict/junit.js';
import { playedThrough, playheadTrack, wallTimeAt } from '../../src/main/verdict/playhead.js';
import { judge } from '../../src/main/verdict/verdict.js';
import type { BeaconEntry, BeaconReport } from '../../src/shared/beacons.js';
import type { PlayerObservation } from '../../src/shared/player-report.js';

const T0 = 1_700_000_000_000;
const EVENTS: [string, number][] = [['impression', 0], ['start', 0], ['firstQuartile', 2.5], ['midpoint', 5], ['thirdQuartile', 7.5], ['complete', 10]];

/** One avail at 20 s with one 10 s ad; beacons fired `lag` ms after the playhead (1 s per second from T0) reached them. */
function evidence(opts: { lag?: (event: string) => number | undefined; observations?: PlayerObservation[]; decision?: Partial<AvailDecision>; manifests?: Evidence['manifests']; format?: 'hls' | 'dash'; duplicates?: number } = {}): Evidence {
  const beacons: BeaconEntry[] = EVENTS.map(([event, off]) => {
    const lag = opts.lag ? opts.lag(event) : 0;
    const due = 20 + off;
    return {
      id: `10/0/${event}`, event, offsetSeconds: off, dueAtSeconds: due, urls: [`http://ads/${event}`],
      ...(lag === undefined ? { state: 'not-fired' as const } : { state: 'fired' as const, sender: 'client' as const, firedAt: T0 + due * 1000 + lag, trigger: 'client', results: [{ url: `http://ads/${event}`, status: 200, ms: 1, attempts: 1, at: 0 }] }),
      ...(event === 'start' && opts.duplicates ? { duplicates: opts.duplicates } : {}),
    };
  });
  const report: BeaconReport = { sessionId: 's', reportingMode: 'client', summary: { expected: 6, fired: 6, failed: 0, 'in-flight': 0, 'not-fired': 0 }, avails: [{ availId: '10', key: 10, startSeconds: 20, ads: [{ item: 0, adId: 'ad1', title: null, startSeconds: 20, durationSeconds: 10, beacons }] }] };
  const decision = { key: 10, availId: '10', index: 0, durationSeconds: 10, startOffset: 0, items: [{ kind: 'ad', adId: 'ad1', offset: 0, duration: 10 }], filledSeconds: 10, slateSeconds: 0, skipped: [], decidedAt: T0, ...opts.decision } as unknown as AvailDecision;
  // The playhead runs 0..60 s in real time from T0.
  const observations = opts.observations ?? Array.from({ length: 61 }, (_, i) => ({ type: 'position' as const, at: T0 + i * 1000, position: i }));
  return {
    sessionId: 's', format: opts.format ?? 'hls', live: false, reportingMode: 'client', avails: [decision], availStarts: new Map([[10, 20]]), beacons: report, observations,
    playhead: playheadTrack(observations, false, opts.format ?? 'hls'),
    ...(opts.manifests ? { manifests: opts.manifests } : {}),
  };
}

const check = (ev: Evidence, id: string) => judge(ev, T0).checks.find((c) => c.id === id)!;

describe('verdict checks', () => {
  it('beacons on time pass; one 3 s late and one 5 s early fail with the beacon named', () => {
    expect(check(evidence(), 'beacons-timing').status).toBe('pass');
    const bad = check(evidence({ lag: (e) => (e === 'midpoint' ? 3000 : e === 'thirdQuartile' ? -5000 : 0) }), 'beacons-timing');
    expect(bad.status).toBe('fail');
    expect(bad.evidence).toEqual(['avail 10 ad ad1 midpoint: late by 3.0 s (playhead reached 25 s before it fired)', 'avail 10 ad ad1 thirdQuartile: early by 5.0 s']);
    // Early by 5 s also breaks playback order (thirdQuartile before midpoint).
    expect(check(evidence({ lag: (e) => (e === 'thirdQuartile' ? -5000 : 0) }), 'beacons-order').status).toBe('fail');
  });

  it('a beacon never fired is missing once the playhead passed the ad, but not before', () => {
    const missing = check(evidence({ lag: (e) => (e === 'complete' ? undefined : 0) }), 'beacons-complete');
    expect(missing.status).toBe('fail');
    expect(missing.summary).toBe('1 missing of 6 beacons due');
    expect(missing.evidence).toEqual(['avail 10 ad ad1 complete: missing (due at 30 s, never fired)']);
    // Playhead only at 26 s: midpoint was due, complete not yet.
    const early = evidence({ lag: (e) => (['thirdQuartile', 'complete'].includes(e) ? undefined : 0), observations: Array.from({ length: 27 }, (_, i) => ({ type: 'position' as const, at: T0 + i * 1000, position: i })) });
    expect(check(early, 'beacons-complete')).toMatchObject({ status: 'pass', summary: '4/4 beacons fired with 2xx (0 ads played through)' });
  });

  it('beacons of what was skipped — a seek over the ad, or joining after it — are not owed', () => {
    const seekOver: PlayerObservation[] = [
      ...Array.from({ length: 16 }, (_, i) => ({ type: 'position' as const, at: T0 + i * 1000, position: i })),
      { type: 'seek', at: T0 + 16_000, position: 15 },
      ...Array.from({ length: 20 }, (_, i) => ({ type: 'position' as const, at: T0 + 16_500 + i * 1000, position: 40 + i })),
    ];
    const none = check(evidence({ lag: () => undefined, observations: seekOver }), 'beacons-complete');
    expect(none).toMatchObject({ status: 'skip', summary: 'No ad has played far enough for its beacons to be due' });
    // Joined at 26 s (mid-ad): only thirdQuartile (27.5 s) and complete (30 s) were owed.
    const joined = Array.from({ length: 20 }, (_, i) => ({ type: 'position' as const, at: T0 + i * 1000, position: 26 + i }));
    const late = check(evidence({ lag: (e) => (['thirdQuartile', 'complete'].includes(e) ? 0 : undefined), observations: joined }), 'beacons-complete');
    expect(late).toMatchObject({ status: 'pass', summary: '2/2 beacons fired with 2xx (1 ad played through)' });
    // Joined 0.4 s after thirdQuartile (27.5 s): that moment was never played, so it is not owed.
    const justAfter = Array.from({ length: 20 }, (_, i) => ({ type: 'position' as const, at: T0 + i * 1000, position: 27.9 + i }));
    expect(check(evidence({ lag: (e) => (e === 'complete' ? 0 : undefined), observations: justAfter }), 'beacons-complete')).toMatchObject({ status: 'pass', summary: '1/1 beacons fired with 2xx (1 ad played through)' });
    // Joined right on it: owed.
    const onIt = Array.from({ length: 20 }, (_, i) => ({ type: 'position' as const, at: T0 + i * 1000, position: 27.5 + i }));
    expect(check(evidence({ lag: (e) => (e === 'complete' ? 0 : undefined), observations: onIt }), 'beacons-complete').summary).toBe('1 missing of 2 beacons due');
    // Two players on one session: the one that played through owes its beacons, whatever the other did.
    const two = [...joined.map((o) => ({ ...o, player: 'b' })), ...Array.from({ length: 61 }, (_, i) => ({ type: 'position' as const, at: T0 + i * 1000, position: i, player: 'a' }))];
    expect(check(evidence({ lag: (e) => (e === 'impression' ? undefined : 0), observations: two }), 'beacons-complete').summary).toBe('1 missing of 6 beacons due');
  });

  it('a duplicate client report fails beacons-duplicate', () => {
    expect(check(evidence(), 'beacons-duplicate').status).toBe('pass');
    expect(check(evidence({ duplicates: 2 }), 'beacons-duplicate')).toMatchObject({ status: 'fail', evidence: ['avail 10 ad ad1 start: reported 3 times'] });
  });

  it('a stall over 1 s at an ad boundary fails; the same stall mid-content does not', () => {
    const at = (position: number, durationMs: number): PlayerObservation[] => [...Array.from({ length: 61 }, (_, i) => ({ type: 'position' as const, at: T0 + i * 1000, position: i })), { type: 'stall', at: T0, position, durationMs }];
    const boundary = check(evidence({ observations: at(29.5, 1500) }), 'stalls-at-boundaries');
    expect(boundary).toMatchObject({ status: 'fail', evidence: ['stall of 1500 ms at 29.5 s (avail 10 end at 30 s)'] });
    expect(check(evidence({ observations: at(45, 1500) }), 'stalls-at-boundaries').status).toBe('pass');
    expect(check(evidence({ observations: at(20.2, 800) }), 'stalls-at-boundaries').status).toBe('pass');
  });

  it('ads overrunning the avail or leaving it unfilled fail ad-durations; a fallback fails ads-filled with its reason', () => {
    expect(check(evidence(), 'ad-durations').status).toBe('pass');
    expect(check(evidence({ decision: { filledSeconds: 12 } }), 'ad-durations').summary).toBe('avail 10 overruns by 2 s');
    expect(check(evidence({ decision: { filledSeconds: 6 } }), 'ad-durations').summary).toBe('avail 10 leaves 4 s unfilled');
    const fb = check(evidence({ decision: { fallback: 'ADS_TIMEOUT' as never, fallbackDetail: 'no answer within 3000 ms', items: [] } }), 'ads-filled');
    expect(fb).toMatchObject({ status: 'fail', summary: '1 avail of 1 without ads (ADS_TIMEOUT)' });
    expect(fb.evidence[0]).toBe('avail 10: no ads — ADS_TIMEOUT: no answer within 3000 ms; content played instead');
    // Joined 17 s into a 20 s live break: nothing fits the 3 s left; reported, not failed.
    const late = check(evidence({ decision: { startOffset: 17, durationSeconds: 20, fallback: 'EMPTY_VAST_RESPONSE' as never, items: [] } }), 'ads-filled');
    expect(late).toMatchObject({ status: 'skip', summary: 'Only an avail joined mid-break so far' });
    expect(late.evidence[0]).toBe('avail 10: joined 17 s into the break (3 s left), no ads for the rest (EMPTY_VAST_RESPONSE) — not judged');
  });

  it('an ad boundary without EXT-X-DISCONTINUITY fails; lint errors in the stitched output fail media-sequence, the origin’s do not', () => {
    const good = '#EXTM3U\n#EXT-X-TARGETDURATION:2\nc1.ts\n#EXT-X-DISCONTINUITY\n/v1/segment/a/s/10/0/0.ts\n#EXT-X-DISCONTINUITY\nc2.ts\n#EXT-X-ENDLIST\n';
    const bad = good.replace('#EXT-X-DISCONTINUITY\nc2.ts', 'c2.ts');
    expect(check(evidence({ manifests: { latest: [{ track: '0', text: good }], findings: [] } }), 'discontinuities')).toMatchObject({ status: 'pass', summary: '2 boundaries in 1 playlist, each marked' });
    expect(check(evidence({ manifests: { latest: [{ track: '0', text: bad }], findings: [] } }), 'discontinuities').evidence).toEqual(['track 0 line 6: ad → content without EXT-X-DISCONTINUITY']);
    const finding = { rule: 'media-sequence', severity: 'error' as const, message: 'MEDIA-SEQUENCE went from 12 to 10' };
    expect(check(evidence({ manifests: { latest: [], findings: [{ ...finding, source: 'stitched' }] } }), 'media-sequence').status).toBe('fail');
    expect(check(evidence({ manifests: { latest: [], findings: [{ ...finding, source: 'origin' }] } }), 'media-sequence')).toMatchObject({ status: 'pass', summary: 'Stitched manifests clean (the origin has 1 problem)' });
    expect(check(evidence({ format: 'dash' }), 'media-sequence').status).toBe('skip');
  });

  it('no player, no avails: pending, not pass', () => {
    const ev = evidence({ observations: [] });
    ev.avails = [];
    ev.beacons = { ...ev.beacons, avails: [] };
    const v = judge(ev, T0);
    expect(v.status).toBe('pending');
    expect(v.checks.every((c) => c.status === 'skip')).toBe(true);
  });

  it('JUnit: one testcase per check, failures carry the summary and evidence, XML escaped', () => {
    const v = judge(evidence({ lag: (e) => (e === 'complete' ? undefined : 0) }), T0);
    const xml = verdictJUnit(v);
    expect(xml.match(/<testcase /g)).toHaveLength(v.checks.length);
    expect(xml).toMatch(/<testsuite name="stitchbench.session.s" tests="11" failures="1" errors="0" skipped="\d+"/);
    expect(xml).toContain('<failure message="1 missing of 6 beacons due" type="beacons-complete">1 missing of 6 beacons due\navail 10 ad ad1 complete: missing (due at 30 s, never fired)</failure>');
    expect(verdictJUnit({ ...v, checks: [{ id: 'x', title: 'a<b & "c"', status: 'pass', summary: '', evidence: [] }] })).toContain('name="x: a&lt;b &amp; &quot;c&quot;"');
  });

  it('the playhead clock interpolates between samples and knows when a time was never reached', () => {
    const track = playheadTrack([{ type: 'position', at: 1000, position: 0 }, { type: 'position', at: 3000, position: 2 }], false, 'hls');
    expect(wallTimeAt(track, 1)).toBe(2000);
    expect(wallTimeAt(track, 5)).toBeUndefined();
    // A seek forward (reported) and a jump back: the first time the playhead reached t, not the earlier pass.
    const seeks = playheadTrack(
      [
        { type: 'position', at: 1000, position: 0 },
        { type: 'seek', at: 1500, position: 10 },
        ...[10, 5, 12, 20].map((position, i) => ({ type: 'position' as const, at: 2000 + 1000 * i, position })),
      ],
      false,
      'hls',
    );
    expect(wallTimeAt(seeks, 8)).toBe(2000);
    expect(wallTimeAt(seeks, 11)).toBeCloseTo(3000 + (6 / 7) * 1000, 3);
    expect(wallTimeAt(seeks, 16)).toBe(4500);
    expect(playedThrough(seeks, 4)).toBe(false);
    expect(playedThrough(seeks, 7)).toBe(true);
    // Live HLS samples map through PDT onto the session's time zero.
    const live = playheadTrack([{ type: 'position', at: 1000, position: 500, pdtMs: T0 + 10_000 }], true, 'hls', T0);
    expect(live.maxT).toBe(10);
    expect(playheadTrack([{ type: 'position', at: 1000, position: 500 }], true, 'hls', T0).unmapped).toMatch(/PROGRAM-DATE-TIME/);
  });
});
