// The transcoding panel's pure logic: folding `transcode.job` events and GET /api/transcode snapshots into job
// rows (they race), its formatting, and the PUT body the wait-for-transcode input saves.
import { describe, expect, it } from 'vitest';
import type { TranscodeJobEvent } from '../../src/shared/events';
import type { PlaybackConfiguration } from '../../src/shared/playback-config';
import type { TranscodeJobInfo, TranscodeJobState } from '../../src/shared/transcode';
import { putBodyOf, withTranscodeWait } from '../../src/renderer/lib/config-put-body';
import {
  MAX_JOB_ROWS,
  applyOverviewJobs,
  foldJobEvents,
  formatAgo,
  formatCacheTotal,
  formatDuration,
  formatJobTiming,
  formatMB,
  formatPrewarmLine,
  formatRealTime,
  isCancellable,
  jobName,
  mergeRow,
  profileNotes,
  rowFromEvent,
  sortJobs,
  splitLabel,
  summarizePrewarm,
  type JobRow,
  type JobRows,
} from '../../src/renderer/lib/transcode-jobs';

const SUMMARY = '1280x720@25 2000k, 640x360@25 700k · AAC 48 kHz 2ch · 2 s segments';

let seq = 0;
function ev(jobId: string, state: TranscodeJobState, progress: number, extra: Partial<TranscodeJobEvent> = {}): TranscodeJobEvent {
  seq++;
  return {
    seq,
    kind: 'transcode.job',
    at: 1_000 + seq,
    jobId,
    key: `ad-${jobId}_0123456789ab`,
    adKey: `ad-${jobId}`,
    state,
    progress,
    label: `Ad ${jobId} → ${SUMMARY}`,
    ...extra,
  };
}

function info(id: string, state: TranscodeJobState, progress: number, extra: Partial<TranscodeJobInfo> = {}): TranscodeJobInfo {
  return {
    id,
    key: `ad-${id}_0123456789ab`,
    adKey: `ad-${id}`,
    adId: `vast-${id}`,
    title: `Ad ${id}`,
    sourceUrl: `http://127.0.0.1/ads/${id}.mp4`,
    profileKey: '0123456789ab',
    profileSummary: SUMMARY,
    state,
    progress,
    requests: 1,
    createdAt: 500,
    ...extra,
  };
}

describe('splitLabel', () => {
  it('splits "<title> → <profile>" at the first arrow', () => {
    expect(splitLabel('Spring sale → 1280x720@25 2000k → odd')).toEqual({ title: 'Spring sale', profileSummary: '1280x720@25 2000k → odd' });
  });
  it('takes a label without an arrow as the title, and nothing as nothing', () => {
    expect(splitLabel('ad1')).toEqual({ title: 'ad1' });
    expect(splitLabel(undefined)).toEqual({});
  });
});

describe('rowFromEvent', () => {
  it('reads title and profile from the label, clamps progress, and keeps no undefined fields', () => {
    const row = rowFromEvent(ev('j1', 'encoding', 1.7), 42);
    expect(row).toMatchObject({ id: 'j1', title: 'Ad j1', profileSummary: SUMMARY, state: 'encoding', progress: 1, seenAt: 42 });
    expect(Object.values(row)).not.toContain(undefined);
    expect('error' in row).toBe(false);
  });
});

describe('mergeRow', () => {
  it('never moves a job back: a snapshot fetched before the ready event but applied after it loses', () => {
    const ready = rowFromEvent(ev('j1', 'ready', 1, { ms: 4100, realTimeRatio: 0.41 }), 10);
    const staleSnapshot = rowFromEvent(ev('j1', 'encoding', 0.5), 20);
    const merged = mergeRow(ready, staleSnapshot);
    expect(merged.state).toBe('ready');
    expect(merged.progress).toBe(1);
    expect(merged.ms).toBe(4100);
  });

  it('keeps the highest progress within one state, and moves forward to the next state', () => {
    const a = rowFromEvent(ev('j1', 'encoding', 0.6), 1);
    expect(mergeRow(a, rowFromEvent(ev('j1', 'encoding', 0.4), 2)).progress).toBe(0.6);
    const packaging = mergeRow(a, rowFromEvent(ev('j1', 'packaging', 0.95), 3));
    expect(packaging.state).toBe('packaging');
    expect(packaging.progress).toBe(0.95);
  });

  it('fills what the event lacks from the snapshot (Ad@id, engine createdAt) whichever came first', () => {
    const fromEvent = rowFromEvent(ev('j1', 'downloading', 0.05), 1);
    const fromSnapshot = applyOverviewJobs({}, [info('j1', 'queued', 0)], 0, 1)['j1']!;
    const merged = mergeRow(fromSnapshot, fromEvent);
    expect(merged.state).toBe('downloading');
    expect(merged.adId).toBe('vast-j1');
    expect(merged.createdAt).toBe(500);
  });

  it('returns the same object for a repeated event (a replay must not re-render or refresh seenAt)', () => {
    const e = ev('j1', 'encoding', 0.5);
    const first = rowFromEvent(e, 1);
    expect(mergeRow(first, rowFromEvent(e, 99))).toBe(first);
  });
});

