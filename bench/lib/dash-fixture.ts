// The DASH stitch benchmark fixture (deterministic, written the way the demo origin writes MPDs):
//  - VOD: a static 1-hour MPD, one Period, a video AdaptationSet (3 Representations, SegmentTemplate on the
//    set, 90 kHz, constant 2 s segments → one <S r>) and an audio set (48 kHz AAC), plus a
//    urn:scte:scte35:2014:xml+bin EventStream with 4 splice_insert cue-outs (10, 20, 30, 45 min, 60 s each).
//    Use findDashBreaks(scan, 'SINGLE_PERIOD').
//  - Live: a dynamic MPD with a 5-minute window (150 × 2 s segments per track) packaged like MediaPackage
//    ("period triggers: ADS"): a new Period at every break start whose first Event is the cue-out; a 60 s break
//    every 2 minutes; the window advances one segment per call.
// Audio segments end on the AAC frame (1024 samples) nearest the video boundary, so 2 s = 93.75 frames gives
// durations of 94, 94, 93, 94 frames (96256 / 95232 ticks) like real CMAF audio. The audio timeline lists
// every segment with t and d (no @r), as packagers commonly write audio whose durations vary: 1800 <S> in the
// VOD MPD (~60 KB). Ad plans: every break filled by two 30 s ad Periods (video 3 reps, audio 1 rep, 15 × 2 s
// segments each) with absolute /v1/dashsegment/ URLs.
import { cueOutSection } from '../../src/main/demo/origin/scte35-cache.js';
import type { DashAdPeriod, DashAdSet, DashAvailPlan, DashStitchPlan } from '../../src/main/stitch/dash/plan.js';

const SCTE35_SCHEME = 'urn:scte:scte35:2014:xml+bin';
const EVENT_TIMESCALE = 90000;
const VIDEO_TIMESCALE = 90000;
const AUDIO_TIMESCALE = 48000;
const AAC_FRAME = 1024;
export const SEGMENT_SECONDS = 2;
const SEG_VIDEO = SEGMENT_SECONDS * VIDEO_TIMESCALE;

export const VOD_SECONDS = 3600;
export const VOD_SEGMENTS = VOD_SECONDS / SEGMENT_SECONDS;
/** Break starts (seconds) and length in the VOD. */
export const VOD_BREAKS = [600, 1200, 1800, 2700];
export const BREAK_SECONDS = 60;
const AD_SECONDS = 30;
const ADS_PER_BREAK = 2;

const RENDITIONS = [
  { id: 'v1080', bandwidth: 5000000, width: 1920, height: 1080, codecs: 'avc1.640028' },
  { id: 'v720', bandwidth: 3000000, width: 1280, height: 720, codecs: 'avc1.64001f' },
  { id: 'v480', bandwidth: 1200000, width: 854, height: 480, codecs: 'avc1.64001e' },
];
const AUDIO = { id: 'audio', bandwidth: 128000, codecs: 'mp4a.40.2', sampleRate: AUDIO_TIMESCALE, channels: 2 };
const CHANNELS = `<AudioChannelConfiguration schemeIdUri="urn:mpeg:dash:23003:3:audio_channel_configuration:2011" value="${AUDIO.channels}"/>`;

/** Audio media time (48 kHz ticks) at the start of global segment i: the AAC frame nearest i · 2 s. */
function audioT(i: number): number {
  return Math.round((i * SEGMENT_SECONDS * AUDIO_TIMESCALE) / AAC_FRAME) * AAC_FRAME;
}

/** Video timeline of segments [from, to): constant duration, one run. */
function videoTimeline(from: number, to: number): string {
  const r = to - from - 1;
  return `<SegmentTimeline><S t="${from * SEG_VIDEO}" d="${SEG_VIDEO}"${r > 0 ? ` r="${r}"` : ''}/></SegmentTimeline>`;
}

/** Audio timeline of segments [from, to): one <S t d> per segment. */
function audioTimeline(from: number, to: number): string {
  let s = '<SegmentTimeline>';
  for (let i = from; i < to; i++) {
    const t = audioT(i);
    s += `<S t="${t}" d="${audioT(i + 1) - t}"/>`;
  }
  return `${s}</SegmentTimeline>`;
}

function cueOutEvent(id: number, pts: number, durationSeconds: number): string {
  const bin = cueOutSection(id, pts, durationSeconds).b64;
  return `<Event presentationTime="${pts}" duration="${Math.round(durationSeconds * EVENT_TIMESCALE)}" id="${id}"><scte35:Signal><scte35:Binary>${bin}</scte35:Binary></scte35:Signal></Event>`;
}

