// Where sessions live. An interface (async, so a shared store such as Redis can replace the in-memory one)
// plus the in-memory default: expiry on inactivity, tombstones so an expired id answers "expired" (400)
// rather than "unknown" (404), and a periodic sweep that never keeps the process alive.
import type { Session } from './types.js';

export type Lookup = { state: 'live'; session: Session } | { state: 'expired'; expiredAt: number } | { state: 'unknown' };

export interface SessionStore {
  put(session: Session): Promise<void>;
  /** Looks a session up and marks it active. */
  touch(id: string, now: number): Promise<Lookup>;
  /** Without marking it active (reports, inspectors). */
  peek(id: string): Promise<Session | undefined>;
  list(): Promise<Session[]>;
  delete(id: string): Promise<boolean>;
  close(): void;
}

const MAX_TOMBSTONES = 10_000;

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly tombstones = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly onExpire: (s: Session) => void = () => {},
    private readonly now: () => number = Date.now,
    sweepEveryMs = 10_000,
  ) {
    this.timer = setInterval(() => this.sweep(), sweepEveryMs);
    this.timer.unref();
  }

  async put(session: Session): Promise<void> {
    this.sessions.set(session.id, session);
  }

  async touch(id: string, now: number): Promise<Lookup> {
    const s = this.sessions.get(id);
    if (s) {
      if (now - s.lastAccessAt > s.ttlMs) {
        this.expire(s, now);
        return { state: 'expired', expiredAt: now };
      }
      s.lastAccessAt = now;
      return { state: 'live', session: s };
    }
    const t = this.tombstones.get(id);
    return t !== undefined ? { state: 'expired', expiredAt: t } : { state: 'unknown' };
  }

  async peek(id: string): Promise<Session | undefined> {
    return this.sessions.get(id);
  }

  async list(): Promise<Session[]> {
    return [...this.sessions.values()];
  }

  async delete(id: string): Promise<boolean> {
    return this.sessions.delete(id);
  }

  sweep(): void {
    const now = this.now();
    for (const s of this.sessions.values()) if (now - s.lastAccessAt > s.ttlMs) this.expire(s, now);
  }

  close(): void {
    clearInterval(this.timer);
  }

  private expire(s: Session, now: number): void {
    this.sessions.delete(s.id);
    this.tombstones.set(s.id, now);
    if (this.tombstones.size > MAX_TOMBSTONES) this.tombstones.delete(this.tombstones.keys().next().value!);
    this.onExpire(s);
  }
}
