// What the player is doing, in numbers.
import { formatBitrate, formatMediaTime } from '../lib/format';
import type { PlayerRuntime } from '../store/player';
import { AdAvails } from './AdAvails';

export function PlayerStats({ runtime }: { runtime: PlayerRuntime }) {
  const { stats } = runtime;
  const level =
    stats.level !== undefined
      ? `${stats.level}${stats.levelCount ? `/${stats.levelCount}` : ''} · ${formatBitrate(stats.bitrate)}${stats.height ? ` · ${stats.height}p` : ''}`
      : stats.height
        ? `${stats.height}p`
        : '–';
  return (
    <dl className="player-stats">
      <div>
        <dt>Engine</dt>
        <dd data-testid="player-engine">{runtime.engine ?? '–'}</dd>
      </div>
      <div>
        <dt>Time</dt>
        <dd data-testid="player-time">
          {formatMediaTime(stats.currentTime)} / {formatMediaTime(stats.duration)}
        </dd>
      </div>
      <div>
        <dt>Level</dt>
        <dd data-testid="player-level">{level}</dd>
      </div>
      <div>
        <dt>Buffer</dt>
        <dd data-testid="player-buffer">{stats.bufferLength.toFixed(1)} s</dd>
      </div>
      {runtime.engine?.startsWith('hls.js') && (
        <div>
          <dt>Interstitials</dt>
          <dd data-testid="player-interstitials" data-count={runtime.ads.interstitials} data-assets={runtime.ads.interstitialAssets}>
            {runtime.ads.interstitials} · {runtime.ads.interstitialAssets} asset(s)
          </dd>
        </div>
      )}
      <div className="player-ads">
        <dt>Ads</dt>
        <AdAvails runtime={runtime} />
      </div>
      <div className="player-url">
        <dt>URL</dt>
        <dd data-testid="player-url" title={runtime.url ?? undefined}>
          {runtime.url ?? '–'}
        </dd>
      </div>
    </dl>
  );
}
