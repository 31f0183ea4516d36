// The engine's live event feed (Server-Sent Events). EventSource resumes by itself with
// Last-Event-ID after a dropped connection; we only step in when it gives up for good
// (CLOSED, e.g. the engine answered with an error status) and reopen after a pause.
import type { BenchEvent, BenchEventKind } from '../../shared/events';
import { engineUrl } from './base-url';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface EventStreamOptions {
  /** How many past events the engine replays on connect. */
  replay?: number;
  sessionId?: string;
  kinds?: readonly BenchEventKind[];
  onEvent(event: BenchEvent): void;
  onStatus?(status: StreamStatus): void;
  /** A message that could not be parsed; the stream carries on. */
  onBadMessage?(raw: string): void;
}

const REOPEN_DELAY_MS = 3_000;

export function eventStreamPath(options: Pick<EventStreamOptions, 'replay' | 'sessionId' | 'kinds'>): string {
  const params = new URLSearchParams();
  params.set('replay', String(options.replay ?? 200));
  if (options.sessionId) params.set('sessionId', options.sessionId);
  if (options.kinds && options.kinds.length > 0) params.set('kinds', options.kinds.join(','));
  return `/api/events?${params.toString()}`;
}

/** Opens the stream; the returned function closes it for good. */
export function openEventStream(options: EventStreamOptions): () => void {
  let source: EventSource | undefined;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const onBench = (message: MessageEvent<string>) => {
    let event: BenchEvent;
    try {
      event = JSON.parse(message.data) as BenchEvent;
    } catch {
      options.onBadMessage?.(message.data);
      return;
    }
    options.onEvent(event);
  };

  const open = () => {
    options.onStatus?.('connecting');
    const es = new EventSource(engineUrl(eventStreamPath(options)));
    source = es;
    es.addEventListener('bench', onBench);
    es.onopen = () => options.onStatus?.('open');
    es.onerror = () => {
      if (stopped) return;
      if (es.readyState === EventSource.CLOSED) {
        options.onStatus?.('closed');
        es.close();
        reopenTimer = setTimeout(open, REOPEN_DELAY_MS);
      } else {
        options.onStatus?.('reconnecting');
      }
    };
  };

  open();
  return () => {
    stopped = true;
    clearTimeout(reopenTimer);
    source?.close();
  };
}
