// Player state from the <video> element's own events, which every engine drives the same way.
import { useEffect } from 'react';
import { usePlayers, type PlayerState } from '../store/player';

const STATE_FOR_EVENT: Record<string, PlayerState> = {
  loadstart: 'loading',
  // First frame ready; only becomes "paused" below when nothing is playing it (autoplay off).
  loadeddata: 'paused',
  playing: 'playing',
  pause: 'paused',
  waiting: 'waiting',
  ended: 'ended',
};

export function useVideoState(playerId: string, video: HTMLVideoElement | null): void {
  useEffect(() => {
    if (!video) return;
    const onEvent = (e: Event) => {
      const state = STATE_FOR_EVENT[e.type];
      // `pause` also fires right before `ended`; keep the more specific state.
      if (state === 'paused' && (video.ended || !video.paused)) return;
      if (state) usePlayers.getState().setState(playerId, state);
    };
    const types = Object.keys(STATE_FOR_EVENT);
    for (const type of types) video.addEventListener(type, onEvent);
    return () => {
      for (const type of types) video.removeEventListener(type, onEvent);
    };
  }, [playerId, video]);
}
