// Which Periods of a stitched MPD are ads: those whose segments come through the stitcher's
// /v1/dashsegment/… URLs. Read from the manifest object dash.js parsed (MANIFEST_LOADED, on every refresh),
// so it holds whatever the Period ids are and needs no call to the engine.
import { dashAdSegmentRef } from '../api/playback-url';

export interface DashAdPeriodRef {
  periodId: string;
  session: string;
  /** The avail key in the segment URLs, and the ad Period's index within the avail (k − 1). */
  availKey: string;
  index: number;
}

const MAX_DEPTH = 8;
/** Elements that can carry a segment URL; anything else (a reference back up the tree, say) is not followed. */
const ELEMENTS = new Set(['AdaptationSet', 'Representation', 'SegmentTemplate', 'SegmentList', 'SegmentURL', 'SegmentBase', 'Initialization', 'BaseURL']);

/** Ad Periods of a dash.js manifest object (`manifest.Period[]`, each with its parsed XML as properties). */
export function adPeriodsOfManifest(manifest: unknown): DashAdPeriodRef[] {
  const periods = (manifest as { Period?: unknown } | null)?.Period;
  if (!Array.isArray(periods)) return [];
  const out: DashAdPeriodRef[] = [];
  for (const period of periods as unknown[]) {
    const id = (period as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !id) continue;
    const ref = firstAdSegmentRef(period, 0, new WeakSet());
    if (ref) out.push({ periodId: id, ...ref });
  }
  return out;
}

/** The first /v1/dashsegment/ URL (SegmentTemplate media/initialization, SegmentURL, BaseURL) under a node. */
function firstAdSegmentRef(node: unknown, depth: number, seen: WeakSet<object>): ReturnType<typeof dashAdSegmentRef> {
  if (typeof node === 'string') return node.includes('/v1/dashsegment/') ? dashAdSegmentRef(node) : undefined;
  if (typeof node !== 'object' || node === null || depth > MAX_DEPTH || seen.has(node)) return undefined;
  seen.add(node);
  const values = Array.isArray(node)
    ? node
    : Object.entries(node)
        .filter(([k, v]) => typeof v === 'string' || ELEMENTS.has(k))
        .map(([, v]) => v as unknown);
  for (const v of values) {
    const ref = firstAdSegmentRef(v, depth + 1, seen);
    if (ref) return ref;
  }
  return undefined;
}
