// Polls /healthz: every 2 s until the engine is ready, then every 10 s (it should stay ready;
// if it goes back to starting, polling speeds up again). The demo world turning ready is what
// makes the catalog and configurations worth fetching.
import { fetchHealth } from '../api/engine';
import { useEngine } from '../store/engine';
import { reportError, resolveError } from '../store/errors';
import { loadCatalog, loadConfigurations } from './catalog-loader';

const FAST_MS = 2_000;
const SLOW_MS = 10_000;

/** Set while polling runs: lets other code ask for an immediate poll. */
let pollNow: (() => void) | undefined;

/** Poll at once instead of waiting for the timer (e.g. the demo.progress event says the build finished). */
export function requestHealthPoll(): void {
  pollNow?.();
}

/** Starts polling at once; the returned function stops it. */
export function startHealthPolling(): () => void {
  let stopped = false;
  let polling = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const controller = new AbortController();

  const poll = async () => {
    if (polling || stopped) return;
    polling = true;
    clearTimeout(timer);
    const wasReady = useEngine.getState().demo?.state === 'ready';
    try {
      const health = await fetchHealth(controller.signal);
      if (stopped) return;
      useEngine.getState().setHealth(health);
      resolveError('healthz');
      const { catalog } = useEngine.getState();
      if (health.demo.state === 'ready' && (!wasReady || !catalog)) {
        void loadCatalog();
        void loadConfigurations();
      }
    } catch (err) {
      if (stopped) return;
      useEngine.getState().setUnreachable();
      reportError('healthz', err instanceof Error ? err.message : String(err));
    }
    polling = false;
    if (stopped) return;
    const delay = useEngine.getState().status === 'ok' ? SLOW_MS : FAST_MS;
    timer = setTimeout(() => void poll(), delay);
  };

  pollNow = () => void poll();
  void poll();
  return () => {
    stopped = true;
    pollNow = undefined;
    controller.abort();
    clearTimeout(timer);
  };
}
