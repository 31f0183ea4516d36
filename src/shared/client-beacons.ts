// Shared by `stitchbench check` and the bench's own players (client-side reporting mode).
// Client-side reporting as a real client does it: read the session's tracking API, and as the playhead crosses
// each tracking event's time, report it — through the bench's relay, so the engine fires and verifies it.
interface TrackingEvent {
  eventType: string;
  startTimeInSeconds: number;
  eventProgramDateTime?: string | null;
}
interface TrackingAd {
  adId: string;
  trackingEvents: TrackingEvent[];
}
interface TrackingAvail {
  availId: string;
  ads: TrackingAd[];
}

interface Pending {
  availId: string;
  adId: string;
  eventType: string;
  t: number;
  pdtMs?: number;
}

export class ClientBeacons {
  private pending = new Map<string, Pending>();
  private fired = new Set<string>();
  private lastPoll = 0;
  private polling = false;
  sent = 0;
  errors: string[] = [];

  constructor(
    private readonly trackingUrl: string,
    private readonly relayUrl: string,
  ) {}

  /** Re-read the tracking API at most every `everyMs` (live sessions grow avails). */
  async poll(everyMs = 2000): Promise<void> {
    if (this.polling || Date.now() - this.lastPoll < everyMs) return;
    this.polling = true;
    this.lastPoll = Date.now();
    try {
      const res = await fetch(this.trackingUrl);
      if (res.status !== 200) {
        this.errors.push(`tracking API answered ${res.status}`);
        return;
      }
      const body = (await res.json()) as { avails?: TrackingAvail[] };
      for (const a of body.avails ?? []) {
        for (const ad of a.ads) {
          for (const e of ad.trackingEvents) {
            const key = `${a.availId}/${ad.adId}/${e.eventType}/${e.startTimeInSeconds}`;
            if (this.fired.has(key) || this.pending.has(key)) continue;
            const pdt = e.eventProgramDateTime ? Date.parse(e.eventProgramDateTime) : Number.NaN;
            this.pending.set(key, { availId: a.availId, adId: ad.adId, eventType: e.eventType, t: e.startTimeInSeconds, ...(Number.isFinite(pdt) ? { pdtMs: pdt } : {}) });
          }
        }
      }
    } catch (e) {
      this.errors.push(`tracking API: ${(e as Error).message}`);
    } finally {
      this.polling = false;
    }
  }

  /** The playhead reached `position` (and PDT, when live): report every event now due, once. */
  tick(position: number, pdtMs: number | undefined): void {
    void this.poll();
    for (const [key, p] of this.pending) {
      const due = p.pdtMs !== undefined && pdtMs !== undefined ? pdtMs >= p.pdtMs : position >= p.t;
      if (!due) continue;
      this.pending.delete(key);
      this.fired.add(key);
      this.sent++;
      void fetch(this.relayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ availId: p.availId, adId: p.adId, eventType: p.eventType }) })
        .then(async (r) => {
          if (r.status >= 300) this.errors.push(`${p.eventType} of ad ${p.adId}: relay answered ${r.status} ${(await r.text()).slice(0, 120)}`);
        })
        .catch((e: Error) => this.errors.push(`${p.eventType} of ad ${p.adId}: ${e.message}`));
    }
  }
}
