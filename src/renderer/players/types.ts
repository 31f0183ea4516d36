// The contract between the Player component and the streaming libraries behind it.
import type { PlayerLogEntry } from '../store/player';

export type PlayerLog = Omit<PlayerLogEntry, 'id' | 'at'>;

export interface EngineCallbacks {
  /** Something worth a line in the player's own event list. */
  log(entry: PlayerLog): void;
  /** A fatal error happened (counted, whether or not recovery then succeeds). */
  fatal(message: string): void;
  /** The engine gave up: playback cannot continue without loading a source again. */
  failed(message: string): void;
  /** The stitcher named the playback session (first manifest response). */
  session(sessionId: string): void;
  /** The engine plays this URL in place of the one it was given (a stitched DASH session's own URL). */
  sourceUrl(url: string): void;
  /** The playing fragment changed: a stitched ad segment of the avail with this key, or content (null). */
  adSegment(availKey: string | null): void;
  /** DASH: playback entered a stitched ad Period of the avail with this id, or a content Period (null). */
  adPeriod(availId: string | null): void;
  /** An HLS Interstitial (guided ad insertion) started, or one of its assets did. */
  interstitial(what: 'event' | 'asset'): void;
  /** A media segment loaded: time to first byte (redirects included) and whether it was an ad's. */
  segment(info: { ttfbMs: number; ad: boolean }): void;
}

export interface Rendition {
  level?: number;
  levelCount?: number;
  bitrate?: number;
  height?: number;
}

export interface PlaybackEngine {
  readonly name: string;
  /** The rendition currently playing, for the stats line. */
  rendition(): Rendition;
  /** Detach from the video element and release everything (network, MediaSource, workers). */
  destroy(): void;
  /** EXT-X-PROGRAM-DATE-TIME at the playhead (epoch ms), when the stream carries it. */
  playheadPdtMs?(): number | undefined;
}

export interface EngineOptions {
  video: HTMLVideoElement;
  url: string;
  /** The URL is the stitcher's (a session with ads), not the origin's. */
  stitched: boolean;
  autoplay: boolean;
  callbacks: EngineCallbacks;
}

/** Start playback without failing loudly: browsers may refuse autoplay, which is not an engine error. */
export function tryPlay(video: HTMLVideoElement, log: EngineCallbacks['log']): void {
  video.play().catch((err: unknown) => {
    // AbortError just means a newer load() or pause() superseded this play() call.
    if (err instanceof DOMException && err.name === 'AbortError') return;
    log({ type: 'autoplay', level: 'warn', text: `autoplay refused: ${err instanceof Error ? err.message : String(err)}` });
  });
}

/** Stands in when no engine can play the source, so callers need no special case. */
export function inertEngine(name: string): PlaybackEngine {
  return { name, rendition: () => ({}), destroy: () => {} };
}