/** The two adaptation sets of a Period listing segments [from, to) (global numbers; $Number$ = index + 1). */
function adaptationSets(from: number, to: number, periodStartSegment: number): string {
  const reps = RENDITIONS.map((r) => `<Representation id="${r.id}" bandwidth="${r.bandwidth}" width="${r.width}" height="${r.height}" codecs="${r.codecs}" sar="1:1"/>`).join('');
  return [
    '<AdaptationSet id="1" contentType="video" mimeType="video/mp4" segmentAlignment="true" startWithSAP="1" maxWidth="1920" maxHeight="1080" frameRate="25">',
    `<SegmentTemplate timescale="${VIDEO_TIMESCALE}" presentationTimeOffset="${periodStartSegment * SEG_VIDEO}" initialization="$RepresentationID$/init.mp4" media="$RepresentationID$/seg_$Number%05d$.m4s" startNumber="${from + 1}">`,
    videoTimeline(from, to),
    '</SegmentTemplate>',
    reps,
    '</AdaptationSet>',
    '<AdaptationSet id="2" contentType="audio" mimeType="audio/mp4" lang="en" segmentAlignment="true" startWithSAP="1">',
    CHANNELS,
    `<SegmentTemplate timescale="${AUDIO_TIMESCALE}" presentationTimeOffset="${periodStartSegment * SEGMENT_SECONDS * AUDIO_TIMESCALE}" initialization="audio/init.mp4" media="audio/seg_$Number%05d$.m4s" startNumber="${from + 1}">`,
    audioTimeline(from, to),
    '</SegmentTemplate>',
    `<Representation id="${AUDIO.id}" bandwidth="${AUDIO.bandwidth}" codecs="${AUDIO.codecs}" audioSamplingRate="${AUDIO.sampleRate}"/>`,
    '</AdaptationSet>',
  ].join('');
}

const MPD_OPEN =
  '<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:scte35="http://www.scte.org/schemas/35/2016" profiles="urn:mpeg:dash:profile:isoff-live:2011"';

/** The static 1-hour MPD: one Period, every break an Event in one EventStream. */
export function dashVodFixture(): string {
  const events = VOD_BREAKS.map((at, k) => cueOutEvent(k + 1, at * EVENT_TIMESCALE, BREAK_SECONDS)).join('');
  const period = [
    '<Period id="p0" start="PT0S">',
    `<EventStream schemeIdUri="${SCTE35_SCHEME}" timescale="${EVENT_TIMESCALE}">${events}</EventStream>`,
    adaptationSets(0, VOD_SEGMENTS, 0),
    '</Period>',
  ].join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${MPD_OPEN} type="static" mediaPresentationDuration="PT${VOD_SECONDS}S" minBufferTime="PT4S">${period}</MPD>\n`;
}

export const VOD_ORIGIN_URL = 'https://origin.example.com/out/v1/vod/index.mpd';
export const LIVE_ORIGIN_URL = 'https://origin.example.com/out/v1/live/index.mpd';
const SSAI = 'https://ssai.example.com';

export const LIVE_WINDOW = 150; // segments: PT5M
export const LIVE_BREAK_EVERY = 60; // segments (2 min)
export const LIVE_FIRST = 100_000; // first window's first segment (~55 h after availabilityStartTime)
const LIVE_EPOCH_MS = Date.UTC(2025, 0, 1);

/** Live window whose first listed segment is `first` (global index; segment i covers [2i, 2i + 2) s). */
export function dashLiveFixture(first: number): string {
  const last = first + LIVE_WINDOW; // exclusive
  const periods: string[] = [];
  for (let k = Math.floor(first / LIVE_BREAK_EVERY); k * LIVE_BREAK_EVERY < last; k++) {
    const pStart = k * LIVE_BREAK_EVERY;
    const pEnd = pStart + LIVE_BREAK_EVERY;
    const from = Math.max(first, pStart);
    const to = Math.min(last, pEnd);
    const startSeconds = pStart * SEGMENT_SECONDS;
    const pts = startSeconds * EVENT_TIMESCALE;
    const duration = pEnd < last ? ` duration="PT${LIVE_BREAK_EVERY * SEGMENT_SECONDS}S"` : '';
    periods.push(
      [
        `<Period id="p${startSeconds}" start="PT${startSeconds}S"${duration}>`,
        `<EventStream schemeIdUri="${SCTE35_SCHEME}" timescale="${EVENT_TIMESCALE}" presentationTimeOffset="${pts}">${cueOutEvent(k, pts, BREAK_SECONDS)}</EventStream>`,
        adaptationSets(from, to, pStart),
        '</Period>',
      ].join(''),
    );
  }
  const attrs = [
    'type="dynamic"',
    `availabilityStartTime="${new Date(LIVE_EPOCH_MS).toISOString()}"`,
    `publishTime="${new Date(LIVE_EPOCH_MS + last * SEGMENT_SECONDS * 1000).toISOString()}"`,
    `minimumUpdatePeriod="PT${SEGMENT_SECONDS}S"`,
    `timeShiftBufferDepth="PT${LIVE_WINDOW * SEGMENT_SECONDS}S"`,
    'suggestedPresentationDelay="PT6S"',
    'minBufferTime="PT4S"',
  ].join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${MPD_OPEN} ${attrs}>${periods.join('')}<UTCTiming schemeIdUri="urn:mpeg:dash:utc:http-iso:2014" value="https://time.akamai.com/?iso&amp;ms"/></MPD>\n`;
}

