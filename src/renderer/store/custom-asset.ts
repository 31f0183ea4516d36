// The content URL being played (not a demo asset), when there is one. `direct` is a front door played as it is
// (a Primetime bootstrap URL makes its own session and redirects to it), not built from the configuration.
import { create } from 'zustand';
import type { DemoAsset } from '../../shared/catalog';

export interface DirectSource {
  url: string;
  /** Client-side tracking: the session's MediaTailor tracking path, whose beacons the player reports. */
  trackingUrl?: string;
}

export const useCustomAsset = create<{ asset: DemoAsset | null; direct: DirectSource | null; set(asset: DemoAsset | null, direct?: DirectSource | null): void }>()((set) => ({
  asset: null,
  direct: null,
  set: (asset, direct = null) => set({ asset, direct }),
}));
