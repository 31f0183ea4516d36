// The content URL being played (not a demo asset), when there is one.
import { create } from 'zustand';
import type { DemoAsset } from '../../shared/catalog';

export const useCustomAsset = create<{ asset: DemoAsset | null; set(asset: DemoAsset | null): void }>()((set) => ({
  asset: null,
  set: (asset) => set({ asset }),
}));
