// Explicit sessions (MediaTailor's POST /v1/session/…): what client-side reporting needs, since only they
// return the tracking URL. The answer's manifestUrl carries aws.sessionId.
import { postJson } from './http';

export interface ExplicitSession {
  manifestUrl: string;
  trackingUrl: string;
}

export interface ExplicitSessionBody {
  adsParams: Record<string, string>;
  playerParams: Record<string, string>;
  manifestParams: Record<string, string>;
  reportingMode: 'server' | 'client';
  insertionMode?: 'PLAYER_SELECT' | 'STITCHED_ONLY';
}

/** `playbackUrl` is the implicit playback URL (/v1/master/… or /v1/dash/…); its path names the session's endpoint. */
export function startExplicitSession(playbackUrl: string, body: ExplicitSessionBody, signal?: AbortSignal): Promise<ExplicitSession> {
  const u = new URL(playbackUrl);
  const path = u.pathname.replace(/^\/v1\/(master|dash)\//, '/v1/session/');
  return postJson<ExplicitSession>(path, body, { ...(signal ? { signal } : {}), timeoutMs: 10_000 });
}
