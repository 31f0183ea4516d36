// VAST 4.x macros in beacon and error URLs, expanded when the engine fires them (server-side reporting, relayed
// client pings, error pings). Written literally ([X]) or percent-encoded (%5BX%5D) as ad servers do. A macro the
// engine cannot know becomes -1 ("unknown") and one that does not apply to this ping -2 ("not applicable"), as
// VAST 4.1 §6.1 asks; macros it has never heard of are left alone for the receiver to notice.
import type { VastLinearAd } from '../ads/types.js';

export interface MacroContext {
  now?: Date;
  /** [ERRORCODE] for error pings. */
  errorCode?: number;
  /** Seconds into the ad the event stands for ([ADPLAYHEAD]). */
  adPlayheadSeconds?: number;
  /** Seconds into the content where the break sits ([CONTENTPLAYHEAD] / [MEDIAPLAYHEAD]). */
  contentPlayheadSeconds?: number;
  /** 1 pre-roll, 2 mid-roll, 3 post-roll, 4 standalone. */
  breakPosition?: 1 | 2 | 3 | 4;
  ad?: Pick<VastLinearAd, 'universalAdId' | 'adServingId' | 'sequence'>;
  /** The ad media file the player got ([ASSETURI]). */
  assetUri?: string;
  /** Position of the ad in its break, from 1 ([ADCOUNT]). */
  adCount?: number;
  clientUa?: string;
  clientIp?: string;
  /** [SERVERSIDE]: 0 the client fires, 1 a server fires on the client's behalf. */
  serverSide?: 0 | 1;
}

const MACRO = /(?:\[|%5B)([A-Z_]+)(?:\]|%5D)/gi;
const UNKNOWN = '-1';
const NOT_APPLICABLE = '-2';

/** HH:MM:SS.mmm, as VAST writes times. */
export function vastTime(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${p(Math.floor(ms / 1000) % 60)}.${p(ms % 1000, 3)}`;
}

function value(name: string, c: MacroContext): string | undefined {
  const enc = encodeURIComponent;
  switch (name) {
    case 'CACHEBUSTING':
      return String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
    case 'TIMESTAMP':
      return enc((c.now ?? new Date()).toISOString());
    case 'ERRORCODE':
      return c.errorCode !== undefined ? String(c.errorCode) : NOT_APPLICABLE;
    case 'ADPLAYHEAD':
      return c.adPlayheadSeconds !== undefined ? enc(vastTime(c.adPlayheadSeconds)) : UNKNOWN;
    case 'CONTENTPLAYHEAD':
    case 'MEDIAPLAYHEAD':
      return c.contentPlayheadSeconds !== undefined ? enc(vastTime(c.contentPlayheadSeconds)) : UNKNOWN;
    case 'BREAKPOSITION':
      return c.breakPosition !== undefined ? String(c.breakPosition) : UNKNOWN;
    case 'UNIVERSALADID': {
      const u = c.ad?.universalAdId;
      return u ? enc(`${u.registry ?? 'unknown'} ${u.value}`) : UNKNOWN;
    }
    case 'ADSERVINGID':
      return c.ad?.adServingId ? enc(c.ad.adServingId) : UNKNOWN;
    case 'PODSEQUENCE':
      return c.ad?.sequence !== undefined ? String(c.ad.sequence) : NOT_APPLICABLE;
    case 'ADCOUNT':
      return c.adCount !== undefined ? String(c.adCount) : UNKNOWN;
    case 'ASSETURI':
      return c.assetUri ? enc(c.assetUri) : UNKNOWN;
    case 'CLIENTUA':
      return c.clientUa ? enc(c.clientUa) : UNKNOWN;
    case 'IPADDRESS':
    case 'DEVICEIP':
      return c.clientIp ? enc(c.clientIp) : UNKNOWN;
    case 'SERVERSIDE':
      return String(c.serverSide ?? 1);
    default:
      return undefined;
  }
}

export function expandMacros(url: string, c: MacroContext = {}): string {
  return url.trim().replace(MACRO, (m, name: string) => value(name.toUpperCase(), c) ?? m);
}
