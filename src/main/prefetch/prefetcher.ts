// Runs prefetch schedules. A tick (every 250 ms, never keeping the process alive) plans one ADS call per matching
// live session while a schedule's retrieval window is open, placed by the traffic shaper; makes the calls that are
// due; and drops prefetched ads that expired unused. Avails ask `take` before calling the ADS themselves: inside the
// consumption window, when the criteria match, the prefetched ads fill the avail and the call is not made.
// Recurring schedules prefetch again for each session after each avail (DelayAfterAvailEndSeconds later).
import type { AdsExchangeSink } from '../ads/exchange.js';
import type { VastResponse } from '../ads/types.js';
import type { EventBus } from '../bus/event-bus.js';
import type { SessionStore } from '../sessions/store.js';
import type { Session } from '../sessions/types.js';
import type { AvailPrefetchInfo, PrefetchOverview, PrefetchRetrievalView, PrefetchSchedule, PrefetchScheduleView } from '../../shared/prefetch.js';
import { LIMITS } from './schema.js';
import type { PrefetchScheduleStore } from './store.js';
import { retrieveAds } from './retrieve.js';
import { availMatches, criteriaOf, phaseAt, retrievalVariables, shapedCallAt, shapingOf, windowsOf } from './windows.js';

export interface PrefetcherDeps {
  schedules: PrefetchScheduleStore;
  sessions: SessionStore;
  bus: EventBus;
  exchanges?: AdsExchangeSink;
  now: () => number;
  random?: () => number;
  tickMs?: number;
}

interface Entry extends PrefetchRetrievalView {
  cycle: number;
  vast?: VastResponse;
}

/** Retrieval records kept per schedule (the oldest finished ones go first). */
const MAX_ENTRIES = 5000;
const SWEEP_EVERY_MS = 60_000;

const keyOf = (s: PrefetchSchedule) => `${s.PlaybackConfigurationName}/${s.Name}`;

export class Prefetcher {
  private readonly entries = new Map<string, Entry[]>();
  /** TPS shaping: the last call placed per schedule. */
  private readonly lastCallAt = new Map<string, number>();
  /** Sessions already planned per schedule (a Set: the tick runs over every live session four times a second). */
  private readonly planned = new Map<string, Set<string>>();
  /** Calls in flight, so a tick can wait for the ones an earlier tick started. */
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private lastSweep = 0;

