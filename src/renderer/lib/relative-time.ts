// Epoch times as a person reads them next to a clock: "in 20 s", "3 min ago", and windows as "in 20 s → 50 s".
// Pure (now is passed in), so the prefetch panel re-renders them on every poll without a timer of its own.

/** A span of milliseconds in the largest unit that keeps it short: 45 s, 10 min, 2 h 5 min. */
export function formatSpan(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 120) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
}

/** One moment relative to now: "now", "in 20 s", "20 s ago". */
export function formatRelative(atMs: number, nowMs: number): string {
  const d = atMs - nowMs;
  if (Math.abs(d) < 500) return 'now';
  return d > 0 ? `in ${formatSpan(d)}` : `${formatSpan(d)} ago`;
}

/** A window relative to now, saying "in"/"ago" once where both ends share it: "in 20 s → 50 s", "40 s ago → in 20 s". */
export function formatWindow(w: { start: number; end: number }, nowMs: number): string {
  const start = formatRelative(w.start, nowMs);
  const end = formatRelative(w.end, nowMs);
  if (w.start > nowMs + 500 && w.end > nowMs + 500) return `${start} → ${formatSpan(w.end - nowMs)}`;
  if (w.start < nowMs - 500 && w.end < nowMs - 500) return `${formatSpan(w.start - nowMs)} → ${end}`;
  return `${start} → ${end}`;
}
