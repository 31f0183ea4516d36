// Maps a demo URL (asset, packaging, file) to a manifest body or a segment file on disk.
import { join } from 'node:path';
import { segmentCount, type PackagedAsset } from '../media/model.js';
import { dashLiveMpd, dashVodMpd, type DashPeriodLayout } from './dash.js';
import { hlsMediaPlaylist, hlsMultivariant, type HlsMarkerStyle } from './hls.js';
import { withCarry } from './faults.js';
import type { DemoPackage } from './packages.js';
import { liveWindow, vodTimeline } from './timeline.js';

export interface RenderedManifest {
  body: string;
  contentType: string;
  format: 'hls-multivariant' | 'hls-media' | 'dash';
}

const M3U8 = 'application/vnd.apple.mpegurl';
const MPD = 'application/dash+xml';

export interface RenderRequest {
  asset: PackagedAsset;
  pkg: DemoPackage;
  live: boolean;
  file: string;
  nowMs: number;
  /** false for ad creatives: they carry no markers. */
  markers: boolean;
  utcTimingUrl: string;
  /** DASH only: a new Period at every ad break ('multi', the default, as MediaPackage does) or today's
   *  single Period ('single'). Ad creatives (markers false) are always single-Period. */
  dashPeriods?: DashPeriodLayout;
  /** Fault parameters to put on listed URIs (see faults.ts playlistCarry/segmentCarry); absent: URIs as always. */
  carry?: { playlists: string; segments: string };
}

export function renderManifest(r: RenderRequest): RenderedManifest | undefined {
  const { asset, pkg } = r;
  const count = segmentCount(asset);
  const segCarry = r.carry?.segments ?? '';
  if (pkg.format === 'dash') {
    if (r.file !== 'manifest.mpd') return undefined;
    const layout: DashPeriodLayout = r.markers ? (r.dashPeriods ?? 'multi') : 'single';
    const body = r.live
      ? dashLiveMpd(asset, liveWindow({ segmentCount: count }, r.nowMs).segments, r.nowMs, r.markers, r.utcTimingUrl, layout, segCarry)
      : dashVodMpd(asset, r.markers, layout, segCarry);
    return { body, contentType: MPD, format: 'dash' };
  }
  if (r.file === 'master.m3u8') return { body: hlsMultivariant(asset, pkg.container, r.carry?.playlists ?? ''), contentType: M3U8, format: 'hls-multivariant' };
  const m = /^([\w-]+)\.m3u8$/.exec(r.file);
  if (!m) return undefined;
  const track = m[1]!;
  const ts = pkg.container === 'ts';
  const durations = ts ? asset.ts[track] : track === 'audio' ? asset.cmafAudio : asset.cmafVideo[track];
  if (!durations) return undefined;
  const window = r.live ? liveWindow({ segmentCount: count }, r.nowMs) : { segments: vodTimeline({ segmentCount: count }), discontinuitySequence: 0 };
  const markers: HlsMarkerStyle = !r.markers ? 'none' : pkg.markers === 'daterange' ? 'daterange' : 'cue-out';
  const body = hlsMediaPlaylist({
    segments: window.segments,
    discontinuitySequence: window.discontinuitySequence,
    durations,
    uri: (i) => withCarry(`${track}/seg_${String(i).padStart(5, '0')}.${ts ? 'ts' : 'm4s'}`, segCarry),
    ...(ts ? {} : { mapUri: withCarry(`${track}/init.mp4`, segCarry) }),
    container: pkg.container,
    markers,
    live: r.live,
  });
  return { body, contentType: M3U8, format: 'hls-media' };
}

const SEGMENT_FILE = /^(init\.mp4|seg_\d{5}\.(ts|m4s))$/;

/** Disk path of a segment relative to the asset's folder, or undefined for names we don't serve. */
export function segmentPath(asset: PackagedAsset, pkg: DemoPackage, track: string, file: string): string | undefined {
  if (!SEGMENT_FILE.test(file)) return undefined;
  const isTs = file.endsWith('.ts');
  if (isTs !== (pkg.container === 'ts')) return undefined;
  const known = track === 'audio' ? pkg.container === 'fmp4' : asset.renditions.some((r) => r.id === track);
  if (!known) return undefined;
  return join(pkg.container === 'ts' ? 'ts' : 'cmaf', track, file);
}
