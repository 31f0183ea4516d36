// Public shapes of the demo ADS; re-exported from index.ts (kept apart so the pure builders need not import routes).
import type { EventBus } from '../../bus/event-bus.js';

export interface DemoAdCreative {
  /** Stable creative id, e.g. 'ad1'. */
  id: string;
  /** e.g. 'AD 1 — 10 s'. */
  title: string;
  durationSeconds: number;
  adSystem?: string;
  /** `path` is relative to the ADS prefix, e.g. 'media/ad1/mezzanine.mp4'. */
  mezzanine: { path: string; width: number; height: number; fps: number; bitrateKbps: number; bytes?: number };
  /** e.g. 'media/ad1/hls-ts/master.m3u8'. */
  hlsTsPath: string;
  hlsFmp4Path: string;
  /** e.g. 'media/ad1/dash/manifest.mpd'. */
  dashPath: string;
}

export interface DemoAdsOptions {
  bus: EventBus;
  /** May be empty while the demo media is still being built: the ADS then answers an empty VAST. */
  creatives: () => DemoAdCreative[];
  /** Absolute URL of the ADS prefix, e.g. 'http://127.0.0.1:4000/demo/ads' (no trailing slash). */
  baseUrl: () => string;
}
