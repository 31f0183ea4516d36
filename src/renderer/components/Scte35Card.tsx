// A marker as the origin sent it: tag kind, the SCTE-35 splice_info_section decoded field by field, and the
// raw payload (selectable, for pasting into other tools).
import type { AvailView } from '../../shared/session-view';

export function Scte35Card({ marker }: { marker: AvailView['marker'] }) {
  if (!marker) return <div className="scte35-card empty">No marker (VMAP or ad plan insertion)</div>;
  const s = marker.scte;
  const rows: [string, string | undefined][] = s
    ? [
        ['command', s.command],
        ['event id', s.eventId !== undefined ? `${s.eventId} (0x${s.eventId.toString(16)})` : undefined],
        ['out of network', s.outOfNetwork === undefined ? undefined : String(s.outOfNetwork)],
        ['cancelled', s.cancelled ? 'yes' : undefined],
        ['PTS', s.ptsSeconds !== undefined ? `${s.ptsSeconds.toFixed(3)} s` : undefined],
        ['duration', s.durationSeconds !== undefined ? `${s.durationSeconds.toFixed(3)} s` : undefined],
        ['segmentation type', s.segmentationTypeId !== undefined ? `0x${s.segmentationTypeId.toString(16).padStart(2, '0')} ${s.segmentationTypeName ?? ''}` : undefined],
        ['UPID', s.upid ? `${s.upid.typeName ?? `type ${s.upid.type}`}: ${s.upid.value}` : undefined],
        ['segment', s.segmentNum !== undefined ? `${s.segmentNum} of ${s.segmentsExpected ?? '?'}` : undefined],
        ['avail', s.avail ? `${s.avail.num} of ${s.avail.expected}` : undefined],
      ]
    : [];
  return (
    <div className="scte35-card" data-testid="scte35-card">
      <h3>
        Marker <span className="mono">{marker.source}</span>
        {marker.eventId ? ` · id ${marker.eventId}` : ''}
      </h3>
      {s ? (
        <dl>
          {rows
            .filter((r): r is [string, string] => r[1] !== undefined)
            .map(([k, v]) => (
              <div key={k} className="scte35-row">
                <dt>{k}</dt>
                <dd className="mono" data-field={k}>
                  {v}
                </dd>
              </div>
            ))}
        </dl>
      ) : (
        <p className="empty">No SCTE-35 payload: the tag alone signalled the break.</p>
      )}
      {marker.scte35 && <code className="scte35-raw">{marker.scte35}</code>}
    </div>
  );
}
