// VAST 2.0–4.x document → the ads a stitcher can use. Pure: no I/O, no clocks; wrappers are described, not followed.
//
// Decisions (lenient where the field is sloppy, strict where stitching would go wrong):
// - Versions: any 2.x, 3.x or 4.x is accepted (4.3 is current and minor versions are backward compatible);
//   VAST 1 (<VideoAdServingTemplate> or version="1.0") and 5+ → 102. A VAST root without a version attribute is
//   read as VAST 2.0 (nothing in our reading depends on the version) and reported with `version` undefined.
// - Not XML, malformed XML, or a root other than VAST → 100 (MediaTailor logs ERROR_ADS_RESPONSE_PARSE).
// - An Ad is usable if it is a Wrapper with a tag URI, or an InLine with a Linear creative and a readable Duration
//   (HH:MM:SS(.mmm), or plain seconds, which real ad servers send). NonLinear/Companion-only InLines are listed in
//   `ignored` as 'non-linear'; broken ones as 'invalid'. When ads exist but none is usable and some are invalid,
//   the document fails with 101 (schema validation) so the error is not silently an empty answer.
// - Only the first Linear creative of an InLine is used (VAST allows one per Ad); a Wrapper's tracking is collected
//   from all of its Linear creatives, since the resolver merges it into whatever InLine the chain ends on.
import type { IgnoredAd, VastExtension, VastLinearAd, VastMediaFile, VastTracking, VastUniversalAdId } from './types.js';
import { VAST_ERROR } from './error-codes.js';
import { parseVastOffset, parseVastTime } from './vast-time.js';
import { attr, boolAttr, intAttr, kid, kids, makeParser, numAttr, readXml, text, texts, type XItem } from './xml-read.js';

export interface ParsedInlineAd {
  kind: 'inline';
  /** Position among the document's Ad elements. */
  index: number;
  sequence?: number;
  /** `wrapperUrls` is empty here; the resolver fills it and merges wrapper tracking in. */
  ad: VastLinearAd;
}

export interface ParsedWrapperAd {
  kind: 'wrapper';
  index: number;
  id?: string;
  sequence?: number;
  adSystem?: string;
  /** VASTAdTagURI (or VAST 2's VASTAdTagURL/URL), as written: may be relative to the document's URL. */
  tagUrl: string;
  impressions: string[];
  errorUrls: string[];
  tracking: VastTracking[];
  clickTracking: string[];
  /** Undefined when the attribute is absent (the resolver then allows more wrappers / several ads). */
  followAdditionalWrappers?: boolean;
  allowMultipleAds?: boolean;
  fallbackOnNoAd?: boolean;
}

export type ParsedAd = ParsedInlineAd | ParsedWrapperAd;

export interface ParsedVast {
  version?: string;
  /** Usable ads in document order (see podOrder). */
  ads: ParsedAd[];
  /** Root-level <Error> URLs (the no-fill convention). */
  errorUrls: string[];
  ignored: IgnoredAd[];
}

export type VastParseCode = typeof VAST_ERROR.XML_PARSE | typeof VAST_ERROR.SCHEMA_VALIDATION | typeof VAST_ERROR.VERSION_NOT_SUPPORTED;
export type VastParseResult = { ok: true; doc: ParsedVast } | { ok: false; code: VastParseCode; message: string };

const parser = makeParser(['*.extension']);

export function parseVast(xml: string): VastParseResult {
  const read = readXml(parser, xml);
  if (!read.ok) return { ok: false, code: VAST_ERROR.XML_PARSE, message: read.message };
  const vast = read.root.vast?.[0];
  if (vast === undefined) {
    if (read.root.videoadservingtemplate) {
      return { ok: false, code: VAST_ERROR.VERSION_NOT_SUPPORTED, message: 'VAST 1.0 (<VideoAdServingTemplate>) is not supported' };
    }
    const name = Object.keys(read.root)[0];
    return { ok: false, code: VAST_ERROR.XML_PARSE, message: name ? `Not a VAST document: root element <${name}>` : 'Not a VAST document: no root element' };
  }
  const version = attr(vast, 'version');
  if (version !== undefined && !/^[234](\.\d+)*$/.test(version)) {
    return { ok: false, code: VAST_ERROR.VERSION_NOT_SUPPORTED, message: `VAST version ${version} is not supported (2.x, 3.x and 4.x are)` };
  }
  const ads: ParsedAd[] = [];
  const ignored: IgnoredAd[] = [];
  kids(vast, 'ad').forEach((node, index) => {
    const inline = kid(node, 'inline');
    const wrapper = kid(node, 'wrapper');
    const r = inline !== undefined ? readInline(node, inline, index) : wrapper !== undefined ? readWrapper(node, wrapper, index) : invalid(node, 'Ad has neither InLine nor Wrapper');
    if ('kind' in r) ads.push(r);
    else ignored.push(r);
  });
  if (ads.length === 0 && ignored.some((i) => i.reason === 'invalid')) {
    return { ok: false, code: VAST_ERROR.SCHEMA_VALIDATION, message: `No usable ad: ${ignored.map((i) => `${i.adId ?? 'Ad'}: ${i.detail}`).join('; ')}` };
  }
  return { ok: true, doc: { ...(version !== undefined ? { version } : {}), ads, errorUrls: texts(vast, 'error'), ignored } };
}

