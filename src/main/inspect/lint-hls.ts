// HLS media playlist lint over a series of refreshes of one track. Pure: text in, findings out, no clocks (time
// is the refreshes' `at`). Single-refresh rules run on each distinct text; continuity rules compare each refresh
// with the one before it. Rules follow RFC 8216: §4.3.3.1 (target duration), §6.2.1 and §6.2.2 (a live server's
// numbering and refresh duties), §4.3.2.3 (discontinuities).
import type { LintFinding, LintSource } from '../../shared/inspect-manifests.js';
import { isLive, nextSeq, readPlaylist, segmentKey, sourceOf, type LintPlaylist, type LintSegment } from './hls-read.js';
import { findingSink, type Emit } from './lint-sink.js';

export interface LintRefresh {
  at: number;
  text: string;
}

export interface HlsLintOptions {
  track?: string;
  source?: LintSource;
  /** The presentation is known to be VOD (e.g. the origin has EXT-X-ENDLIST): the playlist must end too. */
  vod?: boolean;
  /** Stale after this many target durations without a new segment (RFC 8216 §6.2.1: 1.5). */
  staleFactor?: number;
  /** At most this many findings (default 200); a last 'info' says how many more there were. */
  maxFindings?: number;
}

export function lintHlsRefreshes(refreshes: LintRefresh[], opts: HlsLintOptions = {}): LintFinding[] {
  const sink = findingSink(opts);
  const staleFactor = opts.staleFactor ?? 1.5;
  let prev: { at: number; text: string; pl: LintPlaylist } | undefined;
  // Live staleness: when the current newest segment was first seen, and whether that was reported.
  let version: { at: number; next: number; reported: boolean } | undefined;
  for (const r of refreshes) {
    const emit: Emit = (f) => sink.add({ ...f, refreshAt: r.at });
    const pl = readPlaylist(r.text);
    if (!pl.valid) {
      emit({ rule: 'playlist', severity: 'error', message: 'Not an HLS playlist: no #EXTM3U', line: 1 });
      prev = undefined;
      continue;
    }
    if (pl.multivariant) continue; // a multivariant playlist has none of these rules
    if (!prev || prev.text !== r.text) singleRefresh(pl, opts, emit);
    if (prev) continuity(prev.pl, pl, prev.at, emit);
    if (isLive(pl)) {
      const next = nextSeq(pl);
      if (!version || version.next !== next) version = { at: r.at, next, reported: false };
      else {
        const limitMs = staleFactor * (pl.targetDuration ?? 0) * 1000;
        const stalled = r.at - version.at;
        if (!version.reported && pl.targetDuration && stalled > limitMs) {
          version.reported = true;
          emit({
            rule: 'stale-playlist',
            severity: 'error',
            message: `Live playlist had no new segment for ${(stalled / 1000).toFixed(1)} s (refreshes since ${isoTime(version.at)}), more than ${staleFactor} × target duration (${(limitMs / 1000).toFixed(1)} s); last media sequence ${next - 1}`,
            line: pl.segments.at(-1)?.line ?? 1,
          });
        }
      }
    } else version = undefined;
    prev = { at: r.at, text: r.text, pl };
  }
  return sink.done();
}

function singleRefresh(pl: LintPlaylist, opts: HlsLintOptions, emit: Emit): void {
  const td = pl.targetDuration;
  if (td === undefined || !Number.isFinite(td)) emit({ rule: 'target-duration', severity: 'error', message: 'No valid EXT-X-TARGETDURATION (it is required)', line: 1 });
  else {
    for (const s of pl.segments) {
      if (!Number.isFinite(s.duration)) {
        emit({ rule: 'target-duration', severity: 'error', message: `Segment ${s.seq} (${tail(s.uri)}) has no valid EXTINF duration`, line: s.extinfLine });
      } else if (Math.round(s.duration) > td) {
        emit({
          rule: 'target-duration',
          severity: 'error',
          message: `EXTINF ${s.duration} s of segment ${s.seq} (${tail(s.uri)}) rounds to ${Math.round(s.duration)}, above EXT-X-TARGETDURATION ${td}`,
          line: s.extinfLine,
        });
      }
    }
  }
  if (!pl.endList && pl.playlistType === 'VOD') emit({ rule: 'endlist', severity: 'error', message: 'EXT-X-PLAYLIST-TYPE:VOD without EXT-X-ENDLIST', line: pl.segments.at(-1)?.line ?? 1 });
  else if (!pl.endList && opts.vod) emit({ rule: 'endlist', severity: 'error', message: 'The origin is VOD (it has EXT-X-ENDLIST) but this playlist has no EXT-X-ENDLIST: players will treat it as live', line: pl.segments.at(-1)?.line ?? 1 });
  splices(pl, emit);
}

