// Shared fixtures: a fastify app with the demo ADS under /demo/ads, three creatives, and an XML parser.
import { afterEach, beforeEach } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { EventBus } from '../../src/main/bus/event-bus.js';
import { demoAdsPlugin, type DemoAdCreative } from '../../src/main/demo/ads/index.js';
import type { BenchEvent } from '../../src/shared/events.js';

export const ORIGIN = 'http://127.0.0.1:4000';
export const BASE = `${ORIGIN}/demo/ads`;

function creative(n: number, seconds: number): DemoAdCreative {
  return {
    id: `ad${n}`,
    title: `AD ${n} — ${seconds} s`,
    durationSeconds: seconds,
    mezzanine: { path: `media/ad${n}/mezzanine.mp4`, width: 1920, height: 1080, fps: 30, bitrateKbps: 8000, bytes: 1_000_000 * n },
    hlsTsPath: `media/ad${n}/hls-ts/master.m3u8`,
    hlsFmp4Path: `media/ad${n}/hls-fmp4/master.m3u8`,
    dashPath: `media/ad${n}/dash/manifest.mpd`,
  };
}

export const CREATIVES: DemoAdCreative[] = [creative(1, 10), creative(2, 20), creative(3, 10)];

export interface TestApp {
  app: FastifyInstance;
  bus: EventBus;
  events: BenchEvent[];
  setCreatives(list: DemoAdCreative[]): void;
}

/** A fresh app per test (beforeEach/afterEach registered here): call inside a describe or at top level. */
export function useApp(): () => TestApp {
  let t: TestApp;
  beforeEach(async () => {
    t = await makeApp();
  });
  afterEach(async () => {
    await t.app.close();
  });
  return () => t;
}

export async function makeApp(base: () => string = () => BASE): Promise<TestApp> {
  const bus = new EventBus();
  const events: BenchEvent[] = [];
  bus.subscribe((e) => events.push(e));
  let list = CREATIVES;
  // undici (fetch) may leave a fresh idle connection behind after an abort; don't let close() wait for it.
  const app = Fastify({ forceCloseConnections: true });
  await app.register(demoAdsPlugin, { prefix: '/demo/ads', bus, creatives: () => list, baseUrl: base });
  await app.ready();
  return { app, bus, events, setCreatives: (l) => (list = l) };
}

const ALWAYS_ARRAYS = new Set(['Ad', 'MediaFile', 'Tracking', 'vmap:AdBreak', 'vmap:Tracking', 'Error', 'Impression', 'Mezzanine']);

export const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ALWAYS_ARRAYS.has(name),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Xml = any;

export function parseXml(body: string): Xml {
  return parser.parse(body);
}

/** Absolute ADS URL → path for app.inject. */
export function injectPath(url: string): string {
  if (!url.startsWith(ORIGIN)) throw new Error(`not an ADS URL: ${url}`);
  return url.slice(ORIGIN.length);
}

/** Text of a node that may carry attributes (then the text is under '#text'). */
export function text(node: Xml): string {
  return typeof node === 'string' ? node : String(node?.['#text'] ?? '');
}
