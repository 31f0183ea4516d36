// The DASH feed of the headless player: the stitched MPD (MediaTailor's 302 to ?aws.sessionId= followed), every
// Period's video Representation (the lowest bandwidth: the checker judges ads, not quality), in Period order.
// Live: the MPD is refreshed every minimumUpdatePeriod and playback starts three segments behind the newest one,
// on the MPD timeline (the session's timeline for DASH). Ad Periods are those whose segments go through
// /v1/dashsegment/ (which drives server-side beacons).
import { scanMpd, type MpdScan } from '../stitch/dash/scan.js';
import { parseDuration } from '../stitch/dash/time.js';
import { attr } from '../xml/tree.js';
import { representationSegments } from './dash-segments.js';
import { getText } from './hls-player.js';
import { CheckError } from './target.js';
import type { PlaySegment, SegmentFeed } from './virtual-player.js';

// /v1/dashsegment/{acct}/{session}/{availKey}/…
const AD_SEGMENT = /\/v1\/dashsegment\/[^/]+\/[^/]+\/(-?\d+)\//;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function read(text: string): MpdScan {
  try {
    return scanMpd(text);
  } catch (e) {
    throw new CheckError(`the MPD could not be read: ${(e as Error).message}`);
  }
}

function videoSegments(scan: MpdScan, mpdUrl: string): PlaySegment[] {
  const out: PlaySegment[] = [];
  for (const period of scan.periods) {
    const set = period.adaptationSets.find((s) => s.contentType === 'video');
    const rep = set && [...set.representations].sort((a, b) => (a.bandwidth ?? 0) - (b.bandwidth ?? 0))[0];
    if (!set || !rep) continue;
    for (const s of representationSegments(scan, period, set.el, rep, mpdUrl)) {
      const ad = AD_SEGMENT.exec(s.url);
      out.push(ad ? { ...s, availId: ad[1]! } : s);
    }
  }
  return out;
}

export async function openDash(playbackUrl: string, log: (line: string) => void): Promise<{ sessionId: string; feed: SegmentFeed }> {
  const first = await getText(playbackUrl);
  const sessionId = first.headers.get('x-stitchbench-session') ?? new URL(first.url).searchParams.get('aws.sessionId') ?? '';
  if (!sessionId) throw new CheckError(`${playbackUrl} did not name a stitcher session (is it a Stitchbench playback URL?)`);
  const mpdUrl = first.url;
  let scan = read(first.text);
  log(`session ${sessionId}: playing ${mpdUrl}`);
  let segments = videoSegments(scan, mpdUrl);
  if (segments.length === 0) throw new CheckError('the MPD lists no video segments the checker can address');

  if (!scan.dynamic) {
    let i = 0;
    return { sessionId, feed: { live: false, totalSeconds: segments.reduce((a, s) => a + s.duration, 0), next: async () => segments[i++] ?? 'end' } };
  }

  // Live: the next segment is the first one starting at or after the cursor (MPD seconds).
  const updateMs = Math.max(500, (parseDuration(attr(scan.mpd, 'minimumUpdatePeriod') ?? '') ?? 2) * 1000);
  const start = segments[Math.max(0, segments.length - 3)]!;
  let cursor = start.startTime ?? 0;
  let lastRefresh = Date.now();
  return {
    sessionId,
    feed: {
      live: true,
      startPosition: cursor,
      async next() {
        const seg = segments.find((s) => (s.startTime ?? 0) >= cursor - 0.001);
        if (seg) {
          cursor = (seg.startTime ?? 0) + seg.duration;
          return seg;
        }
        await sleep(Math.max(0, updateMs - (Date.now() - lastRefresh)));
        lastRefresh = Date.now();
        scan = read((await getText(mpdUrl)).text);
        segments = videoSegments(scan, mpdUrl);
        return 'wait';
      },
    },
  };
}
