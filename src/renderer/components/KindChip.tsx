// An event kind as a coloured chip; the colour comes from styles.css by data-kind.
import type { BenchEventKind } from '../../shared/events';

export function KindChip({ kind }: { kind: BenchEventKind }) {
  return (
    <span className="kind-chip" data-kind={kind}>
      {kind}
    </span>
  );
}
