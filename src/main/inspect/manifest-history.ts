// Every manifest a session is served, origin beside stitched, kept for the manifest inspector — always, not only
// in DEBUG log mode: a bench must show it without setup. Bounded twice: the last HISTORY_PER_TRACK refreshes of
// each track, and a process-wide text budget over all sessions (memory is per process, however many engines),
// which drops the histories of the sessions that recorded least recently first.
// The history lives on the session (session.debug), so it goes when the session goes; the budget ledger holds
// sessions weakly for the same reason.
import type { DebugManifest, Session } from '../sessions/types.js';

export const HISTORY_PER_TRACK = 30;
/** 64 Mi characters of manifest text (origin + stitched) over all sessions. */
export const HISTORY_BUDGET_CHARS = 64 * 1024 * 1024;

type Ref = Pick<Session, 'id' | 'debug'>;

export class ManifestHistory {
  /** Insertion order = least recently recorded first. */
  private readonly ledger = new Map<string, { ref: WeakRef<Ref>; chars: number }>();
  private total = 0;
  // An expired session still counts until it is collected: that only makes eviction earlier, never memory larger.
  private readonly finalizer = new FinalizationRegistry<string>((id) => this.forget(id));

  constructor(
    readonly perTrack = HISTORY_PER_TRACK,
    readonly budgetChars = HISTORY_BUDGET_CHARS,
  ) {}

  /** Characters currently counted against the budget. */
  get totalChars(): number {
    return this.total;
  }

  record(session: Ref, entry: DebugManifest): void {
    const list = session.debug;
    // The multivariant is the same on every request of a session: once is enough.
    if (entry.track === 'multivariant' && list.some((e) => e.track === 'multivariant')) return;
    list.push(entry);
    let count = 0;
    for (const e of list) if (e.track === entry.track) count++;
    for (let i = 0; count > this.perTrack && i < list.length; ) {
      if (list[i]!.track === entry.track) {
        list.splice(i, 1);
        count--;
      } else i++;
    }
    this.account(session);
    this.enforceBudget(session);
  }

  private account(session: Ref): void {
    const known = this.ledger.get(session.id);
    if (known) {
      this.total -= known.chars;
      this.ledger.delete(session.id);
    } else this.finalizer.register(session, session.id, session);
    const chars = charsOf(session.debug);
    this.ledger.set(session.id, { ref: known?.ref ?? new WeakRef(session), chars });
    this.total += chars;
  }

  private enforceBudget(current: Ref): void {
    for (const [id, entry] of this.ledger) {
      if (this.total <= this.budgetChars) return;
      if (id === current.id) continue;
      const s = entry.ref.deref();
      if (s) {
        s.debug.length = 0;
        this.finalizer.unregister(s);
      }
      this.forget(id);
    }
    // Still over with only the current session left: drop its oldest refreshes (keep the newest).
    const list = current.debug;
    while (this.total > this.budgetChars && list.length > 1) {
      const e = list.shift()!;
      this.total -= chars(e);
      this.ledger.get(current.id)!.chars -= chars(e);
    }
  }

  private forget(id: string): void {
    const entry = this.ledger.get(id);
    if (!entry) return;
    this.total -= entry.chars;
    this.ledger.delete(id);
  }
}

function chars(e: DebugManifest): number {
  return e.origin.length + e.stitched.length;
}

function charsOf(list: DebugManifest[]): number {
  let n = 0;
  for (const e of list) n += chars(e);
  return n;
}

/** The engine's history: one per process, shared by every session store. */
export const manifestHistory = new ManifestHistory();

export function recordManifest(session: Session, entry: DebugManifest): void {
  manifestHistory.record(session, entry);
}
