// Multivariant playlists: read the variant streams and renditions a session will serve (its "tracks"),
// and write the session's copy where each media playlist URI points at /v1/manifest/… Pure.
import { parseAttributes, tagValue, type AttributeList } from './attributes.js';
import { resolveTagUris } from './uri.js';

export type TrackKind = 'variant' | 'audio' | 'subtitles' | 'video';

export interface ContentTrack {
  /** Position in the session's track list: /v1/manifest/{acct}/{session}/{n}.m3u8 */
  n: number;
  kind: TrackKind;
  /** Absolute origin URL of the media playlist. */
  url: string;
  bandwidth?: number;
  averageBandwidth?: number;
  width?: number;
  height?: number;
  codecs?: string;
  frameRate?: number;
  /** Variant: its AUDIO / SUBTITLES group ids. Rendition: its GROUP-ID. */
  audioGroup?: string;
  subtitlesGroup?: string;
  groupId?: string;
  language?: string;
  name?: string;
  channels?: string;
  isDefault?: boolean;
}

export interface MultivariantScan {
  tracks: ContentTrack[];
  /** Output builder: every line, with track URIs as placeholders. */
  render(trackUrl: (n: number) => string): string;
}

function absolute(uri: string, base: string): string {
  return new URL(uri, base).toString();
}

export function parseMultivariant(text: string, baseUrl: string): MultivariantScan {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const tracks: ContentTrack[] = [];
  const byUrl = new Map<string, number>();
  const trackFor = (url: string, make: (n: number) => ContentTrack): number => {
    const known = byUrl.get(url);
    if (known !== undefined) return known;
    const t = make(tracks.length);
    tracks.push(t);
    byUrl.set(url, t.n);
    return t.n;
  };
  // Output parts: strings, or a function of the track-url mapper.
  const parts: (string | ((f: (n: number) => string) => string))[] = [];
  let pendingInf: AttributeList | undefined;
  for (const line of lines) {
    if (!line) continue;
    if (line.startsWith('#EXT-X-STREAM-INF:')) {
      pendingInf = parseAttributes(tagValue(line));
      parts.push(line);
      continue;
    }
    if (line.startsWith('#EXT-X-I-FRAME-STREAM-INF') || line.startsWith('#EXT-X-IMAGE-STREAM-INF')) {
      // Trick-play playlists carry no ads and would show content during breaks: not offered.
      continue;
    }
    if (line.startsWith('#EXT-X-MEDIA:')) {
      const a = parseAttributes(tagValue(line));
      if (!a.URI) {
        parts.push(line);
        continue;
      }
      const url = absolute(a.URI, baseUrl);
      const type = (a.TYPE ?? '').toUpperCase();
      const kind: TrackKind = type === 'AUDIO' ? 'audio' : type === 'SUBTITLES' ? 'subtitles' : 'video';
      const n = trackFor(url, (n) => ({
        n,
        kind,
        url,
        ...(a['GROUP-ID'] ? { groupId: a['GROUP-ID'] } : {}),
        ...(a.LANGUAGE ? { language: a.LANGUAGE } : {}),
        ...(a.NAME ? { name: a.NAME } : {}),
        ...(a.CHANNELS ? { channels: a.CHANNELS } : {}),
        isDefault: a.DEFAULT === 'YES',
      }));
      parts.push((f) => resolveTagUris(line, () => f(n)));
      continue;
    }
    if (line.startsWith('#')) {
      parts.push(line.includes('URI="') ? resolveTagUris(line, (u) => absolute(u, baseUrl)) : line);
      continue;
    }
    // A variant URI.
    if (pendingInf) {
      const a = pendingInf;
      pendingInf = undefined;
      const url = absolute(line.trim(), baseUrl);
      const [w, h] = (a.RESOLUTION ?? '').split('x').map(Number);
      const n = trackFor(url, (n) => ({
        n,
        kind: 'variant',
        url,
        ...(a.BANDWIDTH ? { bandwidth: Number(a.BANDWIDTH) } : {}),
        ...(a['AVERAGE-BANDWIDTH'] ? { averageBandwidth: Number(a['AVERAGE-BANDWIDTH']) } : {}),
        ...(w && h ? { width: w, height: h } : {}),
        ...(a.CODECS ? { codecs: a.CODECS } : {}),
        ...(a['FRAME-RATE'] ? { frameRate: Number(a['FRAME-RATE']) } : {}),
        ...(a.AUDIO ? { audioGroup: a.AUDIO } : {}),
        ...(a.SUBTITLES ? { subtitlesGroup: a.SUBTITLES } : {}),
      }));
      parts.push((f) => f(n));
    }
  }
  return {
    tracks,
    render(trackUrl) {
      let out = '';
      for (const p of parts) out += `${typeof p === 'string' ? p : p(trackUrl)}\n`;
      return out;
    },
  };
}

/** A one-variant multivariant for an origin that serves a media playlist directly. */
export function singleVariant(url: string, bandwidth: number): MultivariantScan {
  return {
    tracks: [{ n: 0, kind: 'variant', url, bandwidth }],
    render: (f) => `#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth}\n${f(0)}\n`,
  };
}
