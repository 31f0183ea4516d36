// Tiny XML writer: builders describe documents as plain trees, and escaping happens in exactly one place,
// so no creative title or session id can ever break the markup.

export type XmlAttrValue = string | number | boolean | undefined;

export interface XmlNode {
  name: string;
  attrs?: Record<string, XmlAttrValue>;
  children?: XmlNode[];
  /** Escaped text content. */
  text?: string;
  /** CDATA content (URLs: keeps macros such as [ERRORCODE] and '&' readable for players). */
  cdata?: string;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** CDATA cannot contain ']]>': split it across two sections. */
export function cdata(s: string): string {
  return `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

export function el(name: string, attrs?: Record<string, XmlAttrValue>, children?: XmlNode[]): XmlNode {
  return { name, ...(attrs ? { attrs } : {}), ...(children ? { children } : {}) };
}

export function textEl(name: string, text: string, attrs?: Record<string, XmlAttrValue>): XmlNode {
  return { name, ...(attrs ? { attrs } : {}), text };
}

export function urlEl(name: string, url: string, attrs?: Record<string, XmlAttrValue>): XmlNode {
  return { name, ...(attrs ? { attrs } : {}), cdata: url };
}

/** Pretty-printed (2-space) markup; undefined attributes are omitted. */
export function renderXml(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const open = `${pad}<${node.name}${attrs}`;
  if (node.cdata !== undefined) return `${open}>${cdata(node.cdata)}</${node.name}>`;
  if (node.text !== undefined) return `${open}>${escapeXml(node.text)}</${node.name}>`;
  if (!node.children || node.children.length === 0) return `${open}/>`;
  const inner = node.children.map((c) => renderXml(c, depth + 1)).join('\n');
  return `${open}>\n${inner}\n${pad}</${node.name}>`;
}

export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(root)}\n`;
}
