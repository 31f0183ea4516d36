// The hand-written XML tree used for MPDs: round trips what it does not touch, and refuses what is not
// well-formed with a line and column (a lenient parser would stitch a truncated MPD into nonsense).
import { describe, expect, it } from 'vitest';
import { attr, decodeEntities, element, escapeXml, parseXml, serializeXml, textOf, XmlError } from '../../src/main/xml/tree.js';

describe('parseXml / serializeXml', () => {
  it('round-trips elements, namespaces, entities, comments, CDATA and the prolog', () => {
    const src = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- origin -->\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:cenc="urn:mpeg:cenc:2013"><BaseURL>http://a/b?x=1&amp;y=2</BaseURL><!-- keep --><cenc:pssh>AAAA</cenc:pssh><X a='say "hi"'/><D><![CDATA[raw <b>]]></D></MPD>`;
    const doc = parseXml(src);
    expect(doc.prolog).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<!-- origin -->');
    const out = serializeXml(doc);
    expect(out).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- origin -->\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:cenc="urn:mpeg:cenc:2013"><BaseURL>http://a/b?x=1&amp;y=2</BaseURL><!-- keep --><cenc:pssh>AAAA</cenc:pssh><X a="say &quot;hi&quot;"/><D><![CDATA[raw <b>]]></D></MPD>\n`);
    expect(serializeXml(parseXml(out))).toBe(out);
    const base = doc.root.children[0] as never;
    expect(textOf(base)).toBe('http://a/b?x=1&y=2');
    expect(attr(doc.root.children[3] as never, 'a')).toBe('say "hi"');
  });

  it('drops whitespace between elements but keeps text', () => {
    expect(serializeXml(parseXml('<a>\n  <b> x </b>\n</a>'))).toBe('<a><b> x </b></a>\n');
  });

  const bad: [string, RegExp][] = [
    ['<MPD><Period>', /Document ends inside <Period> at line 1, column 14/],
    ['<MPD>\n<Period></MPD>', /End tag <\/MPD> does not match <Period> at line 2, column 9/],
    ['{"json":true}', /Text before the root element/],
    ['', /No root element/],
    ['<a/><b/>', /A second root element <b>/],
    ['<a x=1/>', /Attribute "x" of <a> is not quoted/],
    ['<a x="1" x="2"/>', /Duplicate attribute "x"/],
    ['<a x="1/>', /Unterminated value of attribute "x"|Unterminated start tag/],
    ['<a><!-- open </a>', /Unterminated comment/],
    ['<a>text</a>tail', /Text after the root element/],
    ['</a>', /End tag <\/a> without a start tag/],
  ];
  for (const [src, msg] of bad) {
    it(`rejects ${JSON.stringify(src)}`, () => {
      expect(() => parseXml(src)).toThrow(XmlError);
      expect(() => parseXml(src)).toThrow(msg);
    });
  }
});

describe('entities', () => {
  it('decodes named and numeric references, escapes what it writes', () => {
    expect(decodeEntities('a&amp;b&lt;&#x41;&#66;&unknown;')).toBe('a&b<AB&unknown;');
    expect(escapeXml('a&b<"c">')).toBe('a&amp;b&lt;&quot;c&quot;&gt;');
    const el = element('Location', {}, []);
    expect(element('X', { u: 'http://h/?a=1&b=2', n: 3, skip: undefined }).attrs).toEqual({ u: 'http://h/?a=1&amp;b=2', n: '3' });
    expect(el.children).toEqual([]);
  });
});
