// The transcode service: one job per (ad, content profile) however many sessions ask, a bounded queue run a few
// at a time, progress on the event bus, cancellation, and failures remembered for a while (with the VAST error
// code a session pings the ad's <Error> URLs with) so a broken creative is not re-fetched by every session.
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentProfile, TranscodeJobInfo, TranscodeJobState } from '../../shared/transcode.js';
import { VAST_ERROR } from '../ads/error-codes.js';
import type { EventBus } from '../bus/event-bus.js';
import { FfmpegError } from '../ffmpeg/run.js';
import { downloadToFile, FetchError } from '../http/fetch-text.js';
import { TranscodeCache, WORK_DIR, type CacheEntry } from './cache.js';
import { DEFAULT_PRESET, encodeLadder } from './encode.js';
import { packageAd } from './package.js';
import { probeMedia, ProbeError } from './probe.js';
import { cacheKey } from './source.js';

export interface TranscoderOptions {
  dir: string;
  bus: EventBus;
  /** Disk cap of the cache (default 2 GiB). */
  maxBytes?: number;
  /** Jobs run at once (default: one per two CPUs, at least one — each ffmpeg uses several threads). */
  concurrency?: number;
  /** Jobs waiting beyond the running ones (default 50); more are refused, and those ads skipped. */
  queueLimit?: number;
  preset?: string;
  downloadTimeoutMs?: number;
  maxDownloadBytes?: number;
  /** A failed or cancelled job is retried by a later request after this long (default 5 min). */
  retryAfterMs?: number;
  now?: () => number;
}

export interface TranscodeRequest {
  adKey: string;
  sourceUrl: string;
  profile: ContentProfile;
  adId?: string;
  title?: string;
  /** Retry a remembered failure now (pre-warm does). */
  force?: boolean;
}

export type TranscodeTicket =
  | { state: 'ready'; entry: CacheEntry }
  | { state: 'pending'; job: TranscodeJobInfo; done: Promise<CacheEntry> }
  | { state: 'failed'; job?: TranscodeJobInfo; error: string; vastError?: number };

/** A job failure with the VAST error code it maps to (undefined: cancelled, nothing to report to the ADS). */
export class TranscodeError extends Error {
  constructor(
    message: string,
    readonly vastError: number | undefined,
  ) {
    super(message);
  }
}

interface Job {
  info: TranscodeJobInfo;
  req: TranscodeRequest;
  abort: AbortController;
  done: Promise<CacheEntry>;
  resolve: (e: CacheEntry) => void;
  reject: (e: TranscodeError) => void;
  lastEmit: number;
  vastError?: number;
}

const KEEP_FINISHED = 100;
const ACTIVE: readonly TranscodeJobState[] = ['queued', 'downloading', 'encoding', 'packaging'];

export class Transcoder {
  readonly cache: TranscodeCache;
  readonly concurrency: number;
  readonly queueLimit: number;
  readonly preset: string;
  private readonly now: () => number;
  private readonly active = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private readonly finished: Job[] = [];
  private readonly failures = new Map<string, { job: Job; at: number }>();
  private running = 0;
  private closed = false;

  constructor(private readonly opts: TranscoderOptions) {
    this.now = opts.now ?? Date.now;
    this.concurrency = opts.concurrency ?? Math.max(1, Math.floor(availableParallelism() / 2));
    this.queueLimit = opts.queueLimit ?? 50;
    this.preset = opts.preset ?? DEFAULT_PRESET;
    this.cache = new TranscodeCache(opts.dir, opts.maxBytes ?? 2 * 1024 ** 3, undefined, this.now);
  }

  async init(): Promise<void> {
    const work = join(this.opts.dir, WORK_DIR);
    await mkdir(work, { recursive: true });
    // Leftovers of jobs a crash interrupted. Only old ones: another engine may share the folder (tests do).
    for (const name of await readdir(work)) {
      const { mtimeMs } = await stat(join(work, name)).catch(() => ({ mtimeMs: Date.now() }));
      if (Date.now() - mtimeMs > 60 * 60_000) await rm(join(work, name), { recursive: true, force: true });
    }
    await this.cache.load();
  }

  jobs(): TranscodeJobInfo[] {
    return [...this.active.values(), ...this.finished].map((j) => ({ ...j.info })).sort((a, b) => b.createdAt - a.createdAt);
  }

