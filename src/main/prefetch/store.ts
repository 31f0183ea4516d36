// Prefetch schedules by playback configuration, kept in <dataDir>/prefetch-schedules.json (fs/json-file.ts) so
// they survive a restart as MediaTailor's do. A schedule stays readable after its windows have passed (MediaTailor
// keeps them days; the bench, KEEP_DONE_MS) so the bench can show what it did, then it is dropped.
import { join } from 'node:path';
import { JsonFile } from '../fs/json-file.js';
import type { PrefetchSchedule } from '../../shared/prefetch.js';
import { phaseAt } from './windows.js';

export const KEEP_DONE_MS = 10 * 60_000;

export class PrefetchScheduleStore {
  private readonly byConfig = new Map<string, Map<string, PrefetchSchedule>>();
  private readonly file: JsonFile;

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, 'prefetch-schedules.json'));
  }

  /** A missing file is no schedules; an unreadable one is reported (and ignored), never fatal. */
  async load(): Promise<string | undefined> {
    const read = await this.file.read();
    if (read.state === 'missing') return undefined;
    if (read.state === 'unreadable') return `ignored ${this.file.path}: ${read.error}`;
    if (!Array.isArray(read.value)) return `ignored ${this.file.path}: not a list of schedules`;
    for (const s of read.value as PrefetchSchedule[]) if (s && typeof s.Name === 'string' && typeof s.PlaybackConfigurationName === 'string') this.set(s);
    return undefined;
  }

  get(config: string, name: string): PrefetchSchedule | undefined {
    return this.byConfig.get(config)?.get(name);
  }

  list(config?: string): PrefetchSchedule[] {
    if (config !== undefined) return [...(this.byConfig.get(config)?.values() ?? [])];
    return [...this.byConfig.values()].flatMap((m) => [...m.values()]);
  }

  /** Schedules whose windows have not all passed: what MediaTailor's per-configuration limit counts. */
  activeCount(config: string, now: number): number {
    return this.list(config).filter((s) => phaseAt(s, now) !== 'done').length;
  }

  async put(s: PrefetchSchedule): Promise<void> {
    this.set(s);
    await this.save();
  }

  async delete(config: string, name: string): Promise<boolean> {
    const gone = this.byConfig.get(config)?.delete(name) ?? false;
    if (gone) await this.save();
    return gone;
  }

  /** Drops schedules done for longer than KEEP_DONE_MS; returns them. */
  async sweep(now: number, endOf: (s: PrefetchSchedule) => number): Promise<PrefetchSchedule[]> {
    const old = this.list().filter((s) => phaseAt(s, now) === 'done' && now - endOf(s) > KEEP_DONE_MS);
    for (const s of old) this.byConfig.get(s.PlaybackConfigurationName)?.delete(s.Name);
    if (old.length) await this.save();
    return old;
  }

  private set(s: PrefetchSchedule): void {
    let m = this.byConfig.get(s.PlaybackConfigurationName);
    if (!m) this.byConfig.set(s.PlaybackConfigurationName, (m = new Map()));
    m.set(s.Name, s);
  }

  private save(): Promise<void> {
    return this.file.write(this.list());
  }
}