/** Break keys (start on the MPD timeline in ms) of every break the windows starting at [first, first + n) list. */
export function liveBreakKeys(first: number, n: number): number[] {
  const keys: number[] = [];
  for (let k = Math.floor(first / LIVE_BREAK_EVERY); k * LIVE_BREAK_EVERY < first + n - 1 + LIVE_WINDOW; k++) keys.push(k * LIVE_BREAK_EVERY * SEGMENT_SECONDS * 1000);
  return keys;
}

/** The VOD breaks' keys. */
export function vodBreakKeys(): number[] {
  return VOD_BREAKS.map((s) => s * 1000);
}

/** `count` segments of 2 s in `timescale` ticks from media time 0 (audio on the AAC frame grid). */
function adSegments(audio: boolean, count: number): { t: number; d: number }[] {
  const out: { t: number; d: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (audio) out.push({ t: audioT(i), d: audioT(i + 1) - audioT(i) });
    else out.push({ t: i * SEG_VIDEO, d: SEG_VIDEO });
  }
  return out;
}

/** One break's avail: two 30 s ad Periods matched to the content's two adaptation sets. */
export function dashFixtureAvail(key: number, availId = String(key)): DashAvailPlan {
  const perAd = AD_SECONDS / SEGMENT_SECONDS;
  const periods: DashAdPeriod[] = [];
  for (let k = 0; k < ADS_PER_BREAK; k++) {
    const base = `${SSAI}/v1/dashsegment/acct/session/${key}/${k}`;
    const video: DashAdSet = {
      attrs: { id: '1', contentType: 'video', mimeType: 'video/mp4', segmentAlignment: 'true', startWithSAP: '1' },
      descriptors: [],
      representations: RENDITIONS.map((r, i) => ({
        attrs: { id: r.id, bandwidth: String(r.bandwidth), width: String(r.width), height: String(r.height), codecs: r.codecs, frameRate: '25' },
        timescale: VIDEO_TIMESCALE,
        pto: 0,
        startNumber: 1,
        initialization: `${base}/0-${i}/init.mp4`,
        media: `${base}/0-${i}/$Number$.m4s`,
        segments: adSegments(false, perAd),
      })),
    };
    const audio: DashAdSet = {
      attrs: { id: '2', contentType: 'audio', mimeType: 'audio/mp4', lang: 'en', segmentAlignment: 'true', startWithSAP: '1' },
      descriptors: [CHANNELS],
      representations: [
        {
          attrs: { id: AUDIO.id, bandwidth: String(AUDIO.bandwidth), codecs: AUDIO.codecs, audioSamplingRate: String(AUDIO.sampleRate) },
          timescale: AUDIO_TIMESCALE,
          pto: 0,
          startNumber: 1,
          initialization: `${base}/1-0/init.mp4`,
          media: `${base}/1-0/$Number$.m4s`,
          segments: adSegments(true, perAd),
        },
      ],
    };
    periods.push({ id: `${availId}_${k + 1}`, kind: 'ad', adId: `ad${k + 1}`, duration: AD_SECONDS, sets: [video, audio] });
  }
  return { key, startOffset: 0, periods };
}

export function dashVodPlan(): DashStitchPlan {
  return {
    live: false,
    originUrl: VOD_ORIGIN_URL,
    avails: new Map(vodBreakKeys().map((key) => [key, dashFixtureAvail(key)])),
    passthroughMarkers: false,
  };
}

export function dashLivePlan(keys: number[]): DashStitchPlan {
  return {
    live: true,
    originUrl: LIVE_ORIGIN_URL,
    avails: new Map(keys.map((key) => [key, dashFixtureAvail(key)])),
    location: `${SSAI}/v1/dash/acct/session/index.mpd`,
    passthroughMarkers: false,
  };
}
