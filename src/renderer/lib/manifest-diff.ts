// The manifest inspector's pure logic: origin vs stitched as side-by-side rows (a line diff with line numbers on
// each side), and folding polled responses (only refreshes after `since`) into what the panel already holds.
import { diffLines } from 'diff';
import type { ManifestTrack, SessionManifests } from '../../shared/inspect-manifests';

export type RowKind = 'same' | 'removed' | 'added' | 'changed';

export interface DiffCell {
  /** 1-based line number on its side. */
  no: number;
  text: string;
}

export interface DiffRow {
  kind: RowKind;
  /** Origin side; absent where the stitcher added lines. */
  left?: DiffCell;
  /** Stitched side; absent where the stitcher removed lines. */
  right?: DiffCell;
}

export interface DiffStats {
  added: number;
  removed: number;
}

function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Both texts already in display form (shared displayText). A removed run followed by an added run is paired
 *  line by line as 'changed' rows, the rest of the longer run stays one-sided. */
export function sideBySide(origin: string, stitched: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let l = 0;
  let r = 0;
  const parts = diffLines(origin, stitched);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      for (const text of linesOf(part.value)) rows.push({ kind: 'same', left: { no: ++l, text }, right: { no: ++r, text } });
      continue;
    }
    const removed = part.removed ? linesOf(part.value) : [];
    const nextPart = parts[i + 1];
    const added = part.added ? linesOf(part.value) : nextPart?.added ? linesOf(nextPart.value) : [];
    if (part.removed && nextPart?.added) i++;
    const n = Math.max(removed.length, added.length);
    for (let k = 0; k < n; k++) {
      const a = removed[k];
      const b = added[k];
      const row: DiffRow = { kind: a !== undefined && b !== undefined ? 'changed' : a !== undefined ? 'removed' : 'added' };
      if (a !== undefined) row.left = { no: ++l, text: a };
      if (b !== undefined) row.right = { no: ++r, text: b };
      rows.push(row);
    }
  }
  return rows;
}

export function diffStats(rows: DiffRow[]): DiffStats {
  let added = 0;
  let removed = 0;
  for (const row of rows) {
    if (row.kind === 'added' || row.kind === 'changed') added++;
    if (row.kind === 'removed' || row.kind === 'changed') removed++;
  }
  return { added, removed };
}

/** The newest refresh time over all tracks: the next poll's `since`. */
export function newestAt(m: SessionManifests | undefined): number | undefined {
  let newest: number | undefined;
  for (const t of m?.tracks ?? []) for (const r of t.refreshes) if (newest === undefined || r.at > newest) newest = r.at;
  return newest;
}

/** Folds a response that holds only newer refreshes into the previous state (lint is always whole: replaced). */
export function mergeManifests(prev: SessionManifests | undefined, next: SessionManifests, perTrack = 30): SessionManifests {
  if (!prev || prev.sessionId !== next.sessionId) return next;
  const tracks = new Map<string, ManifestTrack>(prev.tracks.map((t) => [t.track, t]));
  for (const t of next.tracks) {
    const old = tracks.get(t.track);
    if (!old) {
      tracks.set(t.track, t);
      continue;
    }
    const seen = new Set(old.refreshes.map((r) => r.at));
    const added = t.refreshes.filter((r) => !seen.has(r.at));
    tracks.set(t.track, added.length ? { ...t, refreshes: [...old.refreshes, ...added].slice(-perTrack) } : { ...old, label: t.label });
  }
  const order = (id: string) => (id === 'multivariant' ? -1 : Number(id));
  return { ...next, tracks: [...tracks.values()].sort((a, b) => order(a.track) - order(b.track)) };
}