  async request(req: TranscodeRequest): Promise<TranscodeTicket> {
    const key = cacheKey(req.adKey, req.profile.key);
    const cached = this.cache.get(key);
    if (cached) return this.ready(cached);
    const running = this.active.get(key);
    if (running) return this.join(running);
    const failed = this.failures.get(key);
    if (failed && !req.force && this.now() - failed.at < (this.opts.retryAfterMs ?? 5 * 60_000)) {
      return { state: 'failed', job: { ...failed.job.info }, error: failed.job.info.error ?? 'failed', ...(failed.job.vastError ? { vastError: failed.job.vastError } : {}) };
    }
    // Another engine sharing the folder may have made it since this one started.
    const shared = await this.cache.refresh(key);
    if (shared) return this.ready(shared);
    // A concurrent request may have queued the job while this one read the disk: join it.
    const raced = this.active.get(key);
    if (raced) return this.join(raced);
    if (this.closed) return { state: 'failed', error: 'the transcoder is shutting down' };
    if (this.queue.length >= this.queueLimit) return { state: 'failed', error: `transcode queue is full (${this.queueLimit} waiting)` };
    const job = this.enqueue(key, req);
    return { state: 'pending', job: { ...job.info }, done: job.done };
  }

  private join(job: Job): TranscodeTicket {
    job.info.requests++;
    return { state: 'pending', job: { ...job.info }, done: job.done };
  }

  private ready(entry: CacheEntry): TranscodeTicket {
    this.cache.touch(entry.key, this.now());
    return { state: 'ready', entry };
  }

