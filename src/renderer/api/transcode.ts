// Typed calls to the engine's ad-transcoding API (/api/transcode…), and the one configuration field the
// transcoding panel edits (TranscodeWaitSeconds) through MediaTailor's own configuration API.
import type { PlaybackConfiguration } from '../../shared/playback-config';
import type { PrewarmRequest, PrewarmResponse, TranscodeOverview } from '../../shared/transcode';
import { putBodyOf, withTranscodeWait } from '../lib/config-put-body';
import { deleteJson, getJson, postJson, putJson } from './http';

export function fetchTranscodeOverview(signal?: AbortSignal): Promise<TranscodeOverview> {
  return getJson<TranscodeOverview>('/api/transcode', signal ? { signal } : {});
}

/** Discovers the content profile and asks the ADS before answering: allow more than the default 10 s. */
export function prewarmTranscodes(request: PrewarmRequest): Promise<PrewarmResponse> {
  return postJson<PrewarmResponse>('/api/transcode/prewarm', request, { timeoutMs: 60_000 });
}

/** 404: no such job; 409: it already finished. */
export function cancelTranscodeJob(jobId: string): Promise<void> {
  return deleteJson(`/api/transcode/jobs/${encodeURIComponent(jobId)}`);
}

/** 404: not (or no longer) cached. */
export function removeCachedAd(key: string): Promise<void> {
  return deleteJson(`/api/transcode/cache/${encodeURIComponent(key)}`);
}

export function clearTranscodeCache(): Promise<void> {
  return deleteJson('/api/transcode/cache');
}

/**
 * Sets the configuration's TranscodeWaitSeconds (0 removes it: absent means 0). Reads the stored configuration
 * first so the PUT, which replaces the whole configuration, keeps every other field as it is now.
 */
export async function saveTranscodeWaitSeconds(configName: string, seconds: number): Promise<PlaybackConfiguration> {
  const current = await getJson<PlaybackConfiguration>(`/playbackConfiguration/${encodeURIComponent(configName)}`);
  return putJson<PlaybackConfiguration>('/playbackConfiguration', withTranscodeWait(putBodyOf(current), seconds));
}
