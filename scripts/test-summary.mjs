#!/usr/bin/env node
// Sums the unit (Vitest) and e2e (Playwright) JSON reports into the one closing line CI reads:
// "N passed, N failed, N skipped". Skipped tests are listed with their stated reasons.
import { existsSync, readFileSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const reasons = [];

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const unit = readJson('reports/unit.json');
if (unit) {
  totals.passed += unit.numPassedTests ?? 0;
  totals.failed += (unit.numFailedTests ?? 0) + (unit.numRuntimeErrorTestSuites ?? 0);
  totals.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  for (const file of unit.testResults ?? []) {
    // A file that failed to load has no assertion results but must count as a failure.
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) totals.failed += 1;
  }
} else {
  console.log('test-summary: no unit report (did the unit tests run?)');
}

const e2e = readJson('reports/e2e.json');
if (e2e) {
  const s = e2e.stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') {
          const why = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
          reasons.push(`${t.projectName}: ${[...path, spec.title].join(' › ')} — skipped: ${why}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of e2e.suites ?? []) walk(suite, [suite.title]);
  if ((e2e.errors ?? []).length) totals.failed += e2e.errors.length;
} else {
  console.log('test-summary: no e2e report (did the e2e tests run?)');
}

// A run that failed before or outside any test (typecheck, build, a crashed runner) is a failure too.
const statusArg = process.argv.indexOf('--status');
const status = statusArg > 0 ? Number(process.argv[statusArg + 1]) : 0;
if (status !== 0 && totals.failed === 0) {
  console.log(`test-summary: the test command exited with status ${status} outside any test (typecheck/build?)`);
  totals.failed = 1;
}

for (const r of reasons) console.log(r);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
