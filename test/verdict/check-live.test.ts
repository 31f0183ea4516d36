// `stitchbench check` on live streams, at 1× (live cannot go faster): HLS and DASH side by side in one engine.
// A 20 s break about every 50 s, so 75 s of playback always covers one whole break; a break already under way
// when the checker joins is reported, not owed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/main/check/run.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.dispose();
});

async function check(path: string) {
  const lines: string[] = [];
  const o = await runCheck({ url: `${engine.url}${path}`, durationS: 75, speed: 1, asset: '', reportingMode: 'server', color: false, out: (l) => lines.push(l) });
  return { ...o, text: lines.join('\n'), byId: Object.fromEntries((o.verdict?.checks ?? []).map((c) => [c.id, c])) };
}

describe.concurrent('stitchbench check on live', () => {
  it('HLS: joins behind the edge, refreshes the playlist, and the verdict maps its playhead through PROGRAM-DATE-TIME', async () => {
    const o = await check(`/v1/master/${engine.accountId}/demo/live/hls-ts/master.m3u8`);
    expect(o.text, o.text).toMatch(/HLS live, server-side beacons/);
    expect(o.verdict!.scope.live).toBe(true);
    for (const id of ['ads-filled', 'beacons-complete', 'beacons-timing', 'media-sequence', 'stalls-at-boundaries']) expect(o.byId[id]!.status, `${id}\n${o.text}`).toBe('pass');
    expect(o.exitCode, o.text).toBe(0);
  }, 120_000);

  it('DASH: refreshes the MPD, plays each Period’s video from three segments behind the newest, on the MPD timeline', async () => {
    const o = await check(`/v1/dash/${engine.accountId}/demo/live/dash/manifest.mpd`);
    expect(o.text, o.text).toMatch(/DASH live, server-side beacons/);
    for (const id of ['ads-filled', 'beacons-complete', 'beacons-timing', 'discontinuities', 'dash-periods', 'stalls-at-boundaries']) expect(o.byId[id]!.status, `${id}\n${o.text}`).toBe('pass');
    expect(o.exitCode, o.text).toBe(0);
  }, 120_000);
});
