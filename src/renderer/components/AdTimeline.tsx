// The session on a time axis: content, each avail with its ads, slate and bumpers (planned, as the stitcher
// decided), what the player actually played as ads underneath, avails that fell back to content in red with
// their reason, the live playhead, and each marker's decoded SCTE-35 on hover or click. Each avail says whether
// its ads were prefetched or came from an ADS call at break time; live sessions show prefetch consumption windows.
import { useState } from 'react';
import type { PrefetchOverview } from '../../shared/prefetch';
import type { AvailView, SessionView } from '../../shared/session-view';
import { prefetchOverviewPath } from '../api/prefetch';
import { useFocusedSession } from '../hooks/useFocusedSession';
import { usePolled } from '../hooks/usePolled';
import { formatMediaTime } from '../lib/format';
import { consumptionBands } from '../lib/prefetch-avails';
import { layoutAvails, position, ticks, visibleRange, type Range, type TimelineAvail } from '../lib/timeline-layout';
import { emptyRuntime, usePlayers } from '../store/player';
import { Scte35Card } from './Scte35Card';
import { AvailPrefetchFact, AvailSourceBadge, PrefetchBands } from './TimelinePrefetch';
import '../styles/timeline.css';

const POLL_MS = 2000;
const IDLE = emptyRuntime();

export function AdTimeline() {
  const { playerId, sessionId } = useFocusedSession();
  const runtime = usePlayers((s) => s.runtime[playerId]) ?? IDLE;
  const { data: view } = usePolled<SessionView>(sessionId ? `/api/sessions/${encodeURIComponent(sessionId)}` : null, POLL_MS);
  const [picked, setPicked] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);

  const live = view?.live ?? !Number.isFinite(runtime.stats.duration);
  // Live HLS sessions count time from their first segment's PROGRAM-DATE-TIME; the player's own clock differs.
  const playhead =
    live && view?.format === 'hls' ? (runtime.stats.pdtMs !== undefined && view.timeZeroPdtMs !== null ? (runtime.stats.pdtMs - view.timeZeroPdtMs) / 1000 : null) : runtime.state === 'idle' ? null : runtime.stats.currentTime;
  const avails = view?.avails ?? [];
  const range = visibleRange({ live, duration: runtime.stats.duration, playhead, avails });
  const laid = layoutAvails(avails, range);
  const shown = avails.find((a) => a.availId === (hovered ?? picked));
  // Consumption windows are wall-clock: only a live session with a PROGRAM-DATE-TIME origin places them.
  const timeZero = live ? (view?.timeZeroPdtMs ?? null) : null;
  const { data: prefetch } = usePolled<PrefetchOverview>(view && timeZero !== null ? prefetchOverviewPath(view.configName) : null, POLL_MS);
  const bands = timeZero !== null ? consumptionBands(prefetch?.schedules ?? [], timeZero, range) : [];

  return (
    <section className="panel ad-timeline" data-testid="ad-timeline" data-avails={laid.length} aria-labelledby="timeline-heading">
      <header className="panel-header">
        <h2 id="timeline-heading">Ad timeline</h2>
        {view ? (
          <span className="panel-note">
            {view.format.toUpperCase()} {live ? 'live' : 'VOD'} · {avails.length} avail(s) · {avails.reduce((n, a) => n + a.ads.filter((x) => x.kind === 'ad').length, 0)} ad(s)
            {avails.some((a) => a.fallback) ? ` · ${avails.filter((a) => a.fallback).length} without ads` : ''}
          </span>
        ) : (
          <span className="panel-note">{sessionId ? 'loading session…' : 'play a stitched stream to see its ads'}</span>
        )}
        <Legend prefetchWindows={bands.length > 0} />
      </header>
      <div className="timeline-body">
        <div className="timeline-lanes">
          <span className="timeline-lane-label">Planned</span>
          <div className="timeline-track" data-testid="timeline-planned">
            <div className="timeline-content" />
            <PrefetchBands bands={bands} />
            {laid.map((a) => (
              <AvailBlock key={a.availId} a={a} selected={a.availId === picked} onPick={() => setPicked(a.availId === picked ? null : a.availId)} onHover={(on) => setHovered(on ? a.availId : null)} />
            ))}
            {playhead !== null && <Playhead t={playhead} range={range} />}
          </div>
          <span className="timeline-lane-label">Played</span>
          <div className="timeline-track timeline-played" data-testid="timeline-played">
            {!live &&
              runtime.adSpans.map((s, i) => {
                const to = s.to ?? runtime.stats.currentTime;
                return <div key={i} className="timeline-played-span" data-avail={s.availId} style={{ left: `${position(s.from, range) * 100}%`, width: `${Math.max(0.2, (position(to, range) - position(s.from, range)) * 100)}%` }} title={`ads of avail ${s.availId}: ${formatMediaTime(s.from)}–${formatMediaTime(to)}`} />;
              })}
            {live && <span className="empty timeline-note">(live: see the planned lane and the player log)</span>}
            {playhead !== null && <Playhead t={playhead} range={range} />}
          </div>
          <span />
          <Axis range={range} />
        </div>
        {shown && <AvailDetail avail={shown} />}
      </div>
    </section>
  );
}