  constructor(private readonly deps: PrefetcherDeps) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick().catch((err: unknown) => this.deps.bus.emit({ kind: 'error', where: 'prefetch', message: String(err) })), this.deps.tickMs ?? 250);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Plans, calls and expires; resolves when every call in flight has answered. */
  async tick(): Promise<void> {
    const schedules = this.deps.schedules.list();
    if (schedules.length === 0) return; // the usual case: nothing to do four times a second
    const sessions = await this.deps.sessions.list();
    const now = this.deps.now();
    for (const s of schedules) {
      const list = this.list(s);
      const w = windowsOf(s);
      if (now >= w.retrieval.start && now < w.retrieval.end) {
        const seen = this.seen(s);
        for (const session of sessions) if (!seen.has(session.id) && eligible(session, s)) this.plan(s, session.id, now, 0);
      }
      for (const e of list) {
        if (e.state === 'planned' && e.plannedAt <= now) {
          const p = this.call(s, e).finally(() => this.inFlight.delete(p));
          this.inFlight.add(p);
        }
        else if (e.state === 'ready' && now >= e.expiresAt) this.finish(s, e, 'expired');
      }
    }
    if (now - this.lastSweep > SWEEP_EVERY_MS) {
      this.lastSweep = now;
      for (const gone of await this.deps.schedules.sweep(now, (x) => Math.max(windowsOf(x).retrieval.end, windowsOf(x).consumption.end))) this.forget(gone);
    }
    await Promise.all([...this.inFlight]);
  }

  /**
   * Prefetched ads for this session's avail, if a schedule's consumption window is open now and its criteria match
   * the avail's dynamic variables (e.g. scte.event_id). Used ads are handed over once.
   */
  take(session: Session, availId: string, availVars: Record<string, string>): { vast: VastResponse; adsUrl?: string; info: AvailPrefetchInfo } | undefined {
    const now = this.deps.now();
    for (const s of this.deps.schedules.list(session.configName)) {
      const w = windowsOf(s).consumption;
      if (now < w.start || now >= w.end) continue;
      if (!availMatches(criteriaOf(s), retrievalVariables(s), availVars)) continue;
      const e = this.list(s)
        .filter((x) => x.sessionId === session.id && x.state === 'ready' && x.vast && now < x.expiresAt)
        .sort((a, b) => a.expiresAt - b.expiresAt)[0];
      if (!e?.vast) continue;
      const vast = e.vast;
      e.usedBy = { availId, at: now };
      this.finish(s, e, 'used', { availId });
      return { vast, ...(e.adsUrl ? { adsUrl: e.adsUrl } : {}), info: { schedule: s.Name, retrievedAt: e.retrievedAt ?? now, adsMsAvoided: e.adsMs ?? 0 } };
    }
    return undefined;
  }

  /** After a live avail: recurring schedules fetch the next break's ads once this one has ended (plus the delay). */
  afterAvail(session: Session, availSecondsLeft: number): void {
    const now = this.deps.now();
    for (const s of this.deps.schedules.list(session.configName)) {
      const rec = s.RecurringPrefetchConfiguration;
      if (s.ScheduleType !== 'RECURRING' || !rec || !eligible(session, s)) continue;
      const w = windowsOf(s).retrieval;
      if (now < w.start || now >= w.end) continue;
      const mine = this.list(s).filter((e) => e.sessionId === session.id);
      if (mine.some((e) => e.state === 'planned' || e.state === 'calling' || e.state === 'ready')) continue;
      const from = now + Math.max(0, availSecondsLeft) * 1000 + (rec.RecurringRetrieval.DelayAfterAvailEndSeconds ?? 0) * 1000;
      this.plan(s, session.id, from, Math.max(0, ...mine.map((e) => e.cycle + 1)));
    }
  }

  /** The schedule was deleted (or swept): its calls and ads go with it. */
  forget(s: PrefetchSchedule): void {
    this.entries.delete(keyOf(s));
    this.lastCallAt.delete(keyOf(s));
    this.planned.delete(keyOf(s));
  }

  view(s: PrefetchSchedule): PrefetchScheduleView {
    const now = this.deps.now();
    const retrievals = this.list(s)
      .map(({ cycle: _c, vast: _v, ...r }) => r)
      .sort((a, b) => a.plannedAt - b.plannedAt);
    const count = (st: PrefetchRetrievalView['state']) => retrievals.filter((r) => r.state === st).length;
    return {
      schedule: s,
      phase: phaseAt(s, now),
      windows: windowsOf(s),
      retrievals,
      counts: { planned: count('planned') + count('calling'), ready: count('ready'), used: count('used'), expired: count('expired'), failed: count('failed') },
    };
  }

  overview(config?: string): PrefetchOverview {
    return { schedules: this.deps.schedules.list(config).map((s) => this.view(s)), limits: { ...LIMITS } };
  }

  private list(s: PrefetchSchedule): Entry[] {
    const k = keyOf(s);
    let l = this.entries.get(k);
    if (!l) this.entries.set(k, (l = []));
    return l;
  }

  private seen(s: PrefetchSchedule): Set<string> {
    const k = keyOf(s);
    let set = this.planned.get(k);
    if (!set) this.planned.set(k, (set = new Set()));
    return set;
  }

  private plan(s: PrefetchSchedule, sessionId: string, from: number, cycle: number): void {
    this.seen(s).add(sessionId);
    const w = windowsOf(s);
    const at = shapedCallAt(w.retrieval, from, shapingOf(s), this.lastCallAt.get(keyOf(s)), this.deps.random ?? Math.random);
    if (at === undefined) return;
    this.lastCallAt.set(keyOf(s), at);
    const list = this.list(s);
    list.push({ sessionId, plannedAt: at, state: 'planned', expiresAt: w.consumption.end, cycle });
    if (list.length > MAX_ENTRIES) {
      const i = list.findIndex((e) => e.state === 'used' || e.state === 'expired' || e.state === 'failed');
      list.splice(i >= 0 ? i : 0, 1);
    }
  }

  /** Never rejects: whatever goes wrong is the retrieval's failure, shown with it. */
  private async call(s: PrefetchSchedule, e: Entry): Promise<void> {
    try {
      await this.retrieve(s, e);
    } catch (err) {
      e.error = err instanceof Error ? err.message : String(err);
      this.finish(s, e, 'failed');
    }
  }

  private async retrieve(s: PrefetchSchedule, e: Entry): Promise<void> {
    e.state = 'calling';
    const session = await this.deps.sessions.peek(e.sessionId);
    if (!session) {
      e.error = 'the session expired before its prefetch';
      return this.finish(s, e, 'failed');
    }
    const r = await retrieveAds(session, s.Name, retrievalVariables(s), { bus: this.deps.bus, ...(this.deps.exchanges ? { exchanges: this.deps.exchanges } : {}) });
    if (this.deps.schedules.get(s.PlaybackConfigurationName, s.Name) !== s) return; // deleted meanwhile
    const now = this.deps.now();
    if (r.url) e.adsUrl = r.url;
    if (r.vast) {
      e.adsMs = Math.round(r.vast.ms);
      e.adCount = r.vast.ads.length;
    }
    if (r.error || !r.vast) {
      e.error = r.error ?? 'no answer';
      return this.finish(s, e, 'failed');
    }
    e.retrievedAt = now;
    e.vast = r.vast;
    const expiry = s.RecurringPrefetchConfiguration?.RecurringConsumption.RetrievedAdExpirationSeconds;
    if (s.ScheduleType === 'RECURRING' && expiry) e.expiresAt = Math.min(e.expiresAt, now + expiry * 1000);
    e.state = 'ready';
    this.deps.bus.emit({ kind: 'prefetch', action: 'retrieved', sessionId: e.sessionId, configName: s.PlaybackConfigurationName, schedule: s.Name, adsMs: e.adsMs!, adCount: e.adCount! });
  }

  private finish(s: PrefetchSchedule, e: Entry, state: 'used' | 'expired' | 'failed', extra: { availId?: string } = {}): void {
    e.state = state;
    delete e.vast;
    this.deps.bus.emit({
      kind: 'prefetch',
      action: state,
      sessionId: e.sessionId,
      configName: s.PlaybackConfigurationName,
      schedule: s.Name,
      ...(e.adsMs !== undefined ? { adsMs: e.adsMs } : {}),
      ...(e.adCount !== undefined ? { adCount: e.adCount } : {}),
      ...(e.error ? { error: e.error } : {}),
      ...extra,
    });
  }
}

/** Live sessions of the schedule's configuration, and of its stream when it names one. */
function eligible(session: Session, s: PrefetchSchedule): boolean {
  return session.configName === s.PlaybackConfigurationName && session.live === true && (s.StreamId === undefined || session.request.streamId === s.StreamId);
}
