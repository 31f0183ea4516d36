// One prefetch schedule: what it is (type, stream id, traffic shaping, matching criteria), where it stands
// (phase chip, windows relative to now, counts) and Delete; expanding it lists its retrievals per session.
import { useState } from 'react';
import type { PrefetchSchedule, PrefetchScheduleView, TrafficShapingFields } from '../../shared/prefetch';
import { deletePrefetchSchedule, errorText } from '../api/prefetch';
import { formatWindow } from '../lib/relative-time';
import { PrefetchRetrievals } from './PrefetchRetrievals';

const COUNTS = ['planned', 'ready', 'used', 'expired', 'failed'] as const;

export function PrefetchScheduleRow({ view, config, now }: { view: PrefetchScheduleView; config: string; now: number }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = view.schedule;
  const name = s.Name;

  const remove = async () => {
    setBusy(true);
    try {
      await deletePrefetchSchedule(config, name);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="prefetch-schedule" data-testid="prefetch-schedule" data-name={name} data-phase={view.phase} aria-label={`Schedule ${name}`}>
      <div className="prefetch-schedule-head">
        <button type="button" className="prefetch-expand" aria-expanded={open} aria-controls={`retrievals-${name}`} aria-label={`${open ? 'Hide' : 'Show'} retrievals of ${name}`} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'}
        </button>
        <span className="prefetch-name mono">{name}</span>
        <span className="badge">{s.ScheduleType}</span>
        <span className="badge" title="StreamId: sessions with this aws.streamId only">{s.StreamId ? `stream ${s.StreamId}` : 'any stream'}</span>
        <span className="prefetch-phase" data-testid="prefetch-phase" data-phase={view.phase}>
          {view.phase}
        </span>
        <button type="button" className="text-button" disabled={busy} aria-label={`Delete ${name}`} onClick={() => void remove()}>
          Delete
        </button>
      </div>
      <dl className="prefetch-facts">
        <dt>Retrieval</dt>
        <dd data-testid="prefetch-retrieval-window">{formatWindow(view.windows.retrieval, now)}</dd>
        <dt>Consumption</dt>
        <dd data-testid="prefetch-consumption-window">{formatWindow(view.windows.consumption, now)}</dd>
        <dt>Shaping</dt>
        <dd>{shapingText(s)}</dd>
        <dt>Matching</dt>
        <dd>{criteriaText(s)}</dd>
        <dt>Retrievals</dt>
        <dd className="prefetch-counts" data-testid="prefetch-counts">
          {COUNTS.map((k) => (
            <span key={k} data-count={k} data-value={view.counts[k]}>
              {view.counts[k]} {k}
            </span>
          ))}
        </dd>
      </dl>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      {open && <PrefetchRetrievals id={`retrievals-${name}`} retrievals={view.retrievals} />}
    </li>
  );
}

function shapingText(s: PrefetchSchedule): string {
  const r = s.RecurringPrefetchConfiguration;
  const fields: TrafficShapingFields | undefined = r ? r.RecurringRetrieval : s.Retrieval;
  const shaping =
    fields?.TrafficShapingType === 'TPS'
      ? `TPS, peak ${fields.TrafficShapingTpsConfiguration?.PeakTps ?? '?'}/s`
      : `retrieval window ${fields?.TrafficShapingRetrievalWindow?.RetrievalWindowDurationSeconds ?? '?'} s`;
  if (!r) return shaping;
  const delay = r.RecurringRetrieval.DelayAfterAvailEndSeconds;
  const expiry = r.RecurringConsumption.RetrievedAdExpirationSeconds;
  return `${shaping} · after each avail +${delay ?? 0} s · ads kept ${expiry ?? '?'} s`;
}

function criteriaText(s: PrefetchSchedule): string {
  const criteria = s.RecurringPrefetchConfiguration?.RecurringConsumption.AvailMatchingCriteria ?? s.Consumption?.AvailMatchingCriteria ?? [];
  const vars = s.RecurringPrefetchConfiguration?.RecurringRetrieval.DynamicVariables ?? s.Retrieval?.DynamicVariables ?? {};
  if (criteria.length === 0) return 'any avail';
  return criteria.map((c) => `${c.DynamicVariable} ${c.Operator === 'EQUALS' ? '=' : c.Operator} ${vars[c.DynamicVariable] ?? '?'}`).join(' and ');
}