  cancel(jobId: string): 'cancelled' | 'finished' | 'unknown' {
    const job = [...this.active.values()].find((j) => j.info.id === jobId);
    if (!job) return this.finished.some((j) => j.info.id === jobId) ? 'finished' : 'unknown';
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.fail(job, new TranscodeError('cancelled', undefined), 'cancelled');
    } else job.abort.abort();
    return 'cancelled';
  }

  /** Forgets remembered failures, so the next request retries at once. */
  forgetFailures(): void {
    this.failures.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of [...this.queue]) this.cancel(job.info.id);
    const running = [...this.active.values()];
    for (const job of running) job.abort.abort();
    await Promise.all(running.map((j) => j.done.catch(() => undefined)));
    await this.cache.flush();
  }

  private enqueue(key: string, req: TranscodeRequest): Job {
    let resolve!: (e: CacheEntry) => void;
    let reject!: (e: TranscodeError) => void;
    const done = new Promise<CacheEntry>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    done.catch(() => undefined);
    const job: Job = {
      info: {
        id: randomUUID().slice(0, 8),
        key,
        adKey: req.adKey,
        ...(req.adId ? { adId: req.adId } : {}),
        ...(req.title ? { title: req.title } : {}),
        sourceUrl: req.sourceUrl,
        profileKey: req.profile.key,
        profileSummary: req.profile.summary,
        state: 'queued',
        progress: 0,
        requests: 1,
        createdAt: this.now(),
      },
      req,
      abort: new AbortController(),
      done,
      resolve,
      reject,
      lastEmit: 0,
    };
    this.failures.delete(key);
    this.active.set(key, job);
    this.queue.push(job);
    this.emit(job, true);
    this.pump();
    return job;
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running++;
      void this.run(job).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private set(job: Job, state: TranscodeJobState, progress: number): void {
    const changed = job.info.state !== state;
    job.info.state = state;
    job.info.progress = Math.max(job.info.progress, Math.min(1, progress));
    this.emit(job, changed);
  }

  private emit(job: Job, force: boolean): void {
    const t = this.now();
    // At most ~4 progress events a second per job: a smooth bar, not a flood in the log.
    if (!force && t - job.lastEmit < 250) return;
    job.lastEmit = t;
    const i = job.info;
    this.opts.bus.emit({
      kind: 'transcode.job',
      jobId: i.id,
      key: i.key,
      adKey: i.adKey,
      state: i.state,
      progress: i.progress,
      label: `${i.title ?? i.adId ?? i.adKey} → ${i.profileSummary}`,
      title: i.title ?? i.adId ?? i.adKey,
      profileSummary: i.profileSummary,
      ...(i.ms !== undefined ? { ms: i.ms } : {}),
      ...(i.realTimeRatio !== undefined ? { realTimeRatio: i.realTimeRatio } : {}),
      ...(i.error ? { error: i.error } : {}),
    });
  }

  private async run(job: Job): Promise<void> {
    const { req } = job;
    const signal = job.abort.signal;
    const work = join(this.opts.dir, WORK_DIR, `${job.info.key}-${job.info.id}`);
    job.info.startedAt = this.now();
    const t0 = performance.now();
    try {
      await mkdir(work, { recursive: true });
      this.set(job, 'downloading', 0);
      const source = join(work, 'source');
      const dl = await downloadToFile(req.sourceUrl, source, {
        timeoutMs: this.opts.downloadTimeoutMs ?? 120_000,
        maxBytes: this.opts.maxDownloadBytes ?? 1024 ** 3,
        signal,
        onProgress: (bytes, total) => total && this.set(job, 'downloading', (0.1 * bytes) / total),
      }).catch((e: unknown) => {
        throw e instanceof FetchError ? new TranscodeError(`download failed: ${e.message}`, e.reason === 'timeout' ? VAST_ERROR.MEDIAFILE_TIMEOUT : VAST_ERROR.FILE_NOT_FOUND) : e;
      });
      if (dl.status >= 400) throw new TranscodeError(`download failed: HTTP ${dl.status} for ${req.sourceUrl}`, VAST_ERROR.FILE_NOT_FOUND);
      const probe = await probeMedia(source, { signal });
      if (!probe.video) throw new TranscodeError('the ad file has no video stream', VAST_ERROR.NO_SUPPORTED_MEDIAFILE);
      const seconds = probe.durationSeconds ?? 30;
      job.info.sourceSeconds = seconds;
      this.set(job, 'encoding', 0.1);
      const plan = await encodeLadder(source, probe, req.profile, work, {
        preset: this.preset,
        signal,
        timeoutMs: Math.max(120_000, seconds * 20_000),
        onProgress: (f) => this.set(job, 'encoding', 0.1 + 0.85 * f),
      });
      this.set(job, 'packaging', 0.95);
      const packaged = await packageAd(plan, req.profile, work, signal);
      // A truncated file decodes "successfully" up to where it breaks: compare with what the container promised.
      if (probe.durationSeconds && packaged.durationSeconds < probe.durationSeconds * 0.9 - 0.5) {
        throw new TranscodeError(`the ad file is truncated or corrupt: ${packaged.durationSeconds.toFixed(1)} s of ${probe.durationSeconds.toFixed(1)} s decoded`, VAST_ERROR.MEDIAFILE_DISPLAY_PROBLEM);
      }
      await Promise.all([source, ...plan.video, ...(plan.audio ? [plan.audio] : [])].map((f) => rm(f, { force: true })));
      const ms = Math.round(performance.now() - t0);
      const entry = await this.cache.commit(work, {
        key: job.info.key,
        adKey: req.adKey,
        ...(req.title ? { title: req.title } : req.adId ? { title: req.adId } : {}),
        sourceUrl: req.sourceUrl,
        profile: req.profile,
        durationSeconds: packaged.durationSeconds,
        createdAt: this.now(),
        lastUsedAt: this.now(),
        encodeMs: ms,
      });
      job.info.ms = ms;
      job.info.realTimeRatio = Math.round((ms / 1000 / seconds) * 100) / 100;
      job.info.finishedAt = this.now();
      this.set(job, 'ready', 1);
      this.settle(job);
      job.resolve(entry);
    } catch (e) {
      await rm(work, { recursive: true, force: true }).catch(() => undefined);
      job.info.ms = Math.round(performance.now() - t0);
      if (signal.aborted) this.fail(job, new TranscodeError('cancelled', undefined), 'cancelled');
      else this.fail(job, toTranscodeError(e), 'failed');
    }
  }

  private fail(job: Job, err: TranscodeError, state: 'failed' | 'cancelled'): void {
    job.info.error = err.message;
    job.info.finishedAt = this.now();
    if (err.vastError !== undefined) job.vastError = err.vastError;
    this.failures.set(job.info.key, { job, at: this.now() });
    this.set(job, state, job.info.progress);
    this.settle(job);
    job.reject(err);
  }

  private settle(job: Job): void {
    this.active.delete(job.info.key);
    this.finished.unshift(job);
    if (this.finished.length > KEEP_FINISHED) this.finished.pop();
  }

  isActive(state: TranscodeJobState): boolean {
    return ACTIVE.includes(state);
  }
}

function toTranscodeError(e: unknown): TranscodeError {
  if (e instanceof TranscodeError) return e;
  if (e instanceof ProbeError) return new TranscodeError(`the ad file is not playable media: ${e.message}`, VAST_ERROR.MEDIAFILE_DISPLAY_PROBLEM);
  if (e instanceof FfmpegError) return new TranscodeError(`ffmpeg failed: ${e.message}`, VAST_ERROR.MEDIAFILE_DISPLAY_PROBLEM);
  return new TranscodeError(e instanceof Error ? e.message : String(e), VAST_ERROR.MEDIAFILE_DISPLAY_PROBLEM);
}
