// One exchange in full: outcome, the URL as base + decoded query parameters, the headers sent, the parsed ads (or
// VMAP breaks) and the body. Wrapper links jump to the exchange they led to or came from.
import type { AdsExchange } from '../../shared/inspect-ads';
import { AdsInspectorAds } from './AdsInspectorAds';
import { AdsInspectorBody } from './AdsInspectorBody';
import { formatBytes, formatClock, formatMs, statusChip, urlBase } from './AdsInspectorModel';

interface Props {
  sessionId: string;
  exchange: AdsExchange;
  exchanges: AdsExchange[];
  onSelect: (id: string) => void;
}

export function AdsInspectorDetail({ sessionId, exchange: x, exchanges, onSelect }: Props) {
  const chip = statusChip(x);
  const parent = x.parentId !== undefined ? exchanges.find((e) => e.id === x.parentId) : undefined;
  const children = exchanges.filter((e) => e.parentId === x.id);
  const headers = Object.entries(x.requestHeaders);
  return (
    <div className="ai-detail" data-testid="ads-exchange-detail" data-exchange={x.id}>
      <div className="ai-detail-head">
        <span className="ai-chip" data-tone={chip.tone}>
          {chip.label}
        </span>
        <span className="mono">{x.requested ? formatMs(x.ms) : 'not sent'}</span>
        <span className="ai-dim">
          {formatClock(x.at)} · depth {x.depth}
          {x.availId !== undefined ? ` · avail ${x.availId}` : ''} · {x.doc.toUpperCase()}
          {x.version ? ` ${x.version}` : ''}
          {x.contentType ? ` · ${x.contentType}` : ''}
          {x.status !== 0 ? ` · ${formatBytes(x.bodyBytes)}` : ''}
        </span>
      </div>
      {x.error && (
        <p className="ai-error" role="note">
          {x.errorCode !== undefined && <span className="mono">[{x.errorCode}] </span>}
          {x.error}
        </p>
      )}
      {(parent || children.length > 0) && (
        <p className="ai-links">
          {parent && (
            <button type="button" className="ai-link" onClick={() => onSelect(parent.id)}>
              ↑ {parent.doc === 'vmap' ? 'from the VMAP' : 'from the Wrapper at depth ' + parent.depth}
            </button>
          )}
          {children.map((c) => (
            <button key={c.id} type="button" className="ai-link" onClick={() => onSelect(c.id)}>
              ↓ {c.requested ? 'led to' : 'refused'} depth {c.depth} ({statusChip(c).label})
            </button>
          ))}
        </p>
      )}

      <h3 className="ai-h">Request</h3>
      <div className="ai-url mono" data-testid="ads-exchange-url">
        {urlBase(x.url)}
      </div>
      {x.urlTemplate && (
        <div className="ai-template">
          <span className="ai-dim">configured as </span>
          <span className="mono">{x.urlTemplate}</span>
        </div>
      )}
      {x.query.length > 0 && (
        <table className="ai-table ai-kv" data-testid="ads-exchange-query">
          <thead>
            <tr>
              <th>Parameter</th>
              <th>Value (decoded)</th>
            </tr>
          </thead>
          <tbody>
            {x.query.map(([name, value], i) => (
              <tr key={`${i}:${name}`}>
                <td className="mono">{name}</td>
                <td className="mono">{value === '' ? <span className="ai-dim">(empty)</span> : value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className="ai-table ai-kv">
        <thead>
          <tr>
            <th>Header sent</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {headers.length === 0 ? (
            <tr>
              <td colSpan={2} className="ai-dim">
                none beyond the HTTP client’s defaults
              </td>
            </tr>
          ) : (
            headers.map(([name, value]) => (
              <tr key={name}>
                <td className="mono">{name}</td>
                <td className="mono">{value}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <AdsInspectorAds exchange={x} />

      <h3 className="ai-h">Response body</h3>
      <AdsInspectorBody sessionId={sessionId} exchange={x} />
    </div>
  );
}
