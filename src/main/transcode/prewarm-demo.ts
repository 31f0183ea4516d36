// On start, the engine pre-warms the demo configuration (its ADS's ads and slate, for the demo content) and
// waits for those transcodes, so a fresh install's first demo break already plays transcoded ads. The output is
// cached in the data dir: later starts find it at once. Progress is reported as a step of the demo world.
import type { PlaybackConfigStore } from '../config/store.js';
import { prewarm, type PrewarmDeps } from './prewarm.js';

export async function prewarmDemo(deps: PrewarmDeps, configs: PlaybackConfigStore, report: (step: string, progress: number) => void): Promise<void> {
  const config = configs.get(deps.demoConfigName);
  if (!config) return;
  report('Transcoding the demo ads for the demo content', 0);
  const result = await prewarm(deps, config, { configName: config.Name });
  const ids = new Set(result.ads.map((a) => a.jobId).filter((x): x is string => Boolean(x)));
  if (ids.size === 0) return;
  for (;;) {
    const jobs = deps.transcoder.jobs().filter((j) => ids.has(j.id));
    const left = jobs.filter((j) => deps.transcoder.isActive(j.state));
    const progress = jobs.reduce((t, j) => t + (deps.transcoder.isActive(j.state) ? j.progress : 1), 0) / Math.max(1, jobs.length);
    const current = left.find((j) => j.state !== 'queued') ?? left[0];
    report(current ? `Transcoding the demo ads: ${current.title ?? current.adId ?? current.adKey} (${jobs.length - left.length + 1}/${jobs.length})` : 'Demo ads transcoded', progress);
    if (left.length === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const failed = deps.transcoder.jobs().filter((j) => ids.has(j.id) && j.state === 'failed');
  if (failed.length) throw new Error(failed.map((j) => `${j.title ?? j.adKey}: ${j.error}`).join('; '));
}
