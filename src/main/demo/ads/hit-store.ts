// In-memory log of tracking hits, grouped per session and bounded both ways so a runaway player cannot grow it.
import { RingBuffer } from '../../bus/ring-buffer.js';

export interface TrackHit {
  at: number;
  sid?: string;
  ad?: string;
  ev: string;
  code?: string;
  /** Full query as received (repeated keys joined with ','). */
  query: Record<string, string>;
  userAgent?: string;
  ip: string;
}

export interface SessionSummary {
  sid: string;
  /** Hits currently kept. */
  count: number;
  /** Hits ever recorded, including those dropped past the cap. */
  total: number;
  lastAt: number;
}

/** Hits without a sid are grouped under this key. */
export const NO_SESSION = 'anonymous';

interface Session {
  hits: RingBuffer<TrackHit>;
  total: number;
  lastAt: number;
}

export class HitStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    readonly maxSessions = 500,
    readonly maxHitsPerSession = 2000,
  ) {}

  record(hit: TrackHit): void {
    const key = hit.sid ?? NO_SESSION;
    let s = this.sessions.get(key);
    if (s) {
      // Re-insert: Map order then runs from least to most recently active.
      this.sessions.delete(key);
    } else {
      s = { hits: new RingBuffer(this.maxHitsPerSession), total: 0, lastAt: 0 };
      if (this.sessions.size >= this.maxSessions) {
        const oldest = this.sessions.keys().next().value;
        if (oldest !== undefined) this.sessions.delete(oldest);
      }
    }
    s.hits.push(hit);
    s.total++;
    s.lastAt = hit.at;
    this.sessions.set(key, s);
  }

  list(sid: string): TrackHit[] {
    return this.sessions.get(sid)?.hits.toArray() ?? [];
  }

  summary(): SessionSummary[] {
    return [...this.sessions].map(([sid, s]) => ({ sid, count: s.hits.size, total: s.total, lastAt: s.lastAt }));
  }

  /** Clears one session, or all when no sid; returns the number of hits removed. */
  clear(sid?: string): number {
    if (sid === undefined) {
      const n = this.summary().reduce((a, s) => a + s.count, 0);
      this.sessions.clear();
      return n;
    }
    const n = this.sessions.get(sid)?.hits.size ?? 0;
    this.sessions.delete(sid);
    return n;
  }
}
