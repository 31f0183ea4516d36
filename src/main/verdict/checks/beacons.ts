// Beacons: every beacon owed for what played was fired and answered 2xx, in VAST order, on time, and once.
import type { BeaconAd, BeaconEntry } from '../../../shared/beacons.js';
import type { CheckResult } from '../../../shared/verdict.js';
import type { Evidence } from '../evidence.js';
import { playedAcross, playedThrough as played, wallTimeAt } from '../playhead.js';
import { fail, pass, plural, skip } from './result.js';

/** A client beacon more than this after the playhead reached its time is late (IAB: "as close as possible"). */
export const LATE_MS = 2000;
/** Server-side beacons fire on the segment request, ahead of the playhead by the player's buffer: only this far
 *  ahead counts as early (hls.js buffers 30 s by default; 60 s leaves room for larger buffers). */
export const SERVER_EARLY_MS = 60_000;
/** Client-side beacons should fire as the playhead crosses their time. */
export const CLIENT_EARLY_MS = 1000;

interface AdRef {
  availId: string;
  ad: BeaconAd;
}

function adsOf(ev: Evidence): AdRef[] {
  return ev.beacons.avails.flatMap((a) => a.ads.map((ad) => ({ availId: a.availId, ad })));
}

const label = (r: AdRef, b?: BeaconEntry) => `avail ${r.availId} ad ${r.ad.adId}${b ? ` ${b.event}${b.event === 'progress' ? `@${b.offsetSeconds}s` : ''}` : ''}`;

/** Ads a player played to the end: with player reports, the playhead played through the ad's last moment;
 *  without, the stitcher fired the ad's complete (it saw the last segment requested). */
function playedThrough(ev: Evidence, r: AdRef): boolean {
  const end = r.ad.startSeconds !== null ? r.ad.startSeconds + r.ad.durationSeconds : null;
  if (ev.playhead.samples > 0 && end !== null) return played(ev.playhead, end - 0.5);
  return r.ad.beacons.some((b) => b.event === 'complete' && b.state !== 'not-fired');
}

/** Beacons owed so far: those whose moment a player played through (not skipped by a seek, not before a live
 *  join). Without player reports, all of a played-through ad's. */
function owed(ev: Evidence, r: AdRef): BeaconEntry[] {
  if (ev.playhead.samples === 0) return playedThrough(ev, r) ? r.ad.beacons : [];
  const end = r.ad.startSeconds !== null ? r.ad.startSeconds + r.ad.durationSeconds : Infinity;
  // Owed once playback ran from the moment to a little past it (a player stopped right at an ad's start never
  // showed it; one that joined just after the moment never played it).
  return r.ad.beacons.filter((b) => {
    if (b.dueAtSeconds === null) return false;
    const to = Math.min(b.dueAtSeconds + 0.5, end - 0.5);
    return playedAcross(ev.playhead, Math.min(b.dueAtSeconds, to), to);
  });
}

export function beaconsComplete(ev: Evidence): CheckResult {
  const id = 'beacons-complete';
  const title = 'Every beacon due was fired and answered 2xx';
  const refs = adsOf(ev);
  if (refs.length === 0) return skip(id, title, 'No ads placed yet');
  const due = refs.flatMap((r) => owed(ev, r).map((b) => ({ r, b })));
  if (due.length === 0) return skip(id, title, 'No ad has played far enough for its beacons to be due');
  const missing = due.filter(({ b }) => b.state === 'not-fired');
  const failed = due.filter(({ b }) => b.state === 'failed');
  const pending = due.filter(({ b }) => b.state === 'in-flight');
  const evidence = [
    ...missing.map(({ r, b }) => `${label(r, b)}: missing (due at ${b.dueAtSeconds ?? '?'} s, never fired)`),
    ...failed.map(({ r, b }) => `${label(r, b)}: failed — ${(b.results ?? []).filter((x) => x.error || x.status === 0 || x.status >= 400).map((x) => `${x.error ?? `HTTP ${x.status}`} after ${x.attempts} attempt(s) from ${new URL(x.url).host}`).join('; ')}`),
    ...pending.map(({ r, b }) => `${label(r, b)}: still in flight`),
  ];
  const ok = due.length - missing.length - failed.length - pending.length;
  if (missing.length || failed.length) {
    const parts = [missing.length ? `${missing.length} missing` : '', failed.length ? `${failed.length} failed` : ''].filter(Boolean).join(', ');
    return fail(id, title, `${parts} of ${plural(due.length, 'beacon')} due`, evidence);
  }
  if (pending.length) return skip(id, title, `${plural(pending.length, 'beacon')} still in flight`, evidence);
  return pass(id, title, `${ok}/${due.length} beacons fired with 2xx (${plural(refs.filter((r) => playedThrough(ev, r)).length, 'ad')} played through)`);
}

