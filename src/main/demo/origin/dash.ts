// Writes the demo origin's DASH MPDs over the same fMP4 segments as HLS fMP4 (CMAF). Ad breaks are
// SCTE-35 splice_insert sections in an EventStream (urn:scte:scte35:2014:xml+bin).
//
// Two Period layouts:
//  - 'multi' (default) packages like AWS Elemental MediaPackage with "period triggers: ADS": a new Period
//    starts at every ad-break start (and, live, at every loop start), and each break's Period carries its
//    one Event at the Period's start. MediaTailor's default MULTI_PERIOD mode only reads the first Event
//    of each Period, so this is the layout it expects.
//    VOD: p0 [0,20) · p20 [20,70) with break 1 · p70 [70,100) with break 2.
//    Live: loop-{n}-0, loop-{n}-20, loop-{n}-70 with Period@start = n·100 + asset time.
//  - 'single' (for MediaTailor's SINGLE_PERIOD mode): VOD one Period holding every Event; live one Period
//    per pass over the looped asset holding the Events of the breaks the window touches.
//
// Timing: each Period maps asset media time M (seconds) to presentation time Period@start + (M − M₀),
// M₀ being the asset time at the Period's start. Every SegmentTemplate says so with
// presentationTimeOffset = M₀ in its own timescale, and the EventStream with presentationTimeOffset =
// M₀ at 90 kHz, so presentation time = Period@start + (t − PTO) / timescale for segments and Events alike.
// A Period starts on a video segment boundary, so video PTO is exactly the t of its first segment; audio
// segments (AAC frames) sit a few ms off the video grid, so audio PTO is M₀ in 48 kHz and its first
// segment's t is within one AAC frame of it — keeping audio and video in sync and continuous across Periods.
import { cueOutSection } from './scte35-cache.js';
import { CONTENT_BREAKS, SEGMENT_SECONDS, segmentCount, type PackagedAsset } from '../media/model.js';
import { LIVE_EPOCH_MS, vodTimeline, type TimelineSegment } from './timeline.js';

const SCTE35_SCHEME = 'urn:scte:scte35:2014:xml+bin';
const EVENT_TIMESCALE = 90000;

export type DashPeriodLayout = 'multi' | 'single';
export const DASH_PERIOD_LAYOUTS: readonly DashPeriodLayout[] = ['multi', 'single'];

function seconds(s: number): string {
  return String(Number(s.toFixed(3)));
}

function isoDuration(s: number): string {
  return `PT${seconds(s)}S`;
}

/** One track's segment start times and durations, in its own timescale (durations rounded one by one). */
interface Track {
  t: number[];
  d: number[];
}

function trackOf(durations: number[], timescale: number): Track {
  const t: number[] = [];
  const d: number[] = [];
  let at = 0;
  for (const dur of durations) {
    const ticks = Math.round(dur * timescale);
    t.push(at);
    d.push(ticks);
    at += ticks;
  }
  return { t, d };
}

/** SegmentTimeline of the listed asset indexes, compacting runs of equal duration into @r. */
function timeline(indexes: number[], track: Track): string {
  if (indexes.length === 0) return '';
  const out: string[] = [];
  let runD = -1;
  let runR = 0;
  let runT = 0;
  const flush = () => {
    if (runD >= 0) out.push(`<S t="${runT}" d="${runD}"${runR > 0 ? ` r="${runR}"` : ''}/>`);
  };
  let expected = -1;
  for (const i of indexes) {
    const d = track.d[i] ?? 0;
    const st = track.t[i] ?? 0;
    if (d === runD && st === expected) runR++;
    else {
      flush();
      runD = d;
      runR = 0;
      runT = st;
    }
    expected = st + d;
  }
  flush();
  return `<SegmentTimeline>${out.join('')}</SegmentTimeline>`;
}

interface PeriodEvent {
  eventId: number;
  /** Asset time of the splice point, seconds (the Event's presentationTime and the section's pts_time). */
  at: number;
  duration: number;
}

interface PeriodPlan {
  id: string;
  /** Period@start, seconds on the MPD's clock. */
  start: number;
  /** Period@duration, seconds (omitted on the last Period). */
  duration?: number;
  /** Asset index at which the Period begins (its media time is the Period's PTO). */
  startIndex: number;
  /** Asset indexes of the Period's listed segments (also the file numbers). */
  indexes: number[];
  events: PeriodEvent[];
  /** EventStream@presentationTimeOffset at 90 kHz; undefined writes none (single-Period layout). */
  eventPto?: number;
}

interface AssetTracks {
  video: Track;
  audio: Track;
  /** Asset media time (seconds) at the start of each segment, from the video track. */
  mediaTime: (index: number) => number;
}

function tracksOf(a: PackagedAsset): AssetTracks {
  const firstRendition = a.renditions[0];
  const video = trackOf(firstRendition ? (a.cmafVideo[firstRendition.id] ?? []) : [], a.videoTimescale);
  const audio = trackOf(a.cmafAudio, a.audioTimescale);
  return { video, audio, mediaTime: (i) => (video.t[i] ?? i * SEGMENT_SECONDS * a.videoTimescale) / a.videoTimescale };
}

