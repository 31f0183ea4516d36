// The row of players: player A plays the selected asset with the session setup; with a comparison on, player B
// sits beside it — the same session in a second player, or a second session with its own ads parameters (to
// show personalisation) and optionally another asset (e.g. the DASH rendition next to the HLS one).
import { useEffect, useMemo } from 'react';
import type { DemoAsset } from '../../shared/catalog';
import { playbackFor } from '../api/playback-url';
import type { SourceRequest } from '../hooks/useResolvedSource';
import { parseParams, playbackQuery, sessionAdsParams, type SetupQueryInput } from '../lib/session-params';
import { selectedConfiguration, useEngine } from '../store/engine';
import { PRIMARY_PLAYER, usePlayers } from '../store/player';
import { useSetup, type Setup } from '../store/setup';
import { PlayerSlot } from './PlayerSlot';
import { URL_ASSET_ID } from '../lib/content-url';
import { useCustomAsset } from '../store/custom-asset';

export const SECOND_PLAYER = 'b';

const params = (text: string) => {
  const r = parseParams(text);
  return r.ok ? r.params : {};
};

function queryInput(s: Setup, adsParamsText = s.adsParams): SetupQueryInput {
  return { adsFault: s.adsFault, adsDelayMs: s.adsDelayMs, wrapper: s.wrapper, beacons: s.beacons, adsParams: params(adsParamsText), originParams: params(s.originParams) };
}

export function PlayersRow() {
  const slots = usePlayers((s) => s.slots);
  const autoplay = usePlayers((s) => s.autoplay);
  const aSession = usePlayers((s) => s.runtime[PRIMARY_PLAYER]?.sessionId ?? null);
  const catalog = useEngine((s) => s.catalog);
  const config = useEngine(selectedConfiguration);
  const configsState = useEngine((s) => s.configurationsState);
  const setup = useSetup((s) => s.applied);
  const custom = useCustomAsset((s) => s.asset);
  const direct = useCustomAsset((s) => s.direct);
  const generation = useSetup((s) => s.generation);

  const players = useMemo(() => {
    const find = (id: string | null | undefined) => (id === URL_ASSET_ID ? (custom ?? undefined) : catalog?.assets.find((a) => a.id === id));
    const assetA = find(slots[PRIMARY_PLAYER]);
    // Until the configurations are known, the URL is not: wait rather than start on the origin and switch.
    const ready = configsState !== 'loading';
    const request = (asset: DemoAsset | undefined, input: SetupQueryInput, extra: Record<string, string> = {}): SourceRequest | null => {
      if (!asset || !ready) return null;
      // A front door plays as given: it makes the session (same-session B has no URL of its own to join it by).
      if (direct && asset === custom) return extra['aws.sessionId'] ? null : { source: { url: direct.url, format: asset.format, title: asset.name, mode: 'stitched', ...(direct.trackingUrl ? { trackingUrl: direct.trackingUrl } : {}) }, generation };
      const target = playbackFor(asset, config, { ...(setup.insertion === 'guided' ? { insertion: 'guided' as const } : {}), query: { ...playbackQuery(input), ...extra } });
      const source = { url: target.url, format: asset.format, title: asset.name, mode: target.mode, ...(target.note ? { modeNote: target.note } : {}) };
      const explicit =
        setup.reportingMode === 'client' && !extra['aws.sessionId']
          ? { adsParams: sessionAdsParams(input), playerParams: params(setup.playerParams), manifestParams: input.originParams, reportingMode: 'client' as const, ...(setup.insertion === 'guided' && asset.format === 'hls' ? { insertionMode: 'PLAYER_SELECT' as const } : {}) }
          : undefined;
      return { source, generation, ...(explicit ? { explicit } : {}) };
    };
    const list: { id: string; label: string; request: SourceRequest | null; note?: string }[] = [
      { id: PRIMARY_PLAYER, label: setup.compare === 'off' ? 'Player' : 'A', request: request(assetA, queryInput(setup)) },
    ];
    if (setup.compare === 'same-session') {
      // The same session in a second player: the session's URL with aws.sessionId, once A has one.
      list.push({ id: SECOND_PLAYER, label: 'B · same session', request: aSession ? request(assetA, queryInput(setup), { 'aws.sessionId': aSession }) : null, note: 'waiting for player A’s session' });
    } else if (setup.compare === 'second-session') {
      const assetB = find(setup.bAssetId) ?? assetA;
      const merged = [setup.adsParams, setup.bAdsParams].filter(Boolean).join('&');
      list.push({ id: SECOND_PLAYER, label: 'B · own session', request: request(assetB, queryInput(setup, merged)) });
    }
    return list;
  }, [slots, catalog, config, configsState, setup, generation, aSession, custom, direct]);

  // Panels follow a player that is still there.
  const focused = usePlayers((s) => s.focused);
  useEffect(() => {
    if (!players.some((p) => p.id === focused)) usePlayers.getState().focus(PRIMARY_PLAYER);
  }, [players, focused]);

  return (
    <div className="players-row" data-count={players.length}>
      {players.map(({ id, label, request }) => (
        <PlayerSlot key={id} id={id} label={label} request={request} autoplay={autoplay} multi={players.length > 1} />
      ))}
    </div>
  );
}
