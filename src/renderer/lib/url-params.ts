// Page-URL switches, read once at start: ?asset=<id> picks the first asset, ?autoplay=0 stops autoplay.

const params = new URLSearchParams(location.search);

export const requestedAssetId: string | null = params.get('asset');

export const autoplayEnabled: boolean = params.get('autoplay') !== '0';
