// Lenient, uniform XML reading for VAST and VMAP on top of fast-xml-parser (Node has no DOM):
// namespace prefixes dropped, tag and attribute names lower-cased (ad servers write InLine/Inline, AdID/adId),
// every element an array (no singleton-vs-list surprises), numeric character references decoded.
// Well-formedness is checked first because the parser itself accepts mismatched and unclosed tags.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element: attributes under '@', text under '#text', children by lower-cased local name. */
export interface XNode {
  '@'?: Record<string, string>;
  '#text'?: string;
  [child: string]: XItem[] | Record<string, string> | string | undefined;
}
/** Leaf elements without attributes come back as plain strings. */
export type XItem = XNode | string;

const lower = (s: string) => s.toLowerCase();

export function makeParser(stopNodes: string[]): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    transformTagName: lower,
    transformAttributeName: lower,
    isArray: (_name, _path, _leaf, isAttribute) => isAttribute !== true,
    // Raw inner markup for these (VMAP's inline VAST, VAST Extensions): not walked, kept verbatim.
    stopNodes,
    // Decodes &#xF6; and friends (named HTML entities too, which is harmless leniency).
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
}

export type ReadResult = { ok: true; root: Record<string, XItem[]> } | { ok: false; message: string };

/** BOM and leading blank lines before the XML declaration are common in the wild and rejected by strict parsers. */
export function readXml(parser: XMLParser, xml: string): ReadResult {
  const text = xml.replace(/^\uFEFF?\s*/, '');
  // Line numbers in messages refer to the document as received.
  const skippedLines = xml.length === text.length ? 0 : xml.slice(0, xml.length - text.length).split('\n').length - 1;
  if (!text.startsWith('<')) return { ok: false, message: 'Not XML: the document does not start with a tag' };
  try {
    const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
    if (valid !== true) return { ok: false, message: `Malformed XML at line ${valid.err.line + skippedLines}, column ${valid.err.col}: ${valid.err.msg}` };
    return { ok: true, root: parser.parse(text) as Record<string, XItem[]> };
  } catch (e) {
    return { ok: false, message: `Malformed XML: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function kids(node: XItem | undefined, name: string): XItem[] {
  if (node === undefined || typeof node === 'string') return [];
  const v = node[name];
  return Array.isArray(v) ? v : [];
}

export function kid(node: XItem | undefined, name: string): XItem | undefined {
  return kids(node, name)[0];
}

/** Trimmed text content (CDATA merged); '' for empty or missing elements. */
export function text(node: XItem | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.trim();
  const t = node['#text'];
  return typeof t === 'string' ? t.trim() : '';
}

/** Attribute by lower-cased name, trimmed; undefined when missing or blank. */
export function attr(node: XItem | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const v = node['@']?.[name];
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

export function intAttr(node: XItem | undefined, name: string): number | undefined {
  const v = attr(node, name);
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

export function numAttr(node: XItem | undefined, name: string): number | undefined {
  const v = attr(node, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** true/1 and false/0 in any case (VAST says xs:boolean; ad servers write True). Undefined when absent or other. */
export function boolAttr(node: XItem | undefined, name: string): boolean | undefined {
  const v = attr(node, name)?.toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}

/** Non-empty trimmed texts of every `name` child. */
export function texts(node: XItem | undefined, name: string): string[] {
  const out: string[] = [];
  for (const k of kids(node, name)) {
    const t = text(k);
    if (t) out.push(t);
  }
  return out;
}
