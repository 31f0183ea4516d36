// Keeps the default "demo" playback configuration present and pointing at this run's server. The demo's
// URLs embed the loopback port, which changes between runs (port 0), so a demo configuration that still
// points at a loopback /demo/ URL is re-based; one the user pointed elsewhere is left alone.
import type { PutPlaybackConfigurationRequest } from '../../shared/playback-config.js';
import type { PlaybackConfigStore } from '../config/store.js';
import { DEMO_CONFIG_NAME, demoAdsUrl } from '../demo/world.js';

const DEMO_TAG = 'stitchbench:demo';
const LOOPBACK_DEMO = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+(\/demo\/.*)$/;

function rebase(url: string | undefined, base: string): string | undefined {
  if (!url) return url;
  const m = LOOPBACK_DEMO.exec(url);
  return m ? `${base}${m[2]}` : url;
}

export function demoConfiguration(base: string): PutPlaybackConfigurationRequest {
  return {
    Name: DEMO_CONFIG_NAME,
    VideoContentSourceUrl: `${base}/demo/origin`,
    AdDecisionServerUrl: demoAdsUrl(base),
    SlateAdUrl: `${base}/demo/ads/media/slate/mezzanine.mp4`,
    PersonalizationThresholdSeconds: 2,
    AvailSuppression: { Mode: 'OFF' },
    DashConfiguration: { MpdLocation: 'EMT_DEFAULT', OriginManifestType: 'MULTI_PERIOD' },
    InsertionMode: 'STITCHED_ONLY',
    AdConditioningConfiguration: { StreamingMediaFileConditioning: 'TRANSCODE' },
    Tags: { [DEMO_TAG]: 'true' },
  };
}

export async function ensureDemoConfiguration(store: PlaybackConfigStore, base: string): Promise<void> {
  const existing = store.get(DEMO_CONFIG_NAME);
  if (!existing) return store.put(demoConfiguration(base));
  if (existing.Tags?.[DEMO_TAG] !== 'true') return;
  const next = {
    ...existing,
    VideoContentSourceUrl: rebase(existing.VideoContentSourceUrl, base),
    AdDecisionServerUrl: rebase(existing.AdDecisionServerUrl, base),
    SlateAdUrl: rebase(existing.SlateAdUrl, base),
  };
  if (JSON.stringify(next) !== JSON.stringify(existing)) await store.put(next);
}
