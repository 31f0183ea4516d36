// One player: a <video> driven by hls.js or dash.js, with its state, stats and event list.
// Everything comes in through props and is reported under `id`, so players can sit side by side.
import { useCallback, useState } from 'react';
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
}

const IDLE = emptyRuntime();

export function Player({ id, label, source, autoplay }: PlayerProps) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const runtime = usePlayers((s) => s.runtime[id]) ?? IDLE;

  const engineRef = usePlaybackEngine(id, video, source, autoplay, reloadKey);
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
          <button type="button" className="text-button" disabled={!source} onClick={() => setReloadKey((k) => k + 1)}>
            Reload
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
