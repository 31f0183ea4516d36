// hls.js behind the PlaybackEngine contract, falling back to the browser's own HLS where MSE is missing.
import Hls, { ErrorDetails, ErrorTypes, Events, type ErrorData, type ManifestLoadedData } from 'hls.js';
// The transmuxer worker as a file of our own origin: the ESM build would otherwise transmux on the
// main thread, and a blob: worker would be blocked by the page's CSP (script-src 'self').
import hlsWorkerUrl from 'hls.js/dist/hls.worker.js?url';
import { availKeyOfAdSegment, SESSION_HEADER, sessionIdFromPlaylistUrl } from '../api/playback-url';
import { formatBitrate, formatMediaTime } from '../lib/format';
import { createNativeEngine } from './native-engine';
import { inertEngine, tryPlay, type EngineOptions, type PlaybackEngine } from './types';

export function createHlsEngine(options: EngineOptions): PlaybackEngine {
  const { video, url, autoplay, callbacks } = options;
  if (!Hls.isSupported()) {
    if (video.canPlayType('application/vnd.apple.mpegurl')) return createNativeEngine(options);
    const message = 'HLS is not supported in this browser (no MediaSource, no native HLS)';
    callbacks.fatal(message);
    callbacks.failed(message);
    return inertEngine('hls.js (unsupported)');
  }

  // HLS Interstitials (guided ad insertion): on by default in hls.js 1.6+, said here because the bench relies
  // on it. Assets play in their own MediaSource rather than appended in place (the hls.js default): with the
  // demo media the in-place append leaves a ~54 ms audio gap at the interstitial start (the content's audio
  // ends at 20.005 s, the ad's first audio sample lands at 20.059 s) and the primary then stalled for good at
  // ~19.96 s, never reaching the interstitial, in 5 of 14 runs at 1× on a loaded 2-core machine (0 of 12 this way).
  const hls = new Hls({ enableWorker: true, workerPath: hlsWorkerUrl, enableInterstitialPlayback: true, interstitialAppendInPlace: false });
  // Standard recovery is attempted once per kind of fatal error; a second one means giving up.
  const recoveryTried = { network: false, media: false };
  let lastCc: number | undefined;
  let stallStartedAt: number | undefined;
  /** Avail key of the stitched ad segment playing, null for content, undefined before the first fragment. */
  let playingAd: string | null | undefined;

  hls.on(Events.MANIFEST_LOADED, (_e, data) => {
    const session = sessionIdOf(data);
    if (session) {
      callbacks.session(session);
      callbacks.log({ type: 'session', level: 'info', text: `stitcher session ${session}` });
    }
  });

  hls.on(Events.MANIFEST_PARSED, (_e, data) => {
    const top = data.levels.reduce((max, l) => Math.max(max, l.bitrate), 0);
    callbacks.log({ type: 'manifest', level: 'info', text: `parsed: ${data.levels.length} level(s), up to ${formatBitrate(top)}` });
    if (autoplay) tryPlay(video, callbacks.log);
  });

  hls.on(Events.LEVEL_SWITCHED, (_e, data) => {
    const level = hls.levels[data.level];
    const detail = level ? ` ${formatBitrate(level.bitrate)}${level.height ? ` ${level.height}p` : ''}` : '';
    callbacks.log({ type: 'level', level: 'info', text: `switched to level ${data.level}${detail}` });
  });

  hls.on(Events.FRAG_CHANGED, (_e, { frag }) => {
    // A change of discontinuity counter is where stitched ads begin and end.
    if (lastCc !== undefined && frag.cc !== lastCc) {
      callbacks.log({
        type: 'discontinuity',
        level: 'info',
        text: `cc ${lastCc} → ${frag.cc} at ${formatMediaTime(frag.start)} (sn ${String(frag.sn)})`,
      });
    }
    lastCc = frag.cc;

    // Stitched ads come through the stitcher's /v1/segment/… URLs: say where each avail's ads begin and end.
    const availKey = availKeyOfAdSegment(frag.url) ?? null;
    if (availKey !== playingAd) {
      if (availKey !== null) callbacks.log({ type: 'ad', level: 'info', text: `ads of avail ${availKey} from ${formatMediaTime(frag.start)}` });
      else if (playingAd !== undefined) callbacks.log({ type: 'ad', level: 'info', text: `content resumes at ${formatMediaTime(frag.start)}` });
    }
    playingAd = availKey;
    callbacks.adSegment(availKey);
  });

  hls.on(Events.FRAG_LOADED, (_e, { frag }) => {
    const l = frag.stats.loading;
    if (frag.type !== 'main' || !l.first) return;
    callbacks.segment({ ttfbMs: Math.round((l.first - l.start) * 10) / 10, ad: availKeyOfAdSegment(frag.url) !== undefined });
  });

  hls.on(Events.INTERSTITIAL_STARTED, (_e, { event }) => {
    callbacks.interstitial('event');
    callbacks.log({ type: 'interstitial', level: 'info', text: `started ${event.identifier} at ${formatMediaTime(event.startTime)} (${event.assetList.length} asset(s))` });
  });
  hls.on(Events.INTERSTITIAL_ASSET_STARTED, (_e, { asset, assetListIndex }) => {
    callbacks.interstitial('asset');
    callbacks.log({ type: 'interstitial', level: 'info', text: `asset ${assetListIndex + 1} ${asset.uri}` });
  });
  hls.on(Events.INTERSTITIAL_ENDED, (_e, { event }) => {
    callbacks.log({ type: 'interstitial', level: 'info', text: `ended ${event.identifier}, resuming at ${formatMediaTime(event.resumeTime)}` });
  });
  hls.on(Events.INTERSTITIAL_ASSET_ERROR, (_e, data) => {
    callbacks.log({ type: 'interstitial', level: 'warn', text: `asset error ${data.details}${data.error?.message ? `: ${data.error.message}` : ''}` });
  });

  hls.on(Events.STALL_RESOLVED, () => {
    if (stallStartedAt === undefined) return;
    const ms = performance.now() - stallStartedAt;
    stallStartedAt = undefined;
    callbacks.log({ type: 'stall', level: 'warn', text: `stall resolved after ${Math.round(ms)} ms` });
  });

  hls.on(Events.ERROR, (_e, data) => onError(data));

  function onError(data: ErrorData): void {
    if (data.details === ErrorDetails.BUFFER_STALLED_ERROR) {
      stallStartedAt ??= performance.now();
      callbacks.log({ type: 'stall', level: 'warn', text: `buffer stalled at ${formatMediaTime(video.currentTime)}` });
      return;
    }
    const message = `${data.type}/${data.details}${data.error?.message ? `: ${data.error.message}` : ''}`;
    if (!data.fatal) {
      callbacks.log({ type: 'error', level: 'warn', text: message });
      return;
    }
    callbacks.fatal(message);
    if (data.type === ErrorTypes.NETWORK_ERROR && !recoveryTried.network) {
      recoveryTried.network = true;
      // Without a parsed manifest there is nothing for startLoad() to resume: load the source again.
      const manifestLoaded = hls.levels.length > 0;
      callbacks.log({ type: 'error', level: 'error', text: `fatal ${message}; recovering with ${manifestLoaded ? 'startLoad()' : 'loadSource()'}` });
      if (manifestLoaded) hls.startLoad();
      else hls.loadSource(url);
      return;
    }
    if (data.type === ErrorTypes.MEDIA_ERROR && !recoveryTried.media) {
      recoveryTried.media = true;
      callbacks.log({ type: 'error', level: 'error', text: `fatal ${message}; recovering with recoverMediaError()` });
      hls.recoverMediaError();
      return;
    }
    callbacks.log({ type: 'error', level: 'error', text: `fatal ${message}; giving up` });
    hls.stopLoad();
    callbacks.failed(message);
  }

  hls.attachMedia(video);
  hls.loadSource(url);

  return {
    name: `hls.js ${Hls.version}`,
    rendition() {
      const index = hls.currentLevel;
      const level = index >= 0 ? hls.levels[index] : undefined;
      return {
        level: index >= 0 ? index : undefined,
        levelCount: hls.levels.length,
        bitrate: level?.bitrate,
        height: level?.height || undefined,
      };
    },
    destroy: () => hls.destroy(),
    playheadPdtMs: () => hls.playingDate?.getTime(),
  };
}

/** The stitcher's session: its response header when readable (same origin, or exposed by CORS), else the
 *  session id in the variant URLs (/v1/manifest/{acct}/{session}/{n}.m3u8). Undefined for an origin stream. */
function sessionIdOf(data: ManifestLoadedData): string | undefined {
  const details = data.networkDetails;
  let header: string | null = null;
  try {
    if (details instanceof XMLHttpRequest) header = details.getResponseHeader(SESSION_HEADER);
    else if (details instanceof Response) header = details.headers.get(SESSION_HEADER);
  } catch {
    header = null;
  }
  if (header) return header;
  for (const p of [...data.levels, ...data.audioTracks]) {
    const id = p.url ? sessionIdFromPlaylistUrl(p.url) : undefined;
    if (id) return id;
  }
  return undefined;
}
