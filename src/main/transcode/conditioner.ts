// What a session asks of the transcoder for one ad: discover the content profile (once per origin), look the
// (ad, profile) transcode up, and answer with the ad's conditioned manifests — or, as MediaTailor does, skip the
// ad while it is being transcoded (TRANSCODE_IN_PROGRESS) or after it failed (TRANSCODE_ERROR). The bench option
// TranscodeWaitSeconds lets a session wait a little instead, so a demo's first break already has its ads.
import type { Session } from '../sessions/types.js';
import type { ProfileDiscovery } from './discover.js';
import { entryInfo, type CacheEntry } from './cache.js';
import type { TranscodeSource } from './source.js';
import type { Transcoder } from './transcoder.js';
import type { TranscodedUrls } from '../../shared/transcode.js';

export type ConditionResult =
  | { ok: true; urls: TranscodedUrls; key: string }
  | { ok: false; reason: 'TRANSCODE_IN_PROGRESS' | 'TRANSCODE_ERROR'; detail: string; vastError?: number };

export const MAX_WAIT_SECONDS = 60;

export class AdConditioner {
  constructor(
    private readonly discovery: ProfileDiscovery,
    private readonly transcoder: Transcoder,
    /** The engine's own base URL (transcoded ads are served by it). */
    private readonly baseUrl: () => string,
  ) {}

  private urls(e: CacheEntry): TranscodedUrls {
    const p = entryInfo(e).paths;
    const base = this.baseUrl();
    return { hlsTs: base + p.hlsTs, hlsFmp4: base + p.hlsFmp4, dash: base + p.dash };
  }

  async condition(session: Session, source: TranscodeSource, meta: { adId?: string; title?: string } = {}): Promise<ConditionResult> {
    const found = await this.discovery.discover(session.originUrl, session.format);
    if (!found.ok) return { ok: false, reason: 'TRANSCODE_ERROR', detail: `content profile unknown: ${found.error}` };
    const ticket = await this.transcoder.request({
      adKey: source.adKey,
      sourceUrl: source.url,
      profile: found.discovered.profile,
      ...(meta.adId ? { adId: meta.adId } : {}),
      ...(meta.title ? { title: meta.title } : {}),
    });
    if (ticket.state === 'ready') return { ok: true, urls: this.urls(ticket.entry), key: ticket.entry.key };
    if (ticket.state === 'failed') return { ok: false, reason: 'TRANSCODE_ERROR', detail: ticket.error, ...(ticket.vastError ? { vastError: ticket.vastError } : {}) };
    const waitS = Math.min(MAX_WAIT_SECONDS, Math.max(0, session.config.TranscodeWaitSeconds ?? 0));
    if (waitS > 0) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), waitS * 1000)));
      try {
        const r = await Promise.race([ticket.done, timeout]);
        if (r !== 'timeout') return { ok: true, urls: this.urls(r), key: r.key };
      } catch (e) {
        const err = e as { message?: string; vastError?: number };
        return { ok: false, reason: 'TRANSCODE_ERROR', detail: err.message ?? String(e), ...(err.vastError ? { vastError: err.vastError } : {}) };
      } finally {
        clearTimeout(timer);
      }
      return { ok: false, reason: 'TRANSCODE_IN_PROGRESS', detail: `not ready after waiting ${waitS} s (job ${ticket.job.id})` };
    }
    return { ok: false, reason: 'TRANSCODE_IN_PROGRESS', detail: `transcode job ${ticket.job.id} ${ticket.job.state}; the ad plays from the next avail once ready` };
  }
}
