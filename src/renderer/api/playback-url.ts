// The one place that decides what URL a player loads for an asset. Today the origin stream is
// played directly; once the stitcher serves sessions this builds the configuration's playback URL.
import type { DemoAsset } from '../../shared/catalog';
import type { PlaybackConfiguration } from '../../shared/playback-config';

export function playbackUrlFor(asset: DemoAsset, _config: PlaybackConfiguration | undefined): string {
  return asset.originUrl;
}