describe('foldJobEvents', () => {
  it('builds one row per job from a stream of events and returns the same object when nothing changed', () => {
    const events = [ev('a', 'queued', 0), ev('b', 'queued', 0), ev('a', 'downloading', 0.05), ev('a', 'encoding', 0.3)];
    const rows = foldJobEvents({}, events, 5);
    expect(Object.keys(rows).sort()).toEqual(['a', 'b']);
    expect(rows['a']!.state).toBe('encoding');
    expect(rows['a']!.createdAt).toBe(events[0]!.at);
    expect(foldJobEvents(rows, [events[3]!], 6)).toBe(rows);
  });

  it('keeps the failure text only for a failed job', () => {
    const rows = foldJobEvents({}, [ev('a', 'encoding', 0.3), ev('a', 'failed', 0.3, { error: 'ffmpeg failed: exit 1', ms: 2300 })], 1);
    expect(rows['a']).toMatchObject({ state: 'failed', error: 'ffmpeg failed: exit 1' });
    expect(formatJobTiming(rows['a']!)).toBe('after 2.3 s');
    expect(isCancellable('failed')).toBe(false);
    expect(isCancellable('packaging')).toBe(true);
  });

  it('keeps every unfinished job and only the newest finished ones beyond MAX_JOB_ROWS', () => {
    const events: TranscodeJobEvent[] = [ev('running', 'encoding', 0.2, { at: 0 })];
    for (let i = 0; i < MAX_JOB_ROWS + 10; i++) events.push(ev(`done${i}`, 'ready', 1, { at: 100 + i }));
    const rows = foldJobEvents({}, events, 1);
    expect(Object.keys(rows)).toHaveLength(MAX_JOB_ROWS);
    expect(rows['running']).toBeDefined();
    expect(rows['done0']).toBeUndefined();
    expect(rows[`done${MAX_JOB_ROWS + 9}`]).toBeDefined();
  });
});

describe('applyOverviewJobs', () => {
  it('drops rows the engine forgot, but keeps rows updated by events after the request left', () => {
    let rows: JobRows = foldJobEvents({}, [ev('forgotten', 'ready', 1)], 100);
    rows = foldJobEvents(rows, [ev('fresh', 'queued', 0)], 300);
    const out = applyOverviewJobs(rows, [info('listed', 'encoding', 0.5)], 200, 400);
    expect(Object.keys(out).sort()).toEqual(['fresh', 'listed']);
    expect(out['listed']).toMatchObject({ state: 'encoding', title: 'Ad listed', seenAt: 400 });
  });

  it('lets a terminal event seen before the snapshot landed win over the snapshot', () => {
    const rows = foldJobEvents({}, [ev('j', 'cancelled', 0.2, { error: 'cancelled' })], 100);
    const out = applyOverviewJobs(rows, [info('j', 'encoding', 0.2)], 50, 150);
    expect(out['j']!.state).toBe('cancelled');
  });
});

