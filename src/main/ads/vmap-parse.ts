// VMAP 1.0 document → ad breaks. Pure. Any namespace prefix (or none) is accepted, declared or not — the
// vmap-js samples use prefixes they never declare. Inline <VASTAdData> is returned as the markup found inside it
// (a stop node: never walked here), so the resolver parses it with the same parseVast as fetched VAST.
import type { TimeOffset, VmapBreak, VmapTrackingEvent } from './types.js';
import { VMAP_ERROR } from './error-codes.js';
import { parseVastTime } from './vast-time.js';
import { attr, boolAttr, kid, kids, makeParser, readXml, text, type XItem } from './xml-read.js';

export interface IgnoredBreak {
  index: number;
  breakId?: string;
  detail: string;
}

export interface ParsedVmap {
  version?: string;
  breaks: VmapBreak[];
  /** AdBreaks dropped because their timeOffset is unreadable. */
  ignored: IgnoredBreak[];
}

export type VmapParseCode = typeof VMAP_ERROR.SCHEMA | typeof VMAP_ERROR.VERSION_NOT_SUPPORTED | typeof VMAP_ERROR.PARSE;
export type VmapParseResult = { ok: true; doc: ParsedVmap } | { ok: false; code: VmapParseCode; message: string };

const parser = makeParser(['*.vastaddata', '*.customaddata', '*.extensions']);
const BREAK_EVENTS = new Set<string>(['breakStart', 'breakEnd', 'error']);

export function parseVmap(xml: string): VmapParseResult {
  const read = readXml(parser, xml);
  if (!read.ok) return { ok: false, code: VMAP_ERROR.PARSE, message: read.message };
  const vmap = read.root.vmap?.[0];
  if (vmap === undefined) {
    const name = Object.keys(read.root)[0];
    return { ok: false, code: VMAP_ERROR.SCHEMA, message: name ? `Not a VMAP document: root element <${name}>` : 'Not a VMAP document: no root element' };
  }
  const version = attr(vmap, 'version');
  if (version !== undefined && !/^1(\.\d+)*$/.test(version)) {
    return { ok: false, code: VMAP_ERROR.VERSION_NOT_SUPPORTED, message: `VMAP version ${version} is not supported (1.x is)` };
  }
  const breaks: VmapBreak[] = [];
  const ignored: IgnoredBreak[] = [];
  kids(vmap, 'adbreak').forEach((node, index) => {
    const r = readBreak(node);
    if (typeof r === 'string') {
      const breakId = attr(node, 'breakid');
      ignored.push({ index, ...(breakId !== undefined ? { breakId } : {}), detail: r });
    } else breaks.push(r);
  });
  return { ok: true, doc: { ...(version !== undefined ? { version } : {}), breaks, ignored } };
}

/** VMAP timeOffset: start | end | HH:MM:SS(.mmm) | n% | #n (plain seconds accepted too). */
export function parseTimeOffset(raw: string | undefined): TimeOffset | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  const l = s.toLowerCase();
  if (l === 'start') return { kind: 'start' };
  if (l === 'end') return { kind: 'end' };
  const pos = /^#(\d+)$/.exec(s);
  if (pos) return Number(pos[1]) >= 1 ? { kind: 'position', n: Number(pos[1]) } : undefined;
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(s);
  if (pct) return Number(pct[1]) <= 100 ? { kind: 'percent', percent: Number(pct[1]) } : undefined;
  const seconds = parseVastTime(s);
  return seconds === undefined ? undefined : { kind: 'seconds', seconds };
}

/** Cheap sniff (no full parse): is the root element VMAP, under any prefix? Lets one ADS URL answer either. */
export function isVmap(xml: string): boolean {
  // Skip BOM, blanks, the declaration, comments, processing instructions and a doctype before the root.
  const head = xml.slice(0, 4096).replace(/^\uFEFF?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '');
  return /^<(?:[\w.-]+:)?vmap[\s/>]/i.test(head);
}

function readBreak(node: XItem): VmapBreak | string {
  const rawOffset = attr(node, 'timeoffset');
  const timeOffset = parseTimeOffset(rawOffset);
  if (timeOffset === undefined) return rawOffset === undefined ? 'AdBreak without timeOffset' : `Unreadable timeOffset '${rawOffset}'`;
  const src = kid(node, 'adsource');
  const vastXml = text(kid(src, 'vastaddata'));
  const tag = kid(src, 'adtaguri');
  const adTagUri = text(tag);
  const templateType = attr(tag, 'templatetype');
  const id = attr(src, 'id');
  const allowMultipleAds = boolAttr(src, 'allowmultipleads');
  const followRedirects = boolAttr(src, 'followredirects');
  const trackingEvents: VmapTrackingEvent[] = [];
  for (const t of kids(kid(node, 'trackingevents'), 'tracking')) {
    const event = attr(t, 'event');
    const url = text(t);
    if (event && url && BREAK_EVENTS.has(event)) trackingEvents.push({ event: event as VmapTrackingEvent['event'], url });
  }
  const breakId = attr(node, 'breakid');
  const repeatAfterSeconds = parseVastTime(attr(node, 'repeatafter'));
  return {
    ...(breakId !== undefined ? { breakId } : {}),
    breakType: attr(node, 'breaktype') ?? 'linear',
    timeOffset,
    adSource: {
      ...(id !== undefined ? { id } : {}),
      ...(vastXml ? { vastXml } : {}),
      ...(adTagUri ? { adTagUri } : {}),
      ...(adTagUri && templateType !== undefined ? { templateType } : {}),
      ...(allowMultipleAds !== undefined ? { allowMultipleAds } : {}),
      ...(followRedirects !== undefined ? { followRedirects } : {}),
    },
    trackingEvents,
    ...(repeatAfterSeconds !== undefined ? { repeatAfterSeconds } : {}),
  };
}
