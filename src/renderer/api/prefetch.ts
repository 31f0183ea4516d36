// MediaTailor's prefetch schedule API as the prefetch panel uses it, and the bench's overview of what the
// schedules did. Failures are ApiErrors; errorText() keeps just the engine's own explanation for inline display.
import type { PrefetchSchedule } from '../../shared/prefetch';
import type { CreatePrefetchScheduleBody } from '../lib/prefetch-form';
import { ApiError, deleteJson, postJson } from './http';

const path = (config: string, name: string) => `/prefetchSchedule/${encodeURIComponent(config)}/${encodeURIComponent(name)}`;

/** GET /api/prefetch?config=…, for usePolled. */
export const prefetchOverviewPath = (config: string) => `/api/prefetch?config=${encodeURIComponent(config)}`;

export function createPrefetchSchedule(config: string, name: string, body: CreatePrefetchScheduleBody): Promise<PrefetchSchedule> {
  return postJson<PrefetchSchedule>(path(config, name), body);
}

export function deletePrefetchSchedule(config: string, name: string): Promise<void> {
  return deleteJson(path(config, name));
}

/** The engine's `{ message }` when it sent one (a 400 on bad input), else the whole error line. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError && typeof err.body === 'object' && err.body !== null) {
    const m = (err.body as { message?: unknown; Message?: unknown }).message ?? (err.body as { Message?: unknown }).Message;
    if (typeof m === 'string' && m) return m;
  }
  return err instanceof Error ? err.message : String(err);
}
