// Playback configurations persisted as one JSON file in the data dir. Writes are atomic
// (temp file + rename) so a crash mid-write never loses the previous state.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PutPlaybackConfigurationRequest } from '../../shared/playback-config.js';
import { PutPlaybackConfigurationSchema } from '../../shared/playback-config.js';

interface StoredFile {
  version: 1;
  items: PutPlaybackConfigurationRequest[];
}

export class PlaybackConfigStore {
  private readonly items = new Map<string, PutPlaybackConfigurationRequest>();
  private writing: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'playback-configurations.json');
  }

  /** Loads the file; entries that no longer validate are skipped (and reported) rather than failing the start. */
  async load(): Promise<{ loaded: number; skipped: string[] }> {
    await mkdir(this.dataDir, { recursive: true });
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { loaded: 0, skipped: [] };
      throw e;
    }
    const skipped: string[] = [];
    let parsed: Partial<StoredFile>;
    try {
      parsed = JSON.parse(text) as Partial<StoredFile>;
    } catch {
      // Keep the unreadable file for the user to inspect instead of overwriting it.
      await rename(this.file, `${this.file}.corrupt-${Date.now()}`);
      return { loaded: 0, skipped: ['(file was not valid JSON; moved aside)'] };
    }
    for (const raw of parsed.items ?? []) {
      const r = PutPlaybackConfigurationSchema.safeParse(raw);
      if (r.success) this.items.set(r.data.Name, r.data);
      else skipped.push(String((raw as { Name?: unknown })?.Name ?? '(unnamed)'));
    }
    return { loaded: this.items.size, skipped };
  }

  list(): PutPlaybackConfigurationRequest[] {
    return [...this.items.values()].sort((a, b) => a.Name.localeCompare(b.Name));
  }

  get(name: string): PutPlaybackConfigurationRequest | undefined {
    return this.items.get(name);
  }

  async put(config: PutPlaybackConfigurationRequest): Promise<void> {
    this.items.set(config.Name, config);
    await this.persist();
  }

  async delete(name: string): Promise<boolean> {
    const existed = this.items.delete(name);
    if (existed) await this.persist();
    return existed;
  }

  /** Serialises writes so concurrent PUTs cannot interleave partial files. */
  private persist(): Promise<void> {
    const snapshot: StoredFile = { version: 1, items: this.list() };
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        const tmp = `${this.file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(snapshot, null, 2));
        await rename(tmp, this.file);
      });
    return this.writing;
  }
}
