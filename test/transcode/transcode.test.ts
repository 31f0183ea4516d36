// Ad transcoding end to end with real ffmpeg: a 1080p30 / 44.1 kHz mono mezzanine conditioned to the demo content
// (720p + 360p at 25 fps, 48 kHz stereo, 2 s segments), skip-until-ready, the cache, failures and the API.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../src/shared/events.js';
import type { PrewarmResponse, TranscodeOverview } from '../../src/shared/transcode.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { putConfig, sessionView, startSession, text } from '../playback/helpers.js';
import { readPlaylist } from '../stitch/helpers.js';
import { bytes, ffprobeStreams, mezzanine, spliceFields, startTestAds, type TestAds } from './helpers.js';

let engine: TestEngine;
let ads: TestAds;
let cacheDir: string;
const events: BenchEvent[] = [];

beforeAll(async () => {
  const good = await mezzanine();
  const truncated = (await import('node:fs/promises')).readFile(good).then((b) => b.subarray(0, Math.floor(b.length * 0.5)));
  ads = await startTestAds({ good, again: good, pair: good, waited: good, cancel: good, corrupt: Buffer.alloc(200_000, 7), truncated: await truncated });
  cacheDir = await mkdtemp(join(tmpdir(), 'stitchbench-transcode-'));
  // A fresh cache and no demo pre-warm: every transcode here happens in the test.
  engine = await startTestEngine({ transcodeCacheDir: cacheDir, prewarmDemo: false });
  engine.bus.subscribe((e) => void events.push(e));
}, 120_000);

afterAll(async () => {
  await engine?.dispose();
  await ads?.close();
  await rm(cacheDir, { recursive: true, force: true });
});

async function overview(): Promise<TranscodeOverview> {
  return (await engine.json<TranscodeOverview>('/api/transcode')).body;
}

