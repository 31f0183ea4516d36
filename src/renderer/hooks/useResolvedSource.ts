// Turns what a player slot should play into a PlayerSource. Server-side reporting plays the implicit playback
// URL directly; client-side reporting first starts an explicit session (POST /v1/session/…) for its tracking URL.
import { useEffect, useState } from 'react';
import { startExplicitSession, type ExplicitSessionBody } from '../api/explicit-session';
import type { PlayerSource } from './usePlaybackEngine';

export interface SourceRequest {
  source: PlayerSource;
  /** Set for client-side reporting: the explicit session to start first. */
  explicit?: ExplicitSessionBody;
  /** Changes whenever a new session is wanted for the same URL (Apply). */
  generation: number;
}

export function useResolvedSource(req: SourceRequest | null): { source: PlayerSource | null; error: string | null } {
  const [state, setState] = useState<{ source: PlayerSource | null; error: string | null }>({ source: null, error: null });
  const key = req ? JSON.stringify([req.source, req.explicit, req.generation]) : '';
  useEffect(() => {
    if (!req) return setState({ source: null, error: null });
    if (!req.explicit || req.source.mode !== 'stitched') return setState({ source: req.source, error: null });
    setState({ source: null, error: null });
    const abort = new AbortController();
    startExplicitSession(req.source.url, req.explicit, abort.signal).then(
      (s) => setState({ source: { ...req.source, url: new URL(s.manifestUrl, req.source.url).toString(), trackingUrl: s.trackingUrl }, error: null }),
      (err: unknown) => !abort.signal.aborted && setState({ source: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => abort.abort();
    // The key captures every input; req itself is a new object each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
