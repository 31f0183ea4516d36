// Origin | stitched, side by side: a line diff with line numbers on each side; lines the stitcher added on the
// right (green), removed from the origin on the left (red), unchanged lines dimmed. '+' / '−' marks carry the
// same meaning without colour. `focus` scrolls to a line (a clicked lint finding) and flashes it.
import { useEffect, useMemo, useRef } from 'react';
import { displayText } from '../../shared/inspect-manifests';
import { diffStats, sideBySide, type DiffRow } from '../lib/manifest-diff';

export interface DiffFocus {
  side: 'left' | 'right';
  line: number;
  /** Changes on every click, so the same line can be shown twice. */
  nonce: number;
}

const MARK = { same: ' ', removed: '−', added: '+' } as const;

export function ManifestInspectorDiff({ origin, stitched, format, focus }: { origin: string; stitched: string; format: 'hls' | 'dash'; focus?: DiffFocus }) {
  const rows = useMemo(() => sideBySide(displayText(origin, format), displayText(stitched, format)), [origin, stitched, format]);
  const stats = useMemo(() => diffStats(rows), [rows]);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focus || !scroller.current) return;
    const row = scroller.current.querySelector<HTMLElement>(`[data-${focus.side}-line="${focus.line}"]`);
    if (!row) return;
    row.scrollIntoView({ block: 'center' });
    row.classList.remove('mi-flash');
    void row.offsetWidth; // restart the animation
    row.classList.add('mi-flash');
  }, [focus, rows]);

  return (
    <div className="mi-diff" data-testid="manifest-diff">
      <div className="mi-diff-head">
        <span>origin</span>
        <span className="mi-diff-stats mono">
          <span data-kind="removed">−{stats.removed}</span> <span data-kind="added">+{stats.added}</span>
        </span>
        <span>stitched</span>
      </div>
      <div className="mi-diff-scroll" ref={scroller}>
        <table className="mi-diff-table mono">
          <colgroup>
            <col className="mi-col-no" />
            <col className="mi-col-text" />
            <col className="mi-col-no" />
            <col className="mi-col-text" />
          </colgroup>
          <tbody>
            {rows.map((row, i) => (
              <Row key={i} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Row({ row }: { row: DiffRow }) {
  const attrs = {
    ...(row.left ? { 'data-left-line': row.left.no } : {}),
    ...(row.right ? { 'data-right-line': row.right.no } : {}),
  };
  const leftKind = row.kind === 'same' ? 'same' : row.left ? 'removed' : 'empty';
  const rightKind = row.kind === 'same' ? 'same' : row.right ? 'added' : 'empty';
  return (
    <tr data-kind={row.kind} {...attrs}>
      <Cell line={row.left} kind={leftKind} mark={row.left && row.kind !== 'same' ? MARK.removed : MARK.same} />
      <Cell line={row.right} kind={rightKind} mark={row.right && row.kind !== 'same' ? MARK.added : MARK.same} />
    </tr>
  );
}

/** One side of a row: its line number and text, marked when it differs. */
function Cell({ line, kind, mark }: { line: DiffRow['left']; kind: string; mark: string }) {
  return (
    <>
      <td className="mi-no">{line?.no ?? ''}</td>
      <td className="mi-text" data-side-kind={kind}>
        <span className="mi-mark" aria-hidden="true">
          {mark}
        </span>
        {line?.text ?? ''}
      </td>
    </>
  );
}
