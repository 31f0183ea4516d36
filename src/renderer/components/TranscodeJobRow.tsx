// One transcode job: what ad, to what profile, how far (bar and state), how fast once done, why it failed.
import { memo, useState } from 'react';
import { percent } from '../lib/format';
import { formatJobTiming, isCancellable, jobName, type JobRow } from '../lib/transcode-jobs';
import { cancelJob } from '../services/transcode-actions';
import { TranscodeStateChip } from './TranscodeStateChip';

// Memoised: a progress event re-renders only its own row.
export const TranscodeJobRow = memo(function TranscodeJobRow({ row }: { row: JobRow }) {
  const [cancelling, setCancelling] = useState(false);
  const name = jobName(row);
  const value = percent(row.progress);
  const timing = formatJobTiming(row);

  const onCancel = async () => {
    setCancelling(true);
    await cancelJob(row.id);
    setCancelling(false);
  };

  return (
    <li className="transcode-job" data-testid="transcode-job" data-state={row.state} data-key={row.key} data-job-id={row.id}>
      <div className="transcode-job-what">
        <span className="transcode-job-name" title={`ad key ${row.adKey}${row.adId ? ` · Ad@id ${row.adId}` : ''}`}>
          {name}
        </span>
        {row.profileSummary && (
          <span className="transcode-job-profile" title={row.profileSummary}>
            {row.profileSummary}
          </span>
        )}
      </div>
      <TranscodeStateChip state={row.state} />
      <div
        className="progress-track transcode-progress"
        role="progressbar"
        data-testid="transcode-progress"
        data-state={row.state}
        aria-label={`Transcode of ${name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% ${row.state}`}
      >
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="transcode-job-timing mono">{timing || `${value}%`}</span>
      <span className="transcode-job-action">
        {isCancellable(row.state) && (
          <button type="button" className="text-button" data-testid="transcode-cancel" disabled={cancelling} aria-label={`Cancel transcode of ${name}`} onClick={() => void onCancel()}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </span>
      {row.error && row.state === 'failed' && (
        <p className="transcode-job-error" title={row.error}>
          {row.error}
        </p>
      )}
    </li>
  );
});