async function untilJob(adKey: string, states: string[], timeoutMs = 60_000) {
  const t0 = Date.now();
  for (;;) {
    const job = (await overview()).jobs.find((j) => j.adKey === adKey && states.includes(j.state));
    if (job) return job;
    if (Date.now() - t0 > timeoutMs) throw new Error(`no ${adKey} job in ${states.join('/')} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function firstAvail(sessionId: string) {
  return (await sessionView(engine, sessionId)).avails.find((a) => a.key === 10)!;
}

/** A session on the demo VOD HLS TS: its 720p playlist (which decides both avails) and the first avail. */
async function play(config: string, asset = 'vod/hls-ts/master.m3u8') {
  const s = await startSession(engine, config, asset);
  const t0 = performance.now();
  const media = await text(engine, s.mediaUrls[0]!);
  return { s, ms: performance.now() - t0, playlist: readPlaylist(media.body), avail: await firstAvail(s.sessionId) };
}

describe('skip until ready, then cached', () => {
  it('the first session skips the ad (TRANSCODE_IN_PROGRESS) and plays content; the next gets the ad at once', async () => {
    await putConfig(engine, 'tx', { AdDecisionServerUrl: ads.vastUrl('good') });
    const first = await play('tx');
    expect(first.avail.skipped).toMatchObject([{ adId: 'good-1', reason: 'TRANSCODE_IN_PROGRESS' }]);
    expect(first.avail.fallback).toBe('NO_USABLE_ADS');
    expect(first.playlist.segments.some((x) => x.uri.includes('/v1/segment/'))).toBe(false);
    // Not an error: nothing is pinged to the ad's <Error> URL while it is being prepared.
    expect(ads.errors()).toEqual([]);

    const job = await untilJob('creative:good', ['ready', 'failed']);
    expect(job).toMatchObject({ state: 'ready', progress: 1, sourceUrl: `${ads.url}/media/good.mp4` });
    expect(job.realTimeRatio).toBeGreaterThan(0);
    const states = events.filter((e) => e.kind === 'transcode.job' && e.jobId === job.id).map((e) => (e as { state: string }).state);
    expect([...new Set(states)]).toEqual(['queued', 'downloading', 'encoding', 'packaging', 'ready']);

    const second = await play('tx');
    expect(second.avail.fallback).toBeNull();
    expect(second.avail.ads).toMatchObject([{ kind: 'ad', adId: 'good-1', duration: 4 }]);
    // Both avails get the 4 s ad: two 2 s segments each.
    expect(second.playlist.segments.filter((x) => x.uri.includes('/v1/segment/'))).toHaveLength(4);
    // Cached: no second job, and the playlist comes back far faster than the transcode took.
    expect((await overview()).jobs.filter((j) => j.adKey === 'creative:good')).toHaveLength(1);
    expect(second.ms).toBeLessThan(job.ms! / 2);
  });

  it('transcoded segments match the content rendition they replace (ffprobe): size, frame rate, profile, level, audio', async () => {
    const entry = (await overview()).cache.entries.find((e) => e.adKey === 'creative:good')!;
    expect(entry.renditions).toEqual(['1280x720@25 1972k', '640x360@25 646k']);
    const content = `${engine.url}/demo/origin/vod`;
    for (const r of ['720p', '360p']) {
      const ad = `${engine.url}/v1/transcoded/${entry.key}`;
      const adFmp4 = spliceFields(await ffprobeStreams([await bytes(`${ad}/cmaf/${r}/init.mp4`), await bytes(`${ad}/cmaf/${r}/seg_00000.m4s`)]));
      const contentFmp4 = spliceFields(await ffprobeStreams([await bytes(`${content}/hls-fmp4/${r}/init.mp4`), await bytes(`${content}/hls-fmp4/${r}/seg_00000.m4s`)]));
      expect(adFmp4.video).toEqual(contentFmp4.video);
      expect(adFmp4.video).toMatchObject({ fps: '25/1', height: r === '720p' ? 720 : 360 });
      const adTs = spliceFields(await ffprobeStreams([await bytes(`${ad}/ts/${r}/seg_00001.ts`)], true));
      const contentTs = spliceFields(await ffprobeStreams([await bytes(`${content}/hls-ts/${r}/seg_00001.ts`)], true));
      expect(adTs).toEqual(contentTs);
      expect(adTs.audio).toMatchObject({ codec: 'aac', profile: 'LC', sample_rate: '48000', channels: 2 });
    }
    const audio = spliceFields(await ffprobeStreams([await bytes(`${engine.url}/v1/transcoded/${entry.key}/cmaf/audio/init.mp4`), await bytes(`${engine.url}/v1/transcoded/${entry.key}/cmaf/audio/seg_00000.m4s`)]));
    expect(audio.audio).toEqual({ codec: 'aac', profile: 'LC', sample_rate: '48000', channels: 2 });
  });

  it('the ad’s playlists cut on the content’s 2 s segment boundaries and declare the content’s codecs', async () => {
    const entry = (await overview()).cache.entries.find((e) => e.adKey === 'creative:good')!;
    const base = `${engine.url}/v1/transcoded/${entry.key}`;
    const master = (await text(engine, `/v1/transcoded/${entry.key}/hls-ts.m3u8`)).body;
    expect(master).toContain('RESOLUTION=1280x720,FRAME-RATE=25.000,CODECS="avc1.4d401f,mp4a.40.2"');
    expect(master).toContain('RESOLUTION=640x360,FRAME-RATE=25.000,CODECS="avc1.4d401e,mp4a.40.2"');
    const media = readPlaylist((await text(engine, `/v1/transcoded/${entry.key}/ts/720p/index.m3u8`)).body);
    expect(media.segments.map((x) => x.duration)).toEqual([2, 2]);
    const mpd = await (await fetch(`${base}/manifest.mpd`)).text();
    expect(mpd).toMatch(/<Representation id="720p"[^>]*frameRate="25" codecs="avc1\.4d401f"><SegmentTemplate timescale="12800"[^>]*><SegmentTimeline><S t="0" d="25600" r="1"\/>/);
    const res = await fetch(`${base}/hls-fmp4.m3u8`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${engine.url}/v1/transcoded/.work/x`)).status).toBeGreaterThanOrEqual(400);
  });

  it('the same ad for a DASH session of the same content reuses the transcode (one profile for every packaging)', async () => {
    const before = (await overview()).jobs.length;
    const res = await engine.get(`/v1/dash/${engine.accountId}/tx/vod/dash/manifest.mpd`);
    const mpd = await res.text();
    expect(res.status).toBe(200);
    expect(mpd).toMatch(/<Period id="20000_1"/);
    expect(mpd).toMatch(/<Representation id="20000_1_720p"/);
    expect((await overview()).jobs.length).toBe(before);
  });

  it('concurrent sessions asking for one ad share one job', async () => {
    await putConfig(engine, 'pair', { AdDecisionServerUrl: ads.vastUrl('pair') });
    const [a, b] = await Promise.all([play('pair'), play('pair', 'vod/hls-fmp4/master.m3u8')]);
    expect(a.avail.skipped[0]?.reason).toBe('TRANSCODE_IN_PROGRESS');
    expect(b.avail.skipped[0]?.reason).toBe('TRANSCODE_IN_PROGRESS');
    const jobs = (await overview()).jobs.filter((j) => j.adKey === 'creative:pair');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.requests).toBeGreaterThanOrEqual(4); // two sessions × two avails
    await untilJob('creative:pair', ['ready']);
  });

  it('TranscodeWaitSeconds: the first session waits for the transcode and already plays the ad', async () => {
    await putConfig(engine, 'waited', { AdDecisionServerUrl: ads.vastUrl('waited'), TranscodeWaitSeconds: 45 });
    const first = await play('waited');
    expect(first.avail.skipped).toEqual([]);
    expect(first.avail.ads).toMatchObject([{ kind: 'ad', adId: 'waited-1', duration: 4 }]);
  });
});

