// The engine's one typed event bus. Emitters stamp nothing themselves: the bus assigns seq and time,
// keeps a bounded history (global and per session) for replay, and fans out to subscribers.
import type { BenchEvent, BenchEventInput, BenchEventKind } from '../../shared/events.js';
import { RingBuffer } from './ring-buffer.js';

export interface EventFilter {
  sessionId?: string;
  kinds?: readonly BenchEventKind[];
}

export type EventListener = (event: BenchEvent) => void;

export interface EventBusOptions {
  /** Events kept for replay across all sessions. */
  globalHistory?: number;
  /** Events kept for replay per session. */
  sessionHistory?: number;
  /** Sessions whose history is kept (least recently active dropped first). */
  maxSessions?: number;
}

export class EventBus {
  private seq = 0;
  private readonly listeners = new Set<{ fn: EventListener; filter: EventFilter | undefined }>();
  private readonly global: RingBuffer<BenchEvent>;
  private readonly perSession = new Map<string, RingBuffer<BenchEvent>>();
  private readonly opts: Required<EventBusOptions>;

  constructor(options: EventBusOptions = {}) {
    this.opts = { globalHistory: 5000, sessionHistory: 2000, maxSessions: 200, ...options };
    this.global = new RingBuffer(this.opts.globalHistory);
  }

  emit(input: BenchEventInput): BenchEvent {
    const event = { ...input, seq: ++this.seq, at: input.at ?? Date.now() } as BenchEvent;
    this.global.push(event);
    if (event.sessionId) this.sessionBuffer(event.sessionId).push(event);
    for (const l of this.listeners) {
      if (!matches(event, l.filter)) continue;
      try {
        l.fn(event);
      } catch {
        // A broken view must never break the engine; the listener simply misses this event.
      }
    }
    return event;
  }

  /** Subscribe to future events; returns the unsubscribe function. */
  subscribe(fn: EventListener, filter?: EventFilter): () => void {
    const entry = { fn, filter };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  /** Recent events for replay, oldest first. `afterSeq` resumes an interrupted stream (SSE Last-Event-ID). */
  recent(filter: EventFilter & { afterSeq?: number; limit?: number } = {}): BenchEvent[] {
    const source = filter.sessionId ? this.perSession.get(filter.sessionId)?.toArray() ?? [] : this.global.toArray();
    const after = filter.afterSeq ?? 0;
    const out = source.filter((e) => e.seq > after && matches(e, filter));
    return filter.limit !== undefined && out.length > filter.limit ? out.slice(out.length - filter.limit) : out;
  }

  get lastSeq(): number {
    return this.seq;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private sessionBuffer(sessionId: string): RingBuffer<BenchEvent> {
    let buf = this.perSession.get(sessionId);
    if (buf) {
      // Re-insert to mark as most recently active (Map keeps insertion order).
      this.perSession.delete(sessionId);
    } else {
      buf = new RingBuffer(this.opts.sessionHistory);
      if (this.perSession.size >= this.opts.maxSessions) {
        const oldest = this.perSession.keys().next().value;
        if (oldest !== undefined) this.perSession.delete(oldest);
      }
    }
    this.perSession.set(sessionId, buf);
    return buf;
  }
}

function matches(event: BenchEvent, filter: EventFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.sessionId && event.sessionId !== filter.sessionId) return false;
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(event.kind)) return false;
  return true;
}
