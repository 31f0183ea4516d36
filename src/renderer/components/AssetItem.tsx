// One demo asset: name and the badges that tell the test streams apart.
import type { DemoAsset } from '../../shared/catalog';

interface AssetItemProps {
  asset: DemoAsset;
  selected: boolean;
  onSelect(asset: DemoAsset): void;
}

const MARKER_LABELS: Record<DemoAsset['markers'], string> = {
  'cue-out': 'CUE-OUT',
  daterange: 'DATERANGE',
  eventstream: 'EventStream',
};

export function AssetItem({ asset, selected, onSelect }: AssetItemProps) {
  return (
    <button
      type="button"
      className="list-item asset-item"
      data-testid={`asset-${asset.id}`}
      aria-pressed={selected}
      title={asset.originUrl}
      onClick={() => onSelect(asset)}
    >
      <span className="item-name">{asset.name}</span>
      <span className="badges">
        <span className="badge" data-badge="kind" data-value={asset.kind}>
          {asset.kind.toUpperCase()}
        </span>
        <span className="badge" data-badge="format" data-value={asset.format}>
          {asset.format.toUpperCase()}
        </span>
        <span className="badge" data-badge="container">
          {asset.container === 'ts' ? 'TS' : 'fMP4'}
        </span>
        <span className="badge" data-badge="markers">
          {MARKER_LABELS[asset.markers]}
        </span>
      </span>
    </button>
  );
}
