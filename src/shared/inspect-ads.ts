// The ADS inspector's payloads: every HTTP exchange the stitcher had with an ad decision server, raw (URL, headers,
// body) and as parsed. GET /api/sessions/{id}/ads-exchanges (?body=0: without bodies); one body, raw, with its
// content type at …/ads-exchanges/{exchangeId}/body.

/** Bodies kept per exchange; longer ones are cut here and flagged (bodyTruncated, bodyBytes says how long it was). */
export const ADS_EXCHANGE_BODY_CAP = 256 * 1024;

/** One Ad of a VAST response, in brief. */
export interface AdsExchangeAd {
  kind: 'inline' | 'wrapper';
  /** Ad@id (generated when absent, see vast-parse.ts). */
  id: string;
  sequence?: number;
  adSystem?: string;
  adTitle?: string;
  durationSeconds?: number;
  creativeId?: string;
  creativeAdId?: string;
  mediaFiles: number;
  mezzanines: number;
  /** A Wrapper's VASTAdTagURI: where the next exchange of the chain goes. */
  wrapperTarget?: string;
  impressions: number;
  /** Tracking event name → how many URLs it has (impressions counted apart). */
  tracking: Record<string, number>;
  errorUrls: number;
}

/** One AdBreak of a VMAP response, in brief. */
export interface AdsExchangeBreak {
  breakId?: string;
  /** As VMAP writes it: start, end, HH:MM:SS.mmm-like seconds, n%, #n. */
  timeOffset: string;
  source: 'inline' | 'tag' | 'none';
  tagUrl?: string;
  trackingEvents: string[];
}

export interface AdsExchange {
  /** Unique within the engine run. */
  id: string;
  availId?: string;
  /** The exchange whose Wrapper (or VMAP AdTagURI) led here. */
  parentId?: string;
  /** 0 for the configured ADS URL, n for the n-th wrapper hop. */
  depth: number;
  /** Request start, epoch ms. */
  at: number;
  /** The URL requested, variables expanded. */
  url: string;
  /** The configured AdDecisionServerUrl before expansion (first request of an avail only). */
  urlTemplate?: string;
  /** Query parameters, decoded, in order. */
  query: [string, string][];
  requestHeaders: Record<string, string>;
  /** False when the client refused to send it (wrapper loop, wrapper limit, ADS budget used up). */
  requested: boolean;
  /** HTTP status; 0 when no response arrived (or nothing was sent). */
  status: number;
  ms: number;
  contentType?: string;
  /** Bytes received (whole body, before any truncation here). */
  bodyBytes: number;
  /** Absent when no response arrived (and in lists asked for with ?body=0). */
  body?: string;
  bodyTruncated?: boolean;
  /** timeout, budget, network, http, too-large, bad-url, aborted, parse, wrapper-limit, wrapper-loop. */
  failure?: string;
  /** The VAST/VMAP error code of a failed exchange. */
  errorCode?: number;
  error?: string;
  /** What the answer was read as. */
  doc: 'vast' | 'vmap';
  /** VAST@version or VMAP@version. */
  version?: string;
  /** VAST: the ads, in document order (Wrappers included). */
  ads: AdsExchangeAd[];
  /** VAST: ads skipped as non-linear or invalid. */
  ignored?: { adId?: string; reason: string; detail: string }[];
  /** VAST: root <Error> URLs (no-fill convention). */
  rootErrorUrls?: string[];
  /** VMAP: its breaks. */
  breaks?: AdsExchangeBreak[];
}

export interface AdsExchangesResponse {
  sessionId: string;
  /** In the order they completed (a Wrapper's exchange always before the one it led to). */
  exchanges: AdsExchange[];
}
