// The response body of one exchange, fetched when shown: pretty-printed (XML indented, JSON formatted) or raw, with
// line numbers; long bodies render in steps so a 256 KiB answer never freezes the page.
import { useEffect, useMemo, useState } from 'react';
import type { AdsExchange } from '../../shared/inspect-ads';
import { adsExchangeBodyUrl, fetchAdsExchangeBody } from '../api/ads-exchanges';
import { BODY_LINES_STEP, formatBytes, prettyBody } from './AdsInspectorModel';

type Loaded = { id: string; text: string } | { id: string; error: string };

export function AdsInspectorBody({ sessionId, exchange: x }: { sessionId: string; exchange: AdsExchange }) {
  const hasBody = x.status !== 0;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [raw, setRaw] = useState(false);
  const [shown, setShown] = useState(BODY_LINES_STEP);

  useEffect(() => {
    setShown(BODY_LINES_STEP);
    if (!hasBody) return;
    const controller = new AbortController();
    fetchAdsExchangeBody(sessionId, x.id, controller.signal)
      .then((text) => setLoaded({ id: x.id, text }))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setLoaded({ id: x.id, error: err instanceof Error ? err.message : String(err) });
      });
    return () => controller.abort();
  }, [sessionId, x.id, hasBody]);

  const current = loaded?.id === x.id ? loaded : null;
  const text = current && 'text' in current ? current.text : null;
  const formatted = useMemo(() => (text === null ? null : prettyBody(text, x.contentType)), [text, x.contentType]);
  const lines = useMemo(() => {
    if (text === null || !formatted) return [];
    return (raw || !formatted.pretty ? text : formatted.text).split('\n');
  }, [text, formatted, raw]);

  if (!hasBody) return <p className="empty">{x.requested ? 'No response arrived.' : 'Nothing was sent.'}</p>;
  if (current && 'error' in current) return <p className="ai-error">Body not available: {current.error}</p>;
  if (text === null) return <p className="empty">Loading…</p>;
  if (text === '') return <p className="empty">Empty body (0 bytes).</p>;

  const visible = lines.length > shown ? lines.slice(0, shown) : lines;
  return (
    <div className="ai-body-view">
      <div className="ai-body-bar">
        {formatted?.pretty && (
          <button type="button" className="ai-link" aria-pressed={!raw} onClick={() => setRaw((r) => !r)}>
            {raw ? 'Pretty-print' : 'Show as received'}
          </button>
        )}
        <span className="ai-dim mono">
          {lines.length} lines · {formatBytes(x.bodyBytes)}
        </span>
        {x.bodyTruncated && (
          <span className="ai-warn" role="note">
            truncated: the engine keeps the first 256 KiB
          </span>
        )}
        <a className="ai-link" href={adsExchangeBodyUrl(sessionId, x.id)} target="_blank" rel="noreferrer">
          Open raw
        </a>
      </div>
      <pre className="ai-code" data-testid="ads-exchange-body" aria-label="Response body">
        {visible.map((line, i) => (
          <span key={i} className="ai-line">
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
      {lines.length > shown && (
        <button type="button" className="ai-link ai-more" onClick={() => setShown((n) => n + BODY_LINES_STEP)}>
          Show {Math.min(BODY_LINES_STEP, lines.length - shown)} more of {lines.length - shown} remaining lines
        </button>
      )}
    </div>
  );
}