/** VAST order within an ad: impression and start, then the quartiles, then complete (progress by offset). */
export function beaconsInOrder(ev: Evidence): CheckResult {
  const id = 'beacons-order';
  const title = 'Beacons fired in playback order';
  const refs = adsOf(ev);
  const bad: string[] = [];
  let judged = 0;
  for (const r of refs) {
    const fired = r.ad.beacons.filter((b) => b.firedAt !== undefined && !b.event.startsWith('break'));
    if (fired.length < 2) continue;
    judged++;
    // Expected beacons are listed by offset; a later offset must not fire before an earlier one.
    const byOffset = [...fired].sort((a, b) => a.offsetSeconds - b.offsetSeconds);
    for (let i = 1; i < byOffset.length; i++) {
      const prev = byOffset[i - 1]!;
      const cur = byOffset[i]!;
      if (cur.offsetSeconds > prev.offsetSeconds && cur.firedAt! < prev.firedAt!) bad.push(`${label(r, cur)} fired ${prev.firedAt! - cur.firedAt!} ms before ${prev.event}`);
    }
  }
  if (judged === 0) return skip(id, title, 'No ad has fired two beacons yet');
  return bad.length ? fail(id, title, `${plural(bad.length, 'beacon')} out of order`, bad) : pass(id, title, `${plural(judged, 'ad')} in order`);
}

export type Timing = { deltaMs: number; verdict: 'on-time' | 'early' | 'late' };

/** How a fired beacon's time compares with the moment the playhead reached its time, when both are known. */
export function beaconTiming(ev: Evidence, b: BeaconEntry): Timing | undefined {
  if (b.firedAt === undefined || b.dueAtSeconds === null) return undefined;
  const reached = wallTimeAt(ev.playhead, b.dueAtSeconds);
  if (reached === undefined) return undefined;
  const deltaMs = Math.round(b.firedAt - reached);
  const early = ev.reportingMode === 'server' ? SERVER_EARLY_MS : CLIENT_EARLY_MS;
  return { deltaMs, verdict: deltaMs > LATE_MS ? 'late' : -deltaMs > early ? 'early' : 'on-time' };
}

/** Beacon ids owed by now and not fired (the beacon log's "missing"). */
export function missingBeacons(ev: Evidence): Set<string> {
  return new Set(adsOf(ev).flatMap((r) => owed(ev, r).filter((b) => b.state === 'not-fired').map((b) => b.id)));
}

export function beaconsOnTime(ev: Evidence): CheckResult {
  const id = 'beacons-timing';
  const title = 'Beacons fired on time (none early or late)';
  if (ev.playhead.samples === 0) return skip(id, title, ev.playhead.unmapped ?? 'No player position reports: timing needs a player (the bench UI or stitchbench check)');
  const bad: string[] = [];
  let judged = 0;
  for (const r of adsOf(ev)) {
    for (const b of r.ad.beacons) {
      const t = beaconTiming(ev, b);
      if (!t) continue;
      judged++;
      if (t.verdict === 'late') bad.push(`${label(r, b)}: late by ${(t.deltaMs / 1000).toFixed(1)} s (playhead reached ${b.dueAtSeconds} s before it fired)`);
      else if (t.verdict === 'early') bad.push(`${label(r, b)}: early by ${(-t.deltaMs / 1000).toFixed(1)} s`);
    }
  }
  if (judged === 0) return skip(id, title, 'The playhead has not reached a fired beacon’s time yet');
  const ahead = (ev.reportingMode === 'server' ? SERVER_EARLY_MS : CLIENT_EARLY_MS) / 1000;
  return bad.length
    ? fail(id, title, `${plural(bad.length, 'beacon')} of ${judged} early or late`, bad)
    : pass(id, title, `${judged} beacons within ${ahead} s ahead of / ${LATE_MS / 1000} s after the playhead`);
}

export function beaconsOnce(ev: Evidence): CheckResult {
  const id = 'beacons-duplicate';
  const title = 'No beacon reported twice';
  const refs = adsOf(ev);
  const dups = refs.flatMap((r) => r.ad.beacons.filter((b) => (b.duplicates ?? 0) > 0).map((b) => `${label(r, b)}: reported ${1 + b.duplicates!} times`));
  const fired = refs.reduce((n, r) => n + r.ad.beacons.filter((b) => b.firedAt !== undefined).length, 0);
  if (fired === 0) return skip(id, title, 'No beacon fired yet');
  return dups.length ? fail(id, title, `${plural(dups.length, 'beacon')} reported more than once`, dups) : pass(id, title, `${fired} beacons, each once`);
}
