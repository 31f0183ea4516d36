// MediaTailor's three latencies for the focused session — manifest processing, origin, ADS — and segment
// time-to-first-byte as the player saw it, each live with p50/p95/max and the timeouts that bound them
// (ADS 3 s and origin 2 s, MediaTailor's limits), and the ADS latency prefetching spared its breaks.
import { useFocusedSession } from '../hooks/useFocusedSession';
import { latencyStats } from '../lib/percentiles';
import { seriesOf, useLatency, type LatencySeries } from '../store/latency';
import { LatencyChart } from './LatencyChart';
import { PrefetchSavings } from './PrefetchSavings';
import '../styles/latency.css';

const SERIES: { id: LatencySeries; title: string; note: string; limitMs?: number; color: string }[] = [
  { id: 'processing', title: 'Manifest processing', note: 'stitcher time per manifest, origin and ADS waits excluded', color: '#a78bfa' },
  { id: 'origin', title: 'Origin', note: 'origin manifest fetch · timeout 2 s', limitMs: 2000, color: '#60a5fa' },
  { id: 'ads', title: 'Ad decision server', note: 'each ADS request incl. wrapper hops · timeout 3 s', limitMs: 3000, color: '#f472b6' },
  { id: 'ttfb', title: 'Segment TTFB', note: 'time to first byte of video segments in the player (ad segments include the 302)', color: '#facc15' },
];

export function LatencyPanel() {
  const { sessionId } = useFocusedSession();
  return (
    <section className="panel latency-panel" data-testid="latency-panel" aria-labelledby="latency-heading">
      <header className="panel-header">
        <h2 id="latency-heading">Latency</h2>
        <span className="panel-note">{sessionId ? `session ${sessionId.slice(0, 8)}` : 'no session'}</span>
      </header>
      <PrefetchSavings sessionId={sessionId} />
      <div className="latency-grid">
        {SERIES.map((s) => (
          <LatencyCard key={s.id} sessionId={sessionId} {...s} />
        ))}
      </div>
    </section>
  );
}

function LatencyCard({ sessionId, id, title, note, limitMs, color }: { sessionId: string | null; id: LatencySeries; title: string; note: string; limitMs?: number; color: string }) {
  const points = useLatency((s) => seriesOf(s, sessionId, id));
  const stats = latencyStats(points);
  const fmt = (ms: number) => (ms >= 100 ? Math.round(ms).toString() : ms.toFixed(1));
  return (
    <div className="latency-card" data-testid="latency-card" data-series={id} data-count={stats?.count ?? 0}>
      <div className="latency-card-head">
        <h3>{title}</h3>
        {stats ? (
          <dl className="latency-stats">
            <dt>p50</dt>
            <dd data-stat="p50">{fmt(stats.p50)} ms</dd>
            <dt>p95</dt>
            <dd data-stat="p95">{fmt(stats.p95)} ms</dd>
            <dt>max</dt>
            <dd data-stat="max">{fmt(stats.max)} ms</dd>
            <dt>n</dt>
            <dd>{stats.count}</dd>
            {stats.timeouts > 0 && (
              <dd className="latency-timeouts" data-stat="timeouts">
                {stats.timeouts} timeout{stats.timeouts > 1 ? 's' : ''}
              </dd>
            )}
          </dl>
        ) : (
          <span className="empty">no samples yet</span>
        )}
      </div>
      <p className="latency-note">{note}</p>
      <LatencyChart points={points} color={color} label={title} {...(limitMs !== undefined ? { limitMs } : {})} />
    </div>
  );
}
