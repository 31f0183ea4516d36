// Prefetching on the ad timeline: a badge on each avail saying where its ads came from, and the consumption
// windows of the session's configuration's schedules as faint bands behind the avails (live sessions only:
// the windows are wall-clock times, and only a live session's timeline maps onto the wall clock).
import type { AvailView } from '../../shared/session-view';
import { formatMediaTime } from '../lib/format';
import { availSource, type ConsumptionBand } from '../lib/prefetch-avails';
import '../styles/prefetch.css';

export function AvailSourceBadge({ avail }: { avail: AvailView }) {
  const source = availSource(avail);
  if (!source) return null;
  return (
    <span className="timeline-source" data-testid="timeline-source" data-source={source.kind} data-schedule={avail.prefetch?.schedule} title={source.title}>
      {source.label}
    </span>
  );
}

export function PrefetchBands({ bands }: { bands: ConsumptionBand[] }) {
  return (
    <>
      {bands.map((b) => (
        <div
          key={b.name}
          className="timeline-prefetch-band"
          data-testid="timeline-prefetch-band"
          data-schedule={b.name}
          data-phase={b.phase}
          style={{ left: `${b.left * 100}%`, width: `${b.width * 100}%` }}
          title={`prefetch schedule ${b.name}: consumption window ${formatMediaTime(Math.max(0, b.from))}–${formatMediaTime(b.to)} (${b.phase})`}
        />
      ))}
    </>
  );
}

/** The avail detail's line about prefetching: the schedule, when it retrieved, the ADS time the break did not wait. */
export function AvailPrefetchFact({ avail }: { avail: AvailView }) {
  const p = avail.prefetch;
  if (!p) return null;
  return (
    <>
      <dt>Prefetch</dt>
      <dd data-testid="timeline-detail-prefetch">
        schedule <span className="mono">{p.schedule}</span> · retrieved {new Date(p.retrievedAt).toLocaleTimeString()} · {Math.round(p.adsMsAvoided)} ms ADS latency avoided
      </dd>
    </>
  );
}
