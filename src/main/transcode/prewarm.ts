// Pre-warm: transcode a configuration's ads before anyone plays, so the first break already has them. Asks the
// configuration's ADS once for a long avail (as a session would, with session id "prewarm"), adds the slate and
// bumpers, and queues a transcode per distinct ad for the content's profile. Failed ads are retried at once.
import type { PutPlaybackConfigurationRequest as PlaybackConfiguration } from '../../shared/playback-config.js';
import type { PrewarmRequest, PrewarmResponse } from '../../shared/transcode.js';
import { expandAdsUrl } from '../ads/template.js';
import { resolveVast } from '../ads/resolve.js';
import type { EventBus } from '../bus/event-bus.js';
import { HttpError } from '../http/errors.js';
import type { ProfileDiscovery } from './discover.js';
import { pickSource, urlSource, type TranscodeSource } from './source.js';
import type { Transcoder } from './transcoder.js';

export interface PrewarmDeps {
  bus: EventBus;
  discovery: ProfileDiscovery;
  transcoder: Transcoder;
  /** Demo configuration name: its default asset is the demo VOD HLS TS. */
  demoConfigName: string;
}

export const DEFAULT_PREWARM_AVAIL_SECONDS = 120;

/** The content manifest a pre-warm conditions for. */
export function prewarmContentUrl(config: PlaybackConfiguration, asset: string | undefined, demoConfigName: string): string {
  if (asset && /^https?:\/\//i.test(asset)) return asset;
  const base = config.VideoContentSourceUrl;
  if (!base) throw new HttpError(400, `Configuration "${config.Name}" has no VideoContentSourceUrl: give an absolute asset URL`);
  if (asset) return `${base.replace(/\/+$/, '')}/${asset.replace(/^\/+/, '')}`;
  if (/\.(m3u8|mpd)(\?|$)/i.test(base)) return base;
  if (config.Name === demoConfigName) return `${base.replace(/\/+$/, '')}/vod/hls-ts/master.m3u8`;
  throw new HttpError(400, 'Give an asset: a path under VideoContentSourceUrl (e.g. "live/index.m3u8") or an absolute manifest URL');
}

export async function prewarm(deps: PrewarmDeps, config: PlaybackConfiguration, req: PrewarmRequest): Promise<PrewarmResponse> {
  const contentUrl = prewarmContentUrl(config, req.asset, deps.demoConfigName);
  const format = /\.mpd(\?|$)/i.test(contentUrl) ? 'dash' : 'hls';
  const found = await deps.discovery.discover(contentUrl, format);
  if (!found.ok) throw new HttpError(502, `Cannot discover the content profile of ${contentUrl}: ${found.error}`);
  const profile = found.discovered.profile;

  const sources: { adId: string; title?: string; source?: TranscodeSource; detail?: string }[] = [];
  const transcode = (config.AdConditioningConfiguration?.StreamingMediaFileConditioning ?? 'TRANSCODE') === 'TRANSCODE';
  if (config.AdDecisionServerUrl) {
    const seconds = req.availSeconds ?? DEFAULT_PREWARM_AVAIL_SECONDS;
    const url = expandAdsUrl(config.AdDecisionServerUrl, {
      session: { id: 'prewarm', uuid: 'prewarm', availDurationSecs: seconds, availDurationMs: seconds * 1000 },
      avail: { index: 0, random: 0 },
      playerParams: {},
    }).url;
    const vast = await resolveVast(url, { timeoutMs: Math.max(3000, config.AdsRequestTimeoutMilliseconds ?? 3000), bus: deps.bus });
    if (vast.ads.length === 0 && vast.error) throw new HttpError(502, `The ADS gave no ads: ${vast.error}`);
    for (const ad of vast.ads) {
      const source = transcode ? pickSource(ad) : undefined;
      sources.push({
        adId: ad.adId,
        ...(ad.adTitle ? { title: ad.adTitle } : {}),
        ...(source ? { source } : { detail: transcode ? 'no mezzanine or progressive MediaFile to transcode' : 'StreamingMediaFileConditioning is NONE: its streaming MediaFiles are used as they are' }),
      });
    }
  }
  for (const [adId, url] of [['slate', config.SlateAdUrl], ['bumper-start', config.Bumper?.StartUrl], ['bumper-end', config.Bumper?.EndUrl]] as const) {
    if (!url) continue;
    const source = urlSource(url);
    sources.push({ adId, title: adId, ...(source ? { source } : { detail: 'already a manifest: used as it is' }) });
  }

  const seen = new Set<string>();
  const ads: PrewarmResponse['ads'] = [];
  for (const s of sources) {
    if (!s.source) {
      ads.push({ adId: s.adId, ...(s.title ? { title: s.title } : {}), state: 'skipped', detail: s.detail ?? '' });
      continue;
    }
    if (seen.has(s.source.adKey)) continue;
    seen.add(s.source.adKey);
    const t = await deps.transcoder.request({ adKey: s.source.adKey, sourceUrl: s.source.url, profile, adId: s.adId, ...(s.title ? { title: s.title } : {}), force: true });
    const line = { adId: s.adId, adKey: s.source.adKey, ...(s.title ? { title: s.title } : {}) };
    if (t.state === 'ready') ads.push({ ...line, state: 'ready', detail: 'already transcoded' });
    else if (t.state === 'pending') ads.push({ ...line, state: t.job.state, jobId: t.job.id });
    else ads.push({ ...line, state: 'failed', detail: t.error });
  }
  return { profile: found.discovered, ads };
}