function eventStream(p: PeriodPlan): string {
  if (p.events.length === 0) return '';
  const pto = p.eventPto !== undefined ? ` presentationTimeOffset="${p.eventPto}"` : '';
  const events = p.events
    .map((e) => {
      const pts = Math.round(e.at * EVENT_TIMESCALE);
      const bin = cueOutSection(e.eventId, pts, e.duration).b64;
      return `<Event presentationTime="${pts}" duration="${Math.round(e.duration * EVENT_TIMESCALE)}" id="${e.eventId}"><scte35:Signal><scte35:Binary>${bin}</scte35:Binary></scte35:Signal></Event>`;
    })
    .join('');
  return `<EventStream schemeIdUri="${SCTE35_SCHEME}" timescale="${EVENT_TIMESCALE}"${pto}>${events}</EventStream>`;
}

/** `carry`: query for segment URLs (segfault), put on the templates XML-escaped; '' leaves them as always. */
function period(a: PackagedAsset, tracks: AssetTracks, p: PeriodPlan, withEvents: boolean, carry = ''): string {
  const q = carry ? `?${carry.replaceAll('&', '&amp;')}` : '';
  const startNumber = p.indexes[0] ?? p.startIndex;
  const videoPto = tracks.video.t[p.startIndex] ?? 0;
  const audioPto = Math.round(tracks.mediaTime(p.startIndex) * a.audioTimescale);
  const maxW = Math.max(...a.renditions.map((r) => r.width));
  const maxH = Math.max(...a.renditions.map((r) => r.height));
  const reps = a.renditions
    .map((r) => `<Representation id="${r.id}" bandwidth="${r.cmafBandwidth}" width="${r.width}" height="${r.height}" codecs="${r.codecs}" sar="1:1"/>`)
    .join('');
  const duration = p.duration !== undefined ? ` duration="${isoDuration(p.duration)}"` : '';
  return [
    `<Period id="${p.id}" start="${isoDuration(p.start)}"${duration}>`,
    withEvents ? eventStream(p) : '',
    `<AdaptationSet id="1" contentType="video" mimeType="video/mp4" segmentAlignment="true" startWithSAP="1" maxWidth="${maxW}" maxHeight="${maxH}" frameRate="25">`,
    `<SegmentTemplate timescale="${a.videoTimescale}" presentationTimeOffset="${videoPto}" initialization="$RepresentationID$/init.mp4${q}" media="$RepresentationID$/seg_$Number%05d$.m4s${q}" startNumber="${startNumber}">`,
    timeline(p.indexes, tracks.video),
    '</SegmentTemplate>',
    reps,
    '</AdaptationSet>',
    `<AdaptationSet id="2" contentType="audio" mimeType="audio/mp4" lang="en" segmentAlignment="true" startWithSAP="1">`,
    `<AudioChannelConfiguration schemeIdUri="urn:mpeg:dash:23003:3:audio_channel_configuration:2011" value="${a.audio.channels}"/>`,
    `<SegmentTemplate timescale="${a.audioTimescale}" presentationTimeOffset="${audioPto}" initialization="audio/init.mp4${q}" media="audio/seg_$Number%05d$.m4s${q}" startNumber="${startNumber}">`,
    timeline(p.indexes, tracks.audio),
    '</SegmentTemplate>',
    `<Representation id="audio" bandwidth="${a.audio.bandwidth}" codecs="${a.audio.codecs}" audioSamplingRate="${a.audio.sampleRate}"/>`,
    '</AdaptationSet>',
    '</Period>',
  ].join('');
}

const MPD_OPEN =
  '<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:scte35="http://www.scte.org/schemas/35/2016" profiles="urn:mpeg:dash:profile:isoff-live:2011"';

/** Single-Period layout: the breaks the listed segments touch (once each), as the shared timeline numbered
 *  them — so a player joining mid-break still sees the signal, and ids match the HLS packagings. */
function breaksOf(segments: TimelineSegment[]): PeriodEvent[] {
  const seen = new Map<number, PeriodEvent>();
  for (const s of segments) {
    const b = s.inBreak;
    if (b && !seen.has(b.eventId)) seen.set(b.eventId, { eventId: b.eventId, at: b.assetStart, duration: b.duration });
  }
  return [...seen.values()];
}

/** Multi-Period layout: where Periods begin within one pass over the asset — index 0 and the first segment
 *  of every break (the same segments timeline.ts puts first in a break) — with the break each one opens. */
interface PeriodBoundary {
  index: number;
  /** Position of the break in CONTENT_BREAKS (event ids are loop · breaks + k + 1, as in timeline.ts). */
  breakK?: number;
  breakDuration?: number;
}

