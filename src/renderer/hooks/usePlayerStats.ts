// Samples time, duration, buffer and rendition twice a second: often enough to read, and far
// cheaper than re-rendering on every timeupdate/progress event.
import { useEffect, type RefObject } from 'react';
import type { PlaybackEngine } from '../players/types';
import { usePlayers } from '../store/player';

const SAMPLE_MS = 500;

export function usePlayerStats(playerId: string, video: HTMLVideoElement | null, engineRef: RefObject<PlaybackEngine | null>): void {
  useEffect(() => {
    if (!video) return;
    const sample = () => {
      const engine = engineRef.current;
      if (!engine) return;
      usePlayers.getState().setStats(playerId, {
        currentTime: video.currentTime,
        duration: video.duration,
        bufferLength: bufferAhead(video),
        ...engine.rendition(),
        ...(engine.playheadPdtMs?.() !== undefined ? { pdtMs: engine.playheadPdtMs!() } : {}),
      });
    };
    const timer = setInterval(sample, SAMPLE_MS);
    return () => clearInterval(timer);
  }, [playerId, video, engineRef]);
}

/** Seconds buffered ahead of the playhead (0 when the playhead is outside every buffered range). */
export function bufferAhead(video: HTMLVideoElement): number {
  const t = video.currentTime;
  const ranges = video.buffered;
  for (let i = 0; i < ranges.length; i++) {
    // A small tolerance: the playhead often sits a few ms before the range it is about to play.
    if (ranges.start(i) <= t + 0.1 && ranges.end(i) >= t) return Math.max(0, ranges.end(i) - t);
  }
  return 0;
}
