// XML pieces both Primetime client-tracking outputs write — the VMAP sidecar (tracking/primetime.ts) and the
// EXT-X-MARKER DATA documents (primetime/ext-x-marker.ts): the VMAP root and the tracking elements. How a URL is
// written as element text is the caller's (`text`): CDATA in the sidecar, escaped text in DATA.
import { escapeXml } from '../xml/tree.js';

export const VMAP_OPEN = '<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">';
export const VMAP_CLOSE = '</vmap:VMAP>';

export type TextWriter = (url: string) => string;

/** An AdBreak's <vmap:TrackingEvents>; '' when it has none. */
export function vmapTrackingEvents(events: readonly { event: string; url: string }[], text: TextWriter): string {
  if (events.length === 0) return '';
  return `<vmap:TrackingEvents>${events.map((e) => `<vmap:Tracking event="${escapeXml(e.event)}">${text(e.url)}</vmap:Tracking>`).join('')}</vmap:TrackingEvents>`;
}

/** A VAST <Tracking>; `offset` as VAST writes it (HH:MM:SS.mmm or n%), for progress events. */
export function vastTracking(event: string, url: string, text: TextWriter, offset?: string): string {
  return `<Tracking event="${escapeXml(event)}"${offset !== undefined ? ` offset="${escapeXml(offset)}"` : ''}>${text(url)}</Tracking>`;
}
