// The packagings the demo origin offers for every asset: which manifest format, container and marker style.
export interface DemoPackage {
  label: string;
  format: 'hls' | 'dash';
  container: 'ts' | 'fmp4';
  markers: 'cue-out' | 'daterange' | 'eventstream';
}

export const DEMO_PACKAGES: Record<string, DemoPackage> = {
  'hls-ts': { label: 'HLS TS · CUE-OUT/CUE-IN', format: 'hls', container: 'ts', markers: 'cue-out' },
  'hls-ts-daterange': { label: 'HLS TS · DATERANGE SCTE35', format: 'hls', container: 'ts', markers: 'daterange' },
  'hls-fmp4': { label: 'HLS fMP4/CMAF · CUE-OUT/CUE-IN', format: 'hls', container: 'fmp4', markers: 'cue-out' },
  dash: { label: 'DASH · SCTE-35 EventStream', format: 'dash', container: 'fmp4', markers: 'eventstream' },
};

/** Ad creatives are offered in the same packagings, without markers. */
export const AD_PACKAGES: Record<string, DemoPackage> = {
  'hls-ts': DEMO_PACKAGES['hls-ts']!,
  'hls-fmp4': DEMO_PACKAGES['hls-fmp4']!,
  dash: DEMO_PACKAGES.dash!,
};
