// "New schedule": a prefetch schedule for the selected configuration with demo-friendly defaults (retrieve over
// the next minute, consume for ten), SINGLE or RECURRING. The engine judges limits and times; its 400 message is
// shown under the form as it is.
import { useState, type ReactNode } from 'react';
import type { TrafficShapingType } from '../../shared/prefetch';
import { createPrefetchSchedule, errorText } from '../api/prefetch';
import { defaultDraft, EVENT_ID_VARIABLE, nextScheduleName, prefetchRequest, type PrefetchDraft } from '../lib/prefetch-form';

const STREAM_IDS = Array.from({ length: 10 }, (_, i) => String(i + 1));
type NumberKey = { [K in keyof PrefetchDraft]: PrefetchDraft[K] extends number ? K : never }[keyof PrefetchDraft];

export function PrefetchScheduleForm({ config, existing }: { config: string; existing: string[] }) {
  const [draft, setDraft] = useState<PrefetchDraft>(() => defaultDraft(''));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  // Until the name is typed, it follows the list (prefetch-<n> after the last one).
  const name = draft.name || nextScheduleName(created ? [...existing, created] : existing);
  const set = (patch: Partial<PrefetchDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    // Times are "from now" as of the click.
    const req = prefetchRequest({ ...draft, name }, Date.now());
    if (!req.ok) return setError(req.error);
    setBusy(true);
    try {
      await createPrefetchSchedule(config, req.name, req.body);
      setError(null);
      setCreated(req.name);
      set({ name: '' });
    } catch (err) {
      setCreated(null);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const num = (key: NumberKey, label: string, min = 0) => (
    <label>
      {label}
      <input type="number" min={min} value={Number.isFinite(draft[key]) ? draft[key] : ''} onChange={(e) => set({ [key]: e.target.value === '' ? Number.NaN : Number(e.target.value) })} />
    </label>
  );

  return (
    <form
      className="prefetch-form"
      aria-labelledby="prefetch-form-heading"
      data-testid="prefetch-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="prefetch-form-heading">New schedule</h3>
      <Row>
        <label>
          Name
          <input type="text" className="mono" value={name} spellCheck={false} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label className="prefetch-check">
          <input type="checkbox" checked={draft.recurring} onChange={(e) => set({ recurring: e.target.checked })} />
          Recurring
        </label>
        <label>
          Stream id
          <select value={draft.streamId} onChange={(e) => set({ streamId: e.target.value })}>
            <option value="">any</option>
            {STREAM_IDS.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {EVENT_ID_VARIABLE} equals
          <input type="text" className="mono" value={draft.eventId} placeholder="any avail" spellCheck={false} onChange={(e) => set({ eventId: e.target.value })} />
        </label>
        {num('availSeconds', 'Avail to ask for (s)')}
      </Row>
      {draft.recurring ? (
        <Row legend="Recurring (seconds from now / per avail)">
          {num('recurringStartS', 'Window starts in (s)')}
          {num('recurringEndS', 'Window ends in (s)')}
          {num('delayAfterAvailEndS', 'Delay after avail end (s)')}
          {num('adExpiryS', 'Ad expiry (s)', 1)}
        </Row>
      ) : (
        <Row legend="Windows (seconds from now)">
          {num('retrievalStartS', 'Retrieval starts in (s)')}
          {num('retrievalEndS', 'Retrieval ends in (s)')}
          {num('consumptionStartS', 'Consumption starts in (s)')}
          {num('consumptionEndS', 'Consumption ends in (s)')}
        </Row>
      )}
      <Row>
        <label>
          Traffic shaping
          <select value={draft.shaping} onChange={(e) => set({ shaping: e.target.value as TrafficShapingType })}>
            <option value="RETRIEVAL_WINDOW">RETRIEVAL_WINDOW</option>
            <option value="TPS">TPS</option>
          </select>
        </label>
        {draft.shaping === 'TPS' ? num('peakTps', 'Peak TPS', 1) : num('retrievalWindowS', 'Retrieval window (s)', 1)}
        <button type="submit" className="text-button primary" disabled={busy}>
          Create schedule
        </button>
      </Row>
      {error && (
        <p className="field-error" role="alert" data-testid="prefetch-form-error">
          {error}
        </p>
      )}
      {created && !error && (
        <p className="hint" role="status">
          created {created}
        </p>
      )}
    </form>
  );
}

function Row({ legend, children }: { legend?: string; children: ReactNode }) {
  return legend ? (
    <fieldset className="prefetch-row">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  ) : (
    <div className="prefetch-row">{children}</div>
  );
}
