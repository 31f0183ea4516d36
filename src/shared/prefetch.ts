// Prefetch schedules (MediaTailor "ad prefetching"): the API's PascalCase shapes, as the AWS API returns them
// (timestamps are epoch seconds), and the bench's own view of what each schedule did. Pure types.

export type PrefetchScheduleType = 'SINGLE' | 'RECURRING';
/** RETRIEVAL_WINDOW: each session's ADS call at a random moment in the window; TPS: at most PeakTps calls a second. */
export type TrafficShapingType = 'RETRIEVAL_WINDOW' | 'TPS';

export interface AvailMatchingCriteria {
  /** e.g. "scte.event_id": the avail's value must equal the one in the retrieval's DynamicVariables. */
  DynamicVariable: string;
  Operator: 'EQUALS';
}

export interface TrafficShapingFields {
  TrafficShapingType?: TrafficShapingType;
  TrafficShapingRetrievalWindow?: { RetrievalWindowDurationSeconds: number };
  TrafficShapingTpsConfiguration?: { PeakTps: number; PeakConcurrentUsers?: number };
}

export interface PrefetchRetrieval extends TrafficShapingFields {
  /** Epoch seconds; default: when the schedule is created. */
  StartTime?: number;
  EndTime: number;
  DynamicVariables?: Record<string, string>;
}

export interface PrefetchConsumption {
  StartTime?: number;
  EndTime: number;
  AvailMatchingCriteria?: AvailMatchingCriteria[];
}

export interface RecurringPrefetchConfiguration {
  StartTime?: number;
  EndTime: number;
  RecurringConsumption: { RetrievedAdExpirationSeconds?: number; AvailMatchingCriteria?: AvailMatchingCriteria[] };
  RecurringRetrieval: TrafficShapingFields & { DelayAfterAvailEndSeconds?: number; DynamicVariables?: Record<string, string> };
}

/** GET /prefetchSchedule/{config}/{name}, and each item of the list. */
export interface PrefetchSchedule {
  Arn: string;
  Name: string;
  PlaybackConfigurationName: string;
  ScheduleType: PrefetchScheduleType;
  StreamId?: string;
  Retrieval?: PrefetchRetrieval;
  Consumption?: PrefetchConsumption;
  RecurringPrefetchConfiguration?: RecurringPrefetchConfiguration;
}

/** POST /prefetchSchedule/{config} (ListPrefetchSchedules). */
export interface ListPrefetchSchedulesResponse {
  Items: PrefetchSchedule[];
  NextToken?: string;
}

/** One session's prefetch for one schedule (and, when recurring, one cycle). */
export interface PrefetchRetrievalView {
  sessionId: string;
  /** Epoch ms the traffic shaper placed the ADS call at. */
  plannedAt: number;
  /** Epoch ms the ADS answered (absent while waiting or calling). */
  retrievedAt?: number;
  state: 'planned' | 'calling' | 'ready' | 'failed' | 'used' | 'expired';
  /** The ADS's time for the call: the latency the avail no longer waits for. */
  adsMs?: number;
  adCount?: number;
  adsUrl?: string;
  error?: string;
  /** The avail it filled, once used. */
  usedBy?: { availId: string; at: number };
  /** Epoch ms after which the ads are no longer used (consumption end, or RetrievedAdExpirationSeconds). */
  expiresAt: number;
}

/** GET /api/prefetch[?config=]: the schedules with their windows (epoch ms) and what they did. */
export interface PrefetchScheduleView {
  schedule: PrefetchSchedule;
  phase: 'waiting' | 'retrieving' | 'consuming' | 'done';
  windows: { retrieval: { start: number; end: number }; consumption: { start: number; end: number } };
  retrievals: PrefetchRetrievalView[];
  counts: { planned: number; ready: number; used: number; expired: number; failed: number };
}

export interface PrefetchOverview {
  schedules: PrefetchScheduleView[];
  /** Limits the API enforces. */
  limits: { activeSchedulesPerConfiguration: number; availMatchingCriteria: number };
}

/** On an avail (AvailView.prefetch, AvailEvent.prefetch): its ads came from a prefetch, not a call at break time. */
export interface AvailPrefetchInfo {
  schedule: string;
  retrievedAt: number;
  /** The ADS latency the avail did not wait for. */
  adsMsAvoided: number;
}
