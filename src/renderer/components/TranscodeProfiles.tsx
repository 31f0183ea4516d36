// The content profiles ads were conditioned to, newest first: read from each origin's manifest, with what had
// to be probed from a segment or assumed, since a wrong guess there is what makes a splice glitch.
import { profileNotes } from '../lib/transcode-jobs';
import { useTranscode } from '../store/transcode';

const SHOWN = 4;

export function TranscodeProfiles() {
  const profiles = useTranscode((s) => s.overview?.profiles);
  if (!profiles) return null;

  return (
    <section className="transcode-section" aria-labelledby="transcode-profiles-heading">
      <h3 id="transcode-profiles-heading">
        Discovered profiles{' '}
        {profiles.length > SHOWN && <span className="transcode-count">latest {SHOWN} of {profiles.length}</span>}
      </h3>
      {profiles.length === 0 ? (
        <p className="empty">No content profiles yet — one is read from the origin the first time a session or a pre-warm needs it.</p>
      ) : (
        <ul className="transcode-profiles">
          {profiles.slice(0, SHOWN).map((p) => (
            <li key={`${p.originUrl}:${p.discoveredAt}`} className="transcode-profile" data-testid="transcode-profile" data-profile-key={p.profile.key}>
              <div className="transcode-profile-origin mono" title={p.originUrl}>
                <span className="badge">{p.format.toUpperCase()}</span> <span className="badge">{p.container === 'ts' ? 'TS' : 'fMP4'}</span> {p.originUrl}
              </div>
              <div className="transcode-profile-summary">{p.profile.summary}</div>
              {profileNotes(p).map((note) => (
                <div key={note.kind} className="transcode-profile-note" data-note={note.kind}>
                  {note.text}
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
