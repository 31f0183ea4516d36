// Transcoded ads on disk, in the data dir: one folder per cache key holding segments, manifests and entry.json
// (written last, so a folder without it is an interrupted job and is removed at start). Least recently used
// entries are evicted past a size cap. Survives restarts; several engines may share one folder (tests do).
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { treeBytes } from '../fs/tree-bytes.js';
import { join } from 'node:path';
import type { ContentProfile, TranscodeCacheEntryInfo } from '../../shared/transcode.js';
import { renditionLabel } from './profile.js';
import { ENTRY_FILES } from './package.js';

const ENTRY_VERSION = 1;
export const WORK_DIR = '.work';
export const IN_USE_MS = 10 * 60_000;

export interface CacheEntry {
  version: number;
  key: string;
  adKey: string;
  title?: string;
  sourceUrl: string;
  profile: ContentProfile;
  durationSeconds: number;
  bytes: number;
  createdAt: number;
  lastUsedAt: number;
  encodeMs: number;
}

export function entryInfo(e: CacheEntry): TranscodeCacheEntryInfo {
  const base = `/v1/transcoded/${e.key}`;
  return {
    key: e.key,
    adKey: e.adKey,
    ...(e.title ? { title: e.title } : {}),
    sourceUrl: e.sourceUrl,
    profileKey: e.profile.key,
    profileSummary: e.profile.summary,
    durationSeconds: e.durationSeconds,
    renditions: e.profile.renditions.map(renditionLabel),
    bytes: e.bytes,
    createdAt: e.createdAt,
    lastUsedAt: e.lastUsedAt,
    encodeMs: e.encodeMs,
    paths: { hlsTs: `${base}/${ENTRY_FILES.hlsTs}`, hlsFmp4: `${base}/${ENTRY_FILES.hlsFmp4}`, dash: `${base}/${ENTRY_FILES.dash}` },
  };
}

export class TranscodeCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Debounced lastUsedAt writes: a hot ad is touched on every session. */
  private readonly dirty = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly dir: string,
    readonly maxBytes: number,
    private readonly onEvict?: (e: CacheEntry) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads complete entries; removes interrupted work and folders without a readable entry.json. */
  async load(): Promise<void> {
    let names: string[] = [];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name === WORK_DIR) continue;
      try {
        const e = JSON.parse(await readFile(join(this.dir, name, 'entry.json'), 'utf8')) as CacheEntry;
        if (e.version === ENTRY_VERSION && e.key === name) this.entries.set(name, e);
      } catch {
        // Another engine sharing the folder may be committing this very entry: only remove old leftovers.
        const age = Date.now() - (await stat(join(this.dir, name)).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
        if (age > 60 * 60_000) await rm(join(this.dir, name), { recursive: true, force: true });
      }
    }
  }

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  /** Re-reads an entry another engine sharing the folder may have written since load(). */
  async refresh(key: string): Promise<CacheEntry | undefined> {
    const known = this.entries.get(key);
    if (known) return known;
    try {
      const e = JSON.parse(await readFile(join(this.dir, key, 'entry.json'), 'utf8')) as CacheEntry;
      if (e.version !== ENTRY_VERSION || e.key !== key) return undefined;
      this.entries.set(key, e);
      return e;
    } catch {
      return undefined;
    }
  }

  touch(key: string, now: number): void {
    const e = this.entries.get(key);
    if (!e) return;
    e.lastUsedAt = now;
    this.dirty.add(key);
    this.flushTimer ??= setTimeout(() => void this.flush(), 2000).unref();
  }

  async flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const key of keys) {
      const e = this.entries.get(key);
      if (e) await this.writeEntry(join(this.dir, key), e).catch(() => undefined);
    }
  }

  private async writeEntry(dir: string, e: CacheEntry): Promise<void> {
    const tmp = join(dir, `entry.json.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify(e, null, 2));
    await rename(tmp, join(dir, 'entry.json'));
  }

  /** Moves a finished work folder into place and records it; then evicts past the cap (never `e` itself). */
  async commit(workDir: string, e: Omit<CacheEntry, 'version' | 'bytes'>): Promise<CacheEntry> {
    const entry: CacheEntry = { ...e, version: ENTRY_VERSION, bytes: await treeBytes(workDir) };
    await this.writeEntry(workDir, entry);
    const final = join(this.dir, e.key);
    await rm(final, { recursive: true, force: true });
    await rename(workDir, final);
    this.entries.set(e.key, entry);
    await this.evict(e.key);
    return entry;
  }

  async remove(key: string): Promise<boolean> {
    const had = this.entries.delete(key);
    this.dirty.delete(key);
    await rm(join(this.dir, key), { recursive: true, force: true });
    return had;
  }

  async clear(): Promise<number> {
    const keys = [...this.entries.keys()];
    for (const k of keys) await this.remove(k);
    return keys.length;
  }

  totalBytes(): number {
    let t = 0;
    for (const e of this.entries.values()) t += e.bytes;
    return t;
  }

  list(): CacheEntry[] {
    return [...this.entries.values()].sort((a, b) => b.lastUsedAt - a.lastUsedAt);
  }

  /** Least recently used first; an ad a session asked for in the last IN_USE_MS is probably still being played
   *  (its segments would 404 mid-break), so the cache stays over its cap until such entries age. */
  private async evict(keep: string): Promise<void> {
    let total = this.totalBytes();
    if (total <= this.maxBytes) return;
    for (const e of [...this.entries.values()].sort((a, b) => a.lastUsedAt - b.lastUsedAt)) {
      if (total <= this.maxBytes) break;
      if (e.key === keep || this.now() - e.lastUsedAt < IN_USE_MS) continue;
      await this.remove(e.key);
      total -= e.bytes;
      this.onEvict?.(e);
    }
  }
}
