// A session's manifest history as the inspector reads it: tracks with labels and their refreshes, and lint over
// both texts of each track — the origin's findings beside the stitched ones, so the UI can tell "the origin was
// already broken" from "the stitcher broke it".
import type { LintFinding, ManifestTrack, SessionManifests } from '../../shared/inspect-manifests.js';
import type { DebugManifest, Session } from '../sessions/types.js';
import type { ContentTrack } from '../stitch/hls/multivariant.js';
import { readPlaylist } from './hls-read.js';
import { lintDashRefreshes } from './lint-dash.js';
import { lintHlsRefreshes } from './lint-hls.js';

export interface ManifestQuery {
  /** Only this track ('0', '1', …, 'multivariant'). */
  track?: string;
  /** Only refreshes served after this engine time (ms); lint still covers the whole history. */
  since?: number;
}

type SessionPart = Pick<Session, 'id' | 'format' | 'live' | 'tracks' | 'debug'>;

export function sessionManifests(s: SessionPart, q: ManifestQuery = {}): SessionManifests {
  const byTrack = new Map<string, DebugManifest[]>();
  for (const e of s.debug) {
    const id = String(e.track);
    if (q.track !== undefined && id !== q.track) continue;
    const list = byTrack.get(id) ?? [];
    list.push(e);
    byTrack.set(id, list);
  }
  const ids = [...byTrack.keys()].sort((a, b) => order(a) - order(b));
  const tracks: ManifestTrack[] = ids.map((id) => ({
    track: id,
    kind: id === 'multivariant' ? 'multivariant' : s.format === 'dash' ? 'mpd' : 'media',
    label: label(s, id),
    refreshes: byTrack
      .get(id)!
      .filter((e) => q.since === undefined || e.at > q.since)
      .map((e) => ({ at: e.at, ...(e.originUrl ? { originUrl: e.originUrl } : {}), origin: e.origin, stitched: e.stitched })),
  }));
  const lint: LintFinding[] = [];
  for (const id of ids) if (id !== 'multivariant') lint.push(...lintTrack(s.format, id, byTrack.get(id)!));
  return { sessionId: s.id, format: s.format, live: s.live ?? null, tracks, lint };
}

/** Stitched first (what players get), then the origin's. */
export function lintTrack(format: 'hls' | 'dash', track: string, entries: DebugManifest[]): LintFinding[] {
  const stitched = entries.map((e) => ({ at: e.at, text: e.stitched }));
  const origin = entries.map((e) => ({ at: e.at, text: e.origin }));
  if (format === 'dash') return [...lintDashRefreshes(stitched, { track, source: 'stitched' }), ...lintDashRefreshes(origin, { track, source: 'origin' })];
  // The stitched playlist of a VOD origin must end too.
  const vod = entries.length > 0 && readPlaylist(entries.at(-1)!.origin).endList;
  return [...lintHlsRefreshes(stitched, { track, source: 'stitched', vod }), ...lintHlsRefreshes(origin, { track, source: 'origin' })];
}

function order(id: string): number {
  return id === 'multivariant' ? -1 : Number(id);
}

function label(s: SessionPart, id: string): string {
  if (id === 'multivariant') return 'multivariant';
  if (s.format === 'dash') return 'MPD';
  const t = s.tracks[Number(id)];
  return t ? trackLabel(t) : `track ${id}`;
}

export function trackLabel(t: ContentTrack): string {
  const parts: string[] = [t.kind === 'variant' ? 'video' : t.kind];
  if (t.width && t.height) parts.push(`${t.width}×${t.height}`);
  if (t.bandwidth) parts.push(`${(t.bandwidth / 1e6).toFixed(1)} Mbps`);
  if (t.language) parts.push(t.language);
  if (t.name && t.kind !== 'variant' && t.kind !== 'video') parts.push(t.name);
  return parts.join(' ');
}
