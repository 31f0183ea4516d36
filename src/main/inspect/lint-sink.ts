// Where lint rules put findings: labelled with the track and source, the same finding seen on several refreshes
// kept once (its first refresh), and capped so a broken live stream cannot flood the inspector.
import type { LintFinding, LintSource } from '../../shared/inspect-manifests.js';

export type Emit = (f: Omit<LintFinding, 'refreshAt' | 'track' | 'source'>) => void;

export interface SinkOptions {
  track?: string;
  source?: LintSource;
  maxFindings?: number;
}

export function findingSink(opts: SinkOptions) {
  const max = opts.maxFindings ?? 200;
  const seen = new Set<string>();
  const out: LintFinding[] = [];
  let dropped = 0;
  return {
    add(f: LintFinding): void {
      const key = `${f.rule}\n${f.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (out.length >= max) {
        dropped++;
        return;
      }
      out.push({ ...f, ...(opts.track !== undefined ? { track: opts.track } : {}), ...(opts.source ? { source: opts.source } : {}) });
    },
    done(): LintFinding[] {
      if (dropped) out.push({ rule: 'lint-truncated', severity: 'info', message: `${dropped} more finding${dropped > 1 ? 's' : ''} not listed`, ...(opts.track !== undefined ? { track: opts.track } : {}), ...(opts.source ? { source: opts.source } : {}) });
      return out;
    },
  };
}
