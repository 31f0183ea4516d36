// CdnConfiguration.ContentSegmentUrlPrefix: replaces the origin (VideoContentSourceUrl) part of content URLs,
// in HLS playlists and DASH BaseURLs alike.
export function contentRewriter(source: string, prefix: string): (absolute: string) => string {
  const from = source.replace(/\/+$/, '');
  const to = prefix.replace(/\/+$/, '');
  return (u) => (u.startsWith(from) ? to + u.slice(from.length) : u);
}

/** Milliseconds rounded to 0.01 for latency events. */
export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}
