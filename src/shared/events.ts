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
  | 'player'
  | 'prefetch'
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
  /** Client side: the VAST/VMAP error code of a failed request (e.g. 100 parse, 301 timeout, 1000 not a VMAP). */
  errorCode?: number;
  /** Client side: what was asked for — a VAST (avails, wrapper hops) or a VMAP (VOD without markers). */
  doc?: 'vast' | 'vmap';
  /** Client side: the version attribute of the document received. */
  version?: string;
  /** Client side: a summary of the VAST ads the response carried (Wrappers are redirects still to follow). */
  vastAds?: AdsRequestAd[];
  /** Client side: root <Error> URLs of the response (the no-fill convention). */
  errorUrls?: string[];
  /** Client side, failed requests only: the headers sent, for troubleshooting (as MediaTailor logs them). */
  requestHeaders?: Record<string, string>;
}

/** One Ad of a VAST response, as the ADS interaction log reports it. */
export interface AdsRequestAd {
  /** Ad@id (generated when absent, see vast-parse.ts). */
  id: string;
  /** A Wrapper: its VASTAdTagURI is the redirect. */
  wrapper?: string;
  adSystem?: string;
  adTitle?: string;
  creativeId?: string;
  creativeAdId?: string;
  durationSeconds?: number;
  mediaFiles?: { url: string; delivery: string; type: string; width?: number; height?: number; bitrateKbps?: number; id?: string; apiFramework?: string }[];
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
  /** Demo origin: the injected fault applied to this response (fault=…, see demo/origin/faults.ts). */
  fault?: string;
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
  /** Demo origin: the injected segment fault applied to this response (segfault=…). */
  fault?: string;
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
  /** aws.streamId of the session initialization, when it had one. */
  streamId?: string;
}

/** The stitcher decided how to fill an avail (once per session and avail). */
export interface AvailEvent extends EventBase<'avail'> {
  availId: string;
  /** Avail length signalled by the origin (or VMAP). */
  durationSeconds: number;
  /** Seconds of ads placed. */
  filledSeconds: number;
  slateSeconds: number;
  ads: AvailEventAd[];
  /** `detail` says why in words (the transcoder's error, the rendition mismatch …). */
  skipped: { adId: string; reason: string; detail?: string }[];
  /** Why the avail shows content (or origin markers) instead of ads, when it does: "REASON: detail". */
  fallback?: string;
  /** The REASON part of `fallback` (ADS_TIMEOUT, EMPTY_VAST_RESPONSE, NO_USABLE_ADS …). */
  fallbackReason?: string;
  /** ADS time for this avail (MediaTailor's "ADS latency"). */
  adsMs?: number;
  /** avail.index of the ADS request (0, 1, … per session). */
  index?: number;
  /** False when the origin signalled no duration (durationSeconds is then the filled time). */
  durationSignalled?: boolean;
  /** The ADS URL requested for this avail, after templating. */
  adsUrl?: string;
  /** Slate placed after the ads: the manifest it plays from and for how long. */
  slate?: { creative: string; durationSeconds: number };
  /** The ADS answer in brief. */
  vast?: { version?: string; errorCode?: number; adCount: number; failures: { kind: string; code: number; depth: number; message: string }[] };
  /** The ads came from a prefetch schedule's earlier ADS call, not one made at break time. */
  prefetch?: import('./prefetch.js').AvailPrefetchInfo;
}

/** An ad placed in an avail. Fields beyond adId and durationSeconds come from its VAST Ad and creative. */
export interface AvailEventAd {
  adId: string;
  durationSeconds: number;
  /** Linear Duration in the VAST. */
  vastDurationSeconds?: number;
  creativeId?: string;
  adSystem?: string;
  adTitle?: string;
  /** The mezzanine (or progressive MediaFile) a transcoder starts from. */
  mezzanineUrl?: string;
  /** The ad manifest (HLS multivariant / MPD) the stitcher plays it from. */
  creative?: string;
  /** Impression and Tracking URLs by event name (wrapper URLs included). */
  trackingEvents?: Record<string, string[]>;
}

/** A player reported something about its playback (POST /api/sessions/{id}/player); playhead samples are kept
 *  for the verdict but not put on the bus. */
export interface PlayerEvent extends EventBase<'player'> {
  player: string;
  observation: import('./player-report.js').PlayerObservation;
}

/** MediaTailor's ADS interaction log event types the bench records (src/main/tracking/ads-log-map.ts maps bus
 *  events onto them; the README lists when each appears). */
export type AdsLogEventType =
  | 'MAKING_ADS_REQUEST'
  | 'VAST_RESPONSE'
  | 'VAST_REDIRECT'
  | 'REDIRECTED_VAST_RESPONSE'
  | 'EMPTY_VAST_RESPONSE'
  | 'EMPTY_VMAP_RESPONSE'
  | 'ERROR_ADS_TIMEOUT'
  | 'ERROR_ADS_RESPONSE_PARSE'
  | 'ERROR_ADS_INVALID_RESPONSE'
  | 'ERROR_ADS_IO'
  | 'ERROR_UNKNOWN_HOST'
  | 'ERROR_UNKNOWN'
  | 'ERROR_VAST_REDIRECT_EMPTY_RESPONSE'
  | 'ERROR_VAST_REDIRECT_FAILED'
  | 'PLANNED_AVAIL'
  | 'FILLED_AVAIL'
  | 'WARNING_NO_ADVERTISEMENTS'
  | 'BEACON_FIRED'
  | 'ERROR_FIRING_BEACON_FAILED';

