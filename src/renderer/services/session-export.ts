// File › Export session report (e, Ctrl/Cmd+E): download the focused session's export from the engine.
import { engineUrl } from '../api/base-url';
import { reportError } from '../store/errors';
import { usePlayers } from '../store/player';

export function exportFocusedSession(): void {
  const { focused, runtime } = usePlayers.getState();
  const sessionId = runtime[focused]?.sessionId;
  if (!sessionId) {
    reportError('export', 'Nothing to export: play a stitched stream first.');
    return;
  }
  const a = document.createElement('a');
  a.href = engineUrl(`/api/sessions/${encodeURIComponent(sessionId)}/export`);
  a.download = `stitchbench-${sessionId}.session.json`;
  a.click();
}
