// What the ADS client tells the ADS inspector about each exchange: too big for the bus (bodies), so it goes to an
// optional sink instead. Types only.
import type { AdsFailureKind } from './types.js';
import type { ParsedVast } from './vast-parse.js';
import type { ParsedVmap } from './vmap-parse.js';

/** One ADS exchange (or one the client refused to send: loop, wrapper limit, budget) with its body. */
export interface AdsExchangeInfo {
  sessionId?: string;
  availId?: string;
  /** The exchange whose Wrapper (or VMAP) led here. */
  parentId?: string;
  urlTemplate?: string;
  depth: number;
  /** Epoch ms. */
  startedAt: number;
  url: string;
  requestHeaders: Record<string, string>;
  requested: boolean;
  status: number;
  ms: number;
  bytes: number;
  contentType?: string;
  /** Absent when no response arrived. */
  body?: string;
  failure?: AdsFailureKind;
  errorCode?: number;
  error?: string;
  /** What the answer was read as. */
  doc: 'vast' | 'vmap';
  parsed?: ExchangeDoc;
}

export type ExchangeDoc = { vast: ParsedVast } | { vmap: ParsedVmap };

export interface AdsExchangeSink {
  /** The exchange's id, for the exchanges it leads to (undefined when not kept). */
  record(x: AdsExchangeInfo): string | undefined;
}
