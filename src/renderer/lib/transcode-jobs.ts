// Transcode jobs as the panel shows them: one row per job, folded from two views that race each other — the
// `transcode.job` events of the live feed and GET /api/transcode snapshots — plus the panel's text formatting.
// Pure: no DOM, no clocks (callers pass `now`), so it is unit-tested in Node.
import type { TranscodeJobEvent } from '../../shared/events';
import type { DiscoveredProfile, PrewarmResponse, TranscodeJobInfo, TranscodeJobState } from '../../shared/transcode';

export interface JobRow {
  id: string;
  key: string;
  adKey: string;
  adId?: string;
  title?: string;
  profileSummary?: string;
  state: TranscodeJobState;
  /** 0..1. */
  progress: number;
  /** Engine clock: the job's createdAt, or the first event seen of it. Orders rows newest first. */
  createdAt: number;
  ms?: number;
  realTimeRatio?: number;
  error?: string;
  /** Client clock of the last update: tells rows the engine has since forgotten from ones newer than a snapshot. */
  seenAt: number;
}

export type JobRows = Readonly<Record<string, JobRow>>;

/** Rows kept at most; the engine itself keeps its last 100 finished jobs. */
export const MAX_JOB_ROWS = 150;

const RANK: Record<TranscodeJobState, number> = {
  queued: 0,
  downloading: 1,
  encoding: 2,
  packaging: 3,
  ready: 4,
  failed: 4,
  cancelled: 4,
};

export function isTerminal(state: TranscodeJobState): boolean {
  return RANK[state] === 4;
}

/** States the engine accepts a cancel for (DELETE /api/transcode/jobs/{id}). */
export function isCancellable(state: TranscodeJobState): boolean {
  return !isTerminal(state);
}

/** The engine's label is "<title> → <profile summary>": the halves the row shows apart. */
export function splitLabel(label: string | undefined): { title?: string; profileSummary?: string } {
  if (!label) return {};
  const at = label.indexOf(' → ');
  if (at < 0) return { title: label };
  const title = label.slice(0, at).trim();
  const profileSummary = label.slice(at + 3).trim();
  return { ...(title ? { title } : {}), ...(profileSummary ? { profileSummary } : {}) };
}

export function rowFromEvent(event: TranscodeJobEvent, seenAt: number): JobRow {
  // Older engines sent only the label; its halves are the same two facts.
  const fromLabel = splitLabel(event.label);
  const title = event.title ?? fromLabel.title;
  const profileSummary = event.profileSummary ?? fromLabel.profileSummary;
  return clean({
    id: event.jobId,
    key: event.key,
    adKey: event.adKey,
    title,
    profileSummary,
    state: event.state,
    progress: clamp01(event.progress),
    createdAt: event.at,
    ms: event.ms,
    realTimeRatio: event.realTimeRatio,
    error: event.error,
    seenAt,
  });
}

export function rowFromInfo(info: TranscodeJobInfo, seenAt: number): JobRow {
  return clean({
    id: info.id,
    key: info.key,
    adKey: info.adKey,
    adId: info.adId,
    title: info.title,
    profileSummary: info.profileSummary,
    state: info.state,
    progress: clamp01(info.progress),
    createdAt: info.createdAt,
    ms: info.ms,
    realTimeRatio: info.realTimeRatio,
    error: info.error,
    seenAt,
  });
}

/**
 * Two views of one job: a snapshot fetched before an event can land after it, and a replay repeats old events.
 * A job only moves forward, so the view further along wins; the other only fills fields it lacks.
 * Returns `prev` itself when nothing changed, so the store can skip a render.
 */
export function mergeRow(prev: JobRow | undefined, next: JobRow): JobRow {
  if (!prev) return next;
  const forward = RANK[next.state] > RANK[prev.state] || next.state === prev.state;
  const [win, lose] = forward ? [next, prev] : [prev, next];
  const merged: JobRow = clean({
    ...lose,
    ...win,
    adId: win.adId ?? lose.adId,
    title: win.title ?? lose.title,
    profileSummary: win.profileSummary ?? lose.profileSummary,
    progress: next.state === prev.state ? Math.max(prev.progress, next.progress) : win.progress,
    createdAt: Math.min(prev.createdAt, next.createdAt),
    ms: win.ms ?? lose.ms,
    realTimeRatio: win.realTimeRatio ?? lose.realTimeRatio,
    error: win.error ?? (isTerminal(win.state) ? lose.error : undefined),
    seenAt: prev.seenAt,
  });
  // A repeated event changes nothing, not even seenAt: it must not shield the row from a later snapshot.
  return sameRow(prev, merged) ? prev : { ...merged, seenAt: Math.max(prev.seenAt, next.seenAt) };
}

/** Folds a batch of events (oldest first) into the rows; the same object back when nothing changed. */
export function foldJobEvents(rows: JobRows, events: readonly TranscodeJobEvent[], now: number): JobRows {
  let out: Record<string, JobRow> | undefined;
  for (const event of events) {
    const current = (out ?? rows)[event.jobId];
    const merged = mergeRow(current, rowFromEvent(event, now));
    if (merged === current) continue;
    out ??= { ...rows };
    out[event.jobId] = merged;
  }
  return out ? cap(out) : rows;
}

