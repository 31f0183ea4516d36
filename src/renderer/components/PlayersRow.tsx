// The row of players: one per slot in the player store (one today, two for side-by-side later).
import { useMemo } from 'react';
import type { PlayerSource } from '../hooks/usePlaybackEngine';
import { playbackFor } from '../api/playback-url';
import { insertionMode } from '../lib/url-params';
import { selectedConfiguration, useEngine } from '../store/engine';
import { PRIMARY_PLAYER, usePlayers } from '../store/player';
import { Player } from './Player';

const LABELS: Record<string, string> = { [PRIMARY_PLAYER]: 'Player' };

export function PlayersRow() {
  const slots = usePlayers((s) => s.slots);
  const autoplay = usePlayers((s) => s.autoplay);
  const catalog = useEngine((s) => s.catalog);
  const config = useEngine(selectedConfiguration);
  const configsState = useEngine((s) => s.configurationsState);

  const players = useMemo(
    () =>
      Object.entries(slots).map(([id, assetId]) => {
        const asset = catalog?.assets.find((a) => a.id === assetId);
        // Until the configurations are known, the URL is not: wait rather than start on the origin and
        // switch (which would load twice). If they cannot be loaded, the origin plays.
        if (!asset || configsState === 'loading') return { id, source: null };
        const target = playbackFor(asset, config, { insertion: insertionMode });
        const source: PlayerSource = {
          url: target.url,
          format: asset.format,
          title: asset.name,
          mode: target.mode,
          ...(target.note ? { modeNote: target.note } : {}),
        };
        return { id, source };
      }),
    [slots, catalog, config, configsState],
  );

  return (
    <div className="players-row" data-count={players.length}>
      {players.map(({ id, source }) => (
        <Player key={id} id={id} label={LABELS[id] ?? id} source={source} autoplay={autoplay} />
      ))}
    </div>
  );
}
