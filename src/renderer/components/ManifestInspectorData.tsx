// Loading a session's manifest history: every 2 s while the session is live (or not yet known to be VOD), once
// for VOD (a Reload asks again). Polls ask only for refreshes newer than those held, and fold them in.
import { useCallback, useEffect, useState } from 'react';
import type { SessionManifests } from '../../shared/inspect-manifests';
import { ApiError } from '../api/http';
import { fetchManifests } from '../api/manifests';
import { mergeManifests, newestAt } from '../lib/manifest-diff';

const POLL_MS = 2_000;

export interface ManifestHistoryState {
  data?: SessionManifests;
  error?: string;
  /** Polling stopped: VOD loaded, or the session is gone. */
  settled: boolean;
  reload(): void;
}

export function useSessionManifests(sessionId: string | null): ManifestHistoryState {
  const [data, setData] = useState<SessionManifests>();
  const [error, setError] = useState<string>();
  const [settled, setSettled] = useState(false);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);

  useEffect(() => {
    setData(undefined);
    setError(undefined);
    setSettled(false);
    if (!sessionId) return;
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let held: SessionManifests | undefined;
    const tick = async () => {
      try {
        // One ms back: a refresh recorded in the same ms as the newest held one is not lost (merge dedupes).
        const since = newestAt(held);
        const next = await fetchManifests(sessionId, { ...(since !== undefined ? { since: since - 1 } : {}), signal: ctrl.signal });
        held = mergeManifests(held, next);
        setData(held);
        setError(undefined);
        if (held.live === false) return setSettled(true);
      } catch (err) {
        if (ctrl.signal.aborted) return;
        setError(err instanceof Error ? err.message : String(err));
        if (err instanceof ApiError && err.status === 404) return setSettled(true);
      }
      timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      ctrl.abort();
      if (timer) clearTimeout(timer);
    };
  }, [sessionId, round]);

  return { ...(data ? { data } : {}), ...(error ? { error } : {}), settled, reload };
}
