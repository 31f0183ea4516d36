// Expected vs fired, per avail and ad: every beacon the plan owes (from the decision), whether and when it was
// fired, by whom (server or the player through the bench), with each URL's HTTP status and latency. The data
// the beacon-log panel and the QA verdict read (GET /api/sessions/{id}/beacons).
import type { BeaconReport, BeaconState } from '../../shared/beacons.js';
import type { Session } from '../sessions/types.js';
import { expectedFor, type FiredBeacon } from './tracker.js';

export type { BeaconState };

export function beaconReport(session: Session): BeaconReport {
  const ledger: Map<string, FiredBeacon> = session.beacons ?? new Map();
  const counts: Record<BeaconState, number> = { fired: 0, failed: 0, 'in-flight': 0, 'not-fired': 0 };
  const avails = [...session.decided.values()]
    .sort((a, b) => a.key - b.key)
    .filter((d) => !d.fallback)
    .map((d) => {
      const time = session.availTimes?.get(d.key);
      const expected = expectedFor(d);
      const ads = d.items
        .map((it, item) => ({ it, item }))
        .filter(({ it }) => it.kind === 'ad')
        .map(({ it, item }) => {
          const adStart = time ? time.start + it.offset - d.startOffset : undefined;
          return {
            item,
            adId: it.adId,
            title: it.ad?.adTitle ?? null,
            startSeconds: adStart ?? null,
            durationSeconds: it.duration,
            beacons: expected
              .filter((b) => b.item === item)
              .map((b) => {
                const f = ledger.get(b.id);
                const state: BeaconState = !f ? 'not-fired' : f.results.length < b.urls.length ? 'in-flight' : f.results.some((r) => r.error || r.status === 0 || r.status >= 400) ? 'failed' : 'fired';
                counts[state]++;
                return {
                  id: b.id,
                  event: b.event,
                  offsetSeconds: b.offset,
                  dueAtSeconds: adStart !== undefined ? Math.round((adStart + b.offset) * 1000) / 1000 : null,
                  urls: b.urls,
                  state,
                  ...(f ? { sender: f.sender, firedAt: f.firedAt, trigger: f.trigger, results: f.results, ...(f.duplicates ? { duplicates: f.duplicates } : {}) } : {}),
                };
              }),
          };
        });
      return { availId: d.availId, key: d.key, startSeconds: time?.start ?? null, ads };
    });
  return { sessionId: session.id, reportingMode: session.request.reportingMode, summary: { expected: Object.values(counts).reduce((a, b) => a + b, 0), ...counts }, avails };
}
