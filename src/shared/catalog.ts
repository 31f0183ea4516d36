// The demo world as the UI and tests see it: GET /demo/catalog.

export interface DemoAsset {
  /** Stable id, e.g. "vod-hls-ts". */
  id: string;
  name: string;
  kind: 'vod' | 'live';
  format: 'hls' | 'dash';
  container: 'ts' | 'fmp4';
  /** Marker style carried by the origin manifest. */
  markers: 'cue-out' | 'daterange' | 'eventstream';
  /** Relative to the demo configuration's VideoContentSourceUrl, e.g. "vod/hls-ts/master.m3u8". */
  path: string;
  /** Absolute origin URL on this server, for playing the content without ads. */
  originUrl: string;
}

export interface DemoAd {
  id: string;
  title: string;
  durationSeconds: number;
  /** Mezzanine MP4 (differs from the content in resolution and frame rate, so it must be transcoded). */
  mezzanineUrl: string;
  /** Pre-conditioned renditions matching the demo content. */
  hlsTsUrl: string;
  hlsFmp4Url: string;
  dashUrl: string;
}

export interface DemoCatalog {
  /** The default playback configuration joining the demo origin and the demo ADS. */
  configurationName: string;
  videoContentSourceUrl: string;
  adDecisionServerUrl: string;
  assets: DemoAsset[];
  ads: DemoAd[];
  /** Description of the demo ADS endpoints and fault modes. */
  adsEndpoints: { path: string; description: string }[];
  /** Faults the demo origin injects by query parameter (see OriginFaultInfo). */
  originFaults?: OriginFaultInfo[];
}

/** One demo origin fault: add `param=value` (and optionally the listed modifiers) to an origin or playback URL. */
export interface OriginFaultInfo {
  param: 'fault' | 'segfault';
  value: string;
  /** Manifests (multivariant, media playlists, MPD) or media segments. */
  target: 'manifest' | 'segment';
  /** Modifiers this fault honours, with what they mean for it. */
  modifiers: { param: 'delay' | 'every'; description: string }[];
  /** stale: live manifests only. */
  liveOnly?: boolean;
  description: string;
}

export interface HealthStatus {
  status: 'ok' | 'starting' | 'failed';
  version: string;
  demo: { state: 'building' | 'ready' | 'failed'; step: string; progress: number; error?: string };
  uptimeSeconds: number;
}
