// Prefetch schedules of the selected playback configuration (MediaTailor ad prefetching): a form to create one,
// and each schedule with its phase, windows relative to now, traffic shaping, matching criteria and what its
// retrievals did, polled every second from the engine's overview.
import type { PrefetchOverview } from '../../shared/prefetch';
import { prefetchOverviewPath } from '../api/prefetch';
import { usePolled } from '../hooks/usePolled';
import { useEngine } from '../store/engine';
import { PrefetchScheduleForm } from './PrefetchScheduleForm';
import { PrefetchScheduleRow } from './PrefetchScheduleRow';
import '../styles/prefetch.css';

const POLL_MS = 1000;

export function PrefetchPanel() {
  const config = useEngine((s) => s.selectedConfigName);
  const { data, error } = usePolled<PrefetchOverview>(config ? prefetchOverviewPath(config) : null, POLL_MS);
  const schedules = data?.schedules ?? [];
  const active = schedules.filter((s) => s.phase !== 'done').length;
  const now = Date.now();

  return (
    <section className="panel prefetch-panel" data-testid="prefetch-panel" aria-labelledby="prefetch-heading">
      <header className="panel-header">
        <h2 id="prefetch-heading">Prefetch schedules</h2>
        <span className="panel-note">
          {config ? (
            <>
              configuration <span className="mono">{config}</span>
              {data && ` · ${active} of ${data.limits.activeSchedulesPerConfiguration} active`}
            </>
          ) : (
            'select a playback configuration'
          )}
        </span>
        {error && (
          <span className="panel-warning" role="status" title={error}>
            not updated: {error}
          </span>
        )}
      </header>
      {config && (
        <div className="prefetch-body">
          <PrefetchScheduleForm config={config} existing={schedules.map((s) => s.schedule.Name)} />
          {data && schedules.length === 0 && <p className="empty">No prefetch schedules for {config} yet: create one above, then play a live stream.</p>}
          {schedules.length > 0 && (
            <ul className="prefetch-list" aria-label="Prefetch schedules" data-testid="prefetch-list">
              {schedules.map((s) => (
                <PrefetchScheduleRow key={s.schedule.Arn || s.schedule.Name} view={s} config={config} now={now} />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
