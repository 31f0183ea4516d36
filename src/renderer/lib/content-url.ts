// Any content URL as a stitched asset: the playback URL is the configuration's endpoint + the asset path under
// its VideoContentSourceUrl, so a URL under that prefix is a path, and any other URL needs a configuration whose
// source is the URL's folder (derived from the selected one, keeping its ADS and settings). Pure.
import type { DemoAsset } from '../../shared/catalog';

export const URL_ASSET_ID = 'url';

export type ContentUrlPlan =
  | { ok: true; asset: DemoAsset; derived?: { name: string; sourceUrl: string } }
  | { ok: false; error: string };

export function planContentUrl(raw: string, config: { Name: string; VideoContentSourceUrl?: string } | undefined): ContentUrlPlan {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: 'Not a URL: enter an absolute http(s) URL of an HLS (.m3u8) or DASH (.mpd) manifest' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: `Only http(s) URLs can be played, not ${url.protocol}` };
  if (!config) return { ok: false, error: 'Select a playback configuration first: its ADS and settings are used' };
  const format = /\.mpd$/i.test(url.pathname) ? 'dash' : 'hls';
  const href = url.toString();
  const asset = (path: string): DemoAsset => ({ id: URL_ASSET_ID, name: href, kind: 'vod', format, container: 'ts', markers: format === 'dash' ? 'eventstream' : 'cue-out', path, originUrl: href });
  const prefix = config.VideoContentSourceUrl?.replace(/\/+$/, '');
  if (prefix && href.startsWith(`${prefix}/`)) return { ok: true, asset: asset(href.slice(prefix.length + 1)) };
  const slash = url.pathname.lastIndexOf('/');
  const sourceUrl = `${url.origin}${url.pathname.slice(0, slash)}`;
  const name = `${config.Name}-url`.slice(0, 128);
  return { ok: true, asset: asset(`${url.pathname.slice(slash + 1)}${url.search}`), derived: { name, sourceUrl } };
}