function boundariesOf(count: number): PeriodBoundary[] {
  const out: PeriodBoundary[] = [{ index: 0 }];
  for (const [k, b] of CONTENT_BREAKS.entries()) {
    const index = Math.ceil(b.startSeconds / SEGMENT_SECONDS - 1e-9);
    if (index >= count) continue;
    const boundary: PeriodBoundary = { index, breakK: k, breakDuration: b.durationSeconds };
    const same = out.findIndex((x) => x.index === index);
    if (same >= 0) out[same] = boundary;
    else out.push(boundary);
  }
  return out.sort((x, y) => x.index - y.index);
}

function boundaryFor(boundaries: PeriodBoundary[], index: number): PeriodBoundary {
  let found = boundaries[0] ?? { index: 0 };
  for (const b of boundaries) if (b.index <= index) found = b;
  return found;
}

/** Groups segments (in order) into multi-layout Periods; `loopSeconds` 0 for VOD. */
function multiPeriods(segments: TimelineSegment[], count: number, tracks: AssetTracks, loopSeconds: number, idOf: (loop: number, at: number) => string): PeriodPlan[] {
  const boundaries = boundariesOf(count);
  const plans: PeriodPlan[] = [];
  let key = '';
  for (const s of segments) {
    const b = boundaryFor(boundaries, s.index);
    const k = `${s.loop}:${b.index}`;
    if (k !== key) {
      key = k;
      const at = tracks.mediaTime(b.index);
      const plan: PeriodPlan = { id: idOf(s.loop, at), start: s.loop * loopSeconds + at, startIndex: b.index, indexes: [], events: [], eventPto: Math.round(at * EVENT_TIMESCALE) };
      if (b.breakK !== undefined && b.breakDuration !== undefined) {
        plan.events.push({ eventId: s.loop * CONTENT_BREAKS.length + b.breakK + 1, at, duration: b.breakDuration });
      }
      plans.push(plan);
    }
    plans.at(-1)?.indexes.push(s.index);
  }
  for (let i = 0; i + 1 < plans.length; i++) plans[i]!.duration = plans[i + 1]!.start - plans[i]!.start;
  return plans;
}

export function dashVodMpd(asset: PackagedAsset, markers: boolean, layout: DashPeriodLayout = 'multi', carry = ''): string {
  const count = segmentCount(asset);
  const segments = vodTimeline({ segmentCount: count });
  const tracks = tracksOf(asset);
  const plans: PeriodPlan[] =
    layout === 'multi' && markers
      ? multiPeriods(segments, count, tracks, 0, (_loop, at) => `p${seconds(at)}`)
      : [{ id: 'p0', start: 0, startIndex: 0, indexes: segments.map((s) => s.index), events: breaksOf(segments) }];
  const body = plans.map((p) => period(asset, tracks, p, markers, carry)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${MPD_OPEN} type="static" mediaPresentationDuration="${isoDuration(asset.durationSeconds)}" minBufferTime="PT4S">${body}</MPD>\n`;
}

/** Live: the window's segments grouped into Periods (see the layouts above), Period@start on the
 *  availabilityStartTime clock. Only Periods with a segment in the window are listed. */
export function dashLiveMpd(
  asset: PackagedAsset,
  segments: TimelineSegment[],
  nowMs: number,
  markers: boolean,
  utcTimingUrl: string,
  layout: DashPeriodLayout = 'multi',
  carry = '',
): string {
  const count = segmentCount(asset);
  const tracks = tracksOf(asset);
  const loopSeconds = count * SEGMENT_SECONDS;
  let plans: PeriodPlan[];
  if (layout === 'multi' && markers) {
    plans = multiPeriods(segments, count, tracks, loopSeconds, (loop, at) => `loop-${loop}-${seconds(at)}`);
  } else {
    const byLoop = new Map<number, TimelineSegment[]>();
    for (const s of segments) {
      const list = byLoop.get(s.loop) ?? [];
      list.push(s);
      byLoop.set(s.loop, list);
    }
    plans = [...byLoop.entries()].map(([loop, list]) => ({ id: `loop-${loop}`, start: loop * loopSeconds, startIndex: 0, indexes: list.map((s) => s.index), events: breaksOf(list) }));
  }
  const periods = plans.map((p) => period(asset, tracks, p, markers, carry)).join('');
  const attrs = [
    'type="dynamic"',
    `availabilityStartTime="${new Date(LIVE_EPOCH_MS).toISOString()}"`,
    `publishTime="${new Date(nowMs).toISOString()}"`,
    `minimumUpdatePeriod="PT${SEGMENT_SECONDS}S"`,
    `timeShiftBufferDepth="PT${segments.length * SEGMENT_SECONDS}S"`,
    'suggestedPresentationDelay="PT6S"',
    'minBufferTime="PT4S"',
  ].join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${MPD_OPEN} ${attrs}>${periods}<UTCTiming schemeIdUri="urn:mpeg:dash:utc:http-iso:2014" value="${utcTimingUrl}"/></MPD>\n`;
}