describe('failures', () => {
  it('a corrupt mezzanine fails its job cleanly: the ad is skipped (TRANSCODE_ERROR), 405 is pinged, content plays', async () => {
    await putConfig(engine, 'corrupt', { AdDecisionServerUrl: ads.vastUrl('corrupt'), TranscodeWaitSeconds: 30 });
    const first = await play('corrupt');
    expect(first.avail.skipped).toMatchObject([{ adId: 'corrupt-1', reason: 'TRANSCODE_ERROR' }]);
    expect(first.avail.fallback).toBe('NO_USABLE_ADS');
    expect(first.avail.fallbackDetail).toMatch(/not playable media/);
    expect(first.playlist.segments.some((x) => x.uri.includes('/v1/segment/'))).toBe(false);
    const job = await untilJob('creative:corrupt', ['failed']);
    expect(job.error).toMatch(/not playable media: .*Invalid data/);
    await expect.poll(() => ads.errors().filter((e) => e.ad === 'corrupt').map((e) => e.code)).toContain('405');
    // Remembered: the next session skips it at once, without another download.
    const downloads = ads.requests.filter((r) => r.url === '/media/corrupt.mp4').length;
    const second = await play('corrupt');
    expect(second.avail.skipped[0]?.reason).toBe('TRANSCODE_ERROR');
    expect(ads.requests.filter((r) => r.url === '/media/corrupt.mp4').length).toBe(downloads);
  });

  it('a truncated mezzanine is caught (decoded length below what the file promised)', async () => {
    await putConfig(engine, 'truncated', { AdDecisionServerUrl: ads.vastUrl('truncated'), TranscodeWaitSeconds: 30 });
    const first = await play('truncated');
    expect(first.avail.skipped).toMatchObject([{ adId: 'truncated-1', reason: 'TRANSCODE_ERROR' }]);
    const job = await untilJob('creative:truncated', ['failed']);
    expect(job.error).toMatch(/truncated or corrupt|not playable|ffmpeg failed/);
    expect((await overview()).cache.entries.some((e) => e.adKey === 'creative:truncated')).toBe(false);
  });

  it('a missing mezzanine (404) fails with VAST error 401', async () => {
    await putConfig(engine, 'missing', { AdDecisionServerUrl: ads.vastUrl('missing'), TranscodeWaitSeconds: 30 });
    const first = await play('missing');
    expect(first.avail.skipped).toMatchObject([{ adId: 'missing-1', reason: 'TRANSCODE_ERROR' }]);
    expect((await untilJob('creative:missing', ['failed'])).error).toMatch(/download failed: HTTP 404/);
    await expect.poll(() => ads.errors().filter((e) => e.ad === 'missing').map((e) => e.code)).toContain('401');
  });
});

