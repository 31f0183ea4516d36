// Pre-warm: transcode the selected configuration's ads now, for the content of the selected asset, so the first
// break already has them. The button sits in the toolbar; the result lines below it, until dismissed.
import { runPrewarm } from '../services/transcode-actions';
import { useEngine } from '../store/engine';
import { PRIMARY_PLAYER, usePlayers } from '../store/player';
import { useTranscode } from '../store/transcode';
import { formatPrewarmLine, summarizePrewarm } from '../lib/transcode-jobs';
import { TranscodeStateChip } from './TranscodeStateChip';

export function TranscodePrewarmButton() {
  const configName = useEngine((s) => s.selectedConfigName);
  // The asset playing in the main player (picked in the sidebar): its content is what ads must match.
  const assetId = usePlayers((s) => s.slots[PRIMARY_PLAYER] ?? null);
  const asset = useEngine((s) => s.catalog?.assets.find((a) => a.id === assetId));
  const running = useTranscode((s) => s.prewarm.state === 'running');

  return (
    <span className="transcode-prewarm">
      <button
        type="button"
        className="text-button"
        data-testid="transcode-prewarm"
        disabled={!configName || running}
        title="Ask this configuration's ADS for a long avail now and transcode every ad it returns (plus slate and bumpers) for the content's profile"
        onClick={() => configName && void runPrewarm(configName, asset && { path: asset.path, name: asset.name })}
      >
        {running ? `Pre-warming ${configName ?? ''}…` : `Pre-warm ${configName ?? '(no configuration)'}`}
      </button>
      {asset && <span className="transcode-hint">for {asset.name}</span>}
    </span>
  );
}

export function TranscodePrewarmResult() {
  const status = useTranscode((s) => s.prewarm);
  const dismiss = () => useTranscode.getState().setPrewarm({ state: 'idle' });
  if (status.state === 'idle') return null;

  const target = `${status.configName}${status.assetName ? ` for ${status.assetName}` : ''}`;
  return (
    <div className="transcode-prewarm-result" data-testid="transcode-prewarm-result" data-state={status.state} role="status">
      <div className="transcode-prewarm-head">
        <span className="transcode-prewarm-title">
          {status.state === 'running' && `Pre-warming ${target}: reading the content profile and asking the ADS…`}
          {status.state === 'failed' && `Pre-warm of ${target} failed: ${status.message}`}
          {status.state === 'done' && `Pre-warm of ${target}: ${summarizePrewarm(status.response)}`}
        </span>
        {status.state !== 'running' && (
          <button type="button" className="icon-button" aria-label="Dismiss pre-warm result" onClick={dismiss}>
            ×
          </button>
        )}
      </div>
      {status.state === 'done' && (
        <>
          <p className="transcode-prewarm-profile" title={status.response.profile.originUrl}>
            profile: {status.response.profile.profile.summary}
          </p>
          <ul className="transcode-prewarm-lines">
            {status.response.ads.map((line, i) => (
              <li key={`${line.adKey ?? line.adId}:${i}`} data-testid="transcode-prewarm-line" data-state={line.state}>
                <TranscodeStateChip state={line.state} />
                <span title={line.adKey}>{formatPrewarmLine(line)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
