// One interstitial asset's media playlist (HLS Interstitials, guided insertion): the ad's segments for one content
// track, addressed through /v1/segment/… like stitched ads so that server-side beacons fire on them. A complete
// VOD playlist of its own. Pure.
import type { AvailSegment } from './plan.js';

export function assetMediaPlaylist(segments: readonly AvailSegment[]): string {
  const target = Math.max(1, ...segments.map((s) => Math.ceil(s.duration - 0.001)));
  const fmp4 = segments.some((s) => s.map);
  let out = `#EXTM3U\n#EXT-X-VERSION:${fmp4 ? 7 : 3}\n#EXT-X-TARGETDURATION:${target}\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n`;
  let map: string | undefined;
  for (const s of segments) {
    if (s.map && s.map !== map) {
      out += `#EXT-X-MAP:URI="${s.map}"\n`;
      map = s.map;
    }
    if (s.byterange) out += `#EXT-X-BYTERANGE:${s.byterange}\n`;
    out += `#EXTINF:${s.duration.toFixed(3)},\n${s.uri}\n`;
  }
  return `${out}#EXT-X-ENDLIST\n`;
}
