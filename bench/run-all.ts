// Runs every benchmark in this folder, one after another.
export {};
await import('./demo-origin.js');
