// An avail's decision: which ads (and slate) fill it, which were skipped and why, or why content shows.
import type { VastLinearAd, VastResponse, VmapTrackingEvent } from '../ads/types.js';
import type { HlsCreative } from '../creatives/hls-creative.js';
import type { DashCreative } from '../creatives/dash-creative.js';
import type { TrackMatch } from '../creatives/match.js';

/** Why an ad returned by the ADS is not in the avail (MediaTailor-style skippedReason). */
export type SkipReason =
  | 'NO_USABLE_RENDITION'
  | 'RENDITION_MISMATCH'
  | 'AD_PLAYLIST_ERROR'
  | 'EXCEEDS_AVAIL_DURATION'
  | 'EXCEEDS_MAX_ADS'
  | 'TRANSCODE_IN_PROGRESS'
  | 'TRANSCODE_ERROR';

/** Why an avail plays content (or origin markers pass through) instead of ads. */
export type FallbackReason =
  | 'ADS_ERROR'
  | 'ADS_TIMEOUT'
  | 'EMPTY_VAST_RESPONSE'
  | 'NO_USABLE_ADS'
  | 'PERSONALIZATION_THRESHOLD'
  | 'AVAIL_SUPPRESSED'
  | 'NO_ADS_URL'
  | 'ZERO_DURATION';

export interface PlacedItem {
  kind: 'ad' | 'slate' | 'bumper';
  /** VAST Ad id (or 'slate' / 'bumper-start' …). */
  adId: string;
  ad?: VastLinearAd;
  creative: HlsCreative | DashCreative;
  match: Map<number, TrackMatch>;
  /** Seconds from the avail's output start. */
  offset: number;
  /** Planned duration (slate may be cut to fit). */
  duration: number;
}

export interface AvailDecision {
  key: number;
  availId: string;
  /** avail.index used for the ADS request. */
  index: number;
  /** Signalled (or VMAP) duration; undefined when the origin did not say. */
  durationSeconds?: number;
  /** Break offset where the output begins (mid-break joins). */
  startOffset: number;
  items: PlacedItem[];
  filledSeconds: number;
  slateSeconds: number;
  skipped: { adId: string; reason: SkipReason; detail?: string }[];
  fallback?: FallbackReason;
  fallbackDetail?: string;
  adsUrl?: string;
  adsMs?: number;
  vast?: Pick<VastResponse, 'version' | 'hops' | 'errorCode' | 'error' | 'failures'> & { adCount: number };
  decidedAt: number;
  /** VMAP break tracking URLs (breakStart, breakEnd, error). */
  breakTracking?: VmapTrackingEvent[];
  /** The origin's marker for this avail, for the timeline's hover (HLS tag kind or EventStream, SCTE-35 decoded). */
  marker?: AvailMarker;
  /** Filled from a prefetch schedule's ads rather than an ADS call at break time. */
  prefetch?: import('../../shared/prefetch.js').AvailPrefetchInfo;
}

export interface AvailMarker {
  /** CUE-OUT, DATERANGE, SCTE35-OUT … or EventStream (DASH). */
  source: string;
  /** Raw SCTE-35 payload (base64 or 0x-hex) when one was carried. */
  scte35?: string;
  scte?: import('../scte35/index.js').SpliceInfoSummary;
  eventId?: string;
}

/** A VOD break synthesised from VMAP when the content has no markers: inserted at a segment boundary. */
export interface VodInsertion {
  key: number;
  atSeconds: number;
  decision: Promise<AvailDecision>;
}
