// Attaches the right streaming library to a <video> for the current source, and tears it down
// when the source changes or the player unmounts, so two engines never fight over one element.
import { useEffect, useRef } from 'react';
import type { DemoAsset } from '../../shared/catalog';
import { createEngine } from '../players/create-engine';
import type { EngineCallbacks, PlaybackEngine } from '../players/types';
import { reportError, resolveError } from '../store/errors';
import { usePlayers, type SourceMode } from '../store/player';

export interface PlayerSource {
  url: string;
  format: DemoAsset['format'];
  /** What the user sees the player playing (asset name). */
  title: string;
  /** Stitched (a stitcher session, with ads) or the origin stream. */
  mode: SourceMode;
  /** Why the origin is played, when it is. */
  modeNote?: string;
}

/** Returns a ref to the live engine, for code that polls it (stats). */
export function usePlaybackEngine(
  playerId: string,
  video: HTMLVideoElement | null,
  source: PlayerSource | null,
  autoplay: boolean,
  /** Bumping it reloads the same source. */
  reloadKey: number,
) {
  const engineRef = useRef<PlaybackEngine | null>(null);
  const url = source?.url;
  const format = source?.format;
  const mode = source?.mode;
  const modeNote = source?.modeNote;

  useEffect(() => {
    const store = usePlayers.getState();
    const errorKey = `player:${playerId}`;
    resolveError(errorKey);
    if (!video || !url || !format || !mode) {
      store.clearSource(playerId);
      return;
    }

    // Callbacks from an engine that has been replaced must not touch the new source's state.
    let current = true;
    const callbacks: EngineCallbacks = {
      log: (entry) => current && usePlayers.getState().log(playerId, entry),
      fatal: () => current && usePlayers.getState().countFatal(playerId),
      failed: (message) => {
        if (!current) return;
        usePlayers.getState().setState(playerId, 'error');
        reportError(errorKey, `Player ${playerId}: ${message}`);
      },
      session: (id) => current && usePlayers.getState().setSession(playerId, id),
      sourceUrl: (playing) => current && usePlayers.getState().setUrl(playerId, playing),
      adSegment: (availKey) => current && usePlayers.getState().setAdSegment(playerId, availKey),
      adPeriod: (availId) => current && usePlayers.getState().setAdPeriod(playerId, availId),
      interstitial: (what) => current && usePlayers.getState().countInterstitial(playerId, what),
    };

    store.startSource(playerId, { engine: format === 'dash' ? 'dash.js' : 'hls.js', url, mode, ...(modeNote ? { modeNote } : {}) });
    // Loading a stitched URL creates a session. Start on the next task, so that an effect torn down at
    // once (React StrictMode mounts, unmounts and mounts again in development) never sends a request.
    let engine: PlaybackEngine | undefined;
    const timer = setTimeout(() => {
      engine = createEngine(format, { video, url, stitched: mode === 'stitched', autoplay, callbacks });
      engineRef.current = engine;
      usePlayers.getState().setEngineName(playerId, engine.name);
    }, 0);

    return () => {
      current = false;
      clearTimeout(timer);
      engineRef.current = null;
      engine?.destroy();
    };
  }, [playerId, video, url, format, mode, modeNote, autoplay, reloadKey]);

  return engineRef;
}
