// The ADS inspector's calls: a session's ADS exchanges (polled, so without bodies) and one exchange's body.
import type { AdsExchangesResponse } from '../../shared/inspect-ads';
import { ApiError, getJson } from './http';
import { engineUrl } from './base-url';

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/ads-exchanges`;

export function fetchAdsExchanges(sessionId: string, signal?: AbortSignal): Promise<AdsExchangesResponse> {
  return getJson<AdsExchangesResponse>(`${base(sessionId)}?body=0`, signal ? { signal } : {});
}

/** The body as the ADS served it (or as much as the engine keeps), for display and the "raw" link. */
export function adsExchangeBodyUrl(sessionId: string, exchangeId: string): string {
  return engineUrl(`${base(sessionId)}/${encodeURIComponent(exchangeId)}/body`);
}

export async function fetchAdsExchangeBody(sessionId: string, exchangeId: string, signal?: AbortSignal): Promise<string> {
  const path = `${base(sessionId)}/${encodeURIComponent(exchangeId)}/body`;
  let res: Response;
  try {
    res = await fetch(engineUrl(path), { ...(signal ? { signal } : {}) });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(`GET ${path}: engine unreachable (${err instanceof Error ? err.message : String(err)})`, 0, path);
  }
  const text = await res.text();
  if (!res.ok) {
    let message = res.statusText;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message;
    } catch {
      // not JSON
    }
    throw new ApiError(`GET ${path} failed: ${res.status} ${message}`, res.status, path);
  }
  return text;
}
