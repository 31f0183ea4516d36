// dash.js behind the PlaybackEngine contract.
import { MediaPlayer, type ErrorEvent as DashErrorEvent } from 'dashjs';
import { formatBitrate, formatMediaTime } from '../lib/format';
import { describeMediaError } from '../lib/media-error';
import type { EngineOptions, PlaybackEngine } from './types';

// dash.js reports every problem as an `error` event; these codes leave the player unable to go on
// (manifest, capability, MediaSource, append). Segment download errors are retried by dash.js itself.
const FATAL_CODES = new Set([10, 11, 20, 23, 24, 25, 31, 32, 34, 35]);

export function createDashEngine({ video, url, autoplay, callbacks }: EngineOptions): PlaybackEngine {
  const player = MediaPlayer().create();
  const events = MediaPlayer.events;
  let waitingSince: number | undefined;

  player.on(events.STREAM_INITIALIZED, (e) => {
    const info = e.streamInfo;
    callbacks.log({
      type: 'stream',
      level: 'info',
      text: `initialized${info ? ` period ${info.id}, duration ${formatMediaTime(info.duration)}` : ''}`,
    });
  });

  player.on(events.QUALITY_CHANGE_RENDERED, (e) => {
    const r = e.newRepresentation;
    callbacks.log({
      type: 'quality',
      level: 'info',
      text: `${e.mediaType} → ${r ? `${r.id} ${formatBitrate(r.bandwidth)}${r.height ? ` ${r.height}p` : ''}` : 'unknown'}`,
    });
  });

  player.on(events.PERIOD_SWITCH_COMPLETED, (e) => {
    const to = e.toStreamInfo;
    callbacks.log({
      type: 'period',
      level: 'info',
      text: `period ${e.fromStreamInfo?.id ?? '–'} → ${to?.id ?? '–'}${to ? ` at ${formatMediaTime(to.start)}` : ''}`,
    });
  });

  // dash.js has no stall event of its own: a stall is the time from `waiting` to `playing`.
  player.on(events.PLAYBACK_WAITING, () => {
    if (waitingSince !== undefined) return;
    waitingSince = performance.now();
    callbacks.log({ type: 'stall', level: 'warn', text: `waiting at ${formatMediaTime(video.currentTime)}` });
  });
  player.on(events.PLAYBACK_PLAYING, () => {
    if (waitingSince === undefined) return;
    const ms = performance.now() - waitingSince;
    waitingSince = undefined;
    callbacks.log({ type: 'stall', level: 'warn', text: `playing again after ${Math.round(ms)} ms` });
  });

  player.on(events.ERROR, (e) => onError(e));
  player.on(events.PLAYBACK_ERROR, (e) => {
    const message = `playback error: ${describeMediaError(e.error)}`;
    callbacks.log({ type: 'error', level: 'error', text: message });
    callbacks.fatal(message);
    callbacks.failed(message);
  });

  function onError(e: DashErrorEvent): void {
    const { message, fatal } = describeDashError(e);
    if (!fatal) {
      callbacks.log({ type: 'error', level: 'warn', text: message });
      return;
    }
    callbacks.log({ type: 'error', level: 'error', text: `fatal ${message}` });
    callbacks.fatal(message);
    callbacks.failed(message);
  }

  player.initialize(video, url, autoplay);

  return {
    name: `dash.js ${player.getVersion()}`,
    rendition() {
      const r = player.getCurrentRepresentationForType('video');
      if (!r) return {};
      // Index within the same list whose length is shown, so "level 2/4" is consistent.
      const all = player.getRepresentationsByType('video');
      const index = all.findIndex((x) => x.id === r.id);
      return {
        level: index >= 0 ? index : undefined,
        levelCount: all.length,
        bitrate: r.bandwidth,
        height: r.height || undefined,
      };
    },
    destroy: () => player.destroy(),
  };
}

function describeDashError(e: DashErrorEvent): { message: string; fatal: boolean } {
  const err = e.error;
  if (typeof err === 'string') {
    // Legacy string errors: capability/mediasource ones are fatal, download/cc ones are not.
    const detail = typeof e.event === 'string' ? e.event : 'message' in e.event ? e.event.message : e.event.url;
    return { message: `${err}: ${detail}`, fatal: err === 'capability' || err === 'mediasource' };
  }
  return { message: `code ${err.code}: ${err.message}`, fatal: FATAL_CODES.has(err.code) };
}
