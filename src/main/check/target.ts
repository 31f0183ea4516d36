// What `stitchbench check <url>` was pointed at → a playback session to play: a MediaTailor playback URL
// (/v1/master/…, /v1/dash/…), or a playback configuration URL (/playbackConfiguration/{Name}) plus an asset.
export interface CheckTarget {
  /** Engine base URL (scheme://host:port). */
  base: string;
  format: 'hls' | 'dash';
  /** The URL a player would start from. */
  playbackUrl: string;
  /** Explicit session (client-side reporting) created through POST /v1/session/…. */
  explicit?: { manifestUrl: string; trackingUrl: string; sessionId: string };
}

export class CheckError extends Error {}

export interface TargetOptions {
  asset: string;
  reportingMode: 'server' | 'client';
}

interface ConfigBody {
  HlsConfiguration?: { ManifestEndpointPrefix?: string };
  DashConfiguration?: { ManifestEndpointPrefix?: string };
  SessionInitializationEndpointPrefix?: string;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url).catch((e: Error) => {
    throw new CheckError(`cannot reach ${url}: ${e.cause instanceof Error ? e.cause.message : e.message}`);
  });
  const text = await res.text();
  if (res.status !== 200) throw new CheckError(`GET ${url} answered ${res.status}: ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CheckError(`GET ${url} did not answer JSON`);
  }
}

const isDash = (path: string) => /\.mpd$/i.test(path.split('?')[0]!);

export async function resolveTarget(raw: string, opts: TargetOptions): Promise<CheckTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CheckError(`not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CheckError(`only http(s) URLs can be checked, got ${url.protocol}`);
  const base = url.origin;
  let playbackUrl = url.toString();
  const cfg = /^\/playbackConfiguration\/([^/]+)\/?$/.exec(url.pathname);
  if (cfg) {
    const body = await getJson<ConfigBody>(url.toString());
    const prefix = isDash(opts.asset) ? body.DashConfiguration?.ManifestEndpointPrefix : body.HlsConfiguration?.ManifestEndpointPrefix;
    if (!prefix) throw new CheckError(`configuration ${decodeURIComponent(cfg[1]!)} has no ${isDash(opts.asset) ? 'DASH' : 'HLS'} endpoint`);
    playbackUrl = new URL(`${prefix.replace(/\/?$/, '/')}${opts.asset}`, base).toString();
  } else if (!/^\/v1\/(master|dash)\//.test(url.pathname)) {
    throw new CheckError(`expected a playback URL (/v1/master/… or /v1/dash/…) or a configuration URL (/playbackConfiguration/{Name}), got ${url.pathname}`);
  }
  const format = /\/v1\/dash\//.test(new URL(playbackUrl).pathname) ? 'dash' : 'hls';
  if (opts.reportingMode === 'server') return { base, format, playbackUrl };

  // Client-side reporting needs an explicit session: POST /v1/session/… with the same path.
  const sessionUrl = playbackUrl.replace(/\/v1\/(master|dash)\//, '/v1/session/');
  const res = await fetch(sessionUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reportingMode: 'client' }) }).catch((e: Error) => {
    throw new CheckError(`cannot reach ${sessionUrl}: ${e.message}`);
  });
  const text = await res.text();
  if (res.status !== 200) throw new CheckError(`POST ${sessionUrl} answered ${res.status}: ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as { manifestUrl: string; trackingUrl: string };
  const manifestUrl = new URL(body.manifestUrl, base).toString();
  const sessionId = new URL(manifestUrl).searchParams.get('aws.sessionId') ?? /\/v1\/manifest\/[^/]+\/([^/]+)\//.exec(manifestUrl)?.[1] ?? '';
  return { base, format, playbackUrl: manifestUrl, explicit: { manifestUrl, trackingUrl: new URL(body.trackingUrl, base).toString(), sessionId } };
}
