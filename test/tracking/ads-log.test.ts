// The ADS interaction log: MediaTailor's event types derived from the bus, per session, as JSON lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdsLogRecord, BenchEvent, BenchEventInput } from '../../src/shared/events.js';
import { EventBus } from '../../src/main/bus/event-bus.js';
import { AdsLog } from '../../src/main/tracking/ads-log.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { putConfig, startSession, text } from '../playback/helpers.js';

const availOf = (r: AdsLogRecord) => r.bench?.availId ?? r.avail?.availId;
const types = (rs: AdsLogRecord[]) => rs.map((r) => r.eventType);
/** Records of each avail, in order, keyed by availId. */
function byAvail(records: AdsLogRecord[]): Map<string, AdsLogRecord[]> {
  const m = new Map<string, AdsLogRecord[]>();
  for (const r of records) {
    const id = availOf(r);
    if (id !== undefined) m.set(id, [...(m.get(id) ?? []), r]);
  }
  return m;
}

describe('ADS interaction log (real engine)', () => {
  let engine: TestEngine;
  const events: BenchEvent[] = [];
  beforeAll(async () => {
    engine = await startTestEngine();
    engine.bus.subscribe((e) => void events.push(e));
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  /** A demo VOD session whose first media playlist decides both avails; its log downloaded as JSON lines. */
  async function log(config: string): Promise<{ id: string; records: AdsLogRecord[] }> {
    const s = await startSession(engine, config, 'vod/hls-ts/master.m3u8');
    expect((await text(engine, s.mediaUrls[0]!)).status).toBe(200);
    const res = await engine.get(`/api/sessions/${s.sessionId}/ads-log`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ads-log-${s.sessionId}.jsonl"`);
    const body = await res.text();
    expect(body.endsWith('\n')).toBe(true);
    return { id: s.sessionId, records: body.trimEnd().split('\n').map((l) => JSON.parse(l) as AdsLogRecord) };
  }

  const faultUrl = (q: string) => `${engine.url}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&sid=[session.id]&${q}`;

  it('a filled demo session: per avail MAKING_ADS_REQUEST, VAST_RESPONSE, PLANNED_AVAIL, FILLED_AVAIL with avail metadata', async () => {
    const { id, records } = await log('demo');
    const avails = byAvail(records);
    expect(avails.size).toBe(2);
    const requestIds = new Set<string>();
    for (const [availId, rs] of avails) {
      expect(types(rs)).toEqual(['MAKING_ADS_REQUEST', 'VAST_RESPONSE', 'PLANNED_AVAIL', 'FILLED_AVAIL']);
      const [request, response, planned, filled] = rs as [AdsLogRecord, AdsLogRecord, AdsLogRecord, AdsLogRecord];
      expect(request.adsRequestUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/demo\/ads\/vast\?/);
      expect(response.vastResponse!.vastAds).toHaveLength(response.bench!.ads!);
      expect(response.vastResponse!.vastAds[0]).toMatchObject({ vastAdId: expect.any(String), adSystem: expect.any(String), duration: expect.any(Number) });
      expect(response.vastResponse!.vastAds[0]!.vastMediaFiles.length).toBeGreaterThan(0);
      expect(planned.avail).toMatchObject({ availId, originAvailDuration: 20 });
      expect(filled.avail).toMatchObject({ availId, fillRate: 1, filledDuration: 20, originAvailDuration: 20, numAds: 2, skippedAds: [], slateAd: null });
      const ad = filled.avail!.creativeAds[0]!;
      expect(ad.trackingEvents.impression!.length).toBeGreaterThan(0);
      expect(ad.trackingEvents.complete!.length).toBeGreaterThan(0);
      expect(ad.adContent.adPlaylistUris['*']).toMatch(/\/v1\/transcoded\//);
      expect(ad.transcodedAdDuration).toBeGreaterThan(0);
      // One ADS interaction, one requestId; the other avail has its own.
      expect(new Set(rs.map((r) => r.requestId)).size).toBe(1);
      requestIds.add(rs[0]!.requestId);
    }
    expect(requestIds.size).toBe(2);
    for (const r of records) {
      expect(r).toMatchObject({ sessionId: id, sessionType: 'HLS', originId: 'demo', awsAccountId: engine.accountId });
      expect(r.customerId).toMatch(/^[0-9a-f]{32}$/);
      expect(new Date(r.eventTimestamp).toISOString()).toBe(r.eventTimestamp);
    }

    // The same records are on the bus as ads.log events — each after the event it was derived from.
    const mine = events.filter((e): e is Extract<BenchEvent, { kind: 'ads.log' }> => e.kind === 'ads.log' && e.sessionId === id);
    expect(mine.map((e) => e.record)).toEqual(records);
    const firstFilled = mine.find((e) => e.eventType === 'FILLED_AVAIL')!;
    const source = events.findIndex((e) => e.kind === 'avail' && e.sessionId === id && e.availId === firstFilled.availId);
    expect(source).toBeGreaterThanOrEqual(0);
    expect(events.indexOf(firstFilled)).toBeGreaterThan(source);
    expect(firstFilled.message).toBe(firstFilled.record.eventDescription);

    const json = await engine.json<AdsLogRecord[]>(`/api/sessions/${id}/ads-log?format=json`);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.body).toEqual(records);
  });

  it('an ADS timeout: ERROR_ADS_TIMEOUT with the headers sent, then WARNING_NO_ADVERTISEMENTS saying why', async () => {
    await putConfig(engine, 'log-timeout', { AdDecisionServerUrl: faultUrl('fault=timeout'), AdsRequestTimeoutMilliseconds: 400 });
    const { records } = await log('log-timeout');
    for (const rs of byAvail(records).values()) {
      expect(types(rs)).toEqual(['MAKING_ADS_REQUEST', 'ERROR_ADS_TIMEOUT', 'PLANNED_AVAIL', 'WARNING_NO_ADVERTISEMENTS']);
      expect(rs[1]!.adsRequestUrl).toContain('fault=timeout');
      expect(rs[1]!.requestHeaders?.map((h) => h.name)).toContain('x-device-ip');
      expect(rs[1]!.bench).toMatchObject({ status: 0, failure: 'timeout' });
      const warn = rs[3]!;
      expect(warn.eventDescription).toMatch(/ADS_TIMEOUT/);
      expect(warn.bench).toMatchObject({ fallbackReason: 'ADS_TIMEOUT', fallbackDetail: expect.stringContaining('fault=timeout') });
      expect(warn.avail).toMatchObject({ fillRate: 0, filledDuration: 0, originAvailDuration: 20, numAds: 0 });
    }
  });

  it('an empty answer is EMPTY_VAST_RESPONSE; HTTP 500 ERROR_ADS_INVALID_RESPONSE; garbage ERROR_ADS_RESPONSE_PARSE; a closed port ERROR_ADS_IO', async () => {
    await putConfig(engine, 'log-empty', { AdDecisionServerUrl: faultUrl('fault=empty') });
    const empty = [...byAvail((await log('log-empty')).records).values()][0]!;
    expect(types(empty)).toEqual(['MAKING_ADS_REQUEST', 'EMPTY_VAST_RESPONSE', 'PLANNED_AVAIL', 'WARNING_NO_ADVERTISEMENTS']);
    expect(empty[3]!.bench?.fallbackReason).toBe('EMPTY_VAST_RESPONSE');

    await putConfig(engine, 'log-500', { AdDecisionServerUrl: faultUrl('fault=500') });
    const http = (await log('log-500')).records.find((r) => r.eventType === 'ERROR_ADS_INVALID_RESPONSE');
    expect(http).toMatchObject({ additionalInfo: 'HTTP 500', bench: { status: 500, failure: 'http' } });

    await putConfig(engine, 'log-garbage', { AdDecisionServerUrl: faultUrl('fault=garbage') });
    const garbage = [...byAvail((await log('log-garbage')).records).values()][0]!;
    expect(types(garbage)).toEqual(['MAKING_ADS_REQUEST', 'ERROR_ADS_RESPONSE_PARSE', 'PLANNED_AVAIL', 'WARNING_NO_ADVERTISEMENTS']);
    expect(garbage[1]!.bench?.errorCode).toBe(100);

    await putConfig(engine, 'log-closed', { AdDecisionServerUrl: 'http://127.0.0.1:1/vast' });
    expect(types((await log('log-closed')).records)).toContain('ERROR_ADS_IO');
  });

  it('a wrapper chain: VAST_REDIRECT and REDIRECTED_VAST_RESPONSE per hop; past the limit, ERROR_VAST_REDIRECT_FAILED', async () => {
    await putConfig(engine, 'log-wrapper', { AdDecisionServerUrl: faultUrl('wrapper=2') });
    for (const rs of byAvail((await log('log-wrapper')).records).values()) {
      expect(types(rs)).toEqual([
        'MAKING_ADS_REQUEST', 'VAST_RESPONSE',
        'VAST_REDIRECT', 'REDIRECTED_VAST_RESPONSE',
        'VAST_REDIRECT', 'REDIRECTED_VAST_RESPONSE',
        'PLANNED_AVAIL', 'FILLED_AVAIL',
      ]);
      // The first answer is one Wrapper; its VASTAdTagURI is the URL the first redirect requests.
      expect(rs[1]!.vastResponse!.vastAds).toHaveLength(1);
      expect(rs[1]!.vastResponse!.vastAds[0]!.vastAdTagUri).toBe(rs[2]!.adsRequestUrl);
      expect(rs.filter((r) => r.eventType === 'VAST_REDIRECT').map((r) => r.bench?.depth)).toEqual([1, 2]);
      expect(rs[7]!.avail).toMatchObject({ fillRate: 1, numAds: 2 });
    }

    await putConfig(engine, 'log-deep', { AdDecisionServerUrl: faultUrl('wrapper=8') });
    const deep = [...byAvail((await log('log-deep')).records).values()][0]!;
    expect(deep.filter((r) => r.eventType === 'VAST_REDIRECT')).toHaveLength(7);
    expect(types(deep).slice(-3)).toEqual(['ERROR_VAST_REDIRECT_FAILED', 'PLANNED_AVAIL', 'WARNING_NO_ADVERTISEMENTS']);
    expect(deep.at(-3)!.eventDescription).toMatch(/Wrapper limit/);
  });

  it('an unknown session is a 404 JSON error; an unknown format a 400', async () => {
    const res = await engine.json<{ message: string; code: string }>('/api/sessions/nope/ads-log');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NotFoundException');
    const s = await startSession(engine, 'demo', 'vod/hls-ts/master.m3u8');
    expect((await engine.get(`/api/sessions/${s.sessionId}/ads-log?format=xml`)).status).toBe(400);
    // A session with no ADS interaction yet has an empty log, not a 404.
    const none = await engine.get(`/api/sessions/${s.sessionId}/ads-log`);
    expect(none.status).toBe(200);
    expect(await none.text()).toBe('');
  });
});

describe('ADS interaction log (mapping on a bus)', () => {
  function setup(options?: ConstructorParameters<typeof AdsLog>[2]) {
    const bus = new EventBus();
    const adsLog = new AdsLog(bus, 'acct', options);
    const seen: BenchEvent[] = [];
    bus.subscribe((e) => void seen.push(e)); // subscribed after the log: sees what a later SSE client sees
    const emit = (e: BenchEventInput) => bus.emit(e);
    emit({ kind: 'session', sessionId: 's1', action: 'created', configName: 'c', asset: 'a', format: 'dash', reportingMode: 'server' });
    return { bus, adsLog, seen, emit };
  }
  const tick = () => new Promise<void>((r) => queueMicrotask(r));

  it('beacons become BEACON_FIRED / ERROR_FIRING_BEACON_FAILED with beaconInfo; the demo ADS receiving one is not a record', async () => {
    const { adsLog, seen, emit } = setup();
    emit({ kind: 'beacon', sessionId: 's1', sender: 'server', event: 'start', url: 'http://a/s', status: 200, ms: 4, attempts: 1, availId: '9', adId: 'x' });
    emit({ kind: 'beacon', sessionId: 's1', sender: 'client', event: 'complete', url: 'http://a/c', status: 0, ms: 3000, attempts: 3, error: 'timeout' });
    emit({ kind: 'beacon', sessionId: 's1', sender: 'server', event: 'midpoint', url: 'http://a/m', status: 404, ms: 2, attempts: 1 });
    emit({ kind: 'beacon', sessionId: 's1', sender: 'demo-ads', event: 'start', url: 'http://a/s', status: 200 });
    const recs = adsLog.records('s1')!;
    expect(types(recs)).toEqual(['BEACON_FIRED', 'ERROR_FIRING_BEACON_FAILED', 'ERROR_FIRING_BEACON_FAILED']);
    expect(recs[0]).toMatchObject({
      sessionType: 'DASH', originId: 'c', awsAccountId: 'acct', sessionId: 's1',
      beaconInfo: { beaconUri: 'http://a/s', trackingEvent: 'start', beaconHttpResponseCode: 200 },
      bench: { availId: '9', adId: 'x', firedBy: 'server', attempts: 1 },
    });
    expect(recs[0]!.error).toBeUndefined();
    expect(recs[1]).toMatchObject({ error: 'timeout', beaconInfo: { beaconHttpResponseCode: 0, trackingEvent: 'complete' }, bench: { firedBy: 'client', attempts: 3 } });
    expect(recs[1]!.eventDescription).toMatch(/after 3 attempts: timeout/);
    expect(recs[2]).toMatchObject({ error: 'HTTP 404', beaconInfo: { beaconHttpResponseCode: 404 } });
    // Each beacon is its own request.
    expect(new Set(recs.map((r) => r.requestId)).size).toBe(3);

    // On the bus once the emitting event has reached every subscriber: never ahead of their source.
    expect(seen.filter((e) => e.kind === 'ads.log')).toHaveLength(0);
    await tick();
    const logged = seen.filter((e) => e.kind === 'ads.log');
    expect(logged.map((e) => e.kind === 'ads.log' && e.eventType)).toEqual(types(recs));
    expect(logged[0]).toMatchObject({ sessionId: 's1', availId: '9', adId: 'x', record: recs[0] });
    expect(seen.findIndex((e) => e.kind === 'ads.log')).toBeGreaterThan(seen.findIndex((e) => e.kind === 'beacon' && e.sender === 'demo-ads'));
  });

  it('ADS request failures map to MediaTailor error types; a VMAP request answered by a VAST is no error', () => {
    const { adsLog, emit } = setup();
    const req = { kind: 'ads.request', side: 'client', sessionId: 's1', url: 'http://ads/', ms: 5, depth: 0 } as const;
    emit({ ...req, status: 0, failure: 'network', error: 'Request failed: getaddrinfo ENOTFOUND ads', availId: '1' });
    emit({ ...req, status: 0, failure: 'network', error: 'Request failed: connect ECONNREFUSED', availId: '2' });
    emit({ ...req, depth: 1, status: 503, failure: 'http', error: 'HTTP 503 from http://ads/', availId: '3' });
    emit({ ...req, status: 0, failure: 'bad-url', error: 'Invalid URL', availId: '4' });
    emit({ ...req, doc: 'vmap', status: 200, failure: 'parse', errorCode: 1000, error: 'Not a VMAP document: root element <VAST>' });
    emit({ ...req, doc: 'vmap', status: 200, ads: 0 });
    emit({ ...req, depth: 2, status: 200, ads: 0, availId: '5' });
    expect(types(adsLog.records('s1')!)).toEqual([
      'MAKING_ADS_REQUEST', 'ERROR_UNKNOWN_HOST',
      'MAKING_ADS_REQUEST', 'ERROR_ADS_IO',
      'VAST_REDIRECT', 'ERROR_VAST_REDIRECT_FAILED',
      'MAKING_ADS_REQUEST', 'ERROR_UNKNOWN',
      'MAKING_ADS_REQUEST',
      'MAKING_ADS_REQUEST', 'EMPTY_VMAP_RESPONSE',
      'VAST_REDIRECT', 'ERROR_VAST_REDIRECT_EMPTY_RESPONSE',
    ]);
  });

  it('avail metadata: fill rate without a signalled duration, partial fills, MediaTailor skip reasons, slate', () => {
    const { adsLog, emit } = setup();
    const base = { kind: 'avail' as const, sessionId: 's1', slateSeconds: 0, skipped: [] };
    emit({ ...base, availId: 'a', durationSeconds: 15, durationSignalled: false, filledSeconds: 15, ads: [{ adId: 'x', durationSeconds: 15 }] });
    emit({
      ...base, availId: 'b', durationSeconds: 40, filledSeconds: 30, slateSeconds: 10, slate: { creative: 'http://s/slate.m3u8', durationSeconds: 10 },
      ads: [{ adId: 'y', durationSeconds: 30.0004, vastDurationSeconds: 30, creativeId: 'cr-y', mezzanineUrl: 'http://m/y.mp4', creative: 'http://t/y.m3u8', trackingEvents: { impression: ['http://i'] } }],
      skipped: [{ adId: 'z', reason: 'EXCEEDS_AVAIL_DURATION', detail: '45.0 s does not fit' }, { adId: 'w', reason: 'TRANSCODE_IN_PROGRESS' }],
    });
    const recs = adsLog.records('s1')!;
    expect(types(recs)).toEqual(['PLANNED_AVAIL', 'FILLED_AVAIL', 'PLANNED_AVAIL', 'FILLED_AVAIL']);
    expect(recs[1]!.avail).toMatchObject({ availId: 'a', originAvailDuration: 0, filledDuration: 15, fillRate: 1 });
    expect(recs[3]!.avail).toEqual({
      availId: 'b', originAvailDuration: 40, filledDuration: 30, fillRate: 0.75, numAds: 1,
      creativeAds: [{ uri: 'http://m/y.mp4', creativeUniqueId: 'cr-y', adContent: { adPlaylistUris: { '*': 'http://t/y.m3u8' } }, trackingEvents: { impression: ['http://i'] }, vastDuration: 30, transcodedAdDuration: 30 }],
      skippedAds: [
        { adId: 'z', creativeUniqueId: 'z', skippedReason: 'AVAIL_DURATION_EXCEEDED', skippedDetail: 'EXCEEDS_AVAIL_DURATION: 45.0 s does not fit' },
        { adId: 'w', creativeUniqueId: 'w', skippedReason: 'TRANSCODE_IN_PROGRESS' },
      ],
      slateAd: { uri: 'http://s/slate.m3u8', creativeUniqueId: 'slate', adContent: { adPlaylistUris: { '*': 'http://s/slate.m3u8' } }, transcodedAdDuration: 10 },
    });
  });

  it('is bounded: records per session, and the least recently active sessions are dropped', () => {
    const { adsLog, emit } = setup({ perSession: 3, maxSessions: 2 });
    for (let i = 0; i < 5; i++) emit({ kind: 'beacon', sessionId: 's1', sender: 'server', event: `e${i}`, url: 'http://a', status: 200 });
    expect(adsLog.records('s1')!.map((r) => r.beaconInfo?.trackingEvent)).toEqual(['e2', 'e3', 'e4']);
    emit({ kind: 'beacon', sessionId: 's2', sender: 'server', event: 'x', url: 'http://a', status: 200 });
    emit({ kind: 'beacon', sessionId: 's1', sender: 'server', event: 'e5', url: 'http://a', status: 200 }); // s1 active again
    emit({ kind: 'beacon', sessionId: 's3', sender: 'server', event: 'x', url: 'http://a', status: 200 });
    expect(adsLog.records('s2')).toBeUndefined();
    expect(adsLog.records('s1')).toHaveLength(3);
    expect(adsLog.records('s3')).toHaveLength(1);
  });
});