/**
 * A snapshot from GET /api/transcode, requested at client time `requestedAt`. Rows it lacks are dropped (the
 * engine forgot them), except those updated by events since the request left: the snapshot predates them.
 */
export function applyOverviewJobs(rows: JobRows, jobs: readonly TranscodeJobInfo[], requestedAt: number, now: number): JobRows {
  const out: Record<string, JobRow> = {};
  for (const info of jobs) out[info.id] = mergeRow(rows[info.id], rowFromInfo(info, now));
  for (const [id, row] of Object.entries(rows)) if (!(id in out) && row.seenAt >= requestedAt) out[id] = row;
  return cap(out);
}

/** Newest first; ties (same millisecond) by id so the order is stable across renders. */
export function sortJobs(rows: JobRows): JobRow[] {
  return Object.values(rows).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Keeps every unfinished job and the newest finished ones, MAX_JOB_ROWS in all. */
function cap(rows: Record<string, JobRow>): Record<string, JobRow> {
  if (Object.keys(rows).length <= MAX_JOB_ROWS) return rows;
  const sorted = sortJobs(rows);
  const active = sorted.filter((r) => !isTerminal(r.state));
  const finished = sorted.filter((r) => isTerminal(r.state)).slice(0, Math.max(0, MAX_JOB_ROWS - active.length));
  return Object.fromEntries([...active, ...finished].map((r) => [r.id, r]));
}

// ---------- formatting ----------

/** What a row is called: the VAST title, else the Ad@id, else the ad key. */
export function jobName(row: Pick<JobRow, 'title' | 'adId' | 'adKey'>): string {
  return row.title || row.adId || row.adKey;
}

/** "850 ms", "4.1 s", "12 s", "2 min 05 s". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** "0.41× real time": under 1 means the ad was ready before it could have been played through. */
export function formatRealTime(ratio: number | undefined): string | undefined {
  if (ratio === undefined || !Number.isFinite(ratio) || ratio < 0) return undefined;
  return `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}× real time`;
}

/** The timing cell: "4.1 s · 0.41× real time" when ready, "after 2.3 s" when it ended otherwise, else "". */
export function formatJobTiming(row: Pick<JobRow, 'state' | 'ms' | 'realTimeRatio'>): string {
  if (row.ms === undefined) return '';
  if (row.state === 'ready') return [formatDuration(row.ms), formatRealTime(row.realTimeRatio)].filter(Boolean).join(' · ');
  if (isTerminal(row.state)) return `after ${formatDuration(row.ms)}`;
  return '';
}

const MB = 1024 * 1024;

/** Megabytes (MiB, as the cache's 2 GiB default reads "2048 MB"): one decimal below 10 MB. */
export function formatMB(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 MB';
  const mb = bytes / MB;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toString()} MB`;
}

/** "3 ads · 12.4 MB of 2048 MB". */
export function formatCacheTotal(count: number, bytes: number, maxBytes: number): string {
  return `${count} ${count === 1 ? 'ad' : 'ads'} · ${formatMB(bytes)} of ${formatMB(maxBytes)}`;
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago" (engine and page clocks are the same machine's). */
export function formatAgo(epochMs: number, now: number): string {
  const s = Math.round((now - epochMs) / 1000);
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

export interface ProfileNote {
  /** probed: read from a content segment (facts); assumed: defaults nothing confirmed (worth a look). */
  kind: 'probed' | 'assumed';
  text: string;
}

/** "probed: …" / "assumed: …" lines of a discovered profile, only those with something in them. */
export function profileNotes(profile: Pick<DiscoveredProfile, 'probed' | 'assumed'>): ProfileNote[] {
  const notes: ProfileNote[] = [];
  if (profile.probed.length) notes.push({ kind: 'probed', text: `probed: ${profile.probed.join(', ')}` });
  if (profile.assumed.length) notes.push({ kind: 'assumed', text: `assumed: ${profile.assumed.join(', ')}` });
  return notes;
}

type PrewarmLine = PrewarmResponse['ads'][number];

/** One result line of a pre-warm, beside its state chip: "Ad title (ad1) — already transcoded", "slate". */
export function formatPrewarmLine(line: PrewarmLine): string {
  const name = line.title && line.title !== line.adId ? `${line.title} (${line.adId})` : line.adId;
  return line.detail ? `${name} — ${line.detail}` : name;
}

/** "2 ready · 1 queued · 1 skipped", in the order states first appear. */
export function summarizePrewarm(response: Pick<PrewarmResponse, 'ads'>): string {
  if (response.ads.length === 0) return 'the ADS returned no ads to transcode';
  const counts = new Map<string, number>();
  for (const a of response.ads) counts.set(a.state, (counts.get(a.state) ?? 0) + 1);
  return [...counts].map(([state, n]) => `${n} ${state}`).join(' · ');
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}

/** Drops undefined fields, so two rows with the same facts compare equal key by key. */
function clean(row: JobRow): JobRow {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as unknown as JobRow;
}

function sameRow(a: JobRow, b: JobRow): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof JobRow)[]);
  for (const k of keys) if (!Object.is(a[k], b[k])) return false;
  return true;
}
