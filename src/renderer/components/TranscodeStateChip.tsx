// A job (or pre-warm line) state as a chip: coloured by data-state in styles.css, and always spelled out.
import type { TranscodeJobState } from '../../shared/transcode';

export function TranscodeStateChip({ state }: { state: TranscodeJobState | 'skipped' }) {
  return (
    <span className="transcode-state" data-state={state}>
      {state}
    </span>
  );
}
