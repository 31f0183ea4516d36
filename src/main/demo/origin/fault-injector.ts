// Decides, request by request, whether a demo origin fault applies (every=N counting per path and fault
// parameters) and holds requests for the slow/timeout faults. routes.ts turns the decision into a response.
import { HttpError } from '../../http/errors.js';
import { FaultCounter } from './fault-counter.js';
import { faultKey, parseOriginFaults, type ManifestFault, type OriginFaults, type SegmentFault } from './faults.js';
import { Holds } from './hold.js';

export interface ManifestDecision {
  /** The fault to inject into this response, if this is an every-th request. */
  applied?: ManifestFault;
  /** Clock to render at: frozen at the previous answer's while fault=stale applies. */
  nowMs: number;
}

export class OriginFaultInjector {
  private readonly counter = new FaultCounter();
  readonly holds = new Holds();

  /** The fault parameters of a request, or a 400 naming the bad one. */
  parse(query: unknown, live?: boolean): OriginFaults {
    const parsed = parseOriginFaults(query);
    if (!parsed.ok) throw new HttpError(400, parsed.message);
    if (parsed.value.fault === 'stale' && live === false) {
      throw new HttpError(400, "Invalid query parameter 'fault': stale applies to live manifests only (a VOD playlist never advances)");
    }
    return parsed.value;
  }

  manifest(path: string, f: OriginFaults, nowMs: number): ManifestDecision {
    if (!f.fault) return { nowMs };
    const { applies, entry } = this.counter.hit(`${path}?${faultKey(f)}`, f.every ?? 1);
    if (f.fault === 'stale') {
      // Non-faulted answers move the window on; faulted ones repeat the last one's.
      if (!applies || entry.frozenNowMs === undefined) entry.frozenNowMs = nowMs;
      return applies ? { applied: 'stale', nowMs: entry.frozenNowMs } : { nowMs };
    }
    return applies ? { applied: f.fault, nowMs } : { nowMs };
  }

  /** `folder`: the rendition's segment folder, so every=N fails every N-th segment a player fetches. */
  segment(folder: string, f: OriginFaults): SegmentFault | undefined {
    if (!f.segfault) return undefined;
    return this.counter.hit(`${folder}?${faultKey(f)}`, f.every ?? 1).applies ? f.segfault : undefined;
  }
}
