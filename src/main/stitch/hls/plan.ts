// What the session layer hands the pure HLS stitcher: per track, the avails to place and how to
// address content. Everything here is data; the stitcher does no I/O and keeps no state.

export interface AvailSegment {
  /** Final URL (already pointing at /v1/segment/… or the CDN ad prefix). */
  uri: string;
  duration: number;
  /** Seconds from the avail start. */
  offset: number;
  /** First segment of an ad/slate: timestamps restart, so a discontinuity goes before it. */
  discontinuity: boolean;
  /** fMP4 initialisation segment URL for this segment's ad. */
  map?: string;
  byterange?: string;
  /** Which ad this belongs to (ad id, 'slate' …), for comments and debugging. */
  adId: string;
  /** Extra tag lines written right before this segment's EXTINF (e.g. Primetime's EXT-X-MARKER). */
  tags?: string[];
}

export interface TrackAvail {
  /** Avail id as the session reports it (tracking, events). */
  availId: string;
  /** Output segments covering the avail, in order. */
  segments: AvailSegment[];
  /** Seconds covered by `segments` (ads + slate). */
  duration: number;
  /** Break offset where the output starts (> 0 when a live session joined mid-break and filled the rest). */
  startOffset?: number;
  /** HLS Interstitials: the avail is announced as a DATERANGE instead of being spliced. */
  interstitial?: { assetListUri: string; resumeOffset: number };
}

export interface MediaStitchPlan {
  live: boolean;
  /** Origin media playlist URL (resolves relative URIs). */
  originUrl: string;
  /** Replaces the origin's scheme+host+path prefix in content URLs (CdnConfiguration.ContentSegmentUrlPrefix). */
  contentUrl?: (absolute: string) => string;
  /** Avails by OriginBreak.startSeq; a break without an entry plays its content. */
  avails: ReadonlyMap<number, TrackAvail>;
  /** Keep the origin's ad-marker tags (ManifestProcessingRules.AdMarkerPassthrough). */
  passthroughMarkers: boolean;
  /** Live: media sequence / discontinuity sequence of the first output segment (from the session's memo). */
  firstMediaSequence?: number;
  firstDiscontinuitySequence?: number;
  /** Live pre-roll: origin segments before this media sequence are not shown to this session. */
  dropBeforeSeq?: number;
  /** Emit EXT-X-PROGRAM-DATE-TIME on ad segments when the content has PDT (default true). */
  adPdt?: boolean;
}

/** Where an origin segment's first output item landed: lets the session keep live numbering stable. */
export interface SequenceAnchor {
  originSeq: number;
  mediaSequence: number;
  discontinuitySequence: number;
}

/** Where a spliced avail sits in this output (tracking reports ads by time and media sequence). */
export interface AvailStart {
  availId: string;
  /** Seconds from the playlist's first segment to the avail's start (negative when it began before the window). */
  at: number;
  /** Media sequence of the avail's first listed segment, and how far (s) into the avail that segment starts. */
  firstListed: number;
  firstListedOffset: number;
  /** Wall clock of the avail's start, when the content has PROGRAM-DATE-TIME. */
  pdtMs?: number;
}

export interface StitchResult {
  text: string;
  anchors: SequenceAnchor[];
  /** Avails actually spliced into this output. */
  placed: string[];
  /** Spliced (not interstitial) avails with ad segments in this output, in order. */
  availStarts: AvailStart[];
  /** Breaks the plan left to content (no avail: a fallback), where they start in this output: the timeline
   *  still shows them, with their reason. */
  openBreaks: { startSeq: number; at: number; pdtMs?: number }[];
}
