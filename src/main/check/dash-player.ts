// The DASH feed of the headless player: the stitched MPD (MediaTailor's 302 to ?aws.sessionId= followed), every
// Period's video Representation (the lowest bandwidth: the checker judges ads, not quality), in Period order.
// Ad Periods are those whose segments go through /v1/dashsegment/ (which drives server-side beacons).
import { scanMpd } from '../stitch/dash/scan.js';
import { representationSegments } from './dash-segments.js';
import { getText } from './hls-player.js';
import { CheckError } from './target.js';
import type { PlaySegment, SegmentFeed } from './virtual-player.js';

// /v1/dashsegment/{acct}/{session}/{availKey}/…
const AD_SEGMENT = /\/v1\/dashsegment\/[^/]+\/[^/]+\/(-?\d+)\//;

export async function openDash(playbackUrl: string, log: (line: string) => void): Promise<{ sessionId: string; feed: SegmentFeed }> {
  const mpd = await getText(playbackUrl);
  const sessionId = mpd.headers.get('x-stitchbench-session') ?? new URL(mpd.url).searchParams.get('aws.sessionId') ?? '';
  if (!sessionId) throw new CheckError(`${playbackUrl} did not name a stitcher session (is it a Stitchbench playback URL?)`);
  let scan;
  try {
    scan = scanMpd(mpd.text);
  } catch (e) {
    throw new CheckError(`the MPD could not be read: ${(e as Error).message}`);
  }
  if (scan.dynamic) throw new CheckError('live DASH sessions cannot be checked headlessly yet: play them in the bench UI, whose verdict runs the same checks');
  log(`session ${sessionId}: playing ${mpd.url}`);
  const segments: PlaySegment[] = [];
  for (const period of scan.periods) {
    const set = period.adaptationSets.find((s) => s.contentType === 'video');
    const rep = set && [...set.representations].sort((a, b) => (a.bandwidth ?? 0) - (b.bandwidth ?? 0))[0];
    if (!set || !rep) continue;
    for (const s of representationSegments(scan, period, set.el, rep, mpd.url)) {
      const ad = AD_SEGMENT.exec(s.url);
      segments.push(ad ? { ...s, availId: ad[1]! } : s);
    }
  }
  if (segments.length === 0) throw new CheckError('the MPD lists no video segments the checker can address');
  let i = 0;
  return {
    sessionId,
    feed: { live: false, totalSeconds: segments.reduce((a, s) => a + s.duration, 0), next: async () => segments[i++] ?? 'end' },
  };
}
