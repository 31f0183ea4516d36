// One way the engine fetches text from remote hosts (origins, ad decision servers, VAST wrappers):
// undici with a hard overall timeout, a size cap enforced while streaming, and errors that say what
// went wrong in words a QA engineer can act on. Never throws for HTTP statuses; throws FetchError otherwise.
import { request } from 'undici';

export interface FetchTextOptions {
  /** Whole-request budget (connect + headers + body). */
  timeoutMs: number;
  /** Bodies larger than this fail with reason 'too-large'. */
  maxBytes: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Redirects followed (default 5). */
  maxRedirects?: number;
}

export interface FetchTextResult {
  url: string;
  status: number;
  body: string;
  bytes: number;
  ms: number;
  contentType: string | undefined;
}

export type FetchFailure = 'timeout' | 'too-large' | 'network' | 'bad-url' | 'aborted';

export class FetchError extends Error {
  constructor(
    readonly reason: FetchFailure,
    message: string,
    readonly ms: number,
  ) {
    super(message);
  }
}

export async function fetchText(url: string, opts: FetchTextOptions): Promise<FetchTextResult> {
  const t0 = performance.now();
  const elapsed = () => Math.round((performance.now() - t0) * 10) / 10;
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) throw new FetchError('bad-url', `Not an absolute http(s) URL: ${url}`, 0);
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const res = await request(current, { method: 'GET', headers: opts.headers ?? {}, signal });
      const location = res.headers.location;
      if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string' && hop < (opts.maxRedirects ?? 5)) {
        await res.body.dump();
        current = new URL(location, current).toString();
        continue;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > opts.maxBytes) {
        await res.body.dump();
        throw new FetchError('too-large', `Response of ${declared} bytes exceeds the ${opts.maxBytes}-byte limit`, elapsed());
      }
      const chunks: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of res.body) {
        bytes += (chunk as Buffer).length;
        if (bytes > opts.maxBytes) {
          res.body.destroy();
          throw new FetchError('too-large', `Response exceeds the ${opts.maxBytes}-byte limit`, elapsed());
        }
        chunks.push(chunk as Buffer);
      }
      const ct = res.headers['content-type'];
      return {
        url: current,
        status: res.statusCode,
        body: Buffer.concat(chunks, bytes).toString('utf8'),
        bytes,
        ms: elapsed(),
        contentType: Array.isArray(ct) ? ct[0] : ct,
      };
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if (timeout.aborted) throw new FetchError('timeout', `No complete answer within ${opts.timeoutMs} ms`, elapsed());
    if (opts.signal?.aborted) throw new FetchError('aborted', 'Request cancelled', elapsed());
    const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
    throw new FetchError('network', `Request failed: ${cause}`, elapsed());
  }
}
