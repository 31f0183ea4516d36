// "Play a URL": any HLS or DASH manifest through the stitcher with the selected configuration's ADS and settings.
import { useState } from 'react';
import { playContentUrl } from '../services/content-url';
import { useCustomAsset } from '../store/custom-asset';

export function ContentUrl() {
  const current = useCustomAsset((s) => s.asset);
  const [text, setText] = useState(() => new URLSearchParams(location.search).get('url') ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="content-url"
      data-testid="content-url"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void playContentUrl(text).then((err) => {
          setError(err);
          setBusy(false);
        });
      }}
    >
      <label>
        Or play a URL (HLS .m3u8 / DASH .mpd)
        <input type="url" className="mono" data-testid="content-url-input" value={text} placeholder="https://origin.example/live/master.m3u8" onChange={(e) => setText(e.target.value)} spellCheck={false} aria-invalid={error !== null} />
      </label>
      <button type="submit" className="text-button" data-testid="content-url-play" disabled={busy || !text.trim()}>
        Play
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      {current && !error && <span className="hint">playing {current.name}</span>}
    </form>
  );
}
