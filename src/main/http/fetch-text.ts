// One way the engine fetches text from remote hosts (origins, ad decision servers, VAST wrappers):
// undici with a hard overall timeout, a size cap enforced while streaming, and errors that say what
// went wrong in words a QA engineer can act on. Never throws for HTTP statuses; throws FetchError otherwise.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
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

export interface FetchBytesResult extends Omit<FetchTextResult, 'body'> {
  body: Buffer;
}

export interface DownloadOptions extends FetchTextOptions {
  /** Bytes so far, and the declared total when the server said. */
  onProgress?: (bytes: number, total?: number) => void;
}

export async function fetchText(url: string, opts: FetchTextOptions): Promise<FetchTextResult> {
  const r = await fetchBytes(url, opts);
  return { ...r, body: r.body.toString('utf8') };
}

export async function fetchBytes(url: string, opts: FetchTextOptions): Promise<FetchBytesResult> {
  const chunks: Buffer[] = [];
  const r = await fetchInto(url, opts, (c) => void chunks.push(c));
  return { ...r, body: Buffer.concat(chunks, r.bytes) };
}

/** Streams a (large) body to a file, with the same budget and cap. Writes nothing for HTTP errors (status ≥ 400). */
export async function downloadToFile(url: string, file: string, opts: DownloadOptions): Promise<Omit<FetchTextResult, 'body'>> {
  const out = createWriteStream(file);
  try {
    const r = await fetchInto(url, opts, async (c, bytes, total) => {
      if (!out.write(c)) await once(out, 'drain');
      opts.onProgress?.(bytes, total);
    }, true);
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    return r;
  } catch (e) {
    out.destroy();
    throw e;
  }
}

type Sink = (chunk: Buffer, bytes: number, total: number | undefined) => void | Promise<void>;

async function fetchInto(url: string, opts: FetchTextOptions, sink: Sink, dropErrorBody = false): Promise<Omit<FetchTextResult, 'body'>> {
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
      const ct = res.headers['content-type'];
      const meta = { url: current, status: res.statusCode, ms: 0, bytes: 0, contentType: Array.isArray(ct) ? ct[0] : ct };
      if (res.statusCode >= 400 && dropErrorBody) {
        // An error page is not the file: never stream it into a download.
        await res.body.dump();
        return { ...meta, ms: elapsed() };
      }
      let bytes = 0;
      for await (const chunk of res.body) {
        bytes += (chunk as Buffer).length;
        if (bytes > opts.maxBytes) {
          res.body.destroy();
          throw new FetchError('too-large', `Response exceeds the ${opts.maxBytes}-byte limit`, elapsed());
        }
        await sink(chunk as Buffer, bytes, Number.isFinite(declared) ? declared : undefined);
      }
      return { ...meta, bytes, ms: elapsed() };
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if (timeout.aborted) throw new FetchError('timeout', `No complete answer within ${opts.timeoutMs} ms`, elapsed());
    if (opts.signal?.aborted) throw new FetchError('aborted', 'Request cancelled', elapsed());
    const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
    throw new FetchError('network', `Request failed: ${cause}`, elapsed());
  }
}
