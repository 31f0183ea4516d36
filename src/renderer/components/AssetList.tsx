// The demo catalog; clicking an asset loads it into the primary player.
import { setUrlParam } from '../lib/url-params';
import type { DemoAsset } from '../../shared/catalog';
import { useEngine } from '../store/engine';
import { PRIMARY_PLAYER, usePlayers } from '../store/player';
import { AssetItem } from './AssetItem';

export function AssetList() {
  const catalog = useEngine((s) => s.catalog);
  const demoState = useEngine((s) => s.demo?.state);
  const selectedId = usePlayers((s) => s.slots[PRIMARY_PLAYER] ?? null);
  const loadAsset = usePlayers((s) => s.loadAsset);

  if (!catalog) {
    return <p className="empty">{demoState === 'failed' ? 'The demo world could not be built.' : 'Building the demo world…'}</p>;
  }
  if (catalog.assets.length === 0) return <p className="empty">The catalog is empty.</p>;

  const onSelect = (asset: DemoAsset) => {
    setUrlParam('asset', asset.id);
    loadAsset(PRIMARY_PLAYER, asset.id);
  };
  return (
    <ul className="item-list" data-testid="asset-list">
      {catalog.assets.map((asset) => (
        <li key={asset.id}>
          <AssetItem asset={asset} selected={asset.id === selectedId} onSelect={onSelect} />
        </li>
      ))}
    </ul>
  );
}
