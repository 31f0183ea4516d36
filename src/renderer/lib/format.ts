// Display formatting shared by the panels.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local wall-clock time as HH:MM:SS.mmm. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Media time as M:SS.s (or H:MM:SS.s); "live" for Infinity, "–" when unknown. */
export function formatMediaTime(seconds: number): string {
  if (seconds === Number.POSITIVE_INFINITY) return 'live';
  if (!Number.isFinite(seconds)) return '–';
  const whole = Math.floor(seconds);
  const tenths = Math.floor((seconds - whole) * 10);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}.${tenths}` : `${m}:${pad(s)}.${tenths}`;
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '–';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export function formatBitrate(bitsPerSecond: number | undefined): string {
  if (bitsPerSecond === undefined || !Number.isFinite(bitsPerSecond) || bitsPerSecond <= 0) return '–';
  if (bitsPerSecond < 1_000_000) return `${Math.round(bitsPerSecond / 1000)} kbps`;
  return `${(bitsPerSecond / 1_000_000).toFixed(2)} Mbps`;
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** Enough of a session id to tell sessions apart in a column. */
export function shortSession(sessionId: string | undefined): string {
  if (!sessionId) return '';
  return sessionId.length <= 8 ? sessionId : sessionId.slice(0, 8);
}

/** Path and query of a URL, which is what differs between the engine's own URLs. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.origin === location.origin ? `${u.pathname}${u.search}` : `${u.host}${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

export function percent(fraction: number): number {
  return Math.max(0, Math.min(100, Math.round(fraction * 100)));
}