/** Numbering across two consecutive refreshes: a segment keeps its media sequence and discontinuity number. */
function continuity(a: LintPlaylist, b: LintPlaylist, aAt: number, emit: Emit): void {
  if (a.targetDuration !== undefined && b.targetDuration !== undefined && a.targetDuration !== b.targetDuration) {
    emit({ rule: 'target-duration', severity: 'error', message: `EXT-X-TARGETDURATION changed from ${a.targetDuration} to ${b.targetDuration} between refreshes (it must not change)`, line: b.targetDurationLine ?? 1 });
  }
  if (a.endList && !b.endList) emit({ rule: 'endlist', severity: 'error', message: 'EXT-X-ENDLIST disappeared: a playlist that ended must not change', line: 1 });
  if (b.mediaSequence < a.mediaSequence) {
    emit({ rule: 'media-sequence', severity: 'error', message: `EXT-X-MEDIA-SEQUENCE went backwards: ${a.mediaSequence} → ${b.mediaSequence}`, line: 1 });
  }
  if (b.discontinuitySequence < a.discontinuitySequence) {
    emit({ rule: 'discontinuity-sequence', severity: 'error', message: `EXT-X-DISCONTINUITY-SEQUENCE went backwards: ${a.discontinuitySequence} → ${b.discontinuitySequence}`, line: 1 });
  }
  const before = uniqueByKey(a.segments);
  const after = uniqueByKey(b.segments);
  let common = 0;
  let msBad: { was: LintSegment; now: LintSegment; n: number } | undefined;
  let ccBad: { was: LintSegment; now: LintSegment; n: number } | undefined;
  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) continue;
    common++;
    if (was.seq !== now.seq) msBad = msBad ? { ...msBad, n: msBad.n + 1 } : { was, now, n: 1 };
    if (was.cc !== now.cc) ccBad = ccBad ? { ...ccBad, n: ccBad.n + 1 } : { was, now, n: 1 };
  }
  const since = `since the refresh at ${isoTime(aAt)}`;
  if (msBad) {
    const { was, now, n } = msBad;
    emit({
      rule: 'media-sequence',
      severity: 'error',
      message: `Media sequence jump: ${tail(now.uri)} was ${was.seq}, now ${now.seq} (${signed(now.seq - was.seq)}) ${since}; ${n} segment${n > 1 ? 's' : ''} renumbered`,
      line: now.line,
    });
  }
  if (ccBad) {
    const { was, now, n } = ccBad;
    emit({
      rule: 'discontinuity-sequence',
      severity: 'error',
      message: `Discontinuity number changed: ${tail(now.uri)} was ${was.cc}, now ${now.cc} (${signed(now.cc - was.cc)}) ${since}; EXT-X-DISCONTINUITY-SEQUENCE must grow by exactly the DISCONTINUITY tags that left the window (${n} segment${n > 1 ? 's' : ''} affected)`,
      line: now.line,
    });
  }
  if (common === 0 && before.size > 0 && after.size > 0) {
    // The window moved past every earlier segment: numbering must at least continue after it.
    const last = a.segments.at(-1)!;
    const first = b.segments[0]!;
    if (first.seq <= last.seq) {
      emit({ rule: 'media-sequence', severity: 'error', message: `No segment in common with the refresh at ${isoTime(aAt)}, yet the first media sequence ${first.seq} is not after its last (${last.seq})`, line: first.line });
    }
    if (first.cc < last.cc) {
      emit({ rule: 'discontinuity-sequence', severity: 'error', message: `No segment in common with the refresh at ${isoTime(aAt)}, yet the first discontinuity number ${first.cc} is below its last (${last.cc})`, line: first.line });
    }
  }
}

/**
 * A splice needs EXT-X-DISCONTINUITY when the segments on either side come from different places (another
 * encoder's timestamps, RFC 8216 §4.3.2.3). Checked at ad-marker edges, and at any change of segment folder unless
 * the playlist puts segments in many folders (tokenised CDN paths, where a folder says nothing about the source).
 */
function splices(pl: LintPlaylist, emit: Emit): void {
  const segs = pl.segments;
  const folders = new Set(segs.map((s) => sourceOf(s.uri)));
  const foldersMeanSources = folders.size <= Math.max(1, segs.length / 3);
  for (let i = 1; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.discontinuity) continue;
    const from = sourceOf(segs[i - 1]!.uri);
    const to = sourceOf(s.uri);
    if (from === to) continue;
    const marker = s.markers[0];
    if (marker) {
      emit({
        rule: 'discontinuity-around-ads',
        severity: 'warn',
        message: `Ad ${marker.edge === 'out' ? 'break starts' : 'break ends'} (${marker.tag}) at segment ${s.seq} where segments switch from ${shortSource(from)} to ${shortSource(to)}, without EXT-X-DISCONTINUITY`,
        line: marker.line,
      });
    } else if (foldersMeanSources) {
      emit({
        rule: 'discontinuity-around-ads',
        severity: 'warn',
        message: `Segments switch from ${shortSource(from)} to ${shortSource(to)} at segment ${s.seq} without EXT-X-DISCONTINUITY (an ad splice?)`,
        line: s.line,
      });
    }
  }
}

/** Segments by identity, leaving out identities that occur twice in one playlist (a looped slate): ambiguous. */
function uniqueByKey(segs: LintSegment[]): Map<string, LintSegment> {
  const out = new Map<string, LintSegment>();
  const dup = new Set<string>();
  for (const s of segs) {
    const k = segmentKey(s);
    if (out.has(k)) dup.add(k);
    out.set(k, s);
  }
  for (const k of dup) out.delete(k);
  return out;
}

function tail(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const parts = path.split('/');
  return parts.length > 2 ? `…/${parts.slice(-2).join('/')}` : path;
}

function shortSource(folder: string): string {
  if (!folder) return '(playlist folder)';
  return folder.length > 60 ? `…${folder.slice(-57)}` : folder;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}
