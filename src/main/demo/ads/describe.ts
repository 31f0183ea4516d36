// Self-description served at GET / (and reusable for the demo catalog's adsEndpoints): paths are relative to the ADS prefix.
import { DEFAULT_POD, MAX_ADS } from './pick-ads.js';
import { DEFAULT_BREAKS, DEFAULT_DELAY_MS, MAX_DELAY_MS, MAX_WRAPPERS, type Fault } from './params.js';
import { VAST_VERSIONS } from './vast-xml.js';

export const DEMO_ADS_ENDPOINTS: { method: string; path: string; description: string }[] = [
  { method: 'GET', path: '/vast', description: `VAST ${VAST_VERSIONS.join('/')} ad response (inline pod, wrapper chain or fault).` },
  { method: 'GET', path: '/vmap', description: 'VMAP 1.0 playlist of ad breaks with inline VAST or AdTagURIs.' },
  { method: 'GET', path: '/track', description: 'Tracking beacon sink: records the hit and answers a 1x1 GIF.' },
  { method: 'GET', path: '/events', description: 'Recorded hits for ?sid=…, or a per-session summary without sid.' },
  { method: 'DELETE', path: '/events', description: 'Clear the hits of ?sid=… (all sessions without sid).' },
  { method: 'GET', path: '/', description: 'This description.' },
];

export const VAST_PARAMS: Record<string, string> = {
  v: `VAST version: ${VAST_VERSIONS.join(' | ')} (default 3.0; 2.0 has no pods, so no sequence)`,
  pod: `number of ads, 0..${MAX_ADS} (default ${DEFAULT_POD}), round-robin over the creatives`,
  dur: 'avail seconds: without pod, creatives are picked greedily to fill it without exceeding it (0: unknown, the default pod)',
  ads: 'explicit comma-separated creative ids (wins over pod and dur)',
  sid: 'session id, copied into every tracking URL so hits group per session',
  wrapper: `wrap the answer in N Wrapper hops, 0..${MAX_WRAPPERS} (faults apply at the end of the chain)`,
  fault: 'fault mode, see faults',
  beacons: 'beacon fault: down (tracking URLs point at a port nothing listens on) | 500 (the /track sink answers HTTP 500)',
  delay: `ms for fault=slow, 0..${MAX_DELAY_MS} (default ${DEFAULT_DELAY_MS})`,
  hls: 'ts | fmp4: which HLS rendition set the application/x-mpegURL MediaFile references (default ts)',
  brk: 'break id added to tracking URLs (set by /vmap tag URLs)',
  rotate: 'rotation offset into the creative list (set by /vmap so breaks differ)',
};

export const VMAP_PARAMS: Record<string, string> = {
  breaks: `comma-separated timeOffsets: start, end, HH:MM:SS.mmm, seconds, n% or #n (default ${DEFAULT_BREAKS})`,
  tag: '1: breaks carry an AdTagURI to /vast instead of inline VASTAdData',
  'v, pod, dur, ads, sid, wrapper, hls, beacons': 'as for /vast, per break',
  'fault, delay': 'slow, timeout, 500 and garbage hit the VMAP itself; empty, nofill and loop go into each break',
};

export const FAULT_DESCRIPTIONS: Record<Fault, string> = {
  slow: 'answer normally after `delay` ms (abandoned if the client disconnects)',
  timeout: 'never answer until the client gives up (504 after 60 s)',
  '500': 'HTTP 500 with a text body',
  garbage: 'HTTP 200 with malformed XML',
  empty: 'valid VAST without any Ad',
  nofill: 'VAST with only a root <Error> URL',
  loop: 'a Wrapper whose VASTAdTagURI points at itself',
};
