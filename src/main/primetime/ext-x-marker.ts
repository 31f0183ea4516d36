// Adobe Primetime's EXT-X-MARKER in-manifest tracking ("EXT-X-MARKER Directive", manifest server API): when the
// bootstrap has no pttrackingmode the client fires the beacons itself, from tags on AD segments only —
//   break's first segment:  PodBegin (PrerollPodBegin) with COUNT and BREAKDUR, then its first ad's AdBegin;
//   each ad's first segment: AdBegin;
//   break's last segment:   PodEnd (PrerollPodEnd) with OFFSET = the segment's duration (fire at its end).
// DURATION is how long the directive holds from the start of the tagged segment. DATA is base64 of an
// <AdTrackingFragments> document: the break's VMAP 1.0 AdBreak (breakStart/breakEnd/error) for the pod tags, a
// VAST 3.0 InLine of the one ad (Impression, Error, Duration, TrackingEvents) for AdBegin.
// Pure: decision + one track's planned segments → the same segments with `tags`.
import type { VastLinearAd } from '../ads/types.js';
import type { AvailDecision, PlacedItem } from '../avails/types.js';
import type { AvailSegment } from '../stitch/hls/plan.js';
import { vastTime } from '../tracking/macros.js';
import { VMAP_CLOSE, VMAP_OPEN, vastTracking, vmapTrackingEvents } from '../tracking/vast-fragments.js';
import { escapeXml } from '../xml/tree.js';

export interface MarkerBreak {
  /** The live pre-roll, or a VOD break at 0 s: Preroll* types and VMAP timeOffset "start". */
  preroll: boolean;
  /** VOD: where the break sits in the content (VMAP timeOffset). Live breaks are numbered (#n) instead. */
  contentSeconds?: number;
}

export type MarkerType = 'PodBegin' | 'PodEnd' | 'PrerollPodBegin' | 'PrerollPodEnd' | 'AdBegin';

const EPS = 0.0005;
const num = (s: number) => String(Math.round(s * 1000) / 1000);
/** An HLS quoted-string cannot hold '"', CR or LF. */
const quoted = (s: string) => `"${s.replace(/["\r\n]/g, '')}"`;

function marker(a: { id: string; type: MarkerType; duration: number; offset?: number; count?: number; breakDur?: number; data: string }): string {
  return (
    `#EXT-X-MARKER:ID=${quoted(a.id)},TYPE=${quoted(a.type)},DURATION=${num(a.duration)}` +
    (a.offset !== undefined ? `,OFFSET=${num(a.offset)}` : '') +
    (a.count !== undefined ? `,COUNT=${a.count}` : '') +
    (a.breakDur !== undefined ? `,BREAKDUR=${num(a.breakDur)}` : '') +
    `,DATA="${Buffer.from(a.data, 'utf8').toString('base64')}"`
  );
}

const fragment = (xml: string) => `<?xml version="1.0" encoding="UTF-8"?><AdTrackingFragments><AdTrackingFragment>${xml}</AdTrackingFragment></AdTrackingFragments>`;

function breakXml(d: AvailDecision, where: MarkerBreak): string {
  const timeOffset = where.preroll ? 'start' : where.contentSeconds !== undefined ? vastTime(where.contentSeconds) : `#${d.index + 1}`;
  return (
    `${VMAP_OPEN}<vmap:AdBreak breakType="linear" breakId="${escapeXml(d.availId)}" timeOffset="${timeOffset}">` +
    `${vmapTrackingEvents(d.breakTracking ?? [], escapeXml)}</vmap:AdBreak>${VMAP_CLOSE}`
  );
}