/** One record of the ADS interaction log, named as MediaTailor's AdDecisionServerInteractions log names its
 *  fields. What MediaTailor has no field for (HTTP status, latency, wrapper depth, the avail a request was for)
 *  is under `bench`, the one property MediaTailor's records do not have. */
export interface AdsLogRecord {
  eventType: AdsLogEventType;
  /** ISO 8601. */
  eventTimestamp: string;
  /** Correlates the records of one ADS interaction: every record of one avail's decision shares it. */
  requestId: string;
  sessionType: 'HLS' | 'DASH';
  eventDescription: string;
  awsAccountId: string;
  /** A hash of the account id (MediaTailor: "the hashed version of the AWS account ID"). */
  customerId: string;
  /** The playback configuration's name. */
  originId: string;
  sessionId: string;
  adsRequestUrl?: string;
  requestHeaders?: { name: string; value: string }[];
  vastResponse?: { version: string; vastAds: AdsLogVastAd[]; errors: string[] };
  avail?: AdsLogAvail;
  beaconInfo?: { beaconUri: string; trackingEvent: string; beaconHttpResponseCode: number };
  /** ERROR_FIRING_BEACON_FAILED: what went wrong. */
  error?: string;
  /** ERROR_ADS_INVALID_RESPONSE: the status the ADS answered. */
  additionalInfo?: string;
  bench?: AdsLogBenchInfo;
}

export interface AdsLogVastAd {
  vastAdId: string;
  adSystem: string;
  adTitle: string;
  creativeId: string;
  creativeAdId: string;
  duration: number;
  vastMediaFiles: { uri: string; id: string; delivery: string; type: string; apiFramework: string; width: number; height: number; bitrate: number }[];
  /** A Wrapper's redirect. */
  vastAdTagUri?: string;
}

export interface AdsLogAvail {
  availId: string;
  /** Seconds signalled by the origin (CUE-OUT / SCTE-35 / VMAP); 0 when none was. */
  originAvailDuration: number;
  /** Seconds of ads placed. */
  filledDuration: number;
  /** filledDuration / originAvailDuration, 0..1 (1 when ads were placed and no duration was signalled). */
  fillRate: number;
  numAds: number;
  creativeAds: AdsLogCreativeAd[];
  skippedAds: { adId: string; creativeUniqueId: string; skippedReason: string; skippedDetail?: string }[];
  slateAd: { uri: string; creativeUniqueId: string; adContent: { adPlaylistUris: Record<string, string> }; transcodedAdDuration: number } | null;
}

export interface AdsLogCreativeAd {
  /** The mezzanine (or progressive MediaFile) the ad is transcoded from; else the ad manifest it plays from. */
  uri: string;
  /** Creative@id, else the mezzanine URL, else Ad@id. */
  creativeUniqueId: string;
  adSystem?: string;
  /** adPlaylistUris: the ad manifest, under "*" (one multivariant / MPD serves every content variant). */
  adContent: { adPlaylistUris: Record<string, string> };
  trackingEvents: Record<string, string[]>;
  vastDuration: number;
  transcodedAdDuration: number;
}

export interface AdsLogBenchInfo {
  availId?: string;
  adId?: string;
  /** ADS requests: 0 for the configured ADS URL, n for the n-th wrapper hop. */
  depth?: number;
  /** ADS requests: HTTP status (0 when no response arrived). */
  status?: number;
  ms?: number;
  bytes?: number;
  /** ADS requests: ads in the response (InLine + Wrappers; VMAP: breaks). */
  ads?: number;
  failure?: string;
  /** VAST / VMAP error code of a failure. */
  errorCode?: number;
  /** Avails: the fallback reason (ADS_TIMEOUT, EMPTY_VAST_RESPONSE, NO_USABLE_ADS …) and its detail. */
  fallbackReason?: string;
  fallbackDetail?: string;
  index?: number;
  slateDuration?: number;
  /** Avails: ADS time for the avail. */
  adsMs?: number;
  /** Avails: filled from a prefetch schedule's earlier call (no ADS call at break time). */
  prefetch?: import('./prefetch.js').AvailPrefetchInfo;
  /** Beacons: who fired it, and how many requests it took. */
  firedBy?: 'server' | 'client';
  attempts?: number;
}

/** One record of the ADS interaction log, on the bus (derived from ads.request, avail and beacon events). */
export interface AdsLogEvent extends EventBase<'ads.log'> {
  eventType: AdsLogEventType;
  availId?: string;
  adId?: string;
  /** One line a person reads (the record's eventDescription). */
  message: string;
  record: AdsLogRecord;
}

/** A prefetch schedule's life: created or deleted through the API, each session's ADS call done (or failed),
 *  prefetched ads used for an avail, or dropped unused when they expired. */
export interface PrefetchEvent extends EventBase<'prefetch'> {
  action: 'created' | 'deleted' | 'retrieved' | 'failed' | 'used' | 'expired';
  configName: string;
  schedule: string;
  /** retrieved / used: the ADS's time for the call (the latency an avail no longer waits for). */
  adsMs?: number;
  adCount?: number;
  availId?: string;
  error?: string;
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
  | PlayerEvent
  | PrefetchEvent
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
  'player',
  'prefetch',
  'error',
];
