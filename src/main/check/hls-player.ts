// A headless HLS player for `stitchbench check`: fetches the multivariant, the first variant's media playlist
// (refreshing it when live) and its segments in order like a player, keeps a buffer ahead of a playhead that
// advances in (optionally accelerated) real time, and reports what it lives through — position samples, stalls,
// discontinuities, ad starts and ends, errors — the same observations the bench's hls.js player reports.
import type { PlayerObservation } from '../../shared/player-report.js';
import { parseMultivariant } from '../stitch/hls/multivariant.js';
import { scanMediaPlaylist } from '../stitch/hls/scan-media.js';
import { CheckError } from './target.js';

export interface PlaySegment {
  url: string;
  duration: number;
  seq: number;
  discontinuity: boolean;
  pdtMs?: number;
  /** Ad segments come from /v1/segment/…/{availKey}/{item}/{k}: the avail key. */
  availKey?: string;
}

export interface HlsPlayOptions {
  /** Playback seconds to play (VOD default: all of it). */
  durationS?: number;
  /** Playhead speed (1 = real time; live is always 1). */
  speed: number;
  bufferAheadS: number;
  report(o: PlayerObservation): void;
  /** Playhead moved to position (seconds) / PDT: client beacons hook in here. */
  onPlayhead?(position: number, pdtMs: number | undefined): void;
  log(line: string): void;
  signal?: AbortSignal;
}

