// MediaTailor's ADS interaction log as a view over the bus: a subscriber turns the stitcher's ADS requests, avail
// decisions and beacons into log records (ads-log-map.ts), keeps a bounded log per session for download
// (GET /api/sessions/{id}/ads-log, ads-log-routes.ts) and re-emits every record as an `ads.log` bus event.
import { createHash, randomUUID } from 'node:crypto';
import type { AdsLogRecord, BenchEvent, BenchEventInput } from '../../shared/events.js';
import type { EventBus } from '../bus/event-bus.js';
import { RingBuffer } from '../bus/ring-buffer.js';
import { adsRequestEntries, availEntries, beaconEntries, type AdsLogEntry } from './ads-log-map.js';

export interface AdsLogOptions {
  /** Records kept per session (oldest dropped first). */
  perSession?: number;
  /** Sessions kept (least recently active dropped first). */
  maxSessions?: number;
}

interface SessionLog {
  /** From the session's `created` event; a session first seen through another event gets placeholders. */
  configName: string;
  format: 'hls' | 'dash';
  records: RingBuffer<AdsLogRecord>;
  /** One requestId per avail (and one for the session's own requests, key ''), shared by its records. */
  requestIds: Map<string, string>;
}

export class AdsLog {
  private readonly sessions = new Map<string, SessionLog>();
  private readonly perSession: number;
  private readonly maxSessions: number;
  private readonly customerId: string;
  private pending: BenchEventInput[] = [];

  constructor(
    private readonly bus: EventBus,
    private readonly accountId: string,
    options: AdsLogOptions = {},
  ) {
    this.perSession = options.perSession ?? 5000;
    this.maxSessions = options.maxSessions ?? 500;
    this.customerId = createHash('sha256').update(accountId).digest('hex').slice(0, 32);
    bus.subscribe((e) => this.onEvent(e));
  }

  /** A session's records, oldest first; undefined for a session the log has never seen (or has dropped). */
  records(sessionId: string): AdsLogRecord[] | undefined {
    return this.sessions.get(sessionId)?.records.toArray();
  }

  private onEvent(e: BenchEvent): void {
    if (e.kind === 'ads.log' || !e.sessionId) return; // never our own records
    if (e.kind === 'session') {
      if (e.action === 'created') {
        const log = this.touch(e.sessionId);
        log.configName = e.configName;
        log.format = e.format;
      }
      return;
    }
    const entries =
      e.kind === 'ads.request' && e.side === 'client' ? adsRequestEntries(e)
      : e.kind === 'avail' ? availEntries(e)
      : e.kind === 'beacon' ? beaconEntries(e)
      : [];
    for (const entry of entries) this.add(e, entry);
  }

  private add(e: BenchEvent, entry: AdsLogEntry): void {
    const sessionId = e.sessionId!;
    const log = this.touch(sessionId);
    const availId = entry.bench?.availId ?? entry.avail?.availId;
    const adId = entry.bench?.adId;
    const { eventType, eventDescription, ...fields } = entry;
    const record: AdsLogRecord = {
      eventType,
      eventTimestamp: new Date(e.at).toISOString(),
      // A beacon is its own request; an avail's ADS requests and decision share one.
      requestId: e.kind === 'beacon' ? randomUUID() : this.requestId(log, availId ?? ''),
      sessionType: log.format === 'dash' ? 'DASH' : 'HLS',
      eventDescription,
      awsAccountId: this.accountId,
      customerId: this.customerId,
      originId: log.configName,
      sessionId,
      ...fields,
    };
    log.records.push(record);
    this.emitLater({ kind: 'ads.log', sessionId, at: e.at, eventType, message: eventDescription, record, ...(availId !== undefined ? { availId } : {}), ...(adId !== undefined ? { adId } : {}) });
  }

  /**
   * Emitting from inside a subscriber would hand later subscribers (the SSE stream among them) the derived
   * record before the event it came from; so records go out once the current emit has reached everyone.
   */
  private emitLater(input: BenchEventInput): void {
    this.pending.push(input);
    if (this.pending.length > 1) return;
    queueMicrotask(() => {
      const batch = this.pending;
      this.pending = [];
      for (const ev of batch) this.bus.emit(ev);
    });
  }

  private requestId(log: SessionLog, key: string): string {
    let id = log.requestIds.get(key);
    if (!id) log.requestIds.set(key, (id = randomUUID()));
    return id;
  }

  /** The session's log, marked most recently active (Map order is the LRU order). */
  private touch(sessionId: string): SessionLog {
    let log = this.sessions.get(sessionId);
    if (log) this.sessions.delete(sessionId);
    else {
      log = { configName: '', format: 'hls', records: new RingBuffer(this.perSession), requestIds: new Map() };
      if (this.sessions.size >= this.maxSessions) this.sessions.delete(this.sessions.keys().next().value!);
    }
    this.sessions.set(sessionId, log);
    return log;
  }
}
