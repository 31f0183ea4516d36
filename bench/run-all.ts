// Runs every benchmark in this folder, one after another.
export {};
await import('./demo-origin.js');
await import('./scte35.js');
await import('./vast.js');
await import('./hls-stitch.js');
await import('./dash-stitch.js');
await import('./http-playback.js');
await import('./transcode.js');
await import('./beacons.js');
await import('./verdict.js');
await import('./prefetch.js');
