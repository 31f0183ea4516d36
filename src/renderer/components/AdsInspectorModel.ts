// The ADS inspector's pure view logic (no React, no DOM, so Node tests cover it): exchanges grouped by avail and laid
// out as wrapper trees, status chips, the URL split into base + query, and bodies pretty-printed for reading.
import type { AdsExchange } from '../../shared/inspect-ads';

export interface ExchangeNode {
  x: AdsExchange;
  /** Indent: 0 for a root, n for the n-th redirect below it. */
  level: number;
  /** The parent is in another group (a VMAP break's AdTagURI request under the VMAP). */
  parentElsewhere?: string;
}

export interface AvailGroup {
  key: string;
  availId?: string;
  label: string;
  /** Roots then their redirects, depth first, each level in start order. */
  nodes: ExchangeNode[];
  /** Wall time from the first request's start to the last answer (requests may overlap). */
  totalMs: number;
  failures: number;
  startedAt: number;
}

const NO_AVAIL = '';

export function groupExchanges(xs: readonly AdsExchange[]): AvailGroup[] {
  const byKey = new Map<string, AdsExchange[]>();
  for (const x of xs) {
    const key = x.availId ?? NO_AVAIL;
    const list = byKey.get(key);
    if (list) list.push(x);
    else byKey.set(key, [x]);
  }
  const groups = [...byKey].map(([key, list]): AvailGroup => {
    const sent = list.filter((x) => x.requested);
    const start = Math.min(...list.map((x) => x.at));
    const end = Math.max(...(sent.length ? sent : list).map((x) => x.at + x.ms));
    return {
      key,
      ...(key !== NO_AVAIL ? { availId: key } : {}),
      label: key !== NO_AVAIL ? `Avail ${key}` : 'Session (VOD ad plan)',
      nodes: treeOrder(list),
      totalMs: sent.length ? Math.max(0, Math.round(end - start)) : 0,
      failures: list.filter((x) => x.failure !== undefined).length,
      startedAt: start,
    };
  });
  return groups.sort((a, b) => a.startedAt - b.startedAt || a.key.localeCompare(b.key));
}

const byStart = (a: AdsExchange, b: AdsExchange) => a.at - b.at || idNumber(a.id) - idNumber(b.id);
const idNumber = (id: string) => Number(id.replace(/^\D+/, '')) || 0;

function treeOrder(list: AdsExchange[]): ExchangeNode[] {
  const ids = new Set(list.map((x) => x.id));
  const children = new Map<string, AdsExchange[]>();
  const roots: AdsExchange[] = [];
  for (const x of list) {
    if (x.parentId !== undefined && ids.has(x.parentId)) children.set(x.parentId, [...(children.get(x.parentId) ?? []), x]);
    else roots.push(x);
  }
  const out: ExchangeNode[] = [];
  const walk = (x: AdsExchange, level: number) => {
    out.push({ x, level, ...(level === 0 && x.parentId !== undefined ? { parentElsewhere: x.parentId } : {}) });
    for (const c of (children.get(x.id) ?? []).sort(byStart)) walk(c, level + 1);
  };
  for (const r of roots.sort(byStart)) walk(r, 0);
  return out;
}

export type Tone = 'ok' | 'warn' | 'bad';

const FAILURE_LABEL: Record<string, string> = {
  timeout: 'TIMEOUT',
  budget: 'BUDGET',
  network: 'NETWORK',
  'too-large': 'TOO LARGE',
  'bad-url': 'BAD URL',
  aborted: 'ABORTED',
  'wrapper-loop': 'LOOP',
  'wrapper-limit': 'WRAPPER LIMIT',
  'no-ads': 'NO ADS',
};

/** The chip: HTTP status, or what went wrong (never colour alone). */
export function statusChip(x: AdsExchange): { label: string; tone: Tone } {
  if (x.failure === 'http') return { label: `HTTP ${x.status}`, tone: 'bad' };
  if (x.failure === 'parse') return { label: `${x.status} PARSE`, tone: 'bad' };
  if (x.failure !== undefined) return { label: FAILURE_LABEL[x.failure] ?? x.failure.toUpperCase(), tone: 'bad' };
  const empty = x.doc === 'vmap' ? (x.breaks?.length ?? 0) === 0 : x.ads.length === 0;
  return empty ? { label: `${x.status} EMPTY`, tone: 'warn' } : { label: String(x.status), tone: 'ok' };
}

