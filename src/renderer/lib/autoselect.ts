// Which asset a newcomer sees playing without clicking: ?asset=<id> if it exists, else the
// plain VOD HLS TS stream (the most widely playable), else the first VOD HLS, else anything.
import type { DemoAsset, DemoCatalog } from '../../shared/catalog';

export const PREFERRED_ASSET_ID = 'vod-hls-ts';

export interface InitialPick {
  asset: DemoAsset | undefined;
  /** Set when ?asset named an id the catalog does not have. */
  warning?: string;
}

export function pickInitialAsset(catalog: DemoCatalog, requestedId: string | null): InitialPick {
  const { assets } = catalog;
  const fallback =
    assets.find((a) => a.id === PREFERRED_ASSET_ID) ??
    assets.find((a) => a.kind === 'vod' && a.format === 'hls') ??
    assets[0];
  if (requestedId === null) return { asset: fallback };
  const requested = assets.find((a) => a.id === requestedId);
  if (requested) return { asset: requested };
  return {
    asset: fallback,
    warning: `?asset=${requestedId} is not in the demo catalog (have: ${assets.map((a) => a.id).join(', ') || 'none'})`,
  };
}
