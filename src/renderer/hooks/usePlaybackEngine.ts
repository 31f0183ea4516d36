// Attaches the right streaming library to a <video> for the current source, and tears it down
// when the source changes or the player unmounts, so two engines never fight over one element.
import { useEffect, useRef } from 'react';
import type { DemoAsset } from '../../shared/catalog';
import { createEngine } from '../players/create-engine';
import type { EngineCallbacks, PlaybackEngine } from '../players/types';
import { reportError, resolveError } from '../store/errors';
import { usePlayers, type SourceMode } from '../store/player';
import { addLatency } from '../store/latency';
import { ClientBeacons } from '../../shared/client-beacons';
import { engineUrl } from '../api/base-url';
import { PlayerReporter, type ObservationInput } from '../services/player-reporter';
import type { PlayerLog } from '../players/types';

export interface PlayerSource {
  url: string;
  format: DemoAsset['format'];
  /** What the user sees the player playing (asset name). */
  title: string;
  /** Stitched (a stitcher session, with ads) or the origin stream. */
  mode: SourceMode;
  /** Why the origin is played, when it is. */
  modeNote?: string;
  /** Client-side reporting: the session's tracking API, whose beacons this player reports as it plays. */
  trackingUrl?: string;
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
  const trackingUrl = source?.trackingUrl;

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
    let engine: PlaybackEngine | undefined;
    // Stitched sessions are judged by the engine's verdict: tell it what this player lived through.
    let sessionId: string | null = null;
    // Client-side reporting: report each tracking event through the bench as the playhead crosses it.
    let client: ClientBeacons | undefined;
    const reporter =
      mode === 'stitched'
        ? new PlayerReporter(video, format === 'dash' ? 'dash.js' : 'hls.js', () => engine?.playheadPdtMs?.(), (p, pdt) => client?.tick(p, pdt))
        : undefined;
    let inAd: string | null = null;
    const adChange = (availId: string | null) => {
      if (availId === inAd) return;
      if (inAd !== null) reporter?.observe({ type: 'ad-end', availId: inAd });
      if (availId !== null) reporter?.observe({ type: 'ad-start', availId });
      inAd = availId;
      usePlayers.getState().markAdSpan(playerId, availId, video.currentTime);
    };
    const callbacks: EngineCallbacks = {
      log: (entry) => {
        if (!current) return;
        usePlayers.getState().log(playerId, entry);
        const o = observationOfLog(entry);
        if (o) reporter?.observe(o);
      },
      fatal: (message) => {
        if (!current) return;
        usePlayers.getState().countFatal(playerId);
        reporter?.observe({ type: 'error', fatal: false, detail: `recovering from ${message}` });
      },
      failed: (message) => {
        if (!current) return;
        usePlayers.getState().setState(playerId, 'error');
        reporter?.observe({ type: 'error', fatal: true, detail: message });
        reportError(errorKey, `Player ${playerId}: ${message}`);
      },
      session: (id) => {
        if (!current) return;
        sessionId = id;
        reporter?.setSession(id);
        if (trackingUrl && !client) {
          client = new ClientBeacons(engineUrl(trackingUrl), engineUrl(`/api/sessions/${encodeURIComponent(id)}/beacons`));
          void client.poll(0);
          usePlayers.getState().log(playerId, { type: 'session', level: 'info', text: `client-side reporting: beacons from ${trackingUrl}` });
        }
        usePlayers.getState().setSession(playerId, id);
      },
      sourceUrl: (playing) => current && usePlayers.getState().setUrl(playerId, playing),
      adSegment: (availKey) => {
        if (!current) return;
        adChange(availKey);
        usePlayers.getState().setAdSegment(playerId, availKey);
      },
      adPeriod: (availId) => {
        if (!current) return;
        adChange(availId);
        usePlayers.getState().setAdPeriod(playerId, availId);
      },
      interstitial: (what) => current && usePlayers.getState().countInterstitial(playerId, what),
      segment: ({ ttfbMs, ad }) => {
        if (current && sessionId) addLatency(sessionId, 'ttfb', { at: Date.now(), ms: ttfbMs, ad });
      },
    };

    store.startSource(playerId, { engine: format === 'dash' ? 'dash.js' : 'hls.js', url, mode, ...(modeNote ? { modeNote } : {}) });
    // Loading a stitched URL creates a session. Start on the next task, so that an effect torn down at
    // once (React StrictMode mounts, unmounts and mounts again in development) never sends a request.
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
      reporter?.stop();
    };
  }, [playerId, video, url, format, mode, modeNote, trackingUrl, autoplay, reloadKey]);

  return engineRef;
}

/** Player log lines that are observations the verdict reads (discontinuities, Period and level switches, errors). */
function observationOfLog(entry: PlayerLog): ObservationInput | undefined {
  switch (entry.type) {
    case 'discontinuity':
      return { type: 'discontinuity', detail: entry.text };
    case 'period':
      return { type: 'period', detail: entry.text };
    case 'level':
    case 'quality':
      return { type: 'level', detail: entry.text };
    case 'error':
      // Fatal errors come through fatal()/failed(); these are the ones the engine recovered from by itself.
      return entry.level === 'warn' ? { type: 'error', fatal: false, detail: entry.text } : undefined;
    default:
      return undefined;
  }
}