/** Pod first (ads with a sequence, ascending, ties in document order), then stand-alone ads in document order. */
export function podOrder<T extends { sequence?: number; index: number }>(ads: readonly T[]): T[] {
  const pod = ads.filter((a) => a.sequence !== undefined).sort((a, b) => a.sequence! - b.sequence! || a.index - b.index);
  return [...pod, ...ads.filter((a) => a.sequence === undefined)];
}

function invalid(node: XItem, detail: string): IgnoredAd {
  const adId = attr(node, 'id');
  return { ...(adId !== undefined ? { adId } : {}), reason: 'invalid', detail };
}

function readInline(node: XItem, inline: XItem, index: number): ParsedInlineAd | IgnoredAd {
  const creatives = kids(kid(inline, 'creatives'), 'creative');
  const creative = creatives.find((c) => kid(c, 'linear') !== undefined);
  const id = attr(node, 'id');
  if (creative === undefined) {
    const detail = creatives.length === 0 ? 'InLine without creatives' : `InLine with ${creatives.length} creative(s), none Linear`;
    return { ...(id !== undefined ? { adId: id } : {}), reason: 'non-linear', detail };
  }
  const linear = kid(creative, 'linear');
  const rawDuration = text(kid(linear, 'duration'));
  const durationSeconds = parseVastTime(rawDuration);
  if (durationSeconds === undefined) return invalid(node, rawDuration ? `Linear Duration '${rawDuration}' is not a VAST time` : 'Linear without Duration');

  const files = kid(linear, 'mediafiles');
  const mediaFiles = kids(files, 'mediafile').map(mediaFile).filter((m) => m !== undefined);
  const mezzanines = kids(files, 'mezzanine').map(mediaFile).filter((m) => m !== undefined);
  const clicks = kid(linear, 'videoclicks');
  const clickThrough = text(kid(clicks, 'clickthrough'));
  const adSystem = text(kid(inline, 'adsystem'));
  const adTitle = text(kid(inline, 'adtitle'));
  const adServingId = text(kid(inline, 'adservingid'));
  const creativeId = attr(creative, 'id');
  const creativeAdId = attr(creative, 'adid');
  const universalAdId = readUniversalAdId(kid(creative, 'universaladid'));
  const skip = parseVastOffset(attr(linear, 'skipoffset'));
  const extensions = kids(kid(inline, 'extensions'), 'extension').map(extension);
  const sequence = intAttr(node, 'sequence');

  const ad: VastLinearAd = {
    adId: id ?? generatedId(index, mediaFiles[0]?.url ?? '', durationSeconds, adTitle),
    ...(sequence !== undefined ? { sequence } : {}),
    ...(adSystem ? { adSystem } : {}),
    ...(adTitle ? { adTitle } : {}),
    ...(creativeId !== undefined ? { creativeId } : {}),
    ...(creativeAdId !== undefined ? { creativeAdId } : {}),
    ...(universalAdId ? { universalAdId } : {}),
    durationSeconds,
    mediaFiles,
    mezzanines,
    impressions: texts(inline, 'impression'),
    errorUrls: texts(inline, 'error'),
    tracking: tracking(linear),
    ...(clickThrough ? { clickThrough } : {}),
    clickTracking: texts(clicks, 'clicktracking'),
    ...(skip ? { skipOffsetSeconds: 'seconds' in skip ? skip.seconds : Math.round(durationSeconds * skip.percent * 10) / 1000 } : {}),
    wrapperUrls: [],
    ...(adServingId ? { adServingId } : {}),
    ...(extensions.length > 0 ? { extensions } : {}),
  };
  return { kind: 'inline', index, ...(sequence !== undefined ? { sequence } : {}), ad };
}

