// HLS attribute lists (RFC 8216 §4.2): KEY=value,KEY="quoted, with commas",KEY=0x1F…
// Hand-written single pass: runs for every marker and variant tag, so no regex per attribute.

export type AttributeList = Record<string, string>;

/** Parses `KEY=VALUE,…` (quotes removed). Tolerates spaces and curly quotes some encoders emit. */
export function parseAttributes(text: string): AttributeList {
  const out: AttributeList = {};
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 44)) i++; // spaces, commas
    const eq = text.indexOf('=', i);
    if (eq < 0) break;
    const key = text.slice(i, eq).trim();
    i = eq + 1;
    let value: string;
    const q = text[i];
    if (q === '"' || q === '\u201d' || q === '\u201c') {
      let end = i + 1;
      while (end < n && text[end] !== '"' && text[end] !== '\u201d' && text[end] !== '\u201c') end++;
      value = text.slice(i + 1, end);
      i = end + 1;
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      value = text.slice(i, end).trim();
      i = end;
    }
    if (key) out[key] = value;
  }
  return out;
}

/** The text after the first ':' of a tag line ('' when none). */
export function tagValue(line: string): string {
  const c = line.indexOf(':');
  return c < 0 ? '' : line.slice(c + 1);
}

/** Case-insensitive attribute lookup (encoders disagree on `ElapsedTime` vs `ELAPSEDTIME`). */
export function attr(list: AttributeList, name: string): string | undefined {
  if (name in list) return list[name];
  const lower = name.toLowerCase();
  for (const k in list) if (k.toLowerCase() === lower) return list[k];
  return undefined;
}

export function quote(value: string): string {
  return `"${value.replace(/"/g, "'")}"`;
}
