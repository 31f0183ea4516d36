// A playback session: one viewer's personalised stream. Holds what was asked for (config snapshot, params),
// what was learned about the content (tracks, container, live), the ad decisions per avail, and the live
// numbering memo that keeps MEDIA-SEQUENCE / DISCONTINUITY-SEQUENCE stable across reloads.
import type { PlaybackConfiguration } from '../../shared/playback-config.js';
import type { AvailDecision } from '../avails/types.js';
import type { ContentTrack } from '../stitch/hls/multivariant.js';

export type ReportingMode = 'server' | 'client';
/** STITCHED_ONLY splices ads; PLAYER_SELECT / GUIDED announce them as HLS Interstitials. */
export type InsertionMode = 'STITCHED_ONLY' | 'PLAYER_SELECT';

export interface SessionRequest {
  adsParams: Record<string, string>;
  playerParams: Record<string, string>;
  /** Query parameters passed to the origin on every manifest request. */
  manifestParams: Record<string, string>;
  reportingMode: ReportingMode;
  insertionMode: InsertionMode;
  logMode: 'DEBUG' | 'STANDARD';
  /** Per-session override of the configuration's AvailSuppression. */
  availSuppression?: PlaybackConfiguration['AvailSuppression'];
  client: { ip?: string; userAgent?: string; referer?: string };
  /** aws.streamId of the session initialization (the session-initializer hands them out): prefetch schedules
   *  with a StreamId serve only sessions of that stream. */
  streamId?: string;
  /** Primetime pttimeline: VOD breaks that replace the content's markers and the VMAP request (primetime/timeline.ts). */
  vodTimeline?: import('../primetime/timeline.js').TimelineBreak[];
  /** Primetime bootstrap without pttrackingmode: EXT-X-MARKER tracking tags on stitched HLS ad segments. */
  extXMarker?: boolean;
}

export interface SequenceMemo {
  mediaSequence: number;
  discontinuitySequence: number;
}

/** One manifest served, origin beside stitched (the manifest inspector's history; see inspect/manifest-history.ts). */
export interface DebugManifest {
  at: number;
  /** HLS media playlist n (DASH: 0, the MPD), or the HLS multivariant. */
  track: number | 'multivariant';
  /** The origin URL the origin text came from. */
  originUrl?: string;
  origin: string;
  stitched: string;
}

export interface Session {
  id: string;
  accountId: string;
  configName: string;
  /** Snapshot at creation: editing the configuration later does not change running sessions. */
  config: PlaybackConfiguration;
  format: 'hls' | 'dash';
  /** Asset path under VideoContentSourceUrl, e.g. "live/hls-ts/master.m3u8". */
  asset: string;
  /** Absolute origin URL of the multivariant (with manifest params). */
  originUrl: string;
  request: SessionRequest;
  createdAt: number;
  lastAccessAt: number;
  /** Inactivity after which the session expires: 10× the manifest duration (at least a minute). */
  ttlMs: number;
  tracks: ContentTrack[];
  /** DASH: the content's adaptation sets (first Period), which ads are matched to. */
  dashSets?: import('../creatives/dash-match.js').DashContentSet[];
  /** DASH: breaks seen so far (MPD-timeline start), re-applied while the origin still lists their time. */
  dashBreaks?: Map<number, { start: number; durationSeconds?: number }>;
  /** DASH live: the origin's edge (MPD seconds) when the session first saw the stream. */
  dashJoin?: number;
  container?: 'ts' | 'fmp4';
  live?: boolean;
  /** Live: the edge (PDT ms, or media sequence) when the session first saw the stream — avail suppression's reference. */
  joinedAt?: { seq: number; ms?: number };
  /** Live pre-roll: inserted before this origin media sequence (the live edge when the session began). */
  preroll?: { seq: number };
  /** Avail decisions by break key (origin media sequence, or a negative key for VMAP insertions). */
  avails: Map<number, Promise<AvailDecision>>;
  /** Settled decisions, for reports. */
  decided: Map<number, AvailDecision>;
  /** Live numbering by origin media sequence, shared by all tracks. */
  memo: Map<number, SequenceMemo>;
  /** Next avail.index for ADS templating. */
  availCount: number;
  /** VOD breaks synthesised from VMAP (no markers), once per session. */
  vodPlan?: Promise<import('../avails/types.js').VodInsertion[]>;
  debug: DebugManifest[];
  /** Where each avail (by key) sits on the session's timeline, once written into a manifest. */
  availTimes?: Map<number, import('../playback/avail-times.js').AvailTime>;
  /** Live HLS: PROGRAM-DATE-TIME of the first segment of the session's first playlist (its time zero). */
  timeZeroPdtMs?: number;
  /** Beacons fired for this session (server-side, or relayed for its player), by expected-beacon id. */
  beacons?: Map<string, import('../tracking/tracker.js').FiredBeacon>;
}
