// One fetch wrapper so every failing request produces the same readable one-line message,
// naming the request, the status and the server's own explanation when it gave one.
import { engineBaseUrl, engineUrl } from './base-url';

const DEFAULT_TIMEOUT_MS = 10_000;

export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the engine could not be reached at all. */
    readonly status: number,
    readonly path: string,
    /** Parsed JSON body, when the server sent one (a 503 /healthz still carries a HealthStatus). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface GetJsonOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export function getJson<T>(path: string, options: GetJsonOptions = {}): Promise<T> {
  return requestJson<T>('GET', path, undefined, options);
}

/** POST a JSON body; the answer must be JSON too. */
export function postJson<T>(path: string, body: unknown, options: GetJsonOptions = {}): Promise<T> {
  return requestJson<T>('POST', path, body, options);
}

/** PUT a JSON body; the answer must be JSON too. */
export function putJson<T>(path: string, body: unknown, options: GetJsonOptions = {}): Promise<T> {
  return requestJson<T>('PUT', path, body, options);
}

/** POST a JSON body whose answer has none (204). */
export async function postNoContent(path: string, body: unknown, options: GetJsonOptions = {}): Promise<void> {
  await send('POST', path, body, options);
}

/** DELETE: success (204) has no body; a failure carries the same JSON `{ message }` as any other. */
export async function deleteJson(path: string, options: GetJsonOptions = {}): Promise<void> {
  await send('DELETE', path, undefined, options);
}

async function requestJson<T>(method: string, path: string, payload: unknown, options: GetJsonOptions): Promise<T> {
  const { response, body } = await send(method, path, payload, options);
  if (body === undefined) throw new ApiError(`${method} ${path}: the engine sent no JSON body`, response.status, path);
  return body as T;
}

async function send(method: string, path: string, payload: unknown, options: GetJsonOptions): Promise<{ response: Response; body: unknown }> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(engineUrl(path), {
      method,
      headers,
      signal,
      ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
    });
  } catch (err) {
    if (options.signal?.aborted) throw err; // the caller cancelled: not an engine problem
    const reason = timeout.aborted ? `no answer within ${(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s` : describe(err);
    throw new ApiError(`${method} ${path}: engine unreachable at ${engineBaseUrl()} (${reason})`, 0, path);
  }

  const body = await readBody(response);
  if (!response.ok) {
    const detail = serverMessage(body) ?? response.statusText;
    throw new ApiError(`${method} ${path} failed: ${response.status}${detail ? ` ${detail}` : ''}`, response.status, path, body);
  }
  return { response, body };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The engine's error bodies are `{ message }`; AWS-shaped ones may use `Message`. */
function serverMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const message = record.message ?? record.Message;
  return typeof message === 'string' && message ? message : undefined;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
