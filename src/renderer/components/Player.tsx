// One player: a <video> driven by hls.js or dash.js, with its state, stats and event list.
// Everything comes in through props and is reported under `id`, so players can sit side by side.
import { useCallback, useEffect, useState } from 'react';
import { onBenchCommand } from '../lib/bench-commands';
import { usePlaybackEngine, type PlayerSource } from '../hooks/usePlaybackEngine';
import { usePlayerStats } from '../hooks/usePlayerStats';
import { useVideoState } from '../hooks/useVideoState';
import { emptyRuntime, usePlayers, type PlayerRuntime } from '../store/player';
import { PlayerLog } from './PlayerLog';
import { PlayerStats } from './PlayerStats';

export interface PlayerProps {
  id: string;
  /** Heading, e.g. "Player" or "A (stitched)". */
  label: string;
  source: PlayerSource | null;
  autoplay: boolean;
  /** Bumped by the session setup's Apply: start a new session even if the URL is the same. */
  generation?: number;
}

const IDLE = emptyRuntime();

export function Player({ id, label, source, autoplay, generation = 0 }: PlayerProps) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [stopped, setStopped] = useState(false);
  const runtime = usePlayers((s) => s.runtime[id]) ?? IDLE;

  // Restart (r, Ctrl/Cmd+R) starts a new session on the same source; stop (s) unloads it.
  useEffect(() => {
    const offRestart = onBenchCommand('restart', () => {
      setStopped(false);
      setReloadKey((k) => k + 1);
    });
    const offStop = onBenchCommand('stop', () => setStopped(true));
    return () => {
      offRestart();
      offStop();
    };
  }, []);

  // One number for both reasons to reload (local Restart, setup Apply): either change starts a new session.
  const engineRef = usePlaybackEngine(id, video, stopped ? null : source, autoplay, generation * 100_000 + reloadKey);
  useVideoState(id, video);
  usePlayerStats(id, video, engineRef);

  // React sets `muted` only as a property; set the attribute too so it is visible in the DOM.
  const videoRef = useCallback((el: HTMLVideoElement | null) => {
    if (el) {
      el.defaultMuted = true;
      el.muted = true;
    }
    setVideo(el);
  }, []);

  return (
    <section className="player" data-testid="player" data-player-id={id} aria-label={label}>
      <div className="player-grid">
        <header className="player-header">
          <h2>{label}</h2>
          <span className="player-title" title={source?.title}>
            {source?.title ?? 'Nothing loaded'}
          </span>
          <SourceBadge runtime={runtime} />
          <span className="player-state" data-testid="player-state" data-state={runtime.state}>
            {runtime.state}
          </span>
          <span className="player-errors" title="Fatal player errors">
            fatal <span data-testid="player-errors">{runtime.fatalErrors}</span>
          </span>
          <button type="button" className="text-button" data-testid="player-restart" disabled={!source} onClick={() => {
            setStopped(false);
            setReloadKey((k) => k + 1);
          }} title="Start a new session on the same source (r)">
            {stopped ? 'Start' : 'Restart'}
          </button>
          <button type="button" className="text-button" data-testid="player-stop" disabled={!source || stopped} onClick={() => setStopped(true)} title="Stop playback (s)">
            Stop
          </button>
        </header>
        <div className="video-frame">
          <video ref={videoRef} data-testid="player-video" muted playsInline controls autoPlay={autoplay} />
        </div>
        <PlayerStats runtime={runtime} />
        <PlayerLog entries={runtime.log} />
      </div>
    </section>
  );
}

/** Stitched (with the session it plays) or origin: what a QA person must know before judging the ads. */
function SourceBadge({ runtime }: { runtime: PlayerRuntime }) {
  const { mode, sessionId, modeNote } = runtime;
  if (!mode) return null;
  const text = mode === 'stitched' ? `stitched · session ${sessionId ? sessionId.slice(0, 8) : '…'}` : 'origin';
  const title = mode === 'stitched' ? (sessionId ? `Stitcher session ${sessionId}` : 'Waiting for the stitcher to name the session') : `Origin stream, no ads stitched${modeNote ? ` (${modeNote})` : ''}`;
  return (
    <span className="badge player-source" data-testid="player-source" data-mode={mode} data-session-id={sessionId ?? undefined} title={title}>
      {text}
    </span>
  );
}
