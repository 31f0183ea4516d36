import { buildDemoMedia } from '../src/main/demo/media/build.js';
const t = Date.now();
let last = -1;
const idx = await buildDemoMedia('/tmp/demo-media', (p) => { const pc = Math.floor(p.progress * 20); if (pc !== last) { last = pc; console.log((Date.now()-t)+'ms', p.step, (p.progress*100).toFixed(0)+'%'); } });
console.log(JSON.stringify({ ...idx, content: { ...idx.content, ts: Object.fromEntries(Object.entries(idx.content.ts).map(([k,v])=>[k,v.length])) }, creatives: idx.creatives.map(c=>({id:c.id, ts:c.ts['720p'], audio:c.cmafAudio, rend:c.renditions.map(r=>[r.id,r.tsBandwidth,r.cmafBandwidth])})) }, null, 1).slice(0, 3000));
