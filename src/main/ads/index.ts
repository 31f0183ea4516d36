// The stitcher's ad decision server client: VAST 2.0–4.x and VMAP 1.0 parsing, wrapper resolution,
// ADS URL templating and server-side VAST Error pings.
export * from './types.js';
export { VAST_ERROR, VMAP_ERROR, type VastErrorCode, type VmapErrorCode } from './error-codes.js';
export { parseVastOffset, parseVastTime, type VastOffset } from './vast-time.js';
export { parseVast, podOrder, type ParsedAd, type ParsedInlineAd, type ParsedVast, type ParsedWrapperAd, type VastParseCode, type VastParseResult } from './vast-parse.js';
export { isVmap, parseTimeOffset, parseVmap, type IgnoredBreak, type ParsedVmap, type VmapParseCode, type VmapParseResult } from './vmap-parse.js';
export {
  DEFAULT_ADS_CONCURRENCY, DEFAULT_ADS_MAX_BYTES, DEFAULT_ADS_TIMEOUT_MS, MAX_WRAPPER_DEPTH,
  resolveBreak, resolveVast, resolveVmap, type ResolveOptions, type VmapResponse,
} from './resolve.js';
export { pingVastErrors, substituteErrorMacros, type PingOptions, type PingResult } from './error-ping.js';
export { adsParamsToQuery, expandAdsUrl, type AdsSessionVariables, type AdsVariables, type ExpandOptions, type ExpandResult } from './template.js';
