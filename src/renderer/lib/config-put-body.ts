// A playback configuration as GET answers it, turned back into a PUT body. PUT replaces the whole configuration,
// so an edit of one field must send every other field as stored — minus what the server derives, which its
// schema refuses (DashConfiguration is strict: ManifestEndpointPrefix there fails the PUT).
import type { PlaybackConfiguration, PutPlaybackConfigurationRequest } from '../../shared/playback-config';

export function putBodyOf(config: PlaybackConfiguration): PutPlaybackConfigurationRequest {
  const {
    PlaybackConfigurationArn: _arn,
    PlaybackEndpointPrefix: _playback,
    SessionInitializationEndpointPrefix: _session,
    HlsConfiguration: _hls,
    LogConfiguration: _log,
    DashConfiguration,
    ...rest
  } = config;
  const { ManifestEndpointPrefix: _dash, ...dash } = DashConfiguration ?? {};
  return Object.keys(dash).length > 0 ? { ...rest, DashConfiguration: dash } : rest;
}

/** TranscodeWaitSeconds set, or removed for 0 (absent means 0, and keeps the stored shape MediaTailor's). */
export function withTranscodeWait(body: PutPlaybackConfigurationRequest, seconds: number): PutPlaybackConfigurationRequest {
  const { TranscodeWaitSeconds: _old, ...rest } = body;
  return seconds > 0 ? { ...rest, TranscodeWaitSeconds: seconds } : rest;
}
