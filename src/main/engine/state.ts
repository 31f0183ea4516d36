// Per-data-dir engine identity: the account id that appears in playback URLs, as MediaTailor's does.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadAccountId(dataDir: string): Promise<string> {
  const file = join(dataDir, 'engine.json');
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { accountId?: unknown };
    if (typeof parsed.accountId === 'string' && /^[0-9a-f]{32}$/.test(parsed.accountId)) return parsed.accountId;
  } catch {
    // First start (or an unreadable file): mint a new identity below.
  }
  const accountId = randomBytes(16).toString('hex');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify({ accountId }, null, 2));
  return accountId;
}
