// The ADS interaction log: MediaTailor's event types derived from the bus, per session, as JSON lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../src/shared/events.js';
import { EventBus } from '../../src/main/bus/event-bus.js';
import { AdsLog } from '../../src/main/tracking/ads-log.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { putConfig, startSession, text } from '../playback/helpers.js';

let engine: TestEngine;
const events: BenchEvent[] = [];
beforeAll(async () => {
  engine = await startTestEngine();
  engine.bus.subscribe((e) => void events.push(e));
});
afterAll(async () => {
  await engine?.dispose();
});

type Rec = { eventType: string; availId?: string; sessionId: string; sessionType: string; originId: string; avail?: { availId: string; fillRate: number; filledDuration: number; originAvailDuration: number; numAds: number; skippedAds: unknown[] }; warningDescription?: string; errorDescription?: string };

async function log(config: string, asset = 'vod/hls-ts/master.m3u8'): Promise<{ id: string; records: Rec[] }> {
  const s = await startSession(engine, config, asset);
  await text(engine, s.mediaUrls[0]!);
  const res = await engine.get(`/api/sessions/${s.sessionId}/ads-log`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ads-log-${s.sessionId}.jsonl"`);
  const body = await res.text();
  return { id: s.sessionId, records: body.trim().split('\n').map((l) => JSON.parse(l) as Rec) };
}

const fault = (f: string) => `/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&sid=[session.id]&${f}`;

describe('ADS interaction log', () => {
  it('a filled demo session: per avail MAKING_ADS_REQUEST, VAST_RESPONSE, PLANNED_AVAIL, FILLED_AVAIL with avail metadata', async () => {
    const { id, records } = await log('demo');
    const avail10 = records.filter((r) => r.availId === '10' || r.avail?.availId === '10');
    expect(avail10.map((r) => r.eventType)).toEqual(['MAKING_ADS_REQUEST', 'VAST_RESPONSE', 'PLANNED_AVAIL', 'FILLED_AVAIL']);
    expect(avail10[3]!.avail).toMatchObject({ fillRate: 1, filledDuration: 20, originAvailDuration: 20, numAds: 2, skippedAds: [] });
    expect(avail10[0]).toMatchObject({ sessionId: id, sessionType: 'HLS', originId: 'demo' });
    // Also on the bus, as ads.log events of this session.
    expect(events.filter((e) => e.kind === 'ads.log' && e.sessionId === id).length).toBe(records.length);
    const json = await engine.json<Rec[]>(`/api/sessions/${id}/ads-log?format=json`);
    expect(json.body).toEqual(records);
  });

  it('ADS timeout, empty answer, wrappers and garbage get their MediaTailor event types', async () => {
    await putConfig(engine, 'log-timeout', { AdDecisionServerUrl: `${engine.url}${fault('fault=timeout')}`, AdsRequestTimeoutMilliseconds: 400 });
    const timeout = (await log('log-timeout')).records.map((r) => r.eventType);
    expect(timeout).toContain('ERROR_ADS_TIMEOUT');
    const warn = (await log('log-timeout')).records.find((r) => r.eventType === 'WARNING_NO_ADVERTISEMENTS')!;
    expect(warn.warningDescription).toMatch(/ADS_TIMEOUT/);

    await putConfig(engine, 'log-empty', { AdDecisionServerUrl: `${engine.url}${fault('fault=empty')}` });
    expect((await log('log-empty')).records.map((r) => r.eventType)).toContain('EMPTY_VAST_RESPONSE');

    await putConfig(engine, 'log-wrapper', { AdDecisionServerUrl: `${engine.url}${fault('wrapper=2')}` });
    expect((await log('log-wrapper')).records.filter((r) => r.eventType === 'VAST_REDIRECT').length).toBeGreaterThanOrEqual(2);

    await putConfig(engine, 'log-garbage', { AdDecisionServerUrl: `${engine.url}${fault('fault=garbage')}` });
    expect((await log('log-garbage')).records.map((r) => r.eventType)).toContain('ERROR_ADS_RESPONSE_PARSE');
  });

  it('beacons become BEACON_FIRED / ERROR_FIRING_BEACON_FAILED with beaconInfo; an unknown session is a 404', async () => {
    const bus = new EventBus();
    const adsLog = new AdsLog(bus, 'acct');
    bus.emit({ kind: 'session', sessionId: 's1', action: 'created', configName: 'c', asset: 'a', format: 'dash', reportingMode: 'server' });
    bus.emit({ kind: 'beacon', sessionId: 's1', sender: 'server', event: 'start', url: 'http://a/s', status: 200, ms: 4, attempts: 1, availId: '9', adId: 'x' });
    bus.emit({ kind: 'beacon', sessionId: 's1', sender: 'client', event: 'complete', url: 'http://a/c', status: 0, ms: 3000, attempts: 3, error: 'timeout' });
    bus.emit({ kind: 'beacon', sessionId: 's1', sender: 'demo-ads', event: 'start', url: 'http://a/s', status: 200 });
    const recs = adsLog.records('s1')!;
    expect(recs.map((r) => r.eventType)).toEqual(['BEACON_FIRED', 'ERROR_FIRING_BEACON_FAILED']);
    expect(recs[0]).toMatchObject({ sessionType: 'DASH', originId: 'c', customerId: 'acct', availId: '9', adId: 'x', beaconInfo: { beaconUri: 'http://a/s', trackingEvent: 'start', beaconHttpResponseCode: 200, firedBy: 'server' } });
    expect(recs[1]).toMatchObject({ beaconInfo: { beaconHttpResponseCode: 0, attempts: 3, errorDescription: 'timeout', firedBy: 'client' } });
    expect(adsLog.records('nope')).toBeUndefined();
    expect((await engine.get('/api/sessions/nope/ads-log')).status).toBe(404);
  });
});