export interface HlsPlayResult {
  sessionId: string;
  live: boolean;
  played: number;
  segments: number;
  adSegments: number;
  stalls: number;
  /** Segment time to first byte, ms. */
  ttfb: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// /v1/segment/{acct}/{session}/{track}/{availKey}/{item}/{k}.ts
const AD_SEGMENT = /\/v1\/segment\/[^/]+\/[^/]+\/\d+\/(-?\d+)\/\d+\/\d+\.\w+/;

async function getText(url: string): Promise<{ text: string; url: string; headers: Headers }> {
  const res = await fetch(url).catch((e: Error) => {
    throw new CheckError(`cannot fetch ${url}: ${e.cause instanceof Error ? e.cause.message : e.message}`);
  });
  const text = await res.text();
  if (res.status !== 200) throw new CheckError(`GET ${url} answered ${res.status}: ${text.slice(0, 300).trim()}`);
  return { text, url: res.url, headers: res.headers };
}

export function readSegments(text: string, base: string): { segments: PlaySegment[]; live: boolean; targetDuration: number } {
  const scan = scanMediaPlaylist(text);
  if (!scan.valid) throw new CheckError('the media playlist is not a valid HLS playlist');
  const segments = scan.segments.map((s) => {
    const url = new URL(text.slice(s.uriStart, s.uriEnd).trim(), base).toString();
    const ad = AD_SEGMENT.exec(url);
    return { url, duration: s.duration, seq: s.seq, discontinuity: s.discontinuity, ...(s.pdtMs !== undefined ? { pdtMs: s.pdtMs } : {}), ...(ad ? { availKey: ad[1]! } : {}) };
  });
  return { segments, live: !scan.endList, targetDuration: scan.targetDuration };
}

export async function playHls(playbackUrl: string, opts: HlsPlayOptions): Promise<HlsPlayResult> {
  const mv = await getText(playbackUrl);
  let sessionId = mv.headers.get('x-stitchbench-session') ?? '';
  const tracks = parseMultivariant(mv.text, mv.url).tracks;
  // The first variant is the session's reference track: the one the stitcher places avails (and beacons) by.
  const variant = tracks.find((t) => t.kind === 'variant' || t.kind === 'video') ?? tracks[0];
  if (!variant) throw new CheckError(`${playbackUrl} lists no media playlist`);
  sessionId ||= /\/v1\/manifest\/[^/]+\/([^/]+)\//.exec(variant.url)?.[1] ?? '';
  if (!sessionId) throw new CheckError(`${playbackUrl} did not name a stitcher session (is it a Stitchbench playback URL?)`);
  opts.log(`session ${sessionId}: playing ${variant.url}`);

  let pl = readSegments((await getText(variant.url)).text, variant.url);
  const live = pl.live;
  const speed = live ? 1 : opts.speed;
  // Live starts three target durations behind the edge, as hls.js does.
  let next = live ? Math.max(0, pl.segments.length - 3) : 0;
  let nextSeq = pl.segments[next]?.seq ?? 0;
  const timeline: { start: number; seg: PlaySegment }[] = [];
  let bufferedEnd = 0;
  let playhead = 0;
  let ended = false;
  let fatal: string | undefined;
  const ttfb: number[] = [];
  let adSegments = 0;
  const limit = opts.durationS ?? (live ? 60 : pl.segments.reduce((a, s) => a + s.duration, 0));

  const downloader = (async () => {
    let lastRefresh = Date.now();
    while (!ended && !fatal) {
      if (opts.signal?.aborted) return;
      if (bufferedEnd - playhead >= opts.bufferAheadS || bufferedEnd >= limit) {
        await sleep(20);
        continue;
      }
      const seg = pl.segments.find((s) => s.seq === nextSeq);
      if (!seg) {
        if (!live) return;
        // Refresh no faster than every half target duration (RFC 8216 §6.3.4 asks for ≥ half when unchanged).
        const wait = Math.max(0, (pl.targetDuration * 1000) / 2 - (Date.now() - lastRefresh));
        await sleep(wait);
        lastRefresh = Date.now();
        pl = readSegments((await getText(variant.url)).text, variant.url);
        if (pl.segments.length && pl.segments[0]!.seq > nextSeq) {
          opts.report({ type: 'error', at: Date.now(), position: playhead, fatal: false, detail: `fell behind the live window: segment ${nextSeq} left before it was fetched` });
          nextSeq = pl.segments[0]!.seq;
        }
        continue;
      }
      const t0 = performance.now();
      const res = await fetch(seg.url).catch((e: Error) => ({ error: e }));
      if ('error' in res) {
        fatal = `segment ${seg.seq} ${seg.url}: ${res.error.message}`;
        return;
      }
      ttfb.push(Math.round((performance.now() - t0) * 100) / 100);
      await res.arrayBuffer();
      if (res.status !== 200) {
        fatal = `segment ${seg.seq} answered ${res.status}: ${seg.url}`;
        return;
      }
      if (seg.availKey !== undefined) adSegments++;
      timeline.push({ start: bufferedEnd, seg });
      bufferedEnd += seg.duration;
      nextSeq = seg.seq + 1;
    }
  })().catch((e: Error) => {
    fatal = e.message;
  });

  // The clock: the playhead moves while there is buffer; an empty buffer after the start is a stall.
  let last = Date.now();
  let started = false;
  let stallSince: number | undefined;
  let stalls = 0;
  let lastSample = 0;
  let index = -1;
  let currentAd: string | undefined;
  while (!ended) {
    await sleep(25);
    const now = Date.now();
    const dt = ((now - last) / 1000) * speed;
    last = now;
    if (fatal) {
      opts.report({ type: 'error', at: now, position: playhead, fatal: true, detail: fatal });
      break;
    }
    if (opts.signal?.aborted) break;
    const atEnd = bufferedEnd >= limit - 1e-6 || (!live && timeline.length > 0 && nextSeq > (pl.segments.at(-1)?.seq ?? 0));
    if (!started) {
      if (bufferedEnd > 0) started = true;
      else continue;
    }
    if (playhead < bufferedEnd) {
      if (stallSince !== undefined) {
        stalls++;
        opts.report({ type: 'stall', at: now, position: playhead, durationMs: now - stallSince });
        stallSince = undefined;
      }
      playhead = Math.min(bufferedEnd, playhead + dt);
    } else if (atEnd) {
      ended = true;
    } else stallSince ??= now;
    // Cross segment boundaries: discontinuities and ad starts/ends happen where the playhead enters a segment.
    while (index + 1 < timeline.length && timeline[index + 1]!.start <= playhead) {
      index++;
      const { seg } = timeline[index]!;
      if (index > 0 && seg.discontinuity) opts.report({ type: 'discontinuity', at: now, position: timeline[index]!.start });
      if (seg.availKey !== currentAd) {
        if (currentAd !== undefined) opts.report({ type: 'ad-end', at: now, position: timeline[index]!.start, availId: currentAd });
        if (seg.availKey !== undefined) opts.report({ type: 'ad-start', at: now, position: timeline[index]!.start, availId: seg.availKey });
        currentAd = seg.availKey;
      }
    }
    const cur = timeline[index];
    const pdtMs = cur?.seg.pdtMs !== undefined ? cur.seg.pdtMs + (playhead - cur.start) * 1000 : undefined;
    opts.onPlayhead?.(playhead, pdtMs);
    if (now - lastSample >= 200 || ended) {
      lastSample = now;
      opts.report({ type: 'position', at: now, position: playhead, ...(pdtMs !== undefined ? { pdtMs } : {}) });
    }
    if (playhead >= limit - 1e-6) ended = true;
  }
  ended = true;
  await downloader;
  if (!fatal) opts.report({ type: 'ended', at: Date.now(), position: playhead });
  return { sessionId, live, played: playhead, segments: timeline.length, adSegments, stalls, ttfb };
}
