// The session the panels show: the focused player's (the first player unless another was clicked).
import { usePlayers } from '../store/player';

export function useFocusedSession(): { playerId: string; sessionId: string | null } {
  const playerId = usePlayers((s) => s.focused);
  const sessionId = usePlayers((s) => s.runtime[playerId]?.sessionId ?? null);
  return { playerId, sessionId };
}
