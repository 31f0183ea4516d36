// A player fed by a source request: resolves it (explicit sessions for client-side reporting) and shows why
// nothing plays when starting the session failed. Clicking a player focuses the panels on its session.
import type { SourceRequest } from '../hooks/useResolvedSource';
import { useResolvedSource } from '../hooks/useResolvedSource';
import { usePlayers } from '../store/player';
import { Player } from './Player';

export function PlayerSlot({ id, label, request, autoplay, multi }: { id: string; label: string; request: SourceRequest | null; autoplay: boolean; multi: boolean }) {
  const { source, error } = useResolvedSource(request);
  const focused = usePlayers((s) => s.focused === id);
  return (
    <div className="player-slot" data-focused={focused} onPointerDown={() => usePlayers.getState().focus(id)}>
      {error && (
        <p className="player-slot-error" role="alert">
          Could not start the session: {error}
        </p>
      )}
      <Player id={id} label={multi && focused ? `${label} · in panels` : label} source={source} autoplay={autoplay} generation={request?.generation ?? 0} />
    </div>
  );
}
