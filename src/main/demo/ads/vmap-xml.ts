// Pure VMAP 1.0 builder: one AdBreak per time offset, each carrying inline VAST or an AdTagURI.
import { trackUrl, type TrackContext } from './vast-xml.js';
import { el, urlEl, type XmlNode } from './xml.js';

export const VMAP_NS = 'http://www.iab.net/videosuite/vmap';

export interface VmapBreak {
  /** 'start' | 'end' | HH:MM:SS.mmm | n% | #n */
  timeOffset: string;
  breakId: string;
  source: { vast: XmlNode } | { tagUrl: string; templateType: string };
}

/** Break ids readers can recognise: preroll, midroll-1…, postroll; made unique when offsets repeat. */
export function breakIds(offsets: string[]): string[] {
  const seen = new Set<string>();
  let mid = 0;
  return offsets.map((o, i) => {
    let id = o === 'start' ? 'preroll' : o === 'end' ? 'postroll' : `midroll-${++mid}`;
    if (seen.has(id)) id = `${id}-${i + 1}`;
    seen.add(id);
    return id;
  });
}

export function vmapDocument(ctx: TrackContext, breaks: VmapBreak[]): XmlNode {
  return el('vmap:VMAP', { 'xmlns:vmap': VMAP_NS, version: '1.0' }, breaks.map((b) => adBreak(ctx, b)));
}

function adBreak(ctx: TrackContext, b: VmapBreak): XmlNode {
  const t = { ...ctx, brk: b.breakId };
  const data = 'vast' in b.source
    ? el('vmap:VASTAdData', undefined, [b.source.vast])
    : urlEl('vmap:AdTagURI', b.source.tagUrl, { templateType: b.source.templateType });
  return el('vmap:AdBreak', { timeOffset: b.timeOffset, breakType: 'linear', breakId: b.breakId }, [
    el('vmap:AdSource', { id: `${b.breakId}-ads`, allowMultipleAds: 'true', followRedirects: 'true' }, [data]),
    el('vmap:TrackingEvents', undefined, [
      urlEl('vmap:Tracking', trackUrl(t, 'breakStart'), { event: 'breakStart' }),
      urlEl('vmap:Tracking', trackUrl(t, 'breakEnd'), { event: 'breakEnd' }),
      urlEl('vmap:Tracking', trackUrl(t, 'error', undefined, true), { event: 'error' }),
    ]),
  ]);
}

/** Malformed on purpose for the `garbage` fault. */
export function garbageVmap(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<vmap:VMAP xmlns:vmap="${VMAP_NS}" version="1.0"><vmap:AdBreak timeOffset="start"><vmap:AdSource></vmap:AdBreak><vmap:VASTAdData><VAST`;
}
