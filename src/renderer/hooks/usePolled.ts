// Polls a JSON endpoint for one session while a component is mounted: the latest answer, the last error, and
// no overlapping requests (a slow engine gets one request at a time, not a pile). Changing the session or the
// path starts over; `null` path means nothing to poll.
import { useEffect, useState } from 'react';
import { getJson } from '../api/http';

export interface Polled<T> {
  data: T | null;
  error: string | null;
  /** Epoch ms of the last answer. */
  at: number | null;
}

export function usePolled<T>(path: string | null, everyMs: number): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: null, error: null, at: null });
  useEffect(() => {
    setState({ data: null, error: null, at: null });
    if (!path) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const abort = new AbortController();
    const tick = async () => {
      try {
        const data = await getJson<T>(path, { signal: abort.signal, timeoutMs: 8000 });
        if (!stopped) setState({ data, error: null, at: Date.now() });
      } catch (err) {
        if (!stopped) setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err) }));
      }
      if (!stopped) timer = setTimeout(() => void tick(), everyMs);
    };
    void tick();
    return () => {
      stopped = true;
      abort.abort();
      clearTimeout(timer);
    };
  }, [path, everyMs]);
  return state;
}
