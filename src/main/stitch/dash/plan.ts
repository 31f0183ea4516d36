// What the DASH writer is told: per avail (keyed like the breaks) the ad Periods to put in place of content,
// each already matched to the content's adaptation sets, with segment URLs through /v1/dashsegment/….
// Built outside the pure core from the avail decision (avails/dash-plan.ts) and cached per decision.
import type { DashBreak } from './markers.js';

export interface DashAdSegment {
  /** Media time (the Representation's timescale). */
  t: number;
  d: number;
}

export interface DashAdRepresentation {
  /** Attributes as written (id, bandwidth, codecs, width, height, frameRate, audioSamplingRate, …), unescaped. */
  attrs: Record<string, string>;
  timescale: number;
  pto: number;
  startNumber: number;
  initialization?: string;
  /** URL template with $Number$. */
  media: string;
  segments: DashAdSegment[];
}

export interface DashAdSet {
  attrs: Record<string, string>;
  /** Descriptors copied from the ad (Role, AudioChannelConfiguration, …) as raw XML. */
  descriptors: string[];
  representations: DashAdRepresentation[];
}

export interface DashAdPeriod {
  /** Period@id: the ad's id in the session (tracking uses it). */
  id: string;
  kind: 'ad' | 'slate' | 'bumper';
  adId: string;
  duration: number;
  sets: DashAdSet[];
}

export interface DashAvailPlan {
  key: number;
  /** Break offset where the ads begin (live mid-break joins). */
  startOffset: number;
  periods: DashAdPeriod[];
}

/** A break the writer cuts content at: an origin marker, a remembered one, or a VMAP insertion. */
export type WriterBreak = Pick<DashBreak, 'key' | 'periodIndex' | 'offset' | 'durationSeconds'> & Partial<Pick<DashBreak, 'event' | 'stream'>>;

export interface DashStitchPlan {
  live: boolean;
  /** Absolute origin MPD URL (after redirects): relative content URLs resolve against it. */
  originUrl: string;
  avails: Map<number, DashAvailPlan>;
  /** CdnConfiguration.ContentSegmentUrlPrefix applied to absolute content URLs. */
  contentUrl?: (absolute: string) => string;
  /** MPD Location (MpdLocation EMT_DEFAULT): the session's own MPD URL. */
  location?: string;
  /** Keep the SCTE-35 Event of a replaced break: it moves to the start of the avail's first ad Period. */
  passthroughMarkers: boolean;
}

export interface OutPeriod {
  id: string;
  kind: 'content' | 'ad' | 'slate' | 'bumper';
  start: number;
  duration?: number;
  /** Avail key of ad periods. */
  key?: number;
  adId?: string;
  /** Origin Period index of content periods. */
  source?: number;
}

export interface DashStitchResult {
  text: string;
  periods: OutPeriod[];
}
