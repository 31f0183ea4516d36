// The Primetime front door for the asset in player A: builds the bootstrap URL (content URL in base64url, the
// tracking mode, targeting k, pttimeline, the selected configuration as ptconfig), copies it, and plays it in
// player A the way a Primetime client would (following the 302, or reading the JSON of simple tracking). With no
// tracking mode the playlists carry EXT-X-MARKER tags (hls.js ignores them): the session reports client-side, so
// the bench follows the 302 itself and its player reports through the session's tracking endpoint.
import { useState } from 'react';
import { engineBaseUrl } from '../api/base-url';
import { URL_ASSET_ID } from '../lib/content-url';
import { bootstrapUrl, type TrackingMode } from '../lib/primetime-url';
import { playBootstrap } from '../services/primetime-play';
import { useCustomAsset } from '../store/custom-asset';
import { useEngine } from '../store/engine';
import { PRIMARY_PLAYER, usePlayers } from '../store/player';
import '../styles/front-doors.css';
import '../styles/prefetch.css';

const MODES: { value: TrackingMode; label: string }[] = [
  { value: 'sstm', label: 'sstm (server beacons, 302)' },
  { value: 'simple', label: 'simple (client beacons, JSON)' },
  { value: 'simplesstm', label: 'simplesstm (both, 302)' },
  { value: 'none', label: 'none (EXT-X-MARKER)' },
];

export function PrimetimeBootstrap() {
  const config = useEngine((s) => s.selectedConfigName);
  const slot = usePlayers((s) => s.slots[PRIMARY_PLAYER] ?? null);
  const custom = useCustomAsset((s) => s.asset);
  const catalogAsset = useEngine((s) => s.catalog?.assets.find((a) => a.id === slot));
  const asset = slot === URL_ASSET_ID ? custom : catalogAsset;
  const [mode, setMode] = useState<TrackingMode>('sstm');
  const [assetId, setAssetId] = useState('');
  const [targeting, setTargeting] = useState('');
  const [timeline, setTimeline] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  if (!asset) return <p className="empty">Pick an asset to build its bootstrap URL.</p>;
  // A played URL or bootstrap keeps the content URL but has no publisher id of its own.
  const publisherId = assetId.trim() || (asset.id === URL_ASSET_ID ? 'content' : asset.id);
  const url = bootstrapUrl({ base: engineBaseUrl(), assetId: publisherId, contentUrl: asset.originUrl, format: asset.format, trackingMode: mode, targeting, timeline, ...(config ? { config } : {}) });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setError('The clipboard is not available here: select the URL and copy it');
    }
  };
  const play = async () => {
    setBusy(true);
    setError(await playBootstrap(url, mode, asset, publisherId));
    setBusy(false);
  };

  return (
    <div className="front-door primetime-bootstrap" data-testid="primetime-bootstrap">
      <label className="front-door-field">
        Tracking mode
        <select value={mode} onChange={(e) => setMode(e.target.value as TrackingMode)}>
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label className="front-door-field">
        Publisher asset id
        <input type="text" className="mono" value={assetId} placeholder={publisherId} spellCheck={false} onChange={(e) => setAssetId(e.target.value)} />
      </label>
      <label className="front-door-field">
        Targeting (k)
        <input type="text" className="mono" value={targeting} placeholder="genre=news;age=30" spellCheck={false} onChange={(e) => setTargeting(e.target.value)} />
      </label>
      <label className="front-door-field">
        pttimeline
        <input type="text" className="mono" value={timeline} placeholder="B,30,2,p;C,60,1" spellCheck={false} onChange={(e) => setTimeline(e.target.value)} />
      </label>
      <code className="front-door-url" data-testid="primetime-url" title={`Bootstrap for ${asset.originUrl}`}>
        {url}
      </code>
      <div className="front-door-row">
        <button type="button" className="text-button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="text-button primary" disabled={busy} aria-label="Play bootstrap in player A" onClick={() => void play()}>
          Play
        </button>
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
