// Pure layout of the ad timeline: which span of the session's timeline to show, and where avails, their ads,
// slate, fallbacks and the played spans sit in it (as fractions 0..1 of the width).
import type { AvailView } from '../../shared/session-view';

export interface Range {
  from: number;
  to: number;
}

export interface TimelineBlock {
  kind: 'ad' | 'slate' | 'bumper' | 'fallback';
  left: number;
  width: number;
  label: string;
  adId?: string;
}

export interface TimelineAvail {
  availId: string;
  /** Seconds on the session timeline. */
  start: number;
  end: number;
  left: number;
  width: number;
  blocks: TimelineBlock[];
  avail: AvailView;
}

/** VOD: the whole programme. Live: the last ~2 minutes around the playhead, with room ahead for what's coming. */
export function visibleRange(opts: { live: boolean; duration: number; playhead: number | null; avails: AvailView[] }): Range {
  const ends = opts.avails.filter((a) => a.startSeconds !== null).map((a) => a.startSeconds! + availLength(a));
  if (!opts.live) {
    const to = Number.isFinite(opts.duration) && opts.duration > 0 ? opts.duration : Math.max(60, ...ends, (opts.playhead ?? 0) + 10);
    return { from: 0, to };
  }
  const head = opts.playhead ?? Math.max(0, ...ends);
  return { from: Math.max(0, head - 120), to: head + 30 };
}

/** How long an avail occupies the output: its ads and slate, or its signalled duration when it fell back. */
export function availLength(a: AvailView): number {
  const placed = a.filledSeconds + a.slateSeconds;
  if (placed > 0) return placed;
  return Math.max(1, (a.durationSeconds ?? 0) - a.startOffset);
}

const frac = (t: number, r: Range) => (t - r.from) / (r.to - r.from);

export function layoutAvails(avails: AvailView[], r: Range): TimelineAvail[] {
  const out: TimelineAvail[] = [];
  for (const a of avails) {
    if (a.startSeconds === null) continue;
    const start = a.startSeconds;
    const end = start + availLength(a);
    if (end < r.from || start > r.to) continue;
    const blocks: TimelineBlock[] = a.fallback
      ? [{ kind: 'fallback', left: frac(start, r), width: frac(end, r) - frac(start, r), label: a.fallback }]
      : a.ads.map((ad) => {
          const s = start + ad.offset - a.startOffset;
          const kind = ad.kind === 'slate' ? 'slate' : ad.kind === 'ad' ? 'ad' : 'bumper';
          return { kind, left: frac(s, r), width: frac(s + ad.duration, r) - frac(s, r), label: ad.title ?? ad.adId, adId: ad.adId };
        });
    out.push({ availId: a.availId, start, end, left: frac(start, r), width: frac(end, r) - frac(start, r), blocks, avail: a });
  }
  return out;
}

/** Tick marks: a step that gives 5–12 labels across the range. */
export function ticks(r: Range): number[] {
  const span = r.to - r.from;
  const step = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600].find((s) => span / s <= 12) ?? 7200;
  const out: number[] = [];
  for (let t = Math.ceil(r.from / step) * step; t <= r.to; t += step) out.push(t);
  return out;
}

export function position(t: number, r: Range): number {
  return Math.min(1, Math.max(0, frac(t, r)));
}
