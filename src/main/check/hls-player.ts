// The HLS feed of the headless player: the multivariant names the session; the first variant (the session's
// reference track, which places avails and drives beacons) is played — its media playlist refreshed when live,
// starting three target durations behind the edge as hls.js does.
import { parseMultivariant } from '../stitch/hls/multivariant.js';
import { scanMediaPlaylist } from '../stitch/hls/scan-media.js';
import { CheckError } from './target.js';
import type { PlaySegment, SegmentFeed } from './virtual-player.js';

// /v1/segment/{acct}/{session}/{track}/{availKey}/{item}/{k}.ts
const AD_SEGMENT = /\/v1\/segment\/[^/]+\/[^/]+\/\d+\/(-?\d+)\/\d+\/\d+\.\w+/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function getText(url: string): Promise<{ text: string; url: string; headers: Headers }> {
  const res = await fetch(url).catch((e: Error) => {
    throw new CheckError(`cannot fetch ${url}: ${e.cause instanceof Error ? e.cause.message : e.message}`);
  });
  const text = await res.text();
  if (res.status !== 200) throw new CheckError(`GET ${url} answered ${res.status}: ${text.slice(0, 300).trim()}`);
  return { text, url: res.url, headers: res.headers };
}

interface Listed extends PlaySegment {
  seq: number;
}

export function readSegments(text: string, base: string): { segments: Listed[]; live: boolean; targetDuration: number } {
  const scan = scanMediaPlaylist(text);
  if (!scan.valid) throw new CheckError('the media playlist is not a valid HLS playlist');
  const segments = scan.segments.map((s) => {
    const url = new URL(text.slice(s.uriStart, s.uriEnd).trim(), base).toString();
    const ad = AD_SEGMENT.exec(url);
    const map = s.map ? /URI="([^"]+)"/.exec(s.map)?.[1] : undefined;
    return {
      url,
      seq: s.seq,
      duration: s.duration,
      discontinuity: s.discontinuity,
      ...(map ? { init: new URL(map, base).toString() } : {}),
      ...(s.pdtMs !== undefined ? { pdtMs: s.pdtMs } : {}),
      ...(ad ? { availId: ad[1]! } : {}),
    };
  });
  return { segments, live: !scan.endList, targetDuration: scan.targetDuration };
}

export async function openHls(playbackUrl: string, log: (line: string) => void): Promise<{ sessionId: string; feed: SegmentFeed }> {
  const mv = await getText(playbackUrl);
  const tracks = parseMultivariant(mv.text, mv.url).tracks;
  const variant = tracks.find((t) => t.kind === 'variant' || t.kind === 'video') ?? tracks[0];
  if (!variant) throw new CheckError(`${playbackUrl} lists no media playlist`);
  const sessionId = mv.headers.get('x-stitchbench-session') ?? /\/v1\/manifest\/[^/]+\/([^/]+)\//.exec(variant.url)?.[1] ?? '';
  if (!sessionId) throw new CheckError(`${playbackUrl} did not name a stitcher session (is it a Stitchbench playback URL?)`);
  log(`session ${sessionId}: playing ${variant.url}`);

  let pl = readSegments((await getText(variant.url)).text, variant.url);
  const live = pl.live;
  let nextSeq = pl.segments[live ? Math.max(0, pl.segments.length - 3) : 0]?.seq ?? 0;
  let lastRefresh = Date.now();
  const feed: SegmentFeed = {
    live,
    ...(live ? {} : { totalSeconds: pl.segments.reduce((a, s) => a + s.duration, 0) }),
    async next() {
      const seg = pl.segments.find((s) => s.seq === nextSeq);
      if (seg) {
        nextSeq++;
        return seg;
      }
      if (!live) return 'end';
      // Refresh no faster than every half target duration (RFC 8216 §6.3.4 asks for ≥ half when unchanged).
      await sleep(Math.max(0, (pl.targetDuration * 1000) / 2 - (Date.now() - lastRefresh)));
      lastRefresh = Date.now();
      pl = readSegments((await getText(variant.url)).text, variant.url);
      // Fell behind the window: resume at its start (a real player would too).
      if (pl.segments.length && pl.segments[0]!.seq > nextSeq) nextSeq = pl.segments[0]!.seq;
      return 'wait';
    },
  };
  return { sessionId, feed };
}
