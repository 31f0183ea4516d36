// MediaTailor's configuration API as the editor uses it: read one, replace one (PUT is the whole configuration),
// delete one. Failures are ApiErrors whose message carries the server's own explanation.
import type { PlaybackConfiguration, PutPlaybackConfigurationRequest } from '../../shared/playback-config';
import { deleteJson, getJson, putJson } from './http';

const path = (name: string) => `/playbackConfiguration/${encodeURIComponent(name)}`;

export function fetchPlaybackConfiguration(name: string, signal?: AbortSignal): Promise<PlaybackConfiguration> {
  return getJson<PlaybackConfiguration>(path(name), { signal });
}

export function putPlaybackConfiguration(body: PutPlaybackConfigurationRequest): Promise<PlaybackConfiguration> {
  return putJson<PlaybackConfiguration>('/playbackConfiguration', body);
}

export function deletePlaybackConfiguration(name: string): Promise<void> {
  return deleteJson(path(name));
}
