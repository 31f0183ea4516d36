// The manifest inspector: what a session was served, origin beside stitched, per track and refresh, with lint
// (numbering continuity, target duration, stale live playlists, Period continuity …) — telling "the origin was
// already broken" from "the stitcher broke it".
import { useState } from 'react';
import type { LintFinding, ManifestTrack, SessionManifests } from '../../shared/inspect-manifests';
import { ManifestInspectorDiff, type DiffFocus } from './ManifestInspectorDiff';
import { useSessionManifests } from './ManifestInspectorData';
import { ManifestInspectorLint } from './ManifestInspectorLint';
import { ManifestInspectorPickers } from './ManifestInspectorPickers';
import './manifest-inspector.css';

/** The first media track is what players request most; the multivariant is one pick away. */
function defaultTrack(data: SessionManifests): ManifestTrack | undefined {
  return data.tracks.find((t) => t.track !== 'multivariant' && t.refreshes.length) ?? data.tracks[0];
}

export function ManifestInspector({ sessionId }: { sessionId: string | null }) {
  const { data, error, settled, reload } = useSessionManifests(sessionId);
  const [trackId, setTrackId] = useState<string>();
  const [pickedAt, setPickedAt] = useState<number>();
  const [follow, setFollow] = useState(true);
  const [focus, setFocus] = useState<DiffFocus>();

  const track = (trackId !== undefined ? data?.tracks.find((t) => t.track === trackId) : undefined) ?? (data ? defaultTrack(data) : undefined);
  // An older refresh that slid out of the kept 30 falls back to the newest.
  const refresh = (!follow && track?.refreshes.find((r) => r.at === pickedAt)) || track?.refreshes.at(-1);

  const pick = (f: LintFinding) => {
    if (f.track !== undefined) setTrackId(f.track);
    if (f.refreshAt !== undefined) {
      setFollow(false);
      setPickedAt(f.refreshAt);
    }
    if (f.line !== undefined) setFocus({ side: f.source === 'origin' ? 'left' : 'right', line: f.line, nonce: Date.now() });
  };

  return (
    <section className="panel manifest-inspector" data-testid="manifest-inspector" aria-labelledby="manifest-inspector-heading">
      <header className="panel-header">
        <h2 id="manifest-inspector-heading">Manifests</h2>
        {data && (
          <span className="mi-session mono">
            {data.format.toUpperCase()} · {data.live === null ? 'waiting for a playlist' : data.live ? 'live' : 'VOD'}
          </span>
        )}
        {error && (
          <span className="mi-error" role="status" title={error}>
            {error}
          </span>
        )}
      </header>
      {!sessionId ? (
        <p className="empty">Start a session to inspect its manifests.</p>
      ) : !data ? (
        <p className="empty">{error ? 'No manifests.' : 'Loading manifests…'}</p>
      ) : !track || !refresh ? (
        <p className="empty">No manifest served yet.</p>
      ) : (
        <div className="mi-body">
          <ManifestInspectorLint findings={data.lint} tracks={data.tracks} onPick={pick} />
          <ManifestInspectorPickers
            tracks={data.tracks}
            track={track}
            refreshAt={refresh.at}
            follow={follow}
            live={data.live}
            settled={settled}
            onTrack={(id) => {
              setTrackId(id);
              setFocus(undefined);
            }}
            onRefresh={(at) => {
              setPickedAt(at);
              setFollow(at === track.refreshes.at(-1)?.at);
              setFocus(undefined);
            }}
            onFollow={(on) => {
              setFollow(on);
              setFocus(undefined);
            }}
            onReload={reload}
          />
          {refresh.originUrl && (
            <div className="mi-origin-url mono" title={refresh.originUrl}>
              {refresh.originUrl}
            </div>
          )}
          <ManifestInspectorDiff origin={refresh.origin} stitched={refresh.stitched} format={track.kind === 'mpd' ? 'dash' : 'hls'} {...(focus ? { focus } : {})} />
        </div>
      )}
    </section>
  );
}
