// Attaches the right streaming library to a <video> for the current source, and tears it down
// when the source changes or the player unmounts, so two engines never fight over one element.
import { useEffect, useRef } from 'react';
import type { DemoAsset } from '../../shared/catalog';
import { createEngine } from '../players/create-engine';
import type { EngineCallbacks, PlaybackEngine } from '../players/types';
import { reportError, resolveError } from '../store/errors';
import { usePlayers } from '../store/player';

export interface PlayerSource {
  url: string;
  format: DemoAsset['format'];
  /** What the user sees the player playing (asset name). */
  title: string;
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

  useEffect(() => {
    const store = usePlayers.getState();
    const errorKey = `player:${playerId}`;
    resolveError(errorKey);
    if (!video || !url || !format) {
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
    };

    store.startSource(playerId, format === 'dash' ? 'dash.js' : 'hls.js', url);
    const engine = createEngine(format, { video, url, autoplay, callbacks });
    engineRef.current = engine;
    store.setEngineName(playerId, engine.name);

    return () => {
      current = false;
      engineRef.current = null;
      engine.destroy();
    };
  }, [playerId, video, url, format, autoplay, reloadKey]);

  return engineRef;
}