describe('sortJobs', () => {
  it('puts the newest job first, ties broken by id', () => {
    const rows = foldJobEvents({}, [ev('b', 'queued', 0, { at: 5 }), ev('c', 'queued', 0, { at: 9 }), ev('a', 'queued', 0, { at: 5 })], 1);
    expect(sortJobs(rows).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('formatting', () => {
  it('names a job by title, else Ad@id, else ad key', () => {
    expect(jobName({ title: 'T', adId: 'i', adKey: 'k' })).toBe('T');
    expect(jobName({ adId: 'i', adKey: 'k' })).toBe('i');
    expect(jobName({ adKey: 'k' })).toBe('k');
  });

  it('formats durations for people', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4100)).toBe('4.1 s');
    expect(formatDuration(42_400)).toBe('42 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(formatDuration(undefined)).toBe('–');
  });

  it('shows elapsed time and real-time ratio once ready, nothing while under way', () => {
    const ready: Pick<JobRow, 'state' | 'ms' | 'realTimeRatio'> = { state: 'ready', ms: 4100, realTimeRatio: 0.41 };
    expect(formatJobTiming(ready)).toBe('4.1 s · 0.41× real time');
    expect(formatJobTiming({ state: 'ready', ms: 4100 })).toBe('4.1 s');
    expect(formatJobTiming({ state: 'encoding', ms: 4100 })).toBe('');
    expect(formatRealTime(12.345)).toBe('12.3× real time');
    expect(formatRealTime(Number.NaN)).toBeUndefined();
  });

  it('sizes the cache in MB against its cap', () => {
    expect(formatMB(0)).toBe('0 MB');
    expect(formatMB(3.46 * 1024 * 1024)).toBe('3.5 MB');
    expect(formatMB(2 * 1024 ** 3)).toBe('2048 MB');
    expect(formatCacheTotal(1, 5 * 1024 * 1024, 2 * 1024 ** 3)).toBe('1 ad · 5.0 MB of 2048 MB');
    expect(formatCacheTotal(3, 12 * 1024 * 1024, 2 * 1024 ** 3)).toBe('3 ads · 12 MB of 2048 MB');
  });

  it('says how long ago', () => {
    expect(formatAgo(10_000, 12_000)).toBe('just now');
    expect(formatAgo(0, 42_000)).toBe('42 s ago');
    expect(formatAgo(0, 5 * 60_000 + 10_000)).toBe('5 min ago');
    expect(formatAgo(0, 3 * 3_600_000)).toBe('3 h ago');
    expect(formatAgo(0, 2 * 86_400_000)).toBe('2 d ago');
  });

  it('lists only the profile notes that have something in them', () => {
    expect(profileNotes({ probed: [], assumed: [] })).toEqual([]);
    expect(profileNotes({ probed: ['fps', 'audio sample rate'], assumed: ['audio bitrate 128k'] })).toEqual([
      { kind: 'probed', text: 'probed: fps, audio sample rate' },
      { kind: 'assumed', text: 'assumed: audio bitrate 128k' },
    ]);
  });

  it('words pre-warm results', () => {
    expect(formatPrewarmLine({ adId: 'ad1', title: 'Spring sale', state: 'ready', detail: 'already transcoded' })).toBe('Spring sale (ad1) — already transcoded');
    expect(formatPrewarmLine({ adId: 'slate', title: 'slate', state: 'queued', jobId: 'j' })).toBe('slate');
    const ads = [
      { adId: 'a', state: 'ready' as const },
      { adId: 'b', state: 'queued' as const },
      { adId: 'c', state: 'ready' as const },
      { adId: 'd', state: 'skipped' as const, detail: 'no mezzanine' },
    ];
    expect(summarizePrewarm({ ads })).toBe('2 ready · 1 queued · 1 skipped');
    expect(summarizePrewarm({ ads: [] })).toMatch(/no ads/);
  });
});

describe('the wait-for-transcode PUT body', () => {
  const stored: PlaybackConfiguration = {
    Name: 'demo',
    VideoContentSourceUrl: 'http://127.0.0.1:8080/demo/origin',
    AdDecisionServerUrl: 'http://127.0.0.1:8080/demo/ads/vast?dur=[session.avail_duration_secs]',
    Tags: { team: 'qa' },
    PlaybackConfigurationArn: 'arn:aws:mediatailor:local:000000000000:playbackConfiguration/demo',
    PlaybackEndpointPrefix: 'http://127.0.0.1:8080',
    SessionInitializationEndpointPrefix: 'http://127.0.0.1:8080/v1/session/acct/demo/',
    HlsConfiguration: { ManifestEndpointPrefix: 'http://127.0.0.1:8080/v1/master/acct/demo/' },
    DashConfiguration: { ManifestEndpointPrefix: 'http://127.0.0.1:8080/v1/dash/acct/demo/', MpdLocation: 'EMT_DEFAULT' },
    LogConfiguration: { PercentEnabled: 0 },
    TranscodeWaitSeconds: 4,
  };

  it('strips what the server derives and keeps everything else', () => {
    const body = putBodyOf(stored);
    expect(Object.keys(body).sort()).toEqual(['AdDecisionServerUrl', 'DashConfiguration', 'Name', 'Tags', 'TranscodeWaitSeconds', 'VideoContentSourceUrl']);
    expect(body.DashConfiguration).toEqual({ MpdLocation: 'EMT_DEFAULT' });
    expect(body.Tags).toEqual({ team: 'qa' });
  });

  it('drops a DashConfiguration left empty, and sets or removes the wait', () => {
    const body = putBodyOf({ ...stored, DashConfiguration: { ManifestEndpointPrefix: 'http://x/' } });
    expect('DashConfiguration' in body).toBe(false);
    expect(withTranscodeWait(body, 8).TranscodeWaitSeconds).toBe(8);
    expect('TranscodeWaitSeconds' in withTranscodeWait(body, 0)).toBe(false);
  });
});
