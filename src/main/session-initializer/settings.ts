// The session-initializer's one setting, StreamCount (1–10, as in AWS's "session initialization micro-service
// for prefetch" sample), kept in the data dir so it survives restarts (fs/json-file.ts).
import { join } from 'node:path';
import { JsonFile } from '../fs/json-file.js';
import { z } from 'zod';

export const DEFAULT_STREAM_COUNT = 3;
export const StreamCountSettingsSchema = z.object({ StreamCount: z.number().int().min(1).max(10) }).strict();
export type SessionInitializerSettings = z.output<typeof StreamCountSettingsSchema>;

export class SettingsFile {
  private current: SessionInitializerSettings = { StreamCount: DEFAULT_STREAM_COUNT };
  private readonly file: JsonFile;

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, 'session-initializer.json'));
  }

  /** A missing or unreadable file means the defaults (a broken file is not fatal to the engine). */
  async load(): Promise<string | undefined> {
    const read = await this.file.read();
    if (read.state === 'missing') return undefined;
    if (read.state === 'unreadable') return `ignored ${this.file.path}: ${read.error}`;
    const parsed = StreamCountSettingsSchema.safeParse(read.value);
    if (!parsed.success) return `ignored ${this.file.path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
    this.current = parsed.data;
    return undefined;
  }

  get(): SessionInitializerSettings {
    return { ...this.current };
  }

  async put(next: SessionInitializerSettings): Promise<void> {
    await this.file.write(next);
    this.current = { ...next };
  }
}
