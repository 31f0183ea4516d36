// Playback configurations persisted as one JSON file in the data dir (atomic, serialised writes: fs/json-file.ts).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { JsonFile } from '../fs/json-file.js';
import type { PutPlaybackConfigurationRequest } from '../../shared/playback-config.js';
import { PutPlaybackConfigurationSchema } from '../../shared/playback-config.js';

interface StoredFile {
  version: 1;
  items: PutPlaybackConfigurationRequest[];
}

export class PlaybackConfigStore {
  private readonly items = new Map<string, PutPlaybackConfigurationRequest>();
  private readonly file: JsonFile;

  constructor(private readonly dataDir: string) {
    this.file = new JsonFile(join(dataDir, 'playback-configurations.json'));
  }

  /** Loads the file; entries that no longer validate are skipped (and reported) rather than failing the start. */
  async load(): Promise<{ loaded: number; skipped: string[] }> {
    await mkdir(this.dataDir, { recursive: true });
    const read = await this.file.read();
    if (read.state === 'missing') return { loaded: 0, skipped: [] };
    if (read.state === 'unreadable') {
      if (read.cause === 'io') throw new Error(`Cannot read ${this.file.path}: ${read.error}`);
      await this.file.moveAside();
      return { loaded: 0, skipped: ['(file was not valid JSON; moved aside)'] };
    }
    const skipped: string[] = [];
    const parsed = (read.value ?? {}) as Partial<StoredFile>;
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

  private persist(): Promise<void> {
    return this.file.write({ version: 1, items: this.list() } satisfies StoredFile);
  }
}
