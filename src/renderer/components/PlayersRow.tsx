// The row of players: one per slot in the player store (one today, two for side-by-side later).
import { useMemo } from 'react';
import type { PlayerSource } from '../hooks/usePlaybackEngine';
import { playbackUrlFor } from '../api/playback-url';
import { selectedConfiguration, useEngine } from '../store/engine';
import { PRIMARY_PLAYER, usePlayers } from '../store/player';
import { Player } from './Player';

const LABELS: Record<string, string> = { [PRIMARY_PLAYER]: 'Player' };

export function PlayersRow() {
  const slots = usePlayers((s) => s.slots);
  const autoplay = usePlayers((s) => s.autoplay);
  const catalog = useEngine((s) => s.catalog);
  const config = useEngine(selectedConfiguration);

  const players = useMemo(
    () =>
      Object.entries(slots).map(([id, assetId]) => {
        const asset = catalog?.assets.find((a) => a.id === assetId);
        const source: PlayerSource | null = asset
          ? { url: playbackUrlFor(asset, config), format: asset.format, title: asset.name }
          : null;
        return { id, source };
      }),
    [slots, catalog, config],
  );

  return (
    <div className="players-row" data-count={players.length}>
      {players.map(({ id, source }) => (
        <Player key={id} id={id} label={LABELS[id] ?? id} source={source} autoplay={autoplay} />
      ))}
    </div>
  );
}
