// The session-initializer's one setting, StreamCount (1–10, as in AWS's "session initialization micro-service
// for prefetch" sample), kept in the data dir so it survives restarts. Written atomically (temp file + rename).
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const DEFAULT_STREAM_COUNT = 3;
export const StreamCountSettingsSchema = z.object({ StreamCount: z.number().int().min(1).max(10) }).strict();
export type SessionInitializerSettings = z.output<typeof StreamCountSettingsSchema>;

export class SettingsFile {
  private current: SessionInitializerSettings = { StreamCount: DEFAULT_STREAM_COUNT };
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'session-initializer.json');
  }

  /** A missing or unreadable file means the defaults (a broken file is not fatal to the engine). */
  async load(): Promise<string | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const parsed = StreamCountSettingsSchema.safeParse(JSON.parse(text));
      if (parsed.success) this.current = parsed.data;
      else return `ignored ${this.path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
    } catch (e) {
      return `ignored ${this.path}: ${(e as Error).message}`;
    }
    return undefined;
  }

  get(): SessionInitializerSettings {
    return { ...this.current };
  }

  async put(next: SessionInitializerSettings): Promise<void> {
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`);
    await rename(tmp, this.path);
    this.current = { ...next };
  }
}
