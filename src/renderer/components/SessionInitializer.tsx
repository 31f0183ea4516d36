// The session-initializer front door: its StreamCount setting, the URL players use, and how sessions spread over
// the stream ids so far (each prefetch schedule serves one StreamId, so the spread is each schedule's share).
import { useEffect, useState } from 'react';
import { engineUrl } from '../api/base-url';
import { putJson } from '../api/http';
import { usePolled } from '../hooks/usePolled';
import { selectedConfiguration, useEngine } from '../store/engine';
import { usePlayers, PRIMARY_PLAYER } from '../store/player';
import '../styles/front-doors.css';

interface Stats {
  streamCount: number;
  total: number;
  counts: Record<string, number>;
}

export function SessionInitializer() {
  const { data: stats, error } = usePolled<Stats>('/session-initializer/stats', 3000);
  const config = useEngine(selectedConfiguration);
  const assetId = usePlayers((s) => s.slots[PRIMARY_PLAYER] ?? null);
  const asset = useEngine((s) => s.catalog?.assets.find((a) => a.id === assetId));
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  useEffect(() => {
    if (stats && draft === '') setDraft(String(stats.streamCount));
  }, [stats, draft]);

  const prefix = config?.HlsConfiguration?.ManifestEndpointPrefix;
  // The initializer's URL for the selected asset: the playback path behind /session-initializer.
  const example =
    prefix && asset
      ? engineUrl(`${new URL(prefix).pathname.replace(/^\/v1\/master\//, `/session-initializer/v1/${asset.format === 'dash' ? 'dash' : 'master'}/`).replace(/\/?$/, '/')}${asset.path}`)
      : null;
  const n = Number(draft);
  const valid = Number.isInteger(n) && n >= 1 && n <= 10;
  const max = Math.max(1, ...Object.values(stats?.counts ?? {}));

  const save = async () => {
    setSaving(true);
    try {
      await putJson('/session-initializer/settings', { StreamCount: n });
      setSaveError(null);
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="front-door" data-testid="session-initializer">
      <form
        className="front-door-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void save();
        }}
      >
        <label>
          StreamCount
          <input type="number" min={1} max={10} value={draft} aria-invalid={!valid} data-testid="stream-count" onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit" className="text-button" disabled={!valid || saving || String(stats?.streamCount) === draft}>
          Save
        </button>
      </form>
      {!valid && <span className="field-error">1 to 10 stream ids</span>}
      {saveError && <span className="field-error">{saveError}</span>}
      {error && <span className="field-error">not updated: {error}</span>}
      {example && (
        <code className="front-door-url" title="Players start here: a 302 to the session URL with aws.streamId">
          {example}
        </code>
      )}
      <div className="stream-counts" data-testid="stream-counts" data-total={stats?.total ?? 0}>
        {stats && stats.total === 0 && <span className="empty">no sessions through it yet</span>}
        {stats &&
          Object.entries(stats.counts).map(([id, count]) => (
            <div key={id} className="stream-count" data-stream-id={id} data-count={count}>
              <span className="mono">#{id}</span>
              <span className="stream-bar" style={{ width: `${(count / max) * 100}%` }} />
              <span className="mono">{count}</span>
            </div>
          ))}
      </div>
    </div>
  );
}
