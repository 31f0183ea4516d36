// Polls a JSON endpoint while components that want it are mounted: the latest answer and the last error. One
// poll per path however many components read it (the header's verdict badge and the verdict panel share one),
// at the fastest interval any of them asked for, never overlapping (a slow engine gets one request at a time).
// `null` path means nothing to poll.
import { useEffect, useState } from 'react';
import { getJson } from '../api/http';

export interface Polled<T> {
  data: T | null;
  error: string | null;
  /** Epoch ms of the last answer. */
  at: number | null;
}

interface Poll {
  listeners: Map<symbol, { everyMs: number; set(p: Polled<unknown>): void }>;
  last: Polled<unknown>;
  timer?: ReturnType<typeof setTimeout>;
  abort: AbortController;
}

const EMPTY: Polled<never> = { data: null, error: null, at: null };
const polls = new Map<string, Poll>();

function schedule(path: string, poll: Poll, delay: number): void {
  poll.timer = setTimeout(() => void tick(path, poll), delay);
}

async function tick(path: string, poll: Poll): Promise<void> {
  try {
    const data = await getJson<unknown>(path, { signal: poll.abort.signal, timeoutMs: 8000 });
    poll.last = { data, error: null, at: Date.now() };
  } catch (err) {
    if (poll.abort.signal.aborted) return;
    poll.last = { ...poll.last, error: err instanceof Error ? err.message : String(err) };
  }
  if (polls.get(path) !== poll) return;
  for (const l of poll.listeners.values()) l.set(poll.last);
  schedule(path, poll, Math.min(...[...poll.listeners.values()].map((l) => l.everyMs)));
}

export function usePolled<T>(path: string | null, everyMs: number): Polled<T> {
  const [state, setState] = useState<Polled<T>>(() => (path ? ((polls.get(path)?.last as Polled<T>) ?? EMPTY) : EMPTY));
  useEffect(() => {
    if (!path) {
      setState(EMPTY);
      return;
    }
    const key = Symbol(path);
    let poll = polls.get(path);
    const fresh = !poll;
    if (!poll) {
      poll = { listeners: new Map(), last: EMPTY, abort: new AbortController() };
      polls.set(path, poll);
    }
    poll.listeners.set(key, { everyMs, set: (p) => setState(p as Polled<T>) });
    setState(poll.last as Polled<T>);
    if (fresh) void tick(path, poll);
    return () => {
      const p = polls.get(path);
      if (!p) return;
      p.listeners.delete(key);
      if (p.listeners.size > 0) return;
      clearTimeout(p.timer);
      p.abort.abort();
      polls.delete(path);
    };
  }, [path, everyMs]);
  return state;
}
