// The browser's own player, for HLS where MSE is missing (Safari/iOS) or as the last resort.
import { describeMediaError } from '../lib/media-error';
import { tryPlay, type EngineOptions, type PlaybackEngine } from './types';

export function createNativeEngine({ video, url, autoplay, callbacks }: EngineOptions): PlaybackEngine {
  const onError = () => {
    const message = describeMediaError(video.error);
    callbacks.fatal(message);
    callbacks.failed(message);
  };
  const onMetadata = () => callbacks.log({ type: 'manifest', level: 'info', text: 'metadata loaded by the browser' });

  video.addEventListener('error', onError);
  video.addEventListener('loadedmetadata', onMetadata);
  video.src = url;
  if (autoplay) tryPlay(video, callbacks.log);

  return {
    name: 'native',
    rendition: () => (video.videoHeight ? { height: video.videoHeight } : {}),
    destroy() {
      video.removeEventListener('error', onError);
      video.removeEventListener('loadedmetadata', onMetadata);
      video.removeAttribute('src');
      video.load(); // aborts the download and empties the element
    },
  };
}
