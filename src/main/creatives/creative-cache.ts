// What the HLS and DASH creative loaders share: a bounded cache of in-flight and finished loads by URL
// (creatives do not change; a pod shared by many sessions is fetched once; failures are retried on the next
// request rather than remembered), and the fetch of a creative's manifest reported on the bus.
import type { EventBus } from '../bus/event-bus.js';
import { FetchError, fetchText } from '../http/fetch-text.js';

const TIMEOUT_MS = 2000;
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_CACHED = 500;

export class CreativeCache<T extends { ok: boolean }> {
  private readonly cache = new Map<string, Promise<T>>();

  get(url: string, load: (url: string) => Promise<T>): Promise<T> {
    let p = this.cache.get(url);
    if (!p) {
      p = load(url);
      this.cache.set(url, p);
      void p.then((r) => {
        if (!r.ok) this.cache.delete(url);
      });
      if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    }
    return p;
  }
}

/** A creative manifest's text and final URL; throws Error naming the URL (HTTP status, timeout, size cap). */
export async function fetchCreativeText(url: string, bus?: EventBus): Promise<{ body: string; url: string }> {
  try {
    const r = await fetchText(url, { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES });
    bus?.emit({ kind: 'origin.fetch', url, status: r.status, ms: r.ms, bytes: r.bytes });
    if (r.status >= 400) throw new Error(`HTTP ${r.status} for ${url}`);
    return { body: r.body, url: r.url };
  } catch (e) {
    if (e instanceof FetchError) {
      bus?.emit({ kind: 'origin.fetch', url, status: 0, ms: e.ms, error: e.message });
      throw new Error(`${e.message} (${url})`);
    }
    throw e;
  }
}
