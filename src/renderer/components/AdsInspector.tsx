// The ADS inspector: what the stitcher asked the ad decision server for each avail and what came back — every
// request with its expanded URL, headers, status, latency and wrapper chain, and the selected one's body and ads.
// Polls the engine every 2 s (bodies are fetched only for the exchange being looked at).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AdsExchange } from '../../shared/inspect-ads';
import { fetchAdsExchanges } from '../api/ads-exchanges';
import { ApiError } from '../api/http';
import { AdsInspectorDetail } from './AdsInspectorDetail';
import { AdsInspectorList } from './AdsInspectorList';
import { groupExchanges } from './AdsInspectorModel';
import './ads-inspector.css';

const POLL_MS = 2000;

export interface AdsInspectorProps {
  sessionId: string | null;
}

export function AdsInspector({ sessionId }: AdsInspectorProps) {
  const { exchanges, error } = useAdsExchanges(sessionId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const groups = useMemo(() => groupExchanges(exchanges), [exchanges]);
  const selected = exchanges.find((x) => x.id === selectedId) ?? null;
  const failures = exchanges.filter((x) => x.failure !== undefined).length;

  useEffect(() => setSelectedId(null), [sessionId]);

  return (
    <section className="panel ads-inspector" data-testid="ads-inspector" aria-labelledby="ads-inspector-heading">
      <header className="panel-header">
        <h2 id="ads-inspector-heading">ADS inspector</h2>
        {sessionId && (
          <span className="ai-summary">
            <span className="mono">{exchanges.length}</span> request{exchanges.length === 1 ? '' : 's'} ·{' '}
            <span className="mono">{groups.filter((g) => g.availId !== undefined).length}</span> avail(s)
            {failures > 0 && (
              <>
                {' · '}
                <span className="ai-failed-count">{failures} failed</span>
              </>
            )}
          </span>
        )}
        {error && (
          <span className="ai-load-error" role="status" title={error}>
            not updated: {error}
          </span>
        )}
      </header>
      {!sessionId ? (
        <p className="empty ai-pad">Start a session to see its ad decision server requests.</p>
      ) : exchanges.length === 0 ? (
        <p className="empty ai-pad">No ADS request yet: they are made when a player reaches an ad break (VOD: on the first playlist).</p>
      ) : (
        <div className="ai-body">
          <AdsInspectorList groups={groups} selectedId={selectedId} onSelect={setSelectedId} />
          {selected ? (
            <AdsInspectorDetail sessionId={sessionId} exchange={selected} exchanges={exchanges} onSelect={setSelectedId} />
          ) : (
            <p className="empty ai-pad ai-detail-empty">Select a request to see its URL, headers, body and ads.</p>
          )}
        </div>
      )}
    </section>
  );
}

/** A session's exchanges, refreshed every 2 s; the last good list stays on screen when a poll fails. */
function useAdsExchanges(sessionId: string | null): { exchanges: AdsExchange[]; error: string | null } {
  const [exchanges, setExchanges] = useState<AdsExchange[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Exchanges never change once recorded: an unchanged id list means nothing to re-render.
  const signature = useRef('');

  useEffect(() => {
    setExchanges([]);
    setError(null);
    signature.current = '';
    if (!sessionId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const res = await fetchAdsExchanges(sessionId, controller.signal);
        const sig = res.exchanges.map((x) => x.id).join(',');
        if (sig !== signature.current) {
          signature.current = sig;
          setExchanges(res.exchanges);
        }
        setError(null);
      } catch (err) {
        if (controller.signal.aborted) return;
        // A session the engine no longer knows is not an outage: say so once and keep what was shown.
        setError(err instanceof ApiError && err.status === 404 ? 'session unknown to the engine' : err instanceof Error ? err.message : String(err));
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [sessionId]);

  return { exchanges, error };
}
