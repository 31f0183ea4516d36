// Ad renditions already conditioned for stitching, by the media URL the ADS names (a mezzanine MP4).
// The demo world registers its pre-packaged creatives here; the transcoder (issue 5) will register its
// outputs the same way. Loopback host names are normalised so 127.0.0.1 and localhost find the same entry.

export interface ConditionedRenditions {
  /** HLS multivariant URLs by container. */
  hls: { ts?: string; fmp4?: string };
  dash?: string;
}

function key(url: string): string {
  try {
    const u = new URL(url);
    if (u.hostname === 'localhost' || u.hostname === '[::1]' || u.hostname.startsWith('127.')) u.hostname = '127.0.0.1';
    u.hash = '';
    return u.toString();
  } catch {
    return url;
  }
}

export class ConditionedRegistry {
  private readonly map = new Map<string, ConditionedRenditions>();

  register(mediaUrl: string, renditions: ConditionedRenditions): void {
    this.map.set(key(mediaUrl), renditions);
  }

  lookup(mediaUrl: string): ConditionedRenditions | undefined {
    return this.map.get(key(mediaUrl));
  }
}
