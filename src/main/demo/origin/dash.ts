// Writes the demo origin's DASH MPDs over the same fMP4 segments as HLS fMP4 (CMAF): a static
// single-period MPD for VOD, and a dynamic MPD for live with one Period per pass over the looped asset.
// Ad breaks are SCTE-35 splice_insert sections in an EventStream (urn:scte:scte35:2014:xml+bin).
import { cueOutSection } from './scte35-cache.js';
import { SEGMENT_SECONDS, segmentCount, type PackagedAsset } from '../media/model.js';
import { LIVE_EPOCH_MS, vodTimeline, type TimelineSegment } from './timeline.js';

const SCTE35_SCHEME = 'urn:scte:scte35:2014:xml+bin';

function isoDuration(seconds: number): string {
  return `PT${Number(seconds.toFixed(3))}S`;
}

/** SegmentTimeline of the listed asset indexes, compacting runs of equal duration into @r. */
function timeline(indexes: number[], durations: number[], timescale: number): string {
  if (indexes.length === 0) return '';
  const starts: number[] = [];
  let t = 0;
  for (let i = 0; i < durations.length; i++) {
    starts.push(t);
    t += Math.round((durations[i] ?? 0) * timescale);
  }
  const out: string[] = [];
  let runD = -1;
  let runR = 0;
  let runT = 0;
  const flush = () => {
    if (runD >= 0) out.push(`<S t="${runT}" d="${runD}"${runR > 0 ? ` r="${runR}"` : ''}/>`);
  };
  let expected = -1;
  for (const i of indexes) {
    const d = Math.round((durations[i] ?? 0) * timescale);
    const st = starts[i] ?? 0;
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

interface PeriodOptions {
  asset: PackagedAsset;
  id: string;
  start: number;
  indexes: number[];
  /** Breaks whose start lies in the listed segments, with their event ids. */
  events: { eventId: number; assetStart: number; duration: number }[];
  /** Prefix of segment paths for this period (relative to the MPD). */
  base: string;
  withEvents: boolean;
}

function period(o: PeriodOptions): string {
  const a = o.asset;
  const firstRendition = a.renditions[0];
  const videoDurations = firstRendition ? (a.cmafVideo[firstRendition.id] ?? []) : [];
  const startNumber = o.indexes[0] ?? 0;
  const events = o.withEvents
    ? `<EventStream schemeIdUri="${SCTE35_SCHEME}" timescale="90000">${o.events
        .map((e) => {
          const bin = cueOutSection(e.eventId, Math.round(e.assetStart * 90000), e.duration).b64;
          return `<Event presentationTime="${Math.round(e.assetStart * 90000)}" duration="${Math.round(e.duration * 90000)}" id="${e.eventId}"><scte35:Signal><scte35:Binary>${bin}</scte35:Binary></scte35:Signal></Event>`;
        })
        .join('')}</EventStream>`
    : '';
  const maxW = Math.max(...a.renditions.map((r) => r.width));
  const maxH = Math.max(...a.renditions.map((r) => r.height));
  const reps = a.renditions
    .map((r) => `<Representation id="${r.id}" bandwidth="${r.cmafBandwidth}" width="${r.width}" height="${r.height}" codecs="${r.codecs}" sar="1:1"/>`)
    .join('');
  return [
    `<Period id="${o.id}" start="${isoDuration(o.start)}">`,
    events,
    `<AdaptationSet id="1" contentType="video" mimeType="video/mp4" segmentAlignment="true" startWithSAP="1" maxWidth="${maxW}" maxHeight="${maxH}" frameRate="25">`,
    `<SegmentTemplate timescale="${a.videoTimescale}" initialization="${o.base}$RepresentationID$/init.mp4" media="${o.base}$RepresentationID$/seg_$Number%05d$.m4s" startNumber="${startNumber}">`,
    timeline(o.indexes, videoDurations, a.videoTimescale),
    '</SegmentTemplate>',
    reps,
    '</AdaptationSet>',
    `<AdaptationSet id="2" contentType="audio" mimeType="audio/mp4" lang="en" segmentAlignment="true" startWithSAP="1">`,
    `<AudioChannelConfiguration schemeIdUri="urn:mpeg:dash:23003:3:audio_channel_configuration:2011" value="${a.audio.channels}"/>`,
    `<SegmentTemplate timescale="${a.audioTimescale}" initialization="${o.base}audio/init.mp4" media="${o.base}audio/seg_$Number%05d$.m4s" startNumber="${startNumber}">`,
    timeline(o.indexes, a.cmafAudio, a.audioTimescale),
    '</SegmentTemplate>',
    `<Representation id="audio" bandwidth="${a.audio.bandwidth}" codecs="${a.audio.codecs}" audioSamplingRate="${a.audio.sampleRate}"/>`,
    '</AdaptationSet>',
    '</Period>',
  ].join('');
}

const MPD_OPEN =
  '<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:scte35="http://www.scte.org/schemas/35/2016" profiles="urn:mpeg:dash:profile:isoff-live:2011"';

/** The breaks the listed segments touch (once each), as the shared timeline numbered them — so a player
 *  joining mid-break still sees the signal, and ids match the HLS packagings. */
function breaksOf(segments: TimelineSegment[]): PeriodOptions['events'] {
  const seen = new Map<number, PeriodOptions['events'][number]>();
  for (const s of segments) {
    const b = s.inBreak;
    if (b && !seen.has(b.eventId)) seen.set(b.eventId, { eventId: b.eventId, assetStart: b.assetStart, duration: b.duration });
  }
  return [...seen.values()];
}

export function dashVodMpd(asset: PackagedAsset, markers: boolean): string {
  const segments = vodTimeline({ segmentCount: segmentCount(asset) });
  const indexes = segments.map((s) => s.index);
  const body = period({ asset, id: 'p0', start: 0, indexes, events: breaksOf(segments), base: '', withEvents: markers });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${MPD_OPEN} type="static" mediaPresentationDuration="${isoDuration(asset.durationSeconds)}" minBufferTime="PT4S">${body}</MPD>\n`;
}

/** Live: the window's segments grouped by loop, one Period per loop, Period@start on the wall clock. */
export function dashLiveMpd(asset: PackagedAsset, segments: TimelineSegment[], nowMs: number, markers: boolean, utcTimingUrl: string): string {
  const byLoop = new Map<number, TimelineSegment[]>();
  for (const s of segments) {
    const list = byLoop.get(s.loop) ?? [];
    list.push(s);
    byLoop.set(s.loop, list);
  }
  const loopSeconds = segmentCount(asset) * SEGMENT_SECONDS;
  const periods = [...byLoop.entries()]
    .map(([loop, list]) =>
      period({ asset, id: `loop-${loop}`, start: loop * loopSeconds, indexes: list.map((s) => s.index), events: breaksOf(list), base: '', withEvents: markers }),
    )
    .join('');
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
