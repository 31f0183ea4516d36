// Helpers for playback integration tests: a real engine with the demo world, configurations that point the
// demo ADS at its fault modes, and reading stitched playlists.
import type { TestEngine } from '../helpers/engine.js';

export async function putConfig(engine: TestEngine, name: string, fields: Record<string, unknown>): Promise<void> {
  const base = {
    Name: name,
    VideoContentSourceUrl: `${engine.url}/demo/origin`,
    AdDecisionServerUrl: `${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&sid=[session.id]`,
  };
  const res = await engine.get('/playbackConfiguration', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, ...fields }) });
  if (res.status !== 200) throw new Error(`PUT config ${name}: ${res.status} ${await res.text()}`);
}

export interface Started {
  sessionId: string;
  multivariant: string;
  mediaUrls: string[];
}

export async function startSession(engine: TestEngine, config: string, asset: string, query = ''): Promise<Started> {
  const res = await engine.get(`/v1/master/${engine.accountId}/${config}/${asset}${query}`);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`master ${res.status}: ${text}`);
  const sessionId = res.headers.get('x-stitchbench-session')!;
  const mediaUrls = text.split('\n').filter((l) => l.startsWith('/v1/manifest/'));
  for (const m of text.matchAll(/URI="(\/v1\/manifest\/[^"]+)"/g)) mediaUrls.push(m[1]!);
  return { sessionId, multivariant: text, mediaUrls };
}

export async function text(engine: TestEngine, path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await engine.get(path);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

export interface SessionView {
  live: boolean | null;
  container: string | null;
  avails: { availId: string; key: number; durationSeconds: number | null; filledSeconds: number; slateSeconds: number; startOffset: number; fallback: string | null; fallbackDetail: string | null; adsUrl: string | null; ads: { kind: string; adId: string; duration: number }[]; skipped: { adId: string; reason: string }[]; vast: { errorCode?: number; hops: unknown[] } | null }[];
  debug?: { track: number; origin: string; stitched: string }[];
}

export async function sessionView(engine: TestEngine, id: string): Promise<SessionView> {
  return (await engine.json<SessionView>(`/api/sessions/${id}`)).body;
}
