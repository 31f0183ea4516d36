// The QA verdict: automatic checks over a session (GET /api/sessions/{id}/verdict), as the UI, the JUnit export
// and `stitchbench check` read them.

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable id, e.g. "beacons-complete" (JUnit testcase name). */
  id: string;
  /** What is checked, in words. */
  title: string;
  status: CheckStatus;
  /** One line: why it passed, failed or was skipped. */
  summary: string;
  /** The facts behind it, one per line (which beacon, which avail, which refresh …). */
  evidence: string[];
}

export interface Verdict {
  sessionId: string;
  /** When it was computed (epoch ms). */
  at: number;
  /** fail if any check failed; pass if none failed and at least one passed; pending while every check is skipped. */
  status: 'pass' | 'fail' | 'pending';
  checks: CheckResult[];
  /** What the verdict saw: how far the player got, how many avails and beacons were judged. */
  scope: { format: 'hls' | 'dash'; live: boolean; reportingMode: 'server' | 'client'; avails: number; ads: number; beaconsExpected: number; playheadSeconds: number | null; playerReports: number };
}
