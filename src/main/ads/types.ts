// The stitcher's view of ad responses: only what stitching, tracking and the ADS inspector need.
// Pure types plus one pure helper (resolveTimeOffset); parsing and fetching live in their own files.

export interface VastTracking {
  /** VAST event name as written (start, firstQuartile, progress, …). */
  event: string;
  url: string;
  /** Tracking@offset as a VAST time (mostly on `progress`). */
  offsetSeconds?: number;
  /** Tracking@offset as n% of the ad's duration. */
  offsetPercent?: number;
}

export interface VastMediaFile {
  url: string;
  /** As written; when missing, inferred from the type (HLS/DASH → streaming, else progressive). */
  delivery: 'progressive' | 'streaming';
  type: string;
  width?: number;
  height?: number;
  /** @bitrate, else @maxBitrate. */
  bitrateKbps?: number;
  id?: string;
  codec?: string;
  apiFramework?: string;
}

export interface VastUniversalAdId {
  registry?: string;
  value: string;
}

export interface VastExtension {
  type?: string;
  /** Inner markup of the <Extension>, verbatim (trimmed). */
  xml: string;
}

/** One playable linear ad, with everything its wrapper chain added merged in (wrapper entries first). */
export interface VastLinearAd {
  /** Ad@id, or a generated id that is stable for the same document (see vast-parse.ts). */
  adId: string;
  sequence?: number;
  adSystem?: string;
  adTitle?: string;
  /** Creative@id of the Linear creative. */
  creativeId?: string;
  /** Creative@adId (spelt AdID, adId, adID or adid in the wild). */
  creativeAdId?: string;
  universalAdId?: VastUniversalAdId;
  durationSeconds: number;
  mediaFiles: VastMediaFile[];
  /** VAST 4 <Mezzanine>: the source file a stitcher transcodes from. */
  mezzanines: VastMediaFile[];
  impressions: string[];
  errorUrls: string[];
  tracking: VastTracking[];
  clickThrough?: string;
  clickTracking: string[];
  skipOffsetSeconds?: number;
  /** VASTAdTagURIs followed to reach this ad, outermost first ([] when the first response was InLine). */
  wrapperUrls: string[];
  adServingId?: string;
  extensions?: VastExtension[];
}

/** One HTTP request of a resolution (the configured ADS URL is depth 0, the n-th wrapper hop depth n). */
export interface AdsHop {
  url: string;
  depth: number;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  ms: number;
  bytes: number;
  /** Ads (InLine linear ads + Wrappers) the response carried; for a VMAP, its breaks. */
  ads: number;
  error?: string;
}

export type AdsFailureKind =
  | 'timeout'
  | 'budget'
  | 'network'
  | 'http'
  | 'too-large'
  | 'bad-url'
  | 'aborted'
  | 'parse'
  | 'wrapper-limit'
  | 'wrapper-loop'
  | 'no-ads';

/** A branch of the resolution that produced no ad. `errorUrls` are to be pinged with `code` (see error-ping.ts). */
export interface AdsFailure {
  kind: AdsFailureKind;
  /** VAST error code. */
  code: number;
  message: string;
  /** The tag URL whose request (or whose wrapper) failed. */
  url: string;
  depth: number;
  /** Error URLs of every Wrapper on the way, outermost first, plus root <Error>s of the failing document. */
  errorUrls: string[];
}

export interface IgnoredAd {
  adId?: string;
  /** non-linear: NonLinear/Companion-only ad; invalid: unusable (e.g. InLine Linear without Duration). */
  reason: 'non-linear' | 'invalid';
  detail: string;
}

export interface VastResponse {
  /** VAST@version of the first document (undefined when it had none or could not be read). */
  version?: string;
  /** Pod first (sequenced ads, ascending), then stand-alone ads in document order; wrappers expanded in place. */
  ads: VastLinearAd[];
  /** Root-level <Error> of the first document: a no-fill answer is pinged here with 303 by the caller. */
  rootErrorUrls: string[];
  hops: AdsHop[];
  /** Why there are no ads. Absent when ads were found, and for an empty or no-fill top-level VAST (not a failure). */
  errorCode?: number;
  error?: string;
  /** Every branch that failed, in document order, including partial failures next to resolved ads. */
  failures: AdsFailure[];
  /** Ads skipped because they cannot be stitched as linear ads (for logging). */
  ignored: IgnoredAd[];
  /** Wall time of the whole resolution. */
  ms: number;
}

// ---- VMAP ----

export type TimeOffset =
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'seconds'; seconds: number }
  | { kind: 'percent'; percent: number }
  | { kind: 'position'; n: number };

export interface VmapAdSource {
  id?: string;
  /** Inline <VASTAdData>, as the markup found inside it (parse with parseVast). */
  vastXml?: string;
  adTagUri?: string;
  /** AdTagURI@templateType, e.g. vast3. */
  templateType?: string;
  allowMultipleAds?: boolean;
  followRedirects?: boolean;
}

export interface VmapTrackingEvent {
  event: 'breakStart' | 'breakEnd' | 'error';
  url: string;
}

export interface VmapBreak {
  breakId?: string;
  /** linear, nonlinear, display — or a comma-separated combination, as written. */
  breakType: string;
  timeOffset: TimeOffset;
  adSource: VmapAdSource;
  trackingEvents: VmapTrackingEvent[];
  /** AdBreak@repeatAfter (VMAP 1.0.1). */
  repeatAfterSeconds?: number;
}

/**
 * Seconds into the content where a break sits. `position` (#n: the n-th of the content's own cue points, e.g.
 * the origin's SCTE-35 markers) cannot be known from the VMAP alone: it returns undefined and the caller maps n
 * onto its cue list. `end` and `percent` need a finite content duration (undefined for live content).
 */
export function resolveTimeOffset(offset: TimeOffset, contentDurationSeconds: number): number | undefined {
  switch (offset.kind) {
    case 'start':
      return 0;
    case 'seconds':
      return offset.seconds;
    case 'end':
      return Number.isFinite(contentDurationSeconds) ? contentDurationSeconds : undefined;
    case 'percent':
      return Number.isFinite(contentDurationSeconds) ? Math.round(contentDurationSeconds * offset.percent * 10) / 1000 : undefined;
    case 'position':
      return undefined;
  }
}