describe('control API', () => {
  it('pre-warm transcodes a configuration’s ads ahead of playback; bad requests get clear errors', async () => {
    await putConfig(engine, 'warm', { AdDecisionServerUrl: ads.vastUrl('again') });
    const res = await engine.json<PrewarmResponse>('/api/transcode/prewarm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ configName: 'warm', asset: 'vod/hls-fmp4/master.m3u8' }) });
    expect(res.status).toBe(200);
    expect(res.body.profile.profile.summary).toBe('1280x720@25 1972k, 640x360@25 646k · AAC 48 kHz 2ch 128k · 2 s segments');
    expect(res.body.profile.probed).toContain('audio sample rate and channels');
    expect(res.body.ads).toEqual([expect.objectContaining({ adId: 'again-1', adKey: 'creative:again', state: 'queued' })]);
    await untilJob('creative:again', ['ready']);
    const first = await play('warm');
    expect(first.avail.ads.map((a) => a.adId)).toEqual(['again-1']);

    const again = await engine.json<PrewarmResponse>('/api/transcode/prewarm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ configName: 'warm' }) });
    expect(again.status).toBe(400);
    const unknown = await engine.json<{ message: string }>('/api/transcode/prewarm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ configName: 'nope' }) });
    expect(unknown.status).toBe(404);
    const bad = await engine.json<{ message: string }>('/api/transcode/prewarm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"configName": 7}' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/configName/);
  });

  it('a job can be cancelled; cancelling a finished job is a 409, an unknown one a 404', async () => {
    const profile = (await overview()).profiles[0]!.profile;
    const t = await engine.transcoder.request({ adKey: 'creative:cancel', sourceUrl: `${ads.url}/media/cancel.mp4`, profile });
    expect(t.state).toBe('pending');
    const id = (t as { job: { id: string } }).job.id;
    expect((await engine.get(`/api/transcode/jobs/${id}`, { method: 'DELETE' })).status).toBe(204);
    const job = await untilJob('creative:cancel', ['cancelled']);
    expect(job.error).toBe('cancelled');
    expect((await engine.get(`/api/transcode/jobs/${id}`, { method: 'DELETE' })).status).toBe(409);
    expect((await engine.get('/api/transcode/jobs/nope', { method: 'DELETE' })).status).toBe(404);
    expect((await overview()).cache.entries.some((e) => e.adKey === 'creative:cancel')).toBe(false);
  });

  it('the cache survives a restart: a new engine on the same folder serves the ad with no job', async () => {
    const other = await startTestEngine({ transcodeCacheDir: cacheDir, prewarmDemo: false });
    try {
      await putConfig(other, 'tx', { AdDecisionServerUrl: ads.vastUrl('good') });
      const s = await startSession(other, 'tx', 'vod/hls-ts/master.m3u8');
      await text(other, s.mediaUrls[0]!);
      const avail = (await sessionView(other, s.sessionId)).avails.find((a) => a.key === 10)!;
      expect(avail.ads.map((a) => a.adId)).toEqual(['good-1']);
      expect(other.transcoder.jobs()).toEqual([]);
    } finally {
      await other.dispose();
    }
  });

  it('a cache entry can be removed, after which the ad is transcoded again', async () => {
    const entry = (await overview()).cache.entries.find((e) => e.adKey === 'creative:good')!;
    expect((await engine.get(`/api/transcode/cache/${entry.key}`, { method: 'DELETE' })).status).toBe(204);
    expect((await engine.get(`/api/transcode/cache/${entry.key}`, { method: 'DELETE' })).status).toBe(404);
    expect((await fetch(`${engine.url}${entry.paths.hlsTs}`)).status).toBe(404);
    const next = await play('tx');
    expect(next.avail.skipped[0]?.reason).toBe('TRANSCODE_IN_PROGRESS');
    await untilJob('creative:good', ['ready']);
  });
});
