// VAST 4.x error codes (what [ERRORCODE] is replaced with) and the VMAP 1.0 ones, by name, so call sites read
// as intent ("WRAPPER_LIMIT") rather than as magic numbers. Values are the IAB's; names are ours.

export const VAST_ERROR = {
  XML_PARSE: 100,
  SCHEMA_VALIDATION: 101,
  VERSION_NOT_SUPPORTED: 102,
  TRAFFICKING: 200,
  UNEXPECTED_LINEARITY: 201,
  UNEXPECTED_DURATION: 202,
  UNEXPECTED_SIZE: 203,
  AD_CATEGORY_REQUIRED: 204,
  AD_CATEGORY_BLOCKED: 205,
  AD_BREAK_SHORTENED: 206,
  WRAPPER_GENERAL: 300,
  /** Timeout of a VAST URI — or the URI was unavailable (network error, HTTP error). */
  WRAPPER_TIMEOUT: 301,
  /** Too many Wrappers without an InLine; also used here for wrapper loops (they would hit the limit anyway). */
  WRAPPER_LIMIT: 302,
  /** No VAST response after one or more Wrappers (also the code to ping a top-level no-fill root Error with). */
  NO_ADS_AFTER_WRAPPER: 303,
  INLINE_DISPLAY_TIMEOUT: 304,
  LINEAR_GENERAL: 400,
  FILE_NOT_FOUND: 401,
  MEDIAFILE_TIMEOUT: 402,
  NO_SUPPORTED_MEDIAFILE: 403,
  MEDIAFILE_DISPLAY_PROBLEM: 405,
  MEZZANINE_REQUIRED: 406,
  MEZZANINE_DOWNLOADING: 407,
  CONDITIONAL_AD_REJECTED: 408,
  INTERACTIVE_NOT_EXECUTED: 409,
  VERIFICATION_NOT_EXECUTED: 410,
  MEZZANINE_NOT_TO_SPEC: 411,
  NONLINEAR_GENERAL: 500,
  NONLINEAR_SIZE: 501,
  NONLINEAR_FETCH: 502,
  NONLINEAR_UNSUPPORTED: 503,
  COMPANION_GENERAL: 600,
  COMPANION_SIZE: 601,
  COMPANION_REQUIRED: 602,
  COMPANION_FETCH: 603,
  COMPANION_UNSUPPORTED: 604,
  UNDEFINED: 900,
  VPAID_GENERAL: 901,
  INTERACTIVE_GENERAL: 902,
} as const;

export type VastErrorCode = (typeof VAST_ERROR)[keyof typeof VAST_ERROR];

/** VMAP 1.0 section 2.5 error codes (pinged on a break's `error` tracking event). */
export const VMAP_ERROR = {
  SCHEMA: 1000,
  VERSION_NOT_SUPPORTED: 1001,
  PARSE: 1002,
  BREAK_TYPE_NOT_SUPPORTED: 1003,
  AD_DOCUMENT_GENERAL: 1004,
  TEMPLATE_TYPE_NOT_SUPPORTED: 1005,
  AD_DOCUMENT_PARSE: 1006,
  AD_DOCUMENT_TIMEOUT: 1007,
  AD_DOCUMENT_RETRIEVAL: 1008,
} as const;

export type VmapErrorCode = (typeof VMAP_ERROR)[keyof typeof VMAP_ERROR];
