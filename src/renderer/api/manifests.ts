// GET /api/sessions/{id}/manifests: the manifest inspector's data (origin vs stitched per refresh, with lint).
import type { SessionManifests } from '../../shared/inspect-manifests';
import { getJson } from './http';

export interface ManifestQuery {
  track?: string;
  /** Only refreshes served after this engine time (ms): polls stay small. */
  since?: number;
  signal?: AbortSignal;
}

export function fetchManifests(sessionId: string, q: ManifestQuery = {}): Promise<SessionManifests> {
  const params = new URLSearchParams();
  if (q.track !== undefined) params.set('track', q.track);
  if (q.since !== undefined) params.set('since', String(q.since));
  const query = params.size ? `?${params}` : '';
  return getJson<SessionManifests>(`/api/sessions/${encodeURIComponent(sessionId)}/manifests${query}`, q.signal ? { signal: q.signal, timeoutMs: 5_000 } : { timeoutMs: 5_000 });
}
