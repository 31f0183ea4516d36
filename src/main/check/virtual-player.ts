// The clock and downloader of the headless player: fetches segments from a feed in order, keeps a buffer ahead
// of a playhead moving in (optionally accelerated) real time, and reports what a real player would — playhead
// samples, stalls, discontinuities, Period switches, ad starts and ends, fatal errors. HLS and DASH differ only
// in their feeds (hls-player.ts, dash-player.ts).
import type { PlayerObservation } from '../../shared/player-report.js';

export interface PlaySegment {
  url: string;
  duration: number;
  /** Init segment (EXT-X-MAP / DASH initialization): fetched once when it changes. */
  init?: string;
  discontinuity?: boolean;
  pdtMs?: number;
  /** Ad segments: the avail they belong to. */
  availId?: string;
  /** DASH: the Period the segment belongs to (a change is a Period switch). */
  periodId?: string;
  /** DASH: where the segment starts on the MPD timeline (seconds). */
  startTime?: number;
}

/** Where segments come from: the next one, 'wait' (live: not published yet), or 'end'. */
export interface SegmentFeed {
  next(): Promise<PlaySegment | 'wait' | 'end'>;
  /** Total seconds when known (VOD). */
  totalSeconds?: number;
  live: boolean;
  /** Where the playhead starts (DASH live: the MPD time of the first segment played); default 0. */
  startPosition?: number;
}

export interface PlayOptions {
  /** Playback seconds to play (VOD default: all of it; live: 60). */
  durationS?: number;
  /** Playhead speed (1 = real time; live is always 1). */
  speed: number;
  bufferAheadS: number;
  report(o: PlayerObservation): void;
  /** Playhead moved: client beacons hook in here. */
  onPlayhead?(position: number, pdtMs: number | undefined): void;
  signal?: AbortSignal;
}

export interface PlayResult {
  played: number;
  segments: number;
  adSegments: number;
  stalls: number;
  /** Segment time to first byte (redirects included), ms. */
  ttfb: number[];
  fatal?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function download(url: string): Promise<{ ms: number } | { error: string }> {
  const t0 = performance.now();
  const res = await fetch(url).catch((e: Error) => ({ error: `${url}: ${e.cause instanceof Error ? e.cause.message : e.message}` }));
  if ('error' in res) return res;
  const ms = Math.round((performance.now() - t0) * 100) / 100;
  await res.arrayBuffer();
  return res.status === 200 ? { ms } : { error: `${url} answered ${res.status}` };
}

export async function playSegments(feed: SegmentFeed, opts: PlayOptions): Promise<PlayResult> {
  const speed = feed.live ? 1 : opts.speed;
  const limit = opts.durationS ?? (feed.live ? 60 : (feed.totalSeconds ?? Infinity));
  const timeline: { start: number; seg: PlaySegment }[] = [];
  const ttfb: number[] = [];
  // Positions are on the stream's own timeline (DASH: MPD time), which is the session's timeline for DASH.
  const origin = feed.startPosition ?? 0;
  let bufferedEnd = origin;
  let playhead = origin;
  let ended = false;
  let feedDone = false;
  let fatal: string | undefined;
  let adSegments = 0;
  let lastInit: string | undefined;

  const downloader = (async () => {
    while (!ended && !fatal && !opts.signal?.aborted) {
      if (bufferedEnd - playhead >= opts.bufferAheadS || bufferedEnd - origin >= limit) {
        await sleep(20);
        continue;
      }
      const seg = await feed.next();
      if (seg === 'end') {
        feedDone = true;
        return;
      }
      if (seg === 'wait') continue;
      if (seg.init && seg.init !== lastInit) {
        const r = await download(seg.init);
        if ('error' in r) {
          fatal = `init segment ${r.error}`;
          return;
        }
        lastInit = seg.init;
      }
      const r = await download(seg.url);
      if ('error' in r) {
        fatal = `segment ${r.error}`;
        return;
      }
      ttfb.push(r.ms);
      if (seg.availId !== undefined) adSegments++;
      timeline.push({ start: bufferedEnd, seg });
      bufferedEnd += seg.duration;
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
    if (!started) {
      if (bufferedEnd > origin) started = true;
      else if (feedDone) break;
      else continue;
    }
    if (playhead < bufferedEnd) {
      if (stallSince !== undefined) {
        stalls++;
        opts.report({ type: 'stall', at: now, position: playhead, durationMs: now - stallSince });
        stallSince = undefined;
      }
      playhead = Math.min(bufferedEnd, playhead + dt);
    } else if (feedDone || bufferedEnd - origin >= limit - 1e-6) {
      ended = true;
    } else stallSince ??= now;
    // Crossing into a segment is where discontinuities, Period switches and ad starts/ends happen.
    while (index + 1 < timeline.length && timeline[index + 1]!.start <= playhead) {
      index++;
      const { seg, start } = timeline[index]!;
      const prev = timeline[index - 1]?.seg;
      if (prev && seg.discontinuity) opts.report({ type: 'discontinuity', at: now, position: start });
      if (prev && seg.periodId !== prev.periodId) opts.report({ type: 'period', at: now, position: start, detail: `${prev.periodId} → ${seg.periodId}` });
      if (seg.availId !== currentAd) {
        if (currentAd !== undefined) opts.report({ type: 'ad-end', at: now, position: start, availId: currentAd });
        if (seg.availId !== undefined) opts.report({ type: 'ad-start', at: now, position: start, availId: seg.availId });
        currentAd = seg.availId;
      }
    }
    const cur = timeline[index];
    const pdtMs = cur?.seg.pdtMs !== undefined ? cur.seg.pdtMs + (playhead - cur.start) * 1000 : undefined;
    opts.onPlayhead?.(playhead, pdtMs);
    if (now - lastSample >= 200 || ended) {
      lastSample = now;
      opts.report({ type: 'position', at: now, position: playhead, ...(pdtMs !== undefined ? { pdtMs } : {}) });
    }
    if (playhead - origin >= limit - 1e-6) ended = true;
  }
  ended = true;
  await downloader;
  if (!fatal) opts.report({ type: 'ended', at: Date.now(), position: playhead });
  return { played: playhead - origin, segments: timeline.length, adSegments, stalls, ttfb, ...(fatal ? { fatal } : {}) };
}
