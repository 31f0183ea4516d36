// The bench's own view of a session (GET /api/sessions/{id}): what the timeline and setup panels read.
import type { SpliceInfoSummary } from './scte35-view.js';

export interface AvailView {
  availId: string;
  key: number;
  index: number;
  startSeconds: number | null;
  marker: { source: string; scte35?: string; scte?: SpliceInfoSummary; eventId?: string } | null;
  durationSeconds: number | null;
  startOffset: number;
  filledSeconds: number;
  slateSeconds: number;
  fallback: string | null;
  fallbackDetail: string | null;
  adsUrl: string | null;
  adsMs: number | null;
  vast: { version?: string; errorCode?: number; adCount: number; hops?: unknown[]; error?: string; failures?: unknown[] } | null;
  ads: { kind: string; adId: string; offset: number; duration: number; creative: string; title: string | null }[];
  skipped: { adId: string; reason: string; detail?: string }[];
  periods?: { id: string; adId?: string; kind: string; duration: number }[];
  /** Its ads came from a prefetch schedule (no ADS call at break time); null or absent when they did not. */
  prefetch?: import('./prefetch.js').AvailPrefetchInfo | null;
}

export interface SessionView {
  sessionId: string;
  configName: string;
  asset: string;
  format: 'hls' | 'dash';
  originUrl: string;
  live: boolean | null;
  /** Live HLS: PROGRAM-DATE-TIME of the session's time zero (its timeline is seconds since then). */
  timeZeroPdtMs: number | null;
  container: 'ts' | 'fmp4' | null;
  reportingMode: 'server' | 'client';
  /** aws.streamId the session was initialised with (session-initializer), or null. */
  streamId: string | null;
  insertionMode: string;
  createdAt: number;
  lastAccessAt: number;
  ttlSeconds: number;
  avails: AvailView[];
  adsParams?: Record<string, string>;
  playerParams?: Record<string, string>;
}
