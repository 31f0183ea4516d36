// The benchmark fixture from DESIGN.md, shared by the bench and the stitcher's tests so figures compare
// across runs: a 600 × 6 s VOD playlist with one break at 300 s filled by two 10 s ads of 5 × 2 s segments,
// and a 60-segment live window with CUE-OUT / CUE-OUT-CONT / CUE-IN breaks that advances one segment per call.
import type { OriginBreak } from '../../src/main/stitch/hls/markers.js';
import type { TrackAvail } from '../../src/main/stitch/hls/plan.js';

export const VOD_SEGMENTS = 600;
export const BREAK_AT_INDEX = 50; // 300 s / 6 s

export function vodFixture(): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:6', '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD'];
  for (let i = 0; i < VOD_SEGMENTS; i++) lines.push('#EXTINF:6.000,', `segment_${i}.ts`);
  lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

/** Two 10 s ads of 5 × 2 s segments each. */
export function fixtureAvail(availId = '0', base = 'http://127.0.0.1:1/v1/segment/acct/session/0'): TrackAvail {
  const segments = [];
  let offset = 0;
  for (const ad of ['ad1', 'ad2']) {
    for (let s = 0; s < 5; s++) {
      segments.push({ uri: `${base}/${availId}/${ad}/${s}.ts`, duration: 2, offset, discontinuity: s === 0, adId: ad });
      offset += 2;
    }
  }
  return { availId, segments, duration: offset };
}

/** The fixture's break: an insertion before segment 50 (the playlist itself carries no markers). */
export function fixtureBreak(): OriginBreak {
  return { startIndex: BREAK_AT_INDEX, endIndex: BREAK_AT_INDEX, closed: true, startSeq: BREAK_AT_INDEX, elapsedAtStart: 0, mode: 'insert', source: 'cue-out' };
}

/**
 * Naive baseline (b): the splice a first attempt writes: split into lines, find the segment at the break,
 * splice in the ads with DISCONTINUITY and CUE-OUT/CUE-IN, join. (No URI resolution, no marker handling.)
 */
export function naiveSplice(text: string, avail: TrackAvail): string {
  const lines = text.split('\n');
  const at = lines.indexOf(`segment_${BREAK_AT_INDEX}.ts`) - 1;
  const ads = [`#EXT-X-CUE-OUT:${avail.duration}`];
  for (const s of avail.segments) {
    if (s.discontinuity) ads.push('#EXT-X-DISCONTINUITY');
    ads.push(`#EXTINF:${s.duration.toFixed(3)},`, s.uri);
  }
  ads.push('#EXT-X-CUE-IN', '#EXT-X-DISCONTINUITY');
  lines.splice(at, 0, ...ads);
  return lines.join('\n');
}

const LIVE_WINDOW = 60;
const LIVE_BREAK_EVERY = 30; // segments
const LIVE_BREAK_LENGTH = 10; // segments (20 s of 2 s segments)

/** Live window starting at media sequence `first`: 2 s segments, a 20 s break every 60 s. */
export function liveFixture(first: number): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', `#EXT-X-MEDIA-SEQUENCE:${first}`, '#EXT-X-DISCONTINUITY-SEQUENCE:0'];
  for (let seq = first; seq < first + LIVE_WINDOW; seq++) {
    const pos = seq % LIVE_BREAK_EVERY;
    if (pos === 0) lines.push('#EXT-X-CUE-OUT:DURATION=20.000');
    else if (pos < LIVE_BREAK_LENGTH) lines.push(`#EXT-X-CUE-OUT-CONT:ElapsedTime=${(pos * 2).toFixed(3)},Duration=20.000`);
    else if (pos === LIVE_BREAK_LENGTH) lines.push('#EXT-X-CUE-IN');
    lines.push('#EXTINF:2.000,', `live_${seq}.ts`);
  }
  return `${lines.join('\n')}\n`;
}

/** Live break starts (media sequence numbers) in a window. */
export function liveBreakStarts(first: number): number[] {
  const out: number[] = [];
  for (let seq = first - LIVE_BREAK_LENGTH; seq < first + LIVE_WINDOW; seq++) if (seq >= 0 && seq % LIVE_BREAK_EVERY === 0) out.push(seq);
  return out;
}
