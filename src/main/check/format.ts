// The verdict as terminal text: one line per check, evidence indented under failures.
import type { Verdict } from '../../shared/verdict.js';

const MAX_EVIDENCE = 8;

export function formatVerdict(v: Verdict, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const tag = { pass: paint('32', 'PASS'), fail: paint('31;1', 'FAIL'), skip: paint('90', 'SKIP') } as const;
  const width = Math.max(...v.checks.map((c) => c.id.length));
  const lines: string[] = [];
  for (const c of v.checks) {
    lines.push(`  ${tag[c.status]}  ${c.id.padEnd(width)}  ${c.summary}`);
    if (c.status !== 'fail') continue;
    for (const e of c.evidence.slice(0, MAX_EVIDENCE)) lines.push(`        ${' '.repeat(width)}  ${paint('90', '·')} ${e}`);
    if (c.evidence.length > MAX_EVIDENCE) lines.push(`        ${' '.repeat(width)}  … ${c.evidence.length - MAX_EVIDENCE} more`);
  }
  const failed = v.checks.filter((c) => c.status === 'fail');
  const head = v.status === 'pass' ? paint('32;1', 'PASS') : v.status === 'fail' ? paint('31;1', 'FAIL') : paint('33;1', 'PENDING');
  const passed = v.checks.filter((c) => c.status === 'pass').length;
  lines.push(
    `verdict: ${head} — ${passed} passed, ${failed.length} failed, ${v.checks.length - passed - failed.length} skipped` +
      (failed.length ? ` (${failed.map((c) => c.id).join(', ')})` : v.status === 'pending' ? ' (nothing could be judged: no avail was reached)' : ''),
  );
  return lines.join('\n');
}
