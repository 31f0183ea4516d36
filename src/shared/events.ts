// The one vocabulary of the engine's event bus. Every panel, log, metric and report is a view over these.
// Pure types: imported by the engine (Node) and the renderer (browser) alike.

export type BenchEventKind =
  | 'origin.fetch'
  | 'ads.request'
  | 'manifest.served'
  | 'segment.served'
  | 'beacon'
  | 'transcode.job'
  | 'demo.progress'
  | 'config.changed'
  | 'session'
  | 'avail'
  | 'ads.log'
  | 'error';

interface EventBase<K extends BenchEventKind> {
  /** Monotonic per engine run; SSE `id:` and replay cursor. */
  seq: number;
  kind: K;
  /** Wall-clock time the event was emitted (epoch ms). */
  at: number;
  /** Playback session the event belongs to, when there is one. */
  sessionId?: string;
}

/** The engine fetched something from a content origin. */
export interface OriginFetchEvent extends EventBase<'origin.fetch'> {
  url: string;
  status: number;
  ms: number;
  bytes?: number;
  error?: string;
}

/** An ad decision server was called (by the stitcher), or the demo ADS answered a call. */
export interface AdsRequestEvent extends EventBase<'ads.request'> {
  url: string;
  status: number;
  ms: number;
  bytes?: number;
  /** Who saw the request: the stitcher's ADS client, or the embedded demo ADS serving it. */
  side: 'client' | 'demo-ads';
  fault?: string;
  error?: string;
  /** Client side: 0 for the configured ADS URL, n for the n-th wrapper hop. */
  depth?: number;
  /** Client side: linear ads the response carried. */
  ads?: number;
  /** Client side: the avail the request was made for. */
  availId?: string;
  /** Client side: why the request failed (timeout, budget, network, http, parse, too-large, bad-url …). */
  failure?: string;
}

/** A manifest (playlist or MPD) left a server of the engine. */
export interface ManifestServedEvent extends EventBase<'manifest.served'> {
  path: string;
  format: 'hls-multivariant' | 'hls-media' | 'dash';
  source: 'demo-origin' | 'stitcher';
  status: number;
  ms: number;
  bytes: number;
  /** Stitcher: MediaTailor's three latencies for this response (origin fetch, ADS wait, manifest processing). */
  originMs?: number;
  adsMs?: number;
  processingMs?: number;
  /** Stitcher: content track served (the n of /v1/manifest/…/{n}.m3u8). */
  track?: number;
  error?: string;
}

/** A media segment (content or ad) left a server of the engine. */
export interface SegmentServedEvent extends EventBase<'segment.served'> {
  path: string;
  source: 'demo-origin' | 'stitcher' | 'demo-ads';
  status: number;
  ms: number;
  bytes: number;
  /** True for ad creative segments. */
  ad?: boolean;
}

/** A tracking beacon: fired by the stitcher (server-side reporting), relayed for a player (client-side), or
 *  received by the demo ADS. */
export interface BeaconEvent extends EventBase<'beacon'> {
  url: string;
  /** VAST event name: impression, start, firstQuartile, midpoint, thirdQuartile, complete, progress, breakStart,
   *  breakEnd, error, … */
  event: string;
  sender: 'server' | 'client' | 'demo-ads';
  /** HTTP status of the last attempt; 0 when no response arrived. */
  status?: number;
  /** Wall time of the last attempt. */
  ms?: number;
  adId?: string;
  /** The avail the beacon belongs to (server/client beacons). */
  availId?: string;
  /** Requests made (1 + retries). */
  attempts?: number;
  error?: string;
}

/** An ad transcode job changed state or made progress (progress at most ~4 times a second per job). */
export interface TranscodeJobEvent extends EventBase<'transcode.job'> {
  jobId: string;
  /** Cache key (ad key + content profile key). */
  key: string;
  adKey: string;
  state: import('./transcode.js').TranscodeJobState;
  /** 0..1 over the whole job. */
  progress: number;
  /** "<title> → <profile summary>", for logs. */
  label?: string;
  /** The ad's title (else its Ad@id or ad key) and the content profile it is transcoded to, for panels. */
  title?: string;
  profileSummary?: string;
  ms?: number;
  realTimeRatio?: number;
  error?: string;
}

