// MediaTailor's ADS interaction log as a view over the bus: the stitcher's ADS requests, avail decisions and
// beacons become log records with MediaTailor's event types and record shape (avail metadata: fillRate,
// filledDuration, originAvailDuration, skippedAds with reasons; beaconInfo). Records are re-emitted as `ads.log`
// bus events and kept per session (bounded) for download as JSON lines (GET /api/sessions/{id}/ads-log).
import type { AdsLogEventType, BenchEvent, BenchEventOf } from '../../shared/events.js';
import type { EventBus } from '../bus/event-bus.js';
import { RingBuffer } from '../bus/ring-buffer.js';

const PER_SESSION = 5000;
const MAX_SESSIONS = 500;

interface SessionInfo {
  configName: string;
  format: 'hls' | 'dash';
}

export type AdsLogRecord = Record<string, unknown> & { eventType: AdsLogEventType; eventTimestamp: string; sessionId: string };

const secs = (s: number) => Math.round(s * 1000) / 1000;

export class AdsLog {
  private readonly logs = new Map<string, RingBuffer<AdsLogRecord>>();
  private readonly sessions = new Map<string, SessionInfo>();

  constructor(
    private readonly bus: EventBus,
    private readonly accountId: string,
  ) {
    bus.subscribe((e) => this.onEvent(e));
  }

  /** Undefined for a session the log has never seen. */
  records(sessionId: string): AdsLogRecord[] | undefined {
    if (!this.sessions.has(sessionId) && !this.logs.has(sessionId)) return undefined;
    return this.logs.get(sessionId)?.toArray() ?? [];
  }

  private onEvent(e: BenchEvent): void {
    if (e.kind === 'session' && e.action === 'created' && e.sessionId) {
      this.sessions.set(e.sessionId, { configName: e.configName, format: e.format });
      if (this.sessions.size > MAX_SESSIONS * 2) this.sessions.delete(this.sessions.keys().next().value!);
      return;
    }
    if (!e.sessionId) return;
    if (e.kind === 'ads.request' && e.side === 'client') this.adsRequest(e);
    else if (e.kind === 'avail') this.avail(e);
    else if (e.kind === 'beacon' && (e.sender === 'server' || e.sender === 'client')) this.beacon(e);
  }

  private adsRequest(e: BenchEventOf<'ads.request'>): void {
    const depth = e.depth ?? 0;
    const base = { adsRequestUrl: e.url, ...(e.availId ? { availId: e.availId } : {}) };
    this.record(e, depth === 0 ? 'MAKING_ADS_REQUEST' : 'VAST_REDIRECT', depth === 0 ? `ADS request for avail ${e.availId ?? '?'}` : `Following wrapper (depth ${depth})`, base);
    const answer = { ...base, adsResponseCode: e.status, adsResponseTimeMs: e.ms, numAds: e.ads ?? 0 };
    if (!e.error && e.status >= 200 && e.status < 300) {
      if ((e.ads ?? 0) > 0) this.record(e, 'VAST_RESPONSE', `${e.ads} ad(s) in ${e.ms} ms`, answer);
      else if (depth === 0) this.record(e, 'EMPTY_VAST_RESPONSE', `Empty answer in ${e.ms} ms`, answer);
      return;
    }
    const type: AdsLogEventType =
      e.failure === 'timeout' || e.failure === 'budget' ? 'ERROR_ADS_TIMEOUT'
      : e.failure === 'parse' || e.failure === 'too-large' ? 'ERROR_ADS_RESPONSE_PARSE'
      : e.failure === 'network' && /ENOTFOUND|EAI_AGAIN/.test(e.error ?? '') ? 'ERROR_UNKNOWN_HOST'
      : 'ERROR_ADS_INVALID_RESPONSE';
    this.record(e, type, e.error ?? `HTTP ${e.status}`, { ...answer, errorDescription: e.error ?? `HTTP ${e.status}` });
  }

  private avail(e: BenchEventOf<'avail'>): void {
    const origin = e.durationSeconds;
    const filled = e.filledSeconds;
    const avail = {
      availId: e.availId,
      originAvailDuration: secs(origin),
      filledDuration: secs(filled),
      fillRate: origin > 0 ? Math.min(1, secs(filled / origin)) : filled > 0 ? 1 : 0,
      numAds: e.ads.length,
      creativeAds: e.ads.map((a) => ({ adId: a.adId, duration: a.durationSeconds })),
      skippedAds: e.skipped.map((s) => ({ adId: s.adId, skippedReason: s.reason })),
      slateDuration: secs(e.slateSeconds),
      ...(e.adsMs !== undefined ? { adsResponseTimeMs: e.adsMs } : {}),
    };
    this.record(e, 'PLANNED_AVAIL', `Avail ${e.availId}: ${secs(origin)} s signalled`, { avail });
    if (e.ads.length > 0) this.record(e, 'FILLED_AVAIL', `Avail ${e.availId}: ${e.ads.length} ad(s), ${secs(filled)}/${secs(origin)} s`, { avail });
    else this.record(e, 'WARNING_NO_ADVERTISEMENTS', `Avail ${e.availId} plays content: ${e.fallback ?? 'no ads'}`, { avail, warningDescription: e.fallback ?? 'no ads' });
  }

  private beacon(e: BenchEventOf<'beacon'>): void {
    const ok = !e.error && (e.status ?? 0) >= 200 && (e.status ?? 0) < 400;
    const beaconInfo = { beaconUri: e.url, trackingEvent: e.event, beaconHttpResponseCode: e.status ?? 0, beaconTimeMs: e.ms ?? 0, attempts: e.attempts ?? 1, firedBy: e.sender, ...(e.error ? { errorDescription: e.error } : {}) };
    this.record(e, ok ? 'BEACON_FIRED' : 'ERROR_FIRING_BEACON_FAILED', `${e.event} ${ok ? 'fired' : `failed: ${e.error ?? `HTTP ${e.status}`}`}`, {
      ...(e.availId ? { availId: e.availId } : {}),
      ...(e.adId ? { adId: e.adId } : {}),
      beaconInfo,
    });
  }

  private record(e: BenchEvent, eventType: AdsLogEventType, message: string, fields: Record<string, unknown>): void {
    const sessionId = e.sessionId!;
    const info = this.sessions.get(sessionId);
    const record: AdsLogRecord = {
      eventType,
      eventTimestamp: new Date(e.at).toISOString(),
      sessionId,
      sessionType: info?.format === 'dash' ? 'DASH' : 'HLS',
      originId: info?.configName ?? '',
      customerId: this.accountId,
      eventDescription: message,
      ...fields,
    };
    let log = this.logs.get(sessionId);
    if (!log) {
      log = new RingBuffer<AdsLogRecord>(PER_SESSION);
      this.logs.set(sessionId, log);
      if (this.logs.size > MAX_SESSIONS) this.logs.delete(this.logs.keys().next().value!);
    }
    log.push(record);
    const availId = typeof fields.availId === 'string' ? fields.availId : (fields.avail as { availId?: string } | undefined)?.availId;
    const adId = typeof fields.adId === 'string' ? fields.adId : undefined;
    this.bus.emit({ kind: 'ads.log', sessionId, eventType, message, record, ...(availId ? { availId } : {}), ...(adId ? { adId } : {}) });
  }
}
