// "Wait for transcode up to N s" for the selected configuration (TranscodeWaitSeconds, 0..60; absent = 0).
// Saved through MediaTailor's configuration API; the config.changed event then reloads the list everywhere.
import { useState, type FormEvent } from 'react';
import { saveTranscodeWaitSeconds } from '../api/transcode';
import { loadConfigurations } from '../services/catalog-loader';
import { selectedConfiguration, useEngine } from '../store/engine';

const MAX_WAIT_SECONDS = 60;

export function TranscodeWaitInput() {
  const config = useEngine(selectedConfiguration);
  if (!config) return null;
  const saved = typeof config.TranscodeWaitSeconds === 'number' ? config.TranscodeWaitSeconds : 0;
  // Keyed by what is stored: another configuration, or a save from anywhere, starts a fresh draft.
  return <WaitForm key={`${config.Name}:${saved}`} configName={config.Name} saved={saved} />;
}

function WaitForm({ configName, saved }: { configName: string; saved: number }) {
  const [draft, setDraft] = useState(String(saved));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const value = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_WAIT_SECONDS;
  const dirty = draft !== String(saved);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return setError(`a whole number of seconds, 0 to ${MAX_WAIT_SECONDS}`);
    if (value === saved) return setError(null);
    setSaving(true);
    setError(null);
    try {
      await saveTranscodeWaitSeconds(configName, value);
      await loadConfigurations();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="transcode-wait"
      data-testid="transcode-wait"
      onSubmit={(e) => void onSubmit(e)}
      title={`With N > 0, a session of "${configName}" waits up to N s for an ad's transcode before skipping it (0: skip the ad until it is ready, as MediaTailor does). Keep it under the player's playlist timeout (hls.js: 10 s).`}
    >
      <label>
        Wait for transcode up to{' '}
        <input
          type="number"
          className="transcode-wait-input mono"
          data-testid="transcode-wait-seconds"
          aria-label={`Seconds a session of ${configName} waits for an ad's transcode`}
          aria-invalid={!valid || undefined}
          min={0}
          max={MAX_WAIT_SECONDS}
          step={1}
          inputMode="numeric"
          value={draft}
          disabled={saving}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(null);
          }}
        />{' '}
        s
      </label>
      <button type="submit" className="text-button" data-testid="transcode-wait-save" disabled={!dirty || saving}>
        {saving ? 'Saving…' : 'Save'}
      </button>
      {error && (
        <span className="transcode-wait-error" role="alert" title={error}>
          {error}
        </span>
      )}
    </form>
  );
}
