// Request counts behind `every=N` (and the frozen clock behind fault=stale), per key: manifest path or a
// rendition's segment folder, plus the fault parameters. Bounded, least recently used first out, so a
// long-running bench with many URLs keeps a small map.
export const MAX_FAULT_KEYS = 1000;

interface Entry {
  count: number;
  /** fault=stale: the clock the last answer was rendered at, reused while the fault applies. */
  frozenNowMs?: number;
}

export class FaultCounter {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly max = MAX_FAULT_KEYS) {}

  /** Counts one request; true when it is an every-th one (every = 1: always). */
  hit(key: string, every: number): { applies: boolean; entry: Entry } {
    const entry = this.entries.get(key) ?? { count: 0 };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    entry.count++;
    return { applies: entry.count % every === 0, entry };
  }

  get size(): number {
    return this.entries.size;
  }
}
