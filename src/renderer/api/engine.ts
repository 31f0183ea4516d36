// Typed calls to the engine's HTTP API.
import type { DemoCatalog, HealthStatus } from '../../shared/catalog';
import type { PlaybackConfiguration } from '../../shared/playback-config';
import { ApiError, getJson } from './http';

/**
 * GET /healthz. A 503 is an answer, not a failure: the body still says how far the demo world is.
 * Only an unreachable engine or a body without a status throws.
 */
export async function fetchHealth(signal?: AbortSignal): Promise<HealthStatus> {
  try {
    return await getJson<HealthStatus>('/healthz', { signal, timeoutMs: 5_000 });
  } catch (err) {
    if (err instanceof ApiError && err.status === 503 && isHealth(err.body)) return err.body;
    throw err;
  }
}

/** GET /demo/catalog; throws ApiError with status 503 while the demo world is being built. */
export function fetchCatalog(signal?: AbortSignal): Promise<DemoCatalog> {
  return getJson<DemoCatalog>('/demo/catalog', { signal });
}

export async function fetchPlaybackConfigurations(signal?: AbortSignal): Promise<PlaybackConfiguration[]> {
  const body = await getJson<{ Items?: PlaybackConfiguration[] }>('/playbackConfigurations', { signal });
  return body.Items ?? [];
}

function isHealth(body: unknown): body is HealthStatus {
  return typeof body === 'object' && body !== null && 'status' in body && 'demo' in body;
}
