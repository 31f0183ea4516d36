// The ADS inspector panel's pure view logic: grouping by avail, wrapper trees, status chips, body pretty-printing.
import { describe, expect, it } from 'vitest';
import type { AdsExchange } from '../../src/shared/inspect-ads.js';
import { answerSummary, groupExchanges, prettyBody, prettyXml, shortUrl, statusChip, urlBase } from '../../src/renderer/components/AdsInspectorModel.js';

let n = 0;
function ex(fields: Partial<AdsExchange>): AdsExchange {
  n++;
  return { id: `x${n}`, depth: 0, at: 1000, url: 'http://ads.test/vast?a=1', query: [['a', '1']], requestHeaders: {}, requested: true, status: 200, ms: 10, bodyBytes: 10, doc: 'vast', ads: [], ...fields };
}
const inline = { kind: 'inline' as const, id: 'ad', mediaFiles: 1, mezzanines: 0, impressions: 1, tracking: {}, errorUrls: 0 };
const wrapper = { ...inline, kind: 'wrapper' as const, wrapperTarget: 'http://next' };

describe('groupExchanges', () => {
  it('groups by avail in start order, lays wrapper chains out as indented trees, and totals the wall time', () => {
    const a0 = ex({ availId: 'a', at: 5000, ms: 100, ads: [wrapper, wrapper] });
    const a1 = ex({ availId: 'a', at: 5110, ms: 50, depth: 1, parentId: a0.id, ads: [inline] });
    const a1b = ex({ availId: 'a', at: 5105, ms: 300, depth: 1, parentId: a0.id, status: 0, failure: 'timeout' });
    const a2 = ex({ availId: 'a', at: 5170, ms: 20, depth: 2, parentId: a1.id, ads: [inline] });
    const b0 = ex({ availId: 'b', at: 1000, ms: 40, ads: [inline] });
    const vmap = ex({ at: 500, ms: 5, doc: 'vmap', breaks: [{ timeOffset: 'start', source: 'tag', tagUrl: 'http://t', trackingEvents: [] }] });
    const tag = ex({ availId: 'pre', at: 600, ms: 7, parentId: vmap.id, ads: [inline] });
    // Arrival order differs from start order (completion order): the model sorts.
    const groups = groupExchanges([b0, a0, a1b, a1, a2, vmap, tag]);
    expect(groups.map((g) => g.label)).toEqual(['Session (VOD ad plan)', 'Avail pre', 'Avail b', 'Avail a']);
    const a = groups[3]!;
    expect(a.nodes.map((x) => [x.x.id, x.level])).toEqual([[a0.id, 0], [a1b.id, 1], [a1.id, 1], [a2.id, 2]]);
    expect(a.totalMs).toBe(405); // 5000 → 5405 (the timed-out redirect ends last)
    expect(a.failures).toBe(1);
    expect(groups[1]!.nodes[0]).toMatchObject({ level: 0, parentElsewhere: vmap.id });
    expect(groups[0]!.availId).toBeUndefined();
    expect(groups[2]!.totalMs).toBe(40);
  });

  it('requests never sent do not count as ADS time', () => {
    const root = ex({ availId: 'l', at: 0, ms: 30 });
    const loop = ex({ availId: 'l', at: 10_000, ms: 0, requested: false, status: 0, failure: 'wrapper-loop', parentId: root.id, depth: 1 });
    const [g] = groupExchanges([root, loop]);
    expect(g!.totalMs).toBe(30);
    expect(g!.nodes.map((x) => x.level)).toEqual([0, 1]);
  });
});