function AvailBlock({ a, selected, onPick, onHover }: { a: TimelineAvail; selected: boolean; onPick(): void; onHover(on: boolean): void }) {
  const skipped = a.avail.skipped.length;
  return (
    <>
      <button
        type="button"
        className="timeline-marker"
        data-testid="timeline-marker"
        data-avail={a.availId}
        style={{ left: `${a.left * 100}%` }}
        aria-label={`Marker of avail ${a.availId}${a.avail.marker ? ` (${a.avail.marker.source})` : ''}`}
        onClick={onPick}
        onMouseEnter={() => onHover(true)}
        onMouseLeave={() => onHover(false)}
        onFocus={() => onHover(true)}
        onBlur={() => onHover(false)}
      >
        ▼
      </button>
      <div className="timeline-avail" data-testid="timeline-avail" data-avail={a.availId} data-selected={selected} data-fallback={a.avail.fallback ?? undefined} style={{ left: `${a.left * 100}%`, width: `${a.width * 100}%` }} onClick={onPick}>
        {a.blocks.map((b, i) => (
          <div key={i} className="timeline-block" data-testid="timeline-block" data-kind={b.kind} data-ad={b.adId} style={{ left: `${((b.left - a.left) / a.width) * 100}%`, width: `${(b.width / a.width) * 100}%` }} title={`${b.kind}: ${b.label}`}>
            <span>{b.kind === 'fallback' ? `no ads: ${b.label}` : b.label}</span>
          </div>
        ))}
        <AvailSourceBadge avail={a.avail} />
        {skipped > 0 && <span className="timeline-skipped" title={a.avail.skipped.map((s) => `${s.adId}: ${s.reason}`).join('\n')}>{skipped} skipped</span>}
      </div>
    </>
  );
}

function Playhead({ t, range }: { t: number; range: Range }) {
  if (t < range.from || t > range.to) return null;
  return <div className="timeline-playhead" data-testid="timeline-playhead" data-t={t.toFixed(2)} style={{ left: `${position(t, range) * 100}%` }} />;
}

function Axis({ range }: { range: Range }) {
  return (
    <div className="timeline-axis">
      {ticks(range).map((t) => (
        <span key={t} style={{ left: `${position(t, range) * 100}%` }}>
          {formatMediaTime(t)}
        </span>
      ))}
    </div>
  );
}

function AvailDetail({ avail: a }: { avail: AvailView }) {
  return (
    <div className="timeline-detail" data-testid="timeline-detail" data-avail={a.availId}>
      <div>
        <h3>
          Avail {a.availId} at {a.startSeconds !== null ? formatMediaTime(a.startSeconds) : '?'}
        </h3>
        <dl className="timeline-facts">
          <dt>Signalled</dt>
          <dd>{a.durationSeconds !== null ? `${a.durationSeconds.toFixed(1)} s` : 'no duration'}</dd>
          <dt>Filled</dt>
          <dd>
            {a.filledSeconds.toFixed(1)} s ads{a.slateSeconds ? ` + ${a.slateSeconds.toFixed(1)} s slate` : ''}
          </dd>
          <dt>ADS</dt>
          <dd>{a.adsMs !== null ? `${Math.round(a.adsMs)} ms` : '–'}{a.vast ? ` · VAST ${a.vast.version ?? '?'} · ${a.vast.adCount} ad(s)` : ''}</dd>
          <AvailPrefetchFact avail={a} />
          {a.fallback && (
            <>
              <dt>Fallback</dt>
              <dd className="bad">
                {a.fallback}
                {a.fallbackDetail ? `: ${a.fallbackDetail}` : ''}
              </dd>
            </>
          )}
        </dl>
        {a.ads.length > 0 && (
          <ol className="timeline-ads">
            {a.ads.map((ad, i) => (
              <li key={i}>
                <span className="mono">{ad.kind}</span> {ad.title ?? ad.adId} · {ad.duration.toFixed(1)} s
              </li>
            ))}
          </ol>
        )}
        {a.skipped.length > 0 && (
          <ul className="timeline-skipped-list">
            {a.skipped.map((s, i) => (
              <li key={i}>
                skipped <span className="mono">{s.adId}</span>: {s.reason}
                {s.detail ? ` — ${s.detail}` : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
      <Scte35Card marker={a.marker} />
    </div>
  );
}

function Legend({ prefetchWindows }: { prefetchWindows: boolean }) {
  return (
    <span className="timeline-legend" aria-hidden>
      <i data-kind="ad" /> ad <i data-kind="slate" /> slate <i data-kind="fallback" /> no ads <i data-kind="played" /> played
      {prefetchWindows && (
        <>
          {' '}
          <i data-kind="prefetch-window" /> prefetch window
        </>
      )}
    </span>
  );
}
