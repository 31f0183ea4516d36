// One line per bench event for the log: the few fields that tell events of a kind apart.
import type { BenchEvent } from '../../shared/events';
import { formatBytes, percent, shortUrl } from './format';
import { formatRealTime, isTerminal } from './transcode-jobs';

export function summarize(event: BenchEvent): string {
  switch (event.kind) {
    case 'origin.fetch':
      return join(event.status, shortUrl(event.url), event.error);
    case 'manifest.served':
      return join(event.status, event.path, event.format, event.source);
    case 'segment.served':
      return join(event.status, event.path, formatBytes(event.bytes), event.ad ? 'ad' : undefined);
    case 'ads.request':
      return join(event.status, event.fault ? `fault=${event.fault}` : undefined, event.side, shortUrl(event.url), event.error);
    case 'beacon':
      return join(event.event, event.sender, event.adId, event.status, event.error);
    case 'transcode.job':
      return join(
        event.label ?? event.adKey,
        event.state,
        isTerminal(event.state) ? undefined : `${percent(event.progress)}%`,
        event.state === 'ready' ? formatRealTime(event.realTimeRatio) : undefined,
        event.state === 'failed' ? event.error : undefined,
      );
    case 'demo.progress':
      return join(event.step, `${percent(event.progress)}%`, event.state === 'failed' ? 'FAILED' : undefined, event.error);
    case 'config.changed':
      return join(event.action, event.name);
    case 'session':
      return join(event.action, event.configName, event.asset, event.reportingMode);
    case 'avail':
      return join(
        event.availId,
        `${event.filledSeconds.toFixed(1)}/${event.durationSeconds.toFixed(1)} s`,
        event.ads.map((a) => a.adId).join(',') || undefined,
        event.skipped.length ? `skipped ${event.skipped.map((x) => `${x.adId}:${x.reason}`).join(',')}` : undefined,
        event.fallback,
      );
    case 'ads.log':
      return join(event.eventType, event.message);
    case 'player': {
      const o = event.observation;
      return join(event.player, o.type, `at ${o.position.toFixed(1)} s`, o.durationMs !== undefined ? `${o.durationMs} ms` : undefined, o.availId ? `avail ${o.availId}` : undefined, o.fatal ? 'fatal' : undefined, o.detail);
    }
    case 'prefetch':
      return join(`${event.action} ${event.configName}/${event.schedule}`, event.adCount !== undefined ? `${event.adCount} ads` : undefined, event.adsMs !== undefined ? `ADS ${event.adsMs} ms` : undefined, event.availId ? `avail ${event.availId}` : undefined, event.error);
    case 'error':
      return `${event.where}: ${event.message}`;
    default:
      return JSON.stringify(event satisfies never);
  }
}

/** The event's duration, for the ms column (not every kind has one). */
export function eventMs(event: BenchEvent): number | undefined {
  return 'ms' in event ? event.ms : undefined;
}

/** Whether the event reports a failure, so the row can be highlighted. */
export function isFailure(event: BenchEvent): boolean {
  if (event.kind === 'error') return true;
  if ('error' in event && event.error) return true;
  if (event.kind === 'transcode.job' || event.kind === 'demo.progress') return event.state === 'failed';
  if (event.kind === 'player') return event.observation.type === 'error' || (event.observation.type === 'stall' && (event.observation.durationMs ?? 0) > 1000);
  if (event.kind === 'ads.log') return event.eventType.startsWith('ERROR_');
  return 'status' in event && typeof event.status === 'number' && (event.status >= 400 || event.status === 0);
}

function join(...parts: (string | number | undefined)[]): string {
  return parts.filter((p) => p !== undefined && p !== '').join(' ');
}
