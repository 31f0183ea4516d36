// What the engine is and has: health (incl. demo-world build progress), the demo catalog and the
// playback configurations, plus which configuration is selected in the sidebar.
import { requestedConfigName, setUrlParam } from '../lib/url-params';
import { create } from 'zustand';
import type { DemoCatalog, HealthStatus } from '../../shared/catalog';
import type { DemoProgressEvent } from '../../shared/events';
import type { PlaybackConfiguration } from '../../shared/playback-config';

/** The pill's states: the engine's own three, plus "unknown" before the first answer and "unreachable". */
export type EngineStatus = HealthStatus['status'] | 'unknown' | 'unreachable';

export type DemoBuild = HealthStatus['demo'];

interface EngineState {
  status: EngineStatus;
  health: HealthStatus | null;
  /** Latest demo-world build state, from whichever of /healthz and demo.progress events came last. */
  demo: DemoBuild | null;
  catalog: DemoCatalog | null;
  configurations: PlaybackConfiguration[];
  /** Whether the configurations were asked for yet: players wait for them to know what URL to load. */
  configurationsState: 'loading' | 'loaded' | 'failed';
  selectedConfigName: string | null;

  setHealth(health: HealthStatus): void;
  setUnreachable(): void;
  applyDemoProgress(event: DemoProgressEvent): void;
  setCatalog(catalog: DemoCatalog): void;
  setConfigurations(configurations: PlaybackConfiguration[]): void;
  /** Loading them failed: players go ahead with the origin (the error banner says why). */
  setConfigurationsFailed(): void;
  selectConfig(name: string): void;
}

export const DEFAULT_CONFIG_NAME = 'demo';

export const useEngine = create<EngineState>()((set) => ({
  status: 'unknown',
  health: null,
  demo: null,
  catalog: null,
  configurations: [],
  configurationsState: 'loading',
  selectedConfigName: null,

  setHealth: (health) => set({ health, status: health.status, demo: health.demo }),
  setUnreachable: () => set({ status: 'unreachable' }),
  applyDemoProgress: (event) =>
    set({
      demo: {
        state: event.state,
        step: event.step,
        progress: event.progress,
        ...(event.error !== undefined ? { error: event.error } : {}),
      },
    }),
  setCatalog: (catalog) => set({ catalog }),
  setConfigurations: (configurations) =>
    set(({ selectedConfigName, catalog }) => {
      // Keep the user's choice while it still exists; otherwise fall back to the default one.
      const keep = selectedConfigName !== null && configurations.some((c) => c.Name === selectedConfigName);
      return {
        configurations,
        configurationsState: 'loaded',
        selectedConfigName: keep ? selectedConfigName : pickDefault(configurations, catalog),
      };
    }),
  setConfigurationsFailed: () => set(({ configurationsState }) => (configurationsState === 'loading' ? { configurationsState: 'failed' } : {})),
  selectConfig: (name) => {
    setUrlParam('config', name);
    set({ selectedConfigName: name });
  },
}));

/** The demo configuration (the catalog names it) is the default; else the first one. */
export function defaultConfigName(catalog: DemoCatalog | null): string {
  return catalog?.configurationName ?? DEFAULT_CONFIG_NAME;
}

function pickDefault(configurations: PlaybackConfiguration[], catalog: DemoCatalog | null): string | null {
  // A permalink's ?config= wins when it exists.
  if (requestedConfigName && configurations.some((c) => c.Name === requestedConfigName)) return requestedConfigName;
  const name = defaultConfigName(catalog);
  return configurations.find((c) => c.Name === name)?.Name ?? configurations[0]?.Name ?? null;
}

export function selectedConfiguration(state: Pick<EngineState, 'configurations' | 'selectedConfigName'>): PlaybackConfiguration | undefined {
  return state.configurations.find((c) => c.Name === state.selectedConfigName);
}
