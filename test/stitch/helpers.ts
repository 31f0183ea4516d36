// Shared helpers for HLS stitcher tests: fixture loading and reading a stitched playlist back.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixtureDir } from '../helpers/fixtures.js';
import type { TrackAvail } from '../../src/main/stitch/hls/plan.js';

export const HLS_FIXTURE_DIR = fixtureDir('hls');

export function fixture(rel: string): string {
  return readFileSync(join(HLS_FIXTURE_DIR, rel), 'utf8');
}

export function allFixtures(dir = HLS_FIXTURE_DIR): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...allFixtures(p));
    else if (name.endsWith('.m3u8')) out.push(relative(HLS_FIXTURE_DIR, p));
  }
  return out.sort();
}

export interface OutSegment {
  uri: string;
  duration: number;
  /** Media sequence number as a player computes it. */
  seq: number;
  /** Discontinuity sequence (hls.js "cc") as a player computes it. */
  cc: number;
  tags: string[];
}

/** Reads a media playlist the way a player numbers it. */
export function readPlaylist(text: string): { header: Record<string, string>; segments: OutSegment[]; lines: string[] } {
  const lines = text.split('\n').filter(Boolean);
  const header: Record<string, string> = {};
  for (const l of lines) {
    const m = /^#(EXT-X-(?:TARGETDURATION|MEDIA-SEQUENCE|DISCONTINUITY-SEQUENCE|VERSION|PLAYLIST-TYPE)):(.*)$/.exec(l);
    if (m) header[m[1]!] = m[2]!;
  }
  let seq = Number(header['EXT-X-MEDIA-SEQUENCE'] ?? 0);
  let cc = Number(header['EXT-X-DISCONTINUITY-SEQUENCE'] ?? 0);
  const segments: OutSegment[] = [];
  let tags: string[] = [];
  let duration = -1;
  for (const l of lines) {
    if (l.startsWith('#')) {
      if (l === '#EXT-X-DISCONTINUITY') cc++;
      if (l.startsWith('#EXTINF:')) duration = Number.parseFloat(l.slice(8));
      else if (!/^#EXT-X-(TARGETDURATION|MEDIA-SEQUENCE|DISCONTINUITY-SEQUENCE|VERSION|PLAYLIST-TYPE|INDEPENDENT-SEGMENTS|ENDLIST)|^#EXTM3U/.test(l)) tags.push(l);
      continue;
    }
    segments.push({ uri: l, duration, seq: seq++, cc, tags });
    tags = [];
  }
  return { header, segments, lines };
}

/** An avail of `ads` ads, each `segs` segments of `dur` seconds. */
export function makeAvail(availId: string, ads: number, segs: number, dur: number, opts: { map?: boolean; startOffset?: number } = {}): TrackAvail {
  const segments = [];
  let offset = opts.startOffset ?? 0;
  for (let a = 0; a < ads; a++) {
    for (let s = 0; s < segs; s++) {
      segments.push({
        uri: `https://ads.example/${availId}/ad${a}/${s}.${opts.map ? 'm4s' : 'ts'}`,
        duration: dur,
        offset,
        discontinuity: s === 0,
        adId: `ad${a}`,
        ...(opts.map ? { map: `https://ads.example/${availId}/ad${a}/init.mp4` } : {}),
      });
      offset += dur;
    }
  }
  return { availId, segments, duration: ads * segs * dur, ...(opts.startOffset ? { startOffset: opts.startOffset } : {}) };
}
