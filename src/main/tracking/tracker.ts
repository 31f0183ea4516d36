// Server-side ad reporting (MediaTailor's default reportingMode "server"): beacons fire when the player fetches an
// ad segment through /v1/segment/… or /v1/dashsegment/… — never on manifest fetches — each once per session, on
// the segment whose time span holds its offset. Also relays a player's client-side pings (sender "client") so
// the bench knows what was fired, when, by whom, and with what answer. Never blocks or fails a segment response.
import type { AvailDecision } from '../avails/types.js';
import { deviceHeaders } from '../avails/ads-url.js';
import type { Session } from '../sessions/types.js';
import { dueOnSegment, expectedBeacons, type ExpectedBeacon } from './expected.js';
import { expandMacros, type MacroContext } from './macros.js';
import type { BeaconResult, BeaconSender } from './sender.js';

/** An expected beacon once it fired: who fired it, when, why, and what each URL answered. */
export interface FiredBeacon extends Pick<ExpectedBeacon, 'id' | 'availKey' | 'availId' | 'item' | 'adId' | 'event'> {
  sender: 'server' | 'client';
  /** When it was due to fire (the segment request, or the client's report). */
  firedAt: number;
  /** What triggered it: the ad segment path, or "client". */
  trigger: string;
  /** One per URL, filled in as the requests complete. */
  results: BeaconResult[];
  /** A player reported it again after it fired (a client-side duplicate; not re-sent). */
  duplicates?: number;
}

const memo = new WeakMap<AvailDecision, ExpectedBeacon[]>();

/** The beacons a decision owes (memoised: decisions never change). */
export function expectedFor(d: AvailDecision): ExpectedBeacon[] {
  let e = memo.get(d);
  if (!e) memo.set(d, (e = expectedBeacons(d)));
  return e;
}

/** 1 pre-roll, 2 mid-roll (live is always mid-roll), 3 post-roll, from where the avail sits. */
function breakPosition(session: Session, d: AvailDecision): 1 | 2 | 3 {
  if (d.availId === 'preroll') return 1;
  if (session.live) return 2;
  const t = session.availTimes?.get(d.key);
  if (t && t.start < 0.001) return 1;
  return /end|post/i.test(d.availId) ? 3 : 2;
}

export class Tracker {
  constructor(
    private readonly sender: BeaconSender,
    private readonly now: () => number = Date.now,
  ) {}

  /** An ad segment of `item` spanning [start, end) seconds of the ad was requested. Server reporting only. */
  adSegment(session: Session, d: AvailDecision, item: number, start: number, end: number, last: boolean, trigger: string): void {
    if (session.request.reportingMode !== 'server') return;
    for (const b of dueOnSegment(expectedFor(d), item, start, end, last)) this.fire(session, d, b, 'server', trigger);
  }

  /** A player reports an event (client-side reporting through the bench): fire its URLs once. */
  clientEvent(session: Session, d: AvailDecision, item: number, event: string, offset?: number): FiredBeacon[] {
    const due = expectedFor(d).filter((b) => b.item === item && b.event === event && (offset === undefined || Math.abs(b.offset - offset) < 0.01));
    return due.map((b) => this.fire(session, d, b, 'client', 'client')).filter((f): f is FiredBeacon => f !== undefined);
  }

  private fire(session: Session, d: AvailDecision, b: ExpectedBeacon, sender: 'server' | 'client', trigger: string): FiredBeacon | undefined {
    const ledger = (session.beacons ??= new Map());
    const seen = ledger.get(b.id);
    if (seen) {
      // Re-requested segments are a player's right; a second client report of the same beacon is a player bug.
      if (sender === 'client') seen.duplicates = (seen.duplicates ?? 0) + 1;
      return undefined;
    }
    const rec: FiredBeacon = { id: b.id, availKey: b.availKey, availId: b.availId, item: b.item, adId: b.adId, event: b.event, sender, firedAt: this.now(), trigger, results: [] };
    ledger.set(b.id, rec);
    const it = d.items[b.item]!;
    const c = session.request.client;
    const ctx: MacroContext = {
      now: new Date(this.now()),
      adPlayheadSeconds: Math.min(b.offset, it.duration),
      breakPosition: breakPosition(session, d),
      ...(it.ad ? { ad: it.ad } : {}),
      assetUri: it.creative.url,
      adCount: d.items.slice(0, b.item + 1).filter((x) => x.kind === 'ad').length,
      ...(c.userAgent ? { clientUa: c.userAgent } : {}),
      ...(c.ip ? { clientIp: c.ip } : {}),
      serverSide: sender === 'server' ? 1 : 0,
    };
    const headers = deviceHeaders(session);
    for (const url of b.urls) {
      void this.sender
        .send({ url: expandMacros(url, ctx), event: b.event, sender, sessionId: session.id, availId: b.availId, adId: b.adId, headers })
        .then((r) => void rec.results.push(r));
    }
    return rec;
  }
}
