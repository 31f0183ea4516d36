// The parsed answer: a VAST's ads (InLine and Wrapper) or a VMAP's breaks, as tables.
import { Fragment } from 'react';
import type { AdsExchange } from '../../shared/inspect-ads';

export function AdsInspectorAds({ exchange: x }: { exchange: AdsExchange }) {
  if (x.doc === 'vmap') {
    const breaks = x.breaks ?? [];
    return (
      <>
        <h3 className="ai-h">VMAP breaks ({breaks.length})</h3>
        {breaks.length === 0 ? (
          <p className="empty">{x.failure ? 'The document could not be read.' : 'No breaks.'}</p>
        ) : (
          <table className="ai-table" data-testid="ads-exchange-breaks">
            <thead>
              <tr>
                <th>Break</th>
                <th>Offset</th>
                <th>Source</th>
                <th>Tracking</th>
              </tr>
            </thead>
            <tbody>
              {breaks.map((b, i) => (
                <tr key={`${i}:${b.breakId ?? ''}`}>
                  <td className="mono">{b.breakId ?? `#${i + 1}`}</td>
                  <td className="mono">{b.timeOffset}</td>
                  <td className="ai-wrap">{b.source === 'tag' ? <span className="mono">{b.tagUrl}</span> : b.source === 'inline' ? 'inline VAST' : 'none'}</td>
                  <td>{b.trackingEvents.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    );
  }
  return (
    <>
      <h3 className="ai-h">Parsed ads ({x.ads.length})</h3>
      {x.ads.length === 0 ? (
        <p className="empty">{x.failure ? 'Nothing parsed: the exchange failed.' : x.status === 0 ? 'No answer.' : 'No ads in the answer (no fill).'}</p>
      ) : (
        <table className="ai-table" data-testid="ads-exchange-ads">
          <thead>
            <tr>
              <th>Ad</th>
              <th>Seq</th>
              <th>System / title</th>
              <th>Duration</th>
              <th>Creative</th>
              <th>Media</th>
              <th>Tracking</th>
            </tr>
          </thead>
          <tbody>
            {x.ads.map((a, i) => (
              <Fragment key={`${i}:${a.id}`}>
                <tr data-kind={a.kind} className={a.kind === 'wrapper' ? 'ai-has-sub' : undefined}>
                  <td className="mono">
                    {a.id}
                    {a.kind === 'wrapper' && <span className="ai-tag">Wrapper</span>}
                  </td>
                  <td className="mono">{a.sequence ?? '—'}</td>
                  <td>
                    {a.adSystem ?? '—'}
                    {a.adTitle && <div className="ai-dim">{a.adTitle}</div>}
                  </td>
                  <td className="mono">{a.durationSeconds !== undefined ? `${a.durationSeconds} s` : '—'}</td>
                  <td className="mono">{[a.creativeId, a.creativeAdId].filter(Boolean).join(' / ') || '—'}</td>
                  <td>{a.kind === 'wrapper' ? 'redirect ↓' : `${a.mediaFiles} file${a.mediaFiles === 1 ? '' : 's'}${a.mezzanines ? ` + ${a.mezzanines} mezzanine` : ''}`}</td>
                  <td>
                    <div className="ai-tracking">
                      <span>impression ×{a.impressions}</span>
                      {Object.entries(a.tracking).map(([ev, n]) => (
                        <span key={ev}>
                          {ev} ×{n}
                        </span>
                      ))}
                      {a.errorUrls > 0 && <span>error ×{a.errorUrls}</span>}
                    </div>
                  </td>
                </tr>
                {a.kind === 'wrapper' && (
                  <tr className="ai-subrow">
                    <td colSpan={7}>
                      <span className="ai-dim">VASTAdTagURI </span>
                      <span className="mono">{a.wrapperTarget}</span>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {x.ignored && x.ignored.length > 0 && (
        <p className="ai-dim">
          Skipped: {x.ignored.map((i) => `${i.adId ?? 'Ad'} (${i.reason}: ${i.detail})`).join('; ')}
        </p>
      )}
      {x.rootErrorUrls && x.rootErrorUrls.length > 0 && <p className="ai-dim">Root &lt;Error&gt; URLs: {x.rootErrorUrls.length} (pinged with 303 on no fill)</p>}
    </>
  );
}
