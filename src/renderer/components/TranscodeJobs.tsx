// Transcode jobs, newest first: live from the `transcode.job` events, corrected by each GET /api/transcode.
import { useMemo } from 'react';
import { isTerminal, sortJobs } from '../lib/transcode-jobs';
import { useTranscode } from '../store/transcode';
import { TranscodeJobRow } from './TranscodeJobRow';

const SHOWN = 50;

export function TranscodeJobs() {
  const jobs = useTranscode((s) => s.jobs);
  const rows = useMemo(() => sortJobs(jobs), [jobs]);
  const active = rows.filter((r) => !isTerminal(r.state)).length;

  return (
    <section className="transcode-section" aria-labelledby="transcode-jobs-heading">
      <h3 id="transcode-jobs-heading">
        Jobs <span className="transcode-count">{active > 0 ? `${active} running or queued · ${rows.length} in all` : rows.length}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="empty">No transcodes yet — ads are transcoded the first time a session needs them, or press Pre-warm.</p>
      ) : (
        <ul className="transcode-jobs" data-testid="transcode-jobs">
          {rows.slice(0, SHOWN).map((row) => (
            <TranscodeJobRow key={row.id} row={row} />
          ))}
        </ul>
      )}
      {rows.length > SHOWN && <p className="transcode-more">{rows.length - SHOWN} older jobs not shown</p>}
    </section>
  );
}