describe('statusChip and answerSummary', () => {
  it('says what happened in words, with a tone', () => {
    expect(statusChip(ex({ ads: [inline] }))).toEqual({ label: '200', tone: 'ok' });
    expect(statusChip(ex({}))).toEqual({ label: '200 EMPTY', tone: 'warn' });
    expect(statusChip(ex({ status: 0, failure: 'timeout' }))).toEqual({ label: 'TIMEOUT', tone: 'bad' });
    expect(statusChip(ex({ status: 500, failure: 'http' }))).toEqual({ label: 'HTTP 500', tone: 'bad' });
    expect(statusChip(ex({ failure: 'parse' }))).toEqual({ label: '200 PARSE', tone: 'bad' });
    expect(statusChip(ex({ requested: false, status: 0, failure: 'wrapper-limit' }))).toEqual({ label: 'WRAPPER LIMIT', tone: 'bad' });
    expect(statusChip(ex({ doc: 'vmap', breaks: [] }))).toEqual({ label: '200 EMPTY', tone: 'warn' });
    expect(answerSummary(ex({ version: '3.0', ads: [inline, inline] }))).toBe('VAST 3.0 · 2 ads');
    expect(answerSummary(ex({ ads: [wrapper] }))).toBe('VAST · 1 wrapper');
    expect(answerSummary(ex({ doc: 'vmap', version: '1.0', breaks: [] }))).toBe('VMAP 1.0 · 0 breaks');
    expect(answerSummary(ex({ requested: false, status: 0 }))).toBe('not sent');
    expect(answerSummary(ex({ status: 0, failure: 'timeout' }))).toBe('no answer');
    expect(answerSummary(ex({ failure: 'parse' }))).toBe('unreadable');
  });
});

describe('URLs', () => {
  it('splits off the query and shortens for rows', () => {
    expect(urlBase('http://h:1/demo/ads/vast?v=3.0&sid=x#f')).toBe('http://h:1/demo/ads/vast');
    expect(urlBase('http://h/vast')).toBe('http://h/vast');
    expect(shortUrl('http://h:1/demo/ads/vast?v=3.0')).toBe('h:1/…/vast?…');
    expect(shortUrl('not a url')).toBe('not a url');
  });
});

describe('prettyBody', () => {
  it('indents XML one element per line, keeping text, CDATA and comments inline', () => {
    const xml = '<?xml version="1.0"?><VAST version="3.0"><!-- c --><Ad id="1"><InLine><AdSystem>S</AdSystem><Impression><![CDATA[http://i?a=1&b=<2>]]></Impression><Empty/><Blank></Blank></InLine></Ad></VAST>';
    expect(prettyXml(xml)).toBe(
      [
        '<?xml version="1.0"?>',
        '<VAST version="3.0">',
        '  <!-- c -->',
        '  <Ad id="1">',
        '    <InLine>',
        '      <AdSystem>S</AdSystem>',
        '      <Impression><![CDATA[http://i?a=1&b=<2>]]></Impression>',
        '      <Empty/>',
        '      <Blank></Blank>',
        '    </InLine>',
        '  </Ad>',
        '</VAST>',
      ].join('\n'),
    );
  });

  it('re-indents an already indented document without blank lines, and survives a truncated one', () => {
    expect(prettyXml('<A>\n    <B>\n  x  </B>\n</A>\n')).toBe('<A>\n  <B>x</B>\n</A>');
    expect(prettyXml('<VAST><Ad id="1"><InLine><AdSystem>S</AdTitle><Dur')).toBe('<VAST>\n  <Ad id="1">\n    <InLine>\n      <AdSystem>S</AdTitle>\n      <Dur');
  });

  it('pretty-prints JSON, and leaves text that is neither as it came', () => {
    expect(prettyBody('{"a":[1]}', 'application/json')).toEqual({ text: '{\n  "a": [\n    1\n  ]\n}', pretty: true });
    expect(prettyBody('demo ADS fault=500: internal server error\n', 'text/plain')).toEqual({ text: 'demo ADS fault=500: internal server error\n', pretty: false });
    expect(prettyBody('<VAST/>', 'application/xml').pretty).toBe(true);
    expect(prettyBody('{not json', 'text/plain')).toEqual({ text: '{not json', pretty: false });
  });
});
