// Page-URL switches, read once at start: ?asset=<id> picks the first asset, ?autoplay=0 stops autoplay,
// ?insertion=guided asks the stitcher for HLS Interstitials (aws.insertionMode=GUIDED) instead of stitched ads.

const params = new URLSearchParams(location.search);

export const requestedAssetId: string | null = params.get('asset');

export const autoplayEnabled: boolean = params.get('autoplay') !== '0';

export const insertionMode: 'guided' | undefined = params.get('insertion')?.toLowerCase() === 'guided' ? 'guided' : undefined;
