// The player's session avails in one line: what the stitcher decided for each (from the `avail` events) and
// how many of its ad segments (HLS) or ad Periods (DASH) this player has played, and whether its ads were
// prefetched. The full ad timeline is a panel of its own.
import type { AvailEvent } from '../../shared/events';
import { availsOf, useAvails } from '../store/avails';
import type { PlayerRuntime } from '../store/player';

const SHOWN = 6;

export function AdAvails({ runtime }: { runtime: PlayerRuntime }) {
  const avails = useAvails((s) => availsOf(s, runtime.sessionId));
  const { ads, mode } = runtime;
  const shown = avails.slice(-SHOWN);
  return (
    <dd
      data-testid="ad-avails"
      data-count={avails.length}
      data-ad-segments={ads.segments}
      data-ad-periods={ads.periods}
      data-playing-ad={ads.current ?? undefined}
    >
      {mode !== 'stitched' ? (
        <span className="empty">none (origin stream)</span>
      ) : avails.length === 0 ? (
        <span className="empty">{runtime.sessionId ? 'no avails decided yet' : '–'}</span>
      ) : (
        <>
          {avails.length > shown.length && <span className="ad-avail-more">+{avails.length - shown.length} earlier </span>}
          {shown.map((a) => (
            <Avail
              key={a.availId}
              avail={a}
              played={ads.byAvail[a.availId] ?? 0}
              playedPeriods={ads.periodsByAvail[a.availId] ?? 0}
              playing={ads.current === a.availId}
            />
          ))}
        </>
      )}
      {ads.segments > 0 && <span className="ad-played"> · {ads.segments} ad segment(s) played</span>}
      {ads.periods > 0 && <span className="ad-played"> · {ads.periods} ad Period(s) played</span>}
    </dd>
  );
}

function Avail({ avail, played, playedPeriods, playing }: { avail: AvailEvent; played: number; playedPeriods: number; playing: boolean }) {
  const what = avail.fallback ? `fallback ${avail.fallback}` : avail.ads.map((a) => a.adId).join(', ') || 'no ads';
  const prefetch = avail.prefetch;
  return (
    <span
      className="ad-avail"
      data-testid="ad-avail"
      data-avail-id={avail.availId}
      data-filled={avail.filledSeconds}
      data-duration={avail.durationSeconds}
      data-fallback={avail.fallback ?? undefined}
      data-prefetch={prefetch?.schedule}
      data-played-segments={played}
      data-played-periods={playedPeriods}
      data-playing={playing || undefined}
      title={avail.skipped.length ? `skipped: ${avail.skipped.map((s) => `${s.adId} (${s.reason})`).join(', ')}` : undefined}
    >
      {playing ? '▶ ' : ''}#{avail.availId} {fmt(avail.filledSeconds)}/{fmt(avail.durationSeconds)} s {what}
      {prefetch && (
        <span className="ad-avail-prefetch" title={`prefetched by ${prefetch.schedule}: ${Math.round(prefetch.adsMsAvoided)} ms ADS latency avoided`}>
          {' '}
          prefetched
        </span>
      )}
    </span>
  );
}

function fmt(seconds: number): string {
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}
