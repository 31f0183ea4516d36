// Which manifest to show: the track, the refresh (newest first, with its time), and for live "follow latest",
// which keeps the newest refresh selected as polls bring new ones.
import type { ManifestTrack } from '../../shared/inspect-manifests';
import { formatClock } from '../lib/format';

export interface PickersProps {
  tracks: ManifestTrack[];
  track: ManifestTrack;
  refreshAt: number | undefined;
  follow: boolean;
  live: boolean | null;
  settled: boolean;
  onTrack(id: string): void;
  onRefresh(at: number): void;
  onFollow(on: boolean): void;
  onReload(): void;
}

export function ManifestInspectorPickers(p: PickersProps) {
  const newestFirst = [...p.track.refreshes].reverse();
  return (
    <div className="mi-pickers">
      <label className="mi-picker">
        <span>track</span>
        <select value={p.track.track} onChange={(e) => p.onTrack(e.target.value)} data-testid="manifest-track">
          {p.tracks.map((t) => (
            <option key={t.track} value={t.track}>
              {t.track === 'multivariant' ? t.label : `${t.track}: ${t.label}`} ({t.refreshes.length})
            </option>
          ))}
        </select>
      </label>
      <label className="mi-picker">
        <span>refresh</span>
        <select value={p.refreshAt ?? ''} onChange={(e) => p.onRefresh(Number(e.target.value))} data-testid="manifest-refresh">
          {newestFirst.map((r, i) => (
            <option key={r.at} value={r.at}>
              {formatClock(r.at)}
              {i === 0 ? ' (latest)' : ''} · #{p.track.refreshes.length - i}
            </option>
          ))}
        </select>
      </label>
      {p.live !== false ? (
        <button type="button" className="text-button" aria-pressed={p.follow} onClick={() => p.onFollow(!p.follow)} data-testid="manifest-follow">
          follow latest
        </button>
      ) : (
        <button type="button" className="text-button" onClick={p.onReload} disabled={!p.settled} title="VOD loads once: ask again (e.g. after the player switched tracks)">
          reload
        </button>
      )}
    </div>
  );
}
