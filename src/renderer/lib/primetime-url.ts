// The Primetime bootstrap URL for a content URL (see src/main/primetime/bootstrap-routes.ts):
// /auditude/variant/{publisherAssetId}/{URL-safe base64 of the content URL, no padding}.m3u8|.mpd?pt…
// Pure; btoa and TextEncoder exist in browsers and in Node, so the unit tests run it as the page does.

/** 'none' omits pttrackingmode: Primetime's EXT-X-MARKER mode (tracking tags in the HLS playlists, a 302). */
export type TrackingMode = 'sstm' | 'simple' | 'simplesstm' | 'none';

export interface BootstrapInput {
  /** The engine's base URL (no trailing slash). */
  base: string;
  assetId: string;
  contentUrl: string;
  format: 'hls' | 'dash';
  trackingMode: TrackingMode;
  /** Targeting: "k1=v1;k2=v2" (empty: none). */
  targeting: string;
  /** Passed through as pttimeline when not empty. */
  timeline: string;
  /** Playback configuration whose ADS and settings apply (ptconfig, a bench extension). */
  config?: string;
}

/** RFC 4648 §5 base64 of the UTF-8 text, without "=" padding. */
export function base64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function bootstrapUrl(i: BootstrapInput): string {
  const query = new URLSearchParams(i.trackingMode === 'none' ? {} : { pttrackingmode: i.trackingMode });
  if (i.targeting.trim()) query.set('k', i.targeting.trim());
  if (i.timeline.trim()) query.set('pttimeline', i.timeline.trim());
  if (i.config) query.set('ptconfig', i.config);
  const file = `${base64Url(i.contentUrl)}.${i.format === 'dash' ? 'mpd' : 'm3u8'}`;
  const q = query.toString();
  return `${i.base.replace(/\/+$/, '')}/auditude/variant/${encodeURIComponent(i.assetId)}/${file}${q ? `?${q}` : ''}`;
}

/** How Play reaches the session: JSON (simple), a 302 followed by the player (sstm, simplesstm: the server fires
 *  the beacons), or a 302 the bench follows itself to learn the session (none: EXT-X-MARKER sessions report
 *  client-side, and the bench's player reports through the session's tracking endpoint). */
export function playPath(mode: TrackingMode): 'json' | 'redirect' | 'follow' {
  return mode === 'simple' ? 'json' : mode === 'none' ? 'follow' : 'redirect';
}

/** The session's MediaTailor tracking path from the playback URL a bootstrap redirected to
 *  (/v1/master|dash/{acct}/{config}/…?aws.sessionId=…); undefined for anything else. */
export function trackingPathOf(sessionUrl: string): string | undefined {
  const u = new URL(sessionUrl);
  const m = /^\/v1\/(?:master|dash)\/([^/]+)\/([^/]+)\//.exec(u.pathname);
  const id = u.searchParams.get('aws.sessionId');
  return m && id ? `/v1/tracking/${m[1]}/${m[2]}/${encodeURIComponent(id)}` : undefined;
}

/** The manifest and MediaTailor tracking path of a JSON bootstrap answer; the sidecar (…/primetime.json|vmap)
 *  sits under the session's tracking endpoint, which is what client-side beacons poll. */
export function readBootstrapAnswer(body: unknown, requestUrl: string): { manifestUrl: string; trackingPath?: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const manifest = b['Master-M3U8'] ?? b['Master-MPD'];
  if (typeof manifest !== 'string' || !manifest) throw new Error('The bootstrap answer has no Master-M3U8 or Master-MPD');
  const tracking = typeof b['Tracking-URL'] === 'string' ? new URL(b['Tracking-URL'], requestUrl).pathname.replace(/\/primetime\.(json|vmap)$/, '') : undefined;
  return { manifestUrl: new URL(manifest, requestUrl).toString(), ...(tracking ? { trackingPath: tracking } : {}) };
}
