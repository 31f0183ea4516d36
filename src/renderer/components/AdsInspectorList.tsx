// The exchanges grouped by avail, each group a wrapper tree: root request → redirect → … → InLine, indented.
import type { AdsExchange } from '../../shared/inspect-ads';
import { answerSummary, formatMs, shortUrl, statusChip, type AvailGroup } from './AdsInspectorModel';

interface Props {
  groups: AvailGroup[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function AdsInspectorList({ groups, selectedId, onSelect }: Props) {
  return (
    <div className="ai-list" aria-label="ADS requests by avail">
      {groups.map((g) => (
        <div key={g.key} className="ai-group" role="group" aria-label={g.label} data-testid="ads-avail-group" data-avail={g.availId ?? ''}>
          <div className="ai-group-head">
            <span className="ai-group-label">{g.label}</span>
            <span className="ai-group-facts mono" title="Wall time from the first request to the last answer">
              {g.nodes.length} req · ADS {formatMs(g.totalMs)}
            </span>
            {g.failures > 0 && <span className="ai-group-failed">{g.failures} failed</span>}
          </div>
          {g.nodes.map(({ x, level, parentElsewhere }) => (
            <ExchangeRow key={x.id} x={x} level={level} selected={x.id === selectedId} onSelect={onSelect} {...(parentElsewhere ? { from: parentElsewhere } : {})} />
          ))}
        </div>
      ))}
    </div>
  );
}

function ExchangeRow({ x, level, selected, onSelect, from }: { x: AdsExchange; level: number; selected: boolean; onSelect: (id: string) => void; from?: string }) {
  const chip = statusChip(x);
  return (
    <button
      type="button"
      aria-pressed={selected}
      className="ai-row"
      data-testid="ads-exchange"
      data-status={x.status}
      data-failure={x.failure ?? ''}
      data-depth={x.depth}
      data-selected={selected}
      style={{ paddingLeft: `${8 + level * 18}px` }}
      onClick={() => onSelect(x.id)}
      title={x.url}
    >
      {level > 0 && (
        <span className="ai-branch" aria-hidden="true">
          ↳
        </span>
      )}
      <span className="ai-chip" data-tone={chip.tone}>
        {chip.label}
      </span>
      <span className="ai-row-ms mono">{x.requested ? formatMs(x.ms) : '—'}</span>
      <span className="ai-row-depth mono" title="Wrapper depth">
        d{x.depth}
      </span>
      <span className="ai-row-what">{level > 0 || x.depth > 0 ? 'redirect' : from ? 'tag' : 'request'}</span>
      <span className="ai-row-url mono">{shortUrl(x.url)}</span>
      <span className="ai-row-answer">{answerSummary(x)}</span>
    </button>
  );
}
