// Plays a Primetime bootstrap URL in player A. A 302 answer (sstm, simplesstm) is played as it is: hls.js and
// the DASH session opener follow the redirect to the session's manifest. Simple tracking answers JSON: its
// Master-M3U8/MPD is played, with the session's tracking endpoint so the player reports the beacons itself. The
// EXT-X-MARKER mode (no pttrackingmode) is client-side too: the bench follows the 302 itself to learn the session.
import type { DemoAsset } from '../../shared/catalog';
import { URL_ASSET_ID } from '../lib/content-url';
import { playPath, readBootstrapAnswer, trackingPathOf, type TrackingMode } from '../lib/primetime-url';
import { useCustomAsset, type DirectSource } from '../store/custom-asset';
import { PRIMARY_PLAYER, usePlayers } from '../store/player';

export async function playBootstrap(url: string, mode: TrackingMode, content: Pick<DemoAsset, 'kind' | 'format' | 'container' | 'markers' | 'originUrl'>, assetId: string): Promise<string | null> {
  let direct: DirectSource = { url };
  const path = playPath(mode);
  if (path === 'follow') {
    try {
      const res = await fetch(url);
      if (!res.ok) {
        const body = (await res.json().catch(() => undefined)) as { message?: unknown } | undefined;
        return `Bootstrap failed: ${res.status}${typeof body?.message === 'string' ? ` ${body.message}` : ''}`;
      }
      const trackingUrl = trackingPathOf(res.url);
      direct = { url: res.url, ...(trackingUrl ? { trackingUrl } : {}) };
    } catch (err) {
      return `Bootstrap failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  if (path === 'json') {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      const body: unknown = await res.json().catch(() => undefined);
      if (!res.ok) {
        const message = (body as { message?: unknown } | undefined)?.message;
        return `Bootstrap failed: ${res.status}${typeof message === 'string' ? ` ${message}` : ''}`;
      }
      const answer = readBootstrapAnswer(body, res.url || url);
      direct = { url: answer.manifestUrl, ...(answer.trackingPath ? { trackingUrl: answer.trackingPath } : {}) };
    } catch (err) {
      return `Bootstrap failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  const { kind, format, container, markers, originUrl } = content;
  const asset: DemoAsset = { id: URL_ASSET_ID, name: `Primetime ${assetId}`, path: '', kind, format, container, markers, originUrl };
  useCustomAsset.getState().set(asset, direct);
  usePlayers.getState().loadAsset(PRIMARY_PLAYER, URL_ASSET_ID);
  return null;
}