/** Progress of building the embedded demo world on first start. */
export interface DemoProgressEvent extends EventBase<'demo.progress'> {
  state: 'building' | 'ready' | 'failed';
  step: string;
  /** 0..1 over the whole build. */
  progress: number;
  ms?: number;
  error?: string;
}

export interface ConfigChangedEvent extends EventBase<'config.changed'> {
  name: string;
  action: 'put' | 'delete';
}

/** A playback session was created or expired. */
export interface SessionEvent extends EventBase<'session'> {
  action: 'created' | 'expired';
  configName: string;
  /** Origin asset path, e.g. "vod/hls-ts/master.m3u8". */
  asset: string;
  format: 'hls' | 'dash';
  reportingMode: 'server' | 'client';
}

/** The stitcher decided how to fill an avail (once per session and avail). */
export interface AvailEvent extends EventBase<'avail'> {
  availId: string;
  /** Avail length signalled by the origin (or VMAP). */
  durationSeconds: number;
  /** Seconds of ads placed. */
  filledSeconds: number;
  slateSeconds: number;
  ads: { adId: string; durationSeconds: number }[];
  skipped: { adId: string; reason: string }[];
  /** Why the avail shows content (or origin markers) instead of ads, when it does. */
  fallback?: string;
  /** ADS time for this avail (MediaTailor's "ADS latency"). */
  adsMs?: number;
}

/** MediaTailor's ADS interaction log types the bench records (see src/main/tracking/ads-log.ts). */
export type AdsLogEventType =
  | 'MAKING_ADS_REQUEST'
  | 'VAST_RESPONSE'
  | 'VAST_REDIRECT'
  | 'EMPTY_VAST_RESPONSE'
  | 'ERROR_ADS_TIMEOUT'
  | 'ERROR_ADS_RESPONSE_PARSE'
  | 'ERROR_ADS_INVALID_RESPONSE'
  | 'ERROR_UNKNOWN_HOST'
  | 'PLANNED_AVAIL'
  | 'FILLED_AVAIL'
  | 'WARNING_NO_ADVERTISEMENTS'
  | 'BEACON_FIRED'
  | 'ERROR_FIRING_BEACON_FAILED';

/** One record of the ADS interaction log, in MediaTailor's log shape (derived from the other bus events). */
export interface AdsLogEvent extends EventBase<'ads.log'> {
  eventType: AdsLogEventType;
  availId?: string;
  adId?: string;
  /** One line a person reads. */
  message: string;
  record: Record<string, unknown>;
}

export interface ErrorEvent extends EventBase<'error'> {
  where: string;
  message: string;
}

export type BenchEvent =
  | OriginFetchEvent
  | AdsRequestEvent
  | ManifestServedEvent
  | SegmentServedEvent
  | BeaconEvent
  | TranscodeJobEvent
  | DemoProgressEvent
  | ConfigChangedEvent
  | SessionEvent
  | AvailEvent
  | AdsLogEvent
  | ErrorEvent;

export type BenchEventOf<K extends BenchEventKind> = Extract<BenchEvent, { kind: K }>;

/** What a caller hands to `bus.emit`: the bus stamps seq and at. */
export type BenchEventInput = BenchEvent extends infer E
  ? E extends BenchEvent
    ? Omit<E, 'seq' | 'at'> & { at?: number }
    : never
  : never;

export const BENCH_EVENT_KINDS: readonly BenchEventKind[] = [
  'origin.fetch',
  'ads.request',
  'manifest.served',
  'segment.served',
  'beacon',
  'transcode.job',
  'demo.progress',
  'config.changed',
  'session',
  'avail',
  'ads.log',
  'error',
];
