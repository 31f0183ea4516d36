// One JSON file in the data dir that the engine keeps state in (configurations, schedules, settings). Reads tell
// a missing file from an unreadable one; writes are atomic (temp file + rename, so a crash mid-write keeps the
// previous state) and serialised (two quick writes cannot interleave), and one failed write does not fail the next.
import { readFile, rename, writeFile } from 'node:fs/promises';

export type JsonRead = { state: 'missing' } | { state: 'ok'; value: unknown } | { state: 'unreadable'; cause: 'io' | 'json'; error: string };

export class JsonFile {
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  async read(): Promise<JsonRead> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
      return { state: 'unreadable', cause: 'io', error: (e as Error).message };
    }
    try {
      return { state: 'ok', value: JSON.parse(text) as unknown };
    } catch (e) {
      return { state: 'unreadable', cause: 'json', error: `not valid JSON (${(e as Error).message})` };
    }
  }

  /** Writes `value` (taken now, written in turn). */
  write(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    const next = this.writing.then(async () => {
      const tmp = `${this.path}.${process.pid}.tmp`;
      await writeFile(tmp, text);
      await rename(tmp, this.path);
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** Keeps an unreadable file for the user to inspect instead of overwriting it. */
  async moveAside(now = Date.now()): Promise<string> {
    const to = `${this.path}.corrupt-${now}`;
    await rename(this.path, to);
    return to;
  }
}