function adXml(item: PlacedItem, ad: VastLinearAd): string {
  const text = (tag: string, urls: readonly string[]) => urls.map((u) => `<${tag}>${escapeXml(u)}</${tag}>`).join('');
  const tracking = ad.tracking.map((t) => {
    const offset = t.event !== 'progress' ? undefined : t.offsetSeconds !== undefined ? vastTime(t.offsetSeconds) : t.offsetPercent !== undefined ? `${t.offsetPercent}%` : undefined;
    return vastTracking(t.event, t.url, escapeXml, offset);
  });
  const clicks = (ad.clickThrough ? `<ClickThrough>${escapeXml(ad.clickThrough)}</ClickThrough>` : '') + text('ClickTracking', ad.clickTracking);
  const media = ad.mediaFiles.map(
    (m) => `<MediaFile delivery="${m.delivery}" type="${escapeXml(m.type)}" width="${m.width ?? 0}" height="${m.height ?? 0}"${m.bitrateKbps ? ` bitrate="${m.bitrateKbps}"` : ''}>${escapeXml(m.url)}</MediaFile>`,
  );
  return (
    `<VAST version="3.0"><Ad id="${escapeXml(ad.adId)}"${ad.sequence !== undefined ? ` sequence="${ad.sequence}"` : ''}><InLine>` +
    `<AdSystem>${escapeXml(ad.adSystem ?? '')}</AdSystem><AdTitle>${escapeXml(ad.adTitle ?? '')}</AdTitle>${text('Error', ad.errorUrls)}${text('Impression', ad.impressions)}` +
    `<Creatives><Creative${ad.creativeId ? ` id="${escapeXml(ad.creativeId)}"` : ''}><Linear><Duration>${vastTime(item.duration)}</Duration>` +
    `<TrackingEvents>${tracking.join('')}</TrackingEvents>${clicks ? `<VideoClicks>${clicks}</VideoClicks>` : ''}<MediaFiles>${media.join('')}</MediaFiles>` +
    `</Linear></Creative></Creatives></InLine></Ad></VAST>`
  );
}

/** Index of each item's first segment in `segments` (-1 when this track has none for it). */
function itemStarts(d: AvailDecision, segments: readonly AvailSegment[]): number[] {
  let from = 0;
  return d.items.map((it) => {
    for (let k = from; k < segments.length; k++) {
      const s = segments[k]!;
      if (s.adId === it.adId && Math.abs(s.offset - it.offset) < EPS) {
        from = k + 1;
        return k;
      }
    }
    return -1;
  });
}

/** The segments with their EXT-X-MARKER tags; unchanged when the avail has no ad (slate only). */
export function extXMarkerSegments(d: AvailDecision, segments: readonly AvailSegment[], where: MarkerBreak): AvailSegment[] {
  const ads = d.items.flatMap((it, i) => (it.kind === 'ad' && it.ad ? [{ it, i, ad: it.ad }] : []));
  if (ads.length === 0 || segments.length === 0) return [...segments];
  const tags: string[][] = segments.map(() => []);
  const last = segments.length - 1;
  const end = segments[last]!.offset + segments[last]!.duration;
  const pod = fragment(breakXml(d, where));
  const [begin, finish]: [MarkerType, MarkerType] = where.preroll ? ['PrerollPodBegin', 'PrerollPodEnd'] : ['PodBegin', 'PodEnd'];
  tags[0]!.push(marker({ id: `${d.availId}:${begin}`, type: begin, duration: end - segments[0]!.offset, count: ads.length, breakDur: d.filledSeconds, data: pod }));
  const starts = itemStarts(d, segments);
  for (const { it, i, ad } of ads) {
    const k = starts[i]!;
    if (k < 0) continue;
    // Valid until the next item's first segment (or the break's end).
    const next = starts.slice(i + 1).find((s) => s >= 0);
    const until = next === undefined ? end : segments[next]!.offset;
    tags[k]!.push(marker({ id: `${d.availId}:AdBegin:${i}`, type: 'AdBegin', duration: until - segments[k]!.offset, data: fragment(adXml(it, ad)) }));
  }
  const lastDur = segments[last]!.duration;
  tags[last]!.push(marker({ id: `${d.availId}:${finish}`, type: finish, duration: lastDur, offset: lastDur, data: pod }));
  return segments.map((s, k) => (tags[k]!.length ? { ...s, tags: [...(s.tags ?? []), ...tags[k]!] } : s));
}
