// The embedded demo world: its media (built once, cached in the data dir), its state while building
// (reported on the bus as demo.progress), and its catalog for the UI and tests.
import { join } from 'node:path';
import type { DemoCatalog, DemoAsset } from '../../shared/catalog.js';
import type { EventBus } from '../bus/event-bus.js';
import type { DemoAdCreative } from './ads/index.js';
import { DEMO_ADS_ENDPOINTS } from './ads/index.js';
import { buildDemoMedia, loadDemoMedia, mediaDir } from './media/build.js';
import type { DemoWorldIndex } from './media/model.js';
import { DEMO_PACKAGES } from './origin/packages.js';

export const DEMO_CONFIG_NAME = 'demo';

export class DemoWorld {
  state: 'building' | 'ready' | 'failed' = 'building';
  step = 'Starting';
  progress = 0;
  error: string | undefined;
  index: DemoWorldIndex | undefined;
  private readonly abort = new AbortController();
  private lastEmit = 0;

  constructor(
    /** Folder holding versioned demo media (a sub-folder of the data dir by default). */
    readonly root: string,
    private readonly bus: EventBus,
  ) {}

  /** Directory of the current media version. */
  get dir(): string {
    return mediaDir(this.root);
  }

  /** Loads the cached world or builds it, then runs `prepare` (the engine transcodes the demo's ads there);
   *  never throws (a failure is a state the UI shows; a failed `prepare` is reported but the world is ready). */
  async start(prepare?: (report: (step: string, progress: number) => void) => Promise<void>): Promise<void> {
    const t0 = Date.now();
    try {
      const cached = await loadDemoMedia(this.root);
      this.index = cached ?? (await buildDemoMedia(this.root, (p) => this.report(p.step, p.progress), this.abort.signal));
    } catch (e) {
      this.state = 'failed';
      this.error = e instanceof Error ? e.message : String(e);
      this.bus.emit({ kind: 'demo.progress', state: 'failed', step: this.step, progress: this.progress, error: this.error });
      this.bus.emit({ kind: 'error', where: 'demo world', message: this.error });
      return;
    }
    if (prepare) {
      try {
        await prepare((step, progress) => this.report(step, progress));
      } catch (e) {
        this.bus.emit({ kind: 'error', where: 'demo world', message: `Preparing the demo's ads failed: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    this.state = 'ready';
    this.report('Demo world ready', 1, Date.now() - t0, true);
  }

  stop(): void {
    this.abort.abort();
  }

  private report(step: string, progress: number, ms?: number, force = false): void {
    this.step = step;
    this.progress = progress;
    const now = Date.now();
    // At most ~4 progress events a second: enough for a smooth bar, not a flood in the log.
    if (!force && now - this.lastEmit < 250) return;
    this.lastEmit = now;
    this.bus.emit({ kind: 'demo.progress', state: this.state, step, progress, ...(ms !== undefined ? { ms } : {}) });
  }

  creatives(): DemoAdCreative[] {
    return (this.index?.creatives ?? [])
      .filter((c) => c.id !== 'slate')
      .map((c) => ({
        id: c.id,
        title: c.title,
        durationSeconds: c.durationSeconds,
        adSystem: 'Stitchbench Demo ADS',
        mezzanine: { path: `media/${c.id}/mezzanine.mp4`, ...c.mezzanine },
        hlsTsPath: `media/${c.id}/hls-ts/master.m3u8`,
        hlsFmp4Path: `media/${c.id}/hls-fmp4/master.m3u8`,
        dashPath: `media/${c.id}/dash/manifest.mpd`,
      }));
  }

  catalog(base: string): DemoCatalog {
    const origin = `${base}/demo/origin`;
    const assets: DemoAsset[] = [];
    for (const kind of ['vod', 'live'] as const) {
      for (const [pkg, p] of Object.entries(DEMO_PACKAGES)) {
        const path = `${kind}/${pkg}/${p.format === 'dash' ? 'manifest.mpd' : 'master.m3u8'}`;
        assets.push({
          id: `${kind}-${pkg}`,
          name: `${kind === 'vod' ? 'VOD' : 'Live'} · ${p.label}`,
          kind,
          format: p.format,
          container: p.container,
          markers: p.markers,
          path,
          originUrl: `${origin}/${path}`,
        });
      }
    }
    const ads = `${base}/demo/ads`;
    return {
      configurationName: DEMO_CONFIG_NAME,
      videoContentSourceUrl: origin,
      adDecisionServerUrl: demoAdsUrl(base),
      assets,
      ads: (this.index?.creatives ?? []).map((c) => ({
        id: c.id,
        title: c.title,
        durationSeconds: c.durationSeconds,
        mezzanineUrl: `${ads}/media/${c.id}/mezzanine.mp4`,
        hlsTsUrl: `${ads}/media/${c.id}/hls-ts/master.m3u8`,
        hlsFmp4Url: `${ads}/media/${c.id}/hls-fmp4/master.m3u8`,
        dashUrl: `${ads}/media/${c.id}/dash/manifest.mpd`,
      })),
      adsEndpoints: DEMO_ADS_ENDPOINTS.map((e) => ({ path: `/demo/ads${e.path === '/' ? '' : e.path}`, description: e.description })),
    };
  }
}

/** The demo configuration's ADS URL: a VAST 3 pod sized to the avail, tracked per session. */
export function demoAdsUrl(base: string): string {
  return `${base}/demo/ads/vast?v=3.0&dur=[session.avail_duration_secs]&sid=[session.id]`;
}

export function defaultDemoMediaRoot(dataDir: string): string {
  return join(dataDir, 'demo-media');
}
