// Plays any content URL through the stitcher (see lib/content-url.ts): creates or refreshes the derived
// configuration when the URL is outside the selected one's source, then loads the URL asset into player A.
// The page URL keeps ?asset=url&url=… so a permalink plays the same content.
import { putPlaybackConfiguration } from '../api/configs';
import { planContentUrl, URL_ASSET_ID } from '../lib/content-url';
import { putBodyOf } from '../lib/config-put-body';
import { setUrlParam } from '../lib/url-params';
import { selectedConfiguration, useEngine } from '../store/engine';
import { PRIMARY_PLAYER, usePlayers } from '../store/player';
import { useCustomAsset } from '../store/custom-asset';
import { loadConfigurations } from './catalog-loader';

const DEMO_TAG = 'stitchbench:demo';

export async function playContentUrl(raw: string): Promise<string | null> {
  const config = selectedConfiguration(useEngine.getState());
  const plan = planContentUrl(raw, config);
  if (!plan.ok) return plan.error;
  if (plan.derived && config) {
    const { Tags, ...body } = putBodyOf(config);
    const tags = Object.fromEntries(Object.entries(Tags ?? {}).filter(([k]) => k !== DEMO_TAG));
    try {
      await putPlaybackConfiguration({ ...body, Name: plan.derived.name, VideoContentSourceUrl: plan.derived.sourceUrl, ...(Object.keys(tags).length ? { Tags: tags } : {}) });
    } catch (err) {
      return `Could not create configuration ${plan.derived.name}: ${err instanceof Error ? err.message : String(err)}`;
    }
    await loadConfigurations();
    useEngine.getState().selectConfig(plan.derived.name);
  }
  useCustomAsset.getState().set(plan.asset);
  setUrlParam('url', raw.trim());
  setUrlParam('asset', URL_ASSET_ID);
  usePlayers.getState().loadAsset(PRIMARY_PLAYER, URL_ASSET_ID);
  return null;
}
