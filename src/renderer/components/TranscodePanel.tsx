// Ad transcoding at a glance: settings and pre-warm on top, then the jobs (live from `transcode.job` events),
// the cache of finished ads and the content profiles ads are conditioned to.
import { useEffect } from 'react';
import { startTranscodePolling } from '../services/transcode-sync';
import { useTranscode } from '../store/transcode';
import { TranscodeCacheTable } from './TranscodeCacheTable';
import { TranscodeJobs } from './TranscodeJobs';
import { TranscodePrewarmButton, TranscodePrewarmResult } from './TranscodePrewarm';
import { TranscodeProfiles } from './TranscodeProfiles';
import { TranscodeWaitInput } from './TranscodeWaitInput';

export function TranscodePanel() {
  const overview = useTranscode((s) => s.overview);
  const loadError = useTranscode((s) => s.loadError);

  useEffect(() => startTranscodePolling(), []);

  return (
    <section className="panel transcode-panel" data-testid="transcode-panel" aria-labelledby="transcode-heading">
      <header className="panel-header">
        <h2 id="transcode-heading">Ad transcoding</h2>
        {overview && (
          <span className="transcode-settings" data-testid="transcode-settings">
            x264 <span className="mono">{overview.preset}</span> · {overview.concurrency} at a time · queue {overview.queueLimit}
          </span>
        )}
        {loadError && (
          <span className="transcode-load-error" role="status" title={loadError}>
            not updated: {loadError}
          </span>
        )}
      </header>
      <div className="transcode-toolbar">
        <TranscodePrewarmButton />
        <TranscodeWaitInput />
      </div>
      {/* The pre-warm result scrolls with the rest: the toolbar stays one line in a short panel. */}
      <div className="transcode-body">
        <TranscodePrewarmResult />
        <TranscodeJobs />
        <TranscodeCacheTable />
        <TranscodeProfiles />
      </div>
    </section>
  );
}
