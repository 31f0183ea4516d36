// Every beacon the session owes, per avail and ad, expected next to fired: when it was due on the timeline,
// when it fired and by whom, each URL's HTTP status, latency and attempts. Missing, failed, early, late and
// duplicate beacons are highlighted (in words as well as colour) and can be shown alone.
import { Fragment, useState } from 'react';
import type { BeaconEntry, BeaconLog as BeaconLogData } from '../../shared/beacons';
import { useFocusedSession } from '../hooks/useFocusedSession';
import { usePolled } from '../hooks/usePolled';
import { beaconFlag, flagCounts, PROBLEM_FLAGS, type BeaconFlag } from '../lib/beacon-flags';
import { formatClock, shortUrl } from '../lib/format';
import '../styles/beacon-log.css';

const POLL_MS = 1000;

export function BeaconLog() {
  const { sessionId } = useFocusedSession();
  const path = sessionId ? `/api/sessions/${encodeURIComponent(sessionId)}/beacon-log` : null;
  const { data: log, error } = usePolled<BeaconLogData>(path, POLL_MS);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const counts = log ? flagCounts(log) : null;

  return (
    <section className="panel beacon-log" data-testid="beacon-log" aria-labelledby="beacon-log-heading">
      <header className="panel-header">
        <h2 id="beacon-log-heading">Beacons</h2>
        {log && counts && (
          <span className="beacon-summary" data-testid="beacon-summary" data-expected={log.summary.expected} data-fired={log.summary.fired} data-problems={PROBLEM_FLAGS.reduce((n, f) => n + counts[f], 0)}>
            <span>{log.reportingMode}-side</span>
            <span>
              <b>{log.summary.fired}</b>/{log.summary.expected} fired
            </span>
            {(['pending', 'in-flight', ...PROBLEM_FLAGS] as BeaconFlag[])
              .filter((f) => counts[f] > 0)
              .map((f) => (
                <span key={f} className="beacon-flag" data-flag={f}>
                  {counts[f]} {f}
                </span>
              ))}
          </span>
        )}
        {error && <span className="panel-warning" role="status">not updated: {error}</span>}
        <label className="beacon-filter">
          <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} /> problems only
        </label>
      </header>
      {!sessionId ? (
        <p className="empty panel-empty">Play a stitched stream to see the beacons its ads owe.</p>
      ) : !log || log.avails.length === 0 ? (
        <p className="empty panel-empty">No ads placed yet: beacons appear when the stitcher fills an avail.</p>
      ) : (
        <div className="beacon-table-wrap">
          <table className="beacon-table">
            <thead>
              <tr>
                <th>Event</th>
                <th className="num">Due at</th>
                <th>State</th>
                <th>Fired</th>
                <th className="num">vs playhead</th>
                <th>Sender</th>
                <th>HTTP</th>
                <th className="num">ms</th>
                <th>URL</th>
              </tr>
            </thead>
            <tbody>
              {log.avails.map((a) =>
                a.ads.map((ad, i) => {
                  const rows = ad.beacons.filter((b) => !problemsOnly || PROBLEM_FLAGS.includes(beaconFlag(b)));
                  if (rows.length === 0) return null;
                  return (
                    <Fragment key={`${a.availId}/${ad.item}`}>
                      <tr className="beacon-ad-row">
                        <th colSpan={9}>
                          {i === 0 && <span className="beacon-avail">Avail {a.availId}{a.startSeconds !== null ? ` @ ${a.startSeconds.toFixed(1)} s` : ''} · </span>}
                          Ad {ad.adId}
                          {ad.title ? ` — ${ad.title}` : ''} · {ad.durationSeconds.toFixed(1)} s
                          {ad.startSeconds !== null ? ` from ${ad.startSeconds.toFixed(1)} s` : ''}
                        </th>
                      </tr>
                      {rows.map((b) => (
                        <BeaconRow key={b.id} beacon={b} />
                      ))}
                    </Fragment>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function BeaconRow({ beacon: b }: { beacon: BeaconEntry }) {
  const flag = beaconFlag(b);
  const results = b.results ?? [];
  const worst = results.find((r) => r.error || r.status === 0 || r.status >= 400) ?? results[0];
  return (
    <tr className="beacon-row" data-testid="beacon-row" data-event={b.event} data-flag={flag}>
      <td className="mono">{b.event === 'progress' ? `progress@${b.offsetSeconds}s` : b.event}</td>
      <td className="num mono">{b.dueAtSeconds !== null ? `${b.dueAtSeconds.toFixed(2)} s` : '–'}</td>
      <td>
        <span className="beacon-flag" data-flag={flag}>
          {flag}
          {flag === 'duplicate' ? ` ×${1 + (b.duplicates ?? 0)}` : ''}
        </span>
      </td>
      <td className="mono">{b.firedAt !== undefined ? formatClock(b.firedAt) : '–'}</td>
      <td className="num mono">{b.timing ? `${b.timing.deltaMs >= 0 ? '+' : ''}${(b.timing.deltaMs / 1000).toFixed(1)} s` : '–'}</td>
      <td>{b.sender ?? '–'}</td>
      <td className="mono" title={worst?.error}>
        {worst ? (worst.status === 0 ? (worst.error ?? 'no answer') : worst.status) : '–'}
        {worst && worst.attempts > 1 ? ` (${worst.attempts} tries)` : ''}
      </td>
      <td className="num mono">{worst ? Math.round(worst.ms) : '–'}</td>
      <td className="mono beacon-url" title={b.urls.join('\n')}>
        {b.urls[0] ? shortUrl(b.urls[0]) : '–'}
        {b.urls.length > 1 ? ` +${b.urls.length - 1}` : ''}
      </td>
    </tr>
  );
}