function readWrapper(node: XItem, wrapper: XItem, index: number): ParsedWrapperAd | IgnoredAd {
  // VAST 2 also saw <VASTAdTagURL><URL>…</URL></VASTAdTagURL> (a VAST 1 leftover).
  const legacy = kid(wrapper, 'vastadtagurl');
  const tagUrl = text(kid(wrapper, 'vastadtaguri')) || text(kid(legacy, 'url')) || text(legacy);
  if (!tagUrl) return invalid(node, 'Wrapper without VASTAdTagURI');
  const linears = kids(kid(wrapper, 'creatives'), 'creative').flatMap((c) => kids(c, 'linear'));
  const id = attr(node, 'id');
  const sequence = intAttr(node, 'sequence');
  const adSystem = text(kid(wrapper, 'adsystem'));
  const follow = boolAttr(wrapper, 'followadditionalwrappers');
  const multiple = boolAttr(wrapper, 'allowmultipleads');
  const fallback = boolAttr(wrapper, 'fallbackonnoad');
  return {
    kind: 'wrapper',
    index,
    ...(id !== undefined ? { id } : {}),
    ...(sequence !== undefined ? { sequence } : {}),
    ...(adSystem ? { adSystem } : {}),
    tagUrl,
    impressions: texts(wrapper, 'impression'),
    errorUrls: texts(wrapper, 'error'),
    tracking: linears.flatMap(tracking),
    clickTracking: linears.flatMap((l) => texts(kid(l, 'videoclicks'), 'clicktracking')),
    ...(follow !== undefined ? { followAdditionalWrappers: follow } : {}),
    ...(multiple !== undefined ? { allowMultipleAds: multiple } : {}),
    ...(fallback !== undefined ? { fallbackOnNoAd: fallback } : {}),
  };
}

function tracking(linear: XItem | undefined): VastTracking[] {
  const out: VastTracking[] = [];
  for (const t of kids(kid(linear, 'trackingevents'), 'tracking')) {
    const event = attr(t, 'event');
    const url = text(t);
    if (!event || !url) continue;
    const offset = parseVastOffset(attr(t, 'offset'));
    out.push({ event, url, ...(offset ? ('seconds' in offset ? { offsetSeconds: offset.seconds } : { offsetPercent: offset.percent }) : {}) });
  }
  return out;
}

const STREAMING_TYPE = /mpegurl|dash\+xml|vnd\.ms-sstr/i;

function mediaFile(node: XItem): VastMediaFile | undefined {
  const url = text(node);
  if (!url) return undefined;
  const type = attr(node, 'type') ?? '';
  const d = attr(node, 'delivery')?.toLowerCase();
  const delivery = d === 'streaming' || d === 'progressive' ? d : STREAMING_TYPE.test(type) ? 'streaming' : 'progressive';
  const out: VastMediaFile = { url, delivery, type };
  const width = numAttr(node, 'width');
  const height = numAttr(node, 'height');
  const bitrate = numAttr(node, 'bitrate') ?? numAttr(node, 'maxbitrate');
  const id = attr(node, 'id');
  const codec = attr(node, 'codec');
  const apiFramework = attr(node, 'apiframework');
  if (width !== undefined) out.width = width;
  if (height !== undefined) out.height = height;
  if (bitrate !== undefined) out.bitrateKbps = bitrate;
  if (id !== undefined) out.id = id;
  if (codec !== undefined) out.codec = codec;
  if (apiFramework !== undefined) out.apiFramework = apiFramework;
  return out;
}

/** VAST 4.0 put the id in @idValue; 4.1+ in the element text. */
function readUniversalAdId(node: XItem | undefined): VastUniversalAdId | undefined {
  if (node === undefined) return undefined;
  const value = text(node) || attr(node, 'idvalue');
  if (!value) return undefined;
  const registry = attr(node, 'idregistry');
  return { ...(registry !== undefined ? { registry } : {}), value };
}

function extension(node: XItem): VastExtension {
  const type = attr(node, 'type');
  return { ...(type !== undefined ? { type } : {}), xml: text(node) };
}

/** Same document → same id: position plus content, hashed (FNV-1a, 32 bit). */
function generatedId(index: number, mediaUrl: string, duration: number, title: string): string {
  const s = `${index}|${mediaUrl}|${duration}|${title}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `auto-${index + 1}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}