/** What the answer held, in a few words. */
export function answerSummary(x: AdsExchange): string {
  if (!x.requested) return 'not sent';
  if (x.status === 0) return 'no answer';
  if (x.doc === 'vmap') return `VMAP${x.version ? ` ${x.version}` : ''} · ${plural(x.breaks?.length ?? 0, 'break')}`;
  const wrappers = x.ads.filter((a) => a.kind === 'wrapper').length;
  const inline = x.ads.length - wrappers;
  const parts = [`VAST${x.version ? ` ${x.version}` : ''}`];
  if (inline || !wrappers) parts.push(plural(inline, 'ad'));
  if (wrappers) parts.push(plural(wrappers, 'wrapper'));
  return x.failure === undefined ? parts.join(' · ') : x.failure === 'parse' ? 'unreadable' : 'error';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Scheme, host and path, without the query (shown as a table). */
export function urlBase(url: string): string {
  const q = url.search(/[?#]/);
  return q < 0 ? url : url.slice(0, q);
}

/** Host and last path segment, for a row that must stay one line. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    const last = u.pathname.split('/').filter(Boolean).at(-1) ?? '';
    return `${u.host}/…/${last}${u.search ? '?…' : ''}`;
  } catch {
    return url;
  }
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;
}

/** Clock time of a request with milliseconds (exchanges of one avail are often within the same second). */
export function formatClock(at: number): string {
  const d = new Date(at);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** Lines to render at first, and per "show more": a 256 KiB body can be thousands of lines. */
export const BODY_LINES_STEP = 1500;

/** The body for reading: XML indented, JSON pretty-printed; anything else (garbage, text) as it came. */
export function prettyBody(body: string, contentType?: string): { text: string; pretty: boolean } {
  const t = body.trimStart();
  if (/json/i.test(contentType ?? '') || /^[[{]/.test(t)) {
    try {
      return { text: JSON.stringify(JSON.parse(body), null, 2), pretty: true };
    } catch {
      // not JSON after all
    }
  }
  if (t.startsWith('<')) return { text: prettyXml(body), pretty: true };
  return { text: body, pretty: false };
}

// Comments, CDATA, declarations, tags, text; a tag cut off by truncation runs to the end as one token.
const TOKEN = /<!--[^]*?-->|<!\[CDATA\[[^]*?\]\]>|<\?[^]*?\?>|<![^>]*>|<\/?[A-Za-z_][^>]*>|[^<]+|<[^>]*$|</g;

/**
 * Indents XML one element per line, leaving element text, CDATA and comments as they are. Tolerant of what an ADS
 * may send: a truncated or malformed document still comes out readable (unclosed tags just keep the indent).
 */
export function prettyXml(xml: string, indent = '  '): string {
  const out: string[] = [];
  let depth = 0;
  const tokens = xml.match(TOKEN) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const pad = indent.repeat(depth);
    if (tok.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      out.push(indent.repeat(depth) + tok);
    } else if (/^<[A-Za-z_]/.test(tok)) {
      if (tok.endsWith('/>')) {
        out.push(pad + tok);
        continue;
      }
      // <Tag>text</Tag> or <Tag><![CDATA[…]]></Tag> stays on one line.
      const next = tokens[i + 1];
      const close = tokens[i + 2];
      if (next !== undefined && close?.startsWith('</') && (!next.startsWith('<') || next.startsWith('<![CDATA['))) {
        out.push(pad + tok + (next.startsWith('<') ? next : next.trim()) + close);
        i += 2;
        continue;
      }
      if (next?.startsWith('</')) {
        out.push(pad + tok + next);
        i += 1;
        continue;
      }
      out.push(pad + tok);
      depth++;
    } else if (tok.startsWith('<')) {
      out.push(pad + tok); // comment, CDATA, declaration, doctype or a stray '<'
    } else if (tok.trim() !== '') {
      out.push(pad + tok.trim());
    }
  }
  return out.join('\n');
}
