// The cache of transcoded ads every session reuses: what, for which profile, how big, how fresh. Entries can be
// removed one by one (the next session needing one transcodes it again) or all at once.
import { useState } from 'react';
import type { TranscodeCacheEntryInfo } from '../../shared/transcode';
import { formatAgo, formatCacheTotal, formatDuration, formatMB } from '../lib/transcode-jobs';
import { clearCache, removeEntry } from '../services/transcode-actions';
import { useTranscode } from '../store/transcode';

export function TranscodeCacheTable() {
  const cache = useTranscode((s) => s.overview?.cache);
  const [clearing, setClearing] = useState(false);
  if (!cache) return null;

  const onClear = async () => {
    if (!window.confirm(`Remove all ${cache.entries.length} transcoded ads? Sessions will transcode them again when they need them.`)) return;
    setClearing(true);
    await clearCache();
    setClearing(false);
  };

  // Computed per render: the 10 s poll re-renders often enough for "min ago" to stay right.
  const now = Date.now();
  return (
    <section className="transcode-section" aria-labelledby="transcode-cache-heading">
      <h3 id="transcode-cache-heading">
        Cache{' '}
        <span className="transcode-count" data-testid="transcode-cache-total">
          {formatCacheTotal(cache.entries.length, cache.bytes, cache.maxBytes)}
        </span>
        <button type="button" className="text-button transcode-danger" data-testid="transcode-cache-clear" disabled={clearing || cache.entries.length === 0} onClick={() => void onClear()}>
          {clearing ? 'Clearing…' : 'Clear cache'}
        </button>
      </h3>
      {cache.entries.length === 0 ? (
        <p className="empty">The cache is empty — finished transcodes are kept here and reused by every session and configuration with the same content profile.</p>
      ) : (
        <div className="transcode-table-scroll">
          <table className="transcode-table" data-testid="transcode-cache">
            <thead>
              <tr>
                <th>ad · profile</th>
                <th>renditions</th>
                <th className="num">size</th>
                <th>created</th>
                <th>last used</th>
                <th className="num">encode</th>
                <th>
                  <span className="visually-hidden">remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cache.entries.map((entry) => (
                <CacheRow key={entry.key} entry={entry} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CacheRow({ entry, now }: { entry: TranscodeCacheEntryInfo; now: number }) {
  const [removing, setRemoving] = useState(false);
  const name = entry.title || entry.adKey;
  const onRemove = async () => {
    setRemoving(true);
    await removeEntry(entry.key);
    setRemoving(false);
  };
  return (
    <tr data-testid="transcode-cache-entry" data-key={entry.key}>
      <td className="transcode-cell-ad">
        <span className="transcode-cell-name" title={`ad key ${entry.adKey}\nsource ${entry.sourceUrl}\n${entry.durationSeconds.toFixed(1)} s`}>
          {name}
        </span>
        <span className="transcode-cell-profile">{entry.profileSummary}</span>
      </td>
      <td className="transcode-cell-renditions">
        {entry.renditions.map((r) => (
          <div key={r}>{r}</div>
        ))}
      </td>
      <td className="num mono">{formatMB(entry.bytes)}</td>
      <td title={new Date(entry.createdAt).toLocaleString()}>{formatAgo(entry.createdAt, now)}</td>
      <td title={new Date(entry.lastUsedAt).toLocaleString()}>{formatAgo(entry.lastUsedAt, now)}</td>
      <td className="num mono">{formatDuration(entry.encodeMs)}</td>
      <td>
        <button type="button" className="icon-button transcode-danger" data-testid="transcode-cache-remove" disabled={removing} aria-label={`Remove ${name} from the cache`} title="Remove from the cache" onClick={() => void onRemove()}>
          ×
        </button>
      </td>
    </tr>
  );
}
