// Ad transcoding as the panel shows it: job rows (folded from `transcode.job` events and GET /api/transcode
// snapshots), the rest of the latest snapshot (cache, profiles, settings), and the last pre-warm's outcome.
// Events are batched like the event log's: a replay on connect brings many at once.
import { create } from 'zustand';
import type { TranscodeJobEvent } from '../../shared/events';
import type { PrewarmResponse, TranscodeOverview } from '../../shared/transcode';
import { applyOverviewJobs, foldJobEvents, type JobRows } from '../lib/transcode-jobs';
import { batcher } from '../lib/batcher';

const FLUSH_MS = 100;

export type PrewarmStatus =
  | { state: 'idle' }
  | { state: 'running'; configName: string; assetName?: string }
  | { state: 'done'; configName: string; assetName?: string; response: PrewarmResponse }
  | { state: 'failed'; configName: string; assetName?: string; message: string };

interface TranscodeState {
  jobs: JobRows;
  /** The latest snapshot without its jobs (those live in `jobs`); null until the first answer. */
  overview: Omit<TranscodeOverview, 'jobs'> | null;
  /** Why the latest GET /api/transcode failed; cleared by the next success. */
  loadError: string | null;
  prewarm: PrewarmStatus;

  applyOverview(overview: TranscodeOverview, requestedAt: number): void;
  setLoadError(message: string): void;
  setPrewarm(status: PrewarmStatus): void;
}

export const useTranscode = create<TranscodeState>()((set) => ({
  jobs: {},
  overview: null,
  loadError: null,
  prewarm: { state: 'idle' },

  applyOverview: ({ jobs, ...rest }, requestedAt) =>
    set((s) => ({ jobs: applyOverviewJobs(s.jobs, jobs, requestedAt, Date.now()), overview: rest, loadError: null })),
  setLoadError: (loadError) => set({ loadError }),
  setPrewarm: (prewarm) => set({ prewarm }),
}));

const enqueue = batcher<TranscodeJobEvent>(FLUSH_MS, (batch) =>
  useTranscode.setState((s) => {
    const jobs = foldJobEvents(s.jobs, batch, Date.now());
    return jobs === s.jobs ? s : { jobs };
  }),
);

/** Queue a job event from the feed; it reaches the rows within FLUSH_MS. */
export function ingestTranscodeEvent(event: TranscodeJobEvent): void {
  enqueue(event);
}
