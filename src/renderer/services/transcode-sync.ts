// Keeps the transcode store in step with the engine: GET /api/transcode once when the panel mounts, every 10 s
// while it is mounted, and shortly after a job ends (the cache table changes then; events do not carry it).
import { fetchTranscodeOverview } from '../api/transcode';
import { useTranscode } from '../store/transcode';

const POLL_MS = 10_000;
const SETTLE_MS = 300;

let inFlight: Promise<void> | undefined;
/** A refresh was asked for while one was in flight: that answer may predate the reason, so fetch once more. */
let again = false;
let settleTimer: ReturnType<typeof setTimeout> | undefined;

export function refreshTranscode(): Promise<void> {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  inFlight = (async () => {
    do {
      again = false;
      const requestedAt = Date.now();
      try {
        useTranscode.getState().applyOverview(await fetchTranscodeOverview(), requestedAt);
      } catch (err) {
        useTranscode.getState().setLoadError(err instanceof Error ? err.message : String(err));
      }
    } while (again);
    inFlight = undefined;
  })();
  return inFlight;
}

/** Debounced refresh: several jobs ending together (or a replay of old ones) cost one request. */
export function requestTranscodeRefresh(): void {
  clearTimeout(settleTimer);
  settleTimer = setTimeout(() => {
    settleTimer = undefined;
    void refreshTranscode();
  }, SETTLE_MS);
}

/** Fetches now and every POLL_MS; the returned function stops. */
export function startTranscodePolling(): () => void {
  void refreshTranscode();
  const timer = setInterval(() => void refreshTranscode(), POLL_MS);
  return () => clearInterval(timer);
}
