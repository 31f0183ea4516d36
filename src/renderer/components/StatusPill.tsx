// The engine's health at a glance; the data-status attribute drives the colour.
import { useEngine, type EngineStatus } from '../store/engine';

const LABELS: Record<EngineStatus, string> = {
  unknown: 'connecting…',
  unreachable: 'unreachable',
  starting: 'starting',
  ok: 'ok',
  failed: 'failed',
};

export function StatusPill() {
  const status = useEngine((s) => s.status);
  const version = useEngine((s) => s.health?.version);
  return (
    <span className="status-pill" data-testid="engine-status" data-status={status} title={version ? `engine ${version}` : undefined}>
      <span className="status-dot" aria-hidden="true" />
      engine {LABELS[status]}
    </span>
  );
}
