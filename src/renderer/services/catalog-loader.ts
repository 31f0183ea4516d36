// Loads the demo catalog and the playback configurations into the engine store. Calls that
// arrive while a load is in flight share it, so pollers and events can ask freely.
import { URL_ASSET_ID } from '../lib/content-url';
import { playContentUrl } from './content-url';
import { fetchCatalog, fetchPlaybackConfigurations } from '../api/engine';
import { ApiError } from '../api/http';
import { pickInitialAsset } from '../lib/autoselect';
import { requestedAssetId } from '../lib/url-params';
import { useEngine } from '../store/engine';
import { reportError, resolveError } from '../store/errors';
import { PRIMARY_PLAYER, usePlayers } from '../store/player';

let catalogInFlight: Promise<void> | undefined;
let configsInFlight: Promise<void> | undefined;

export function loadCatalog(): Promise<void> {
  catalogInFlight ??= (async () => {
    try {
      const catalog = await fetchCatalog();
      useEngine.getState().setCatalog(catalog);
      resolveError('catalog');
      autoselect();
    } catch (err) {
      // 503 means the demo world is still being built: the next poll or demo.progress event retries.
      if (err instanceof ApiError && err.status === 503) return;
      reportError('catalog', messageOf(err));
    } finally {
      catalogInFlight = undefined;
    }
  })();
  return catalogInFlight;
}

export function loadConfigurations(): Promise<void> {
  configsInFlight ??= (async () => {
    try {
      useEngine.getState().setConfigurations(await fetchPlaybackConfigurations());
      resolveError('configurations');
    } catch (err) {
      useEngine.getState().setConfigurationsFailed();
      reportError('configurations', messageOf(err));
    } finally {
      configsInFlight = undefined;
    }
  })();
  return configsInFlight;
}

/** First catalog and nothing chosen yet: put something on screen. */
function autoselect(): void {
  const { slots, loadAsset } = usePlayers.getState();
  const catalog = useEngine.getState().catalog;
  if (!catalog || slots[PRIMARY_PLAYER]) return;
  // A permalink to a content URL: play it again (its derived configuration is re-put, which is idempotent).
  const contentUrl = new URLSearchParams(location.search).get('url');
  if (requestedAssetId === URL_ASSET_ID && contentUrl) {
    void playContentUrl(contentUrl).then((err) => err && reportError('autoselect', err));
    return;
  }
  const { asset, warning } = pickInitialAsset(catalog, requestedAssetId);
  if (warning) reportError('autoselect', warning);
  if (asset) loadAsset(PRIMARY_PLAYER, asset.id);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
