// A stitched DASH URL without `aws.sessionId` creates a session on every GET (MediaTailor answers 302 to the
// same URL with the session's id). The player, the avails panel and the session API must agree on one
// session, so the renderer makes that first GET itself and gives dash.js the session's own URL.
import { getJson } from './http';
import { SESSION_HEADER, sessionIdFromDashUrl } from './playback-url';

export interface DashSession {
  sessionId: string;
  /** The session's MPD URL (/v1/dash/{acct}/{config}/{asset}.mpd?aws.sessionId={id}). */
  url: string;
}

/** One GET of the stitched URL (fetch follows the 302): the session it created and the URL that serves it. */
export async function openDashSession(url: string, signal?: AbortSignal): Promise<DashSession> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/dash+xml' }, signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new Error(`GET ${url}: stitcher unreachable (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    let detail = res.statusText;
    try {
      const body = JSON.parse(text) as { message?: unknown };
      if (typeof body.message === 'string' && body.message) detail = body.message;
    } catch {
      // not a JSON error body
    }
    throw new Error(`GET ${url} failed: ${res.status}${detail ? ` ${detail}` : ''}`);
  }
  // Only the session is wanted here: dash.js loads (and refreshes) the MPD itself.
  void res.body?.cancel().catch(() => {});
  // The header is readable on the engine's own origin (or where CORS exposes it); the final URL always carries the id.
  const sessionId = res.headers.get(SESSION_HEADER) || sessionIdFromDashUrl(res.url);
  if (!sessionId) throw new Error(`GET ${url}: the stitcher named no session (no ${SESSION_HEADER} header, no aws.sessionId in ${res.url})`);
  const session = new URL(res.url || url);
  if (session.searchParams.get('aws.sessionId') !== sessionId) session.searchParams.set('aws.sessionId', sessionId);
  return { sessionId, url: session.toString() };
}

/** One ad Period of a DASH session, as the session API lists it. */
export interface DashAdPeriodInfo {
  id: string;
  availId: string;
  adId: string;
  kind: string;
  duration: number;
  /** 1-based position within its avail, and the avail's number of ad Periods. */
  position: number;
  count: number;
}

interface SessionAvailsView {
  avails: { availId: string; periods?: { id: string; adId: string; kind: string; duration: number }[] }[];
}

/** The ad Periods of a stitched DASH session (GET /api/sessions/{id} avails[].periods), by Period id. */
export async function fetchDashAdPeriods(sessionId: string, signal?: AbortSignal): Promise<Map<string, DashAdPeriodInfo>> {
  const view = await getJson<SessionAvailsView>(`/api/sessions/${encodeURIComponent(sessionId)}`, { signal, timeoutMs: 5_000 });
  const out = new Map<string, DashAdPeriodInfo>();
  for (const avail of view.avails ?? []) {
    const periods = avail.periods ?? [];
    periods.forEach((p, i) => out.set(p.id, { ...p, availId: avail.availId, position: i + 1, count: periods.length }));
  }
  return out;
}
