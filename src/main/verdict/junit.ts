// The verdict as JUnit XML: one testsuite per session, one testcase per check — what CI dashboards read.
import type { Verdict } from '../../shared/verdict.js';

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function verdictJUnit(v: Verdict, suiteName = `stitchbench.session.${v.sessionId}`): string {
  const failures = v.checks.filter((c) => c.status === 'fail').length;
  const skipped = v.checks.filter((c) => c.status === 'skip').length;
  const cases = v.checks.map((c) => {
    const open = `    <testcase classname="${esc(suiteName)}" name="${esc(`${c.id}: ${c.title}`)}" time="0">`;
    const body = c.evidence.length ? `\n      <system-out>${esc(c.evidence.join('\n'))}</system-out>` : '';
    if (c.status === 'fail') return `${open}\n      <failure message="${esc(c.summary)}" type="${esc(c.id)}">${esc([c.summary, ...c.evidence].join('\n'))}</failure>${body}\n    </testcase>`;
    if (c.status === 'skip') return `${open}\n      <skipped message="${esc(c.summary)}"/>\n    </testcase>`;
    return `${open}${body}\n    </testcase>`;
  });
  const ts = new Date(v.at).toISOString().replace(/\.\d+Z$/, '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="stitchbench" tests="${v.checks.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    `  <testsuite name="${esc(suiteName)}" tests="${v.checks.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${ts}">`,
    `    <properties>${Object.entries(v.scope).map(([k, val]) => `<property name="${esc(k)}" value="${esc(String(val))}"/>`).join('')}</properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
