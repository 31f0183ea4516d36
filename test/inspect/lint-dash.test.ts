// DASH lint against the real MPD fixtures (all clean) and the same documents broken one rule at a time:
// Period gaps and overlaps, duplicate and unstable Period ids, SegmentTimeline holes, MPD@type faults.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDashRefreshes } from '../../src/main/inspect/lint-dash.js';
import { displayText } from '../../src/shared/inspect-manifests.js';
import { fixtureDir } from '../helpers/fixtures.js';

const DASH = fixtureDir('dash');
const fixture = (p: string) => readFileSync(join(DASH, p), 'utf8');
const once = (text: string) => lintDashRefreshes([{ at: 0, text }]);
const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);
const MULTI = fixture('ritcher/sample_mpd_multiperiod.xml');

/** The multi-period fixture (content 60 s, ad 30 s, content 60 s) with explicit Period starts. */
function withStarts(ad: string, content2: string, total = 'PT150S'): string {
  return MULTI.replace('mediaPresentationDuration="PT150S"', `mediaPresentationDuration="${total}"`)
    .replace('<Period id="content-1" duration', '<Period id="content-1" start="PT0S" duration')
    .replace('<Period id="ad-break-1" duration', `<Period id="ad-break-1" start="${ad}" duration`)
    .replace('<Period id="content-2" duration', `<Period id="content-2" start="${content2}" duration`);
}

/** A one-line dynamic MPD as the stitcher writes it: Periods [id, start, duration?] with one video timeline each. */
function live(periods: [string, number, number?][], timeline = '<S t="0" d="25600" r="4"/>'): string {
  const ps = periods
    .map(([id, start, dur]) => `<Period id="${id}" start="PT${start}S"${dur !== undefined ? ` duration="PT${dur}S"` : ''}><AdaptationSet contentType="video"><SegmentTemplate timescale="12800" media="$Number$.m4s"><SegmentTimeline>${timeline}</SegmentTimeline></SegmentTemplate><Representation id="v${id}" bandwidth="1"/></AdaptationSet></Period>`)
    .join('');
  return `<?xml version="1.0"?><MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="dynamic" availabilityStartTime="2026-01-01T00:00:00Z" minimumUpdatePeriod="PT2S">${ps}</MPD>`;
}

describe('real-world MPDs', () => {
  const files = [
    ...readdirSync(join(DASH, 'ritcher')).map((f) => `ritcher/${f}`),
    ...readdirSync(join(DASH, 'eyevinn-dash-mpd/scte35'))
      .filter((f) => f.endsWith('.mpd'))
      .map((f) => `eyevinn-dash-mpd/scte35/${f}`),
  ];
  it.each(files)('%s lints clean', (p) => {
    expect(once(fixture(p))).toEqual([]);
  });
});

describe('period-continuity', () => {
  it('explicit starts that follow each Period end are clean (also within 1.5 ms of rounding)', () => {
    expect(once(withStarts('PT60S', 'PT90S'))).toEqual([]);
    expect(once(withStarts('PT60.001S', 'PT90.001S'))).toEqual([]);
  });

  it('a gap between Periods is an error at the later Period', () => {
    const text = withStarts('PT61S', 'PT91S', 'PT151S');
    const found = once(text);
    expect(rules(found)).toEqual(['period-continuity']);
    expect(found[0]!.message).toBe('Gap of 1 s between Period "content-1" (ends at 60 s) and Period "ad-break-1" (starts at 61 s)');
    expect(found[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('<Period id="ad-break-1"')) + 1);
  });

  it('an overlap of a few ms is an error too', () => {
    const found = once(withStarts('PT59.995S', 'PT89.995S', 'PT149.995S'));
    expect(rules(found)).toEqual(['period-continuity']);
    expect(found[0]!.message).toMatch(/^Overlap of 5 ms/);
  });

  it('Periods that end after mediaPresentationDuration: players stop early', () => {
    const found = once(MULTI.replace('mediaPresentationDuration="PT150S"', 'mediaPresentationDuration="PT120S"'));
    expect(found.map((f) => [f.rule, f.severity])).toEqual([['period-continuity', 'error']]);
  });
});

describe('period-ids', () => {
  it('duplicate Period ids in one MPD are an error', () => {
    const found = once(MULTI.replace('id="content-2"', 'id="content-1"'));
    expect(rules(found)).toEqual(['period-ids']);
    expect(found[0]!.message).toBe('Duplicate Period id "content-1"');
  });

  it('a live window sliding over Periods that keep their ids and starts is clean', () => {
    const refreshes = [
      live([['a', 0, 10], ['b', 10]]),
      live([['a', 0, 10], ['b', 10, 10], ['c', 20]]),
      live([['b', 10, 10], ['c', 20]]),
    ].map((text, i) => ({ at: i * 2000, text }));
    expect(lintDashRefreshes(refreshes)).toEqual([]);
  });

  it('a Period whose start moves between refreshes is an error', () => {
    const found = lintDashRefreshes([live([['a', 0, 10], ['b', 10]]), live([['a', 0, 12], ['b', 12]])].map((text, i) => ({ at: i, text })));
    expect(rules(found)).toEqual(['period-ids']);
    expect(found[0]!.message).toBe('Period "b" moved from 10 s to 12 s between refreshes');
    expect(found[0]!.refreshAt).toBe(1);
  });

  it('a Period renamed at the same start is an error (players see a new Period)', () => {
    const found = lintDashRefreshes([live([['a', 0, 10], ['b', 10]]), live([['a', 0, 10], ['b2', 10]])].map((text, i) => ({ at: i, text })));
    expect(rules(found)).toEqual(['period-ids']);
    expect(found[0]!.message).toContain('was "b" and is now "b2"');
  });

  it('a dynamic MPD Period without an id is a warning', () => {
    expect(once(live([['a', 0]]).replace(' id="a"', '')).map((f) => [f.rule, f.severity])).toEqual([['period-ids', 'warn']]);
  });
});

describe('segment-timeline', () => {
  it('implicit and explicit t that continue the timeline are clean, and r="-1" is not taken for a hole', () => {
    expect(once(live([['a', 0]], '<S t="0" d="10" r="2"/><S t="30" d="5"/><S d="10" r="-1"/><S t="100" d="10"/>'))).toEqual([]);
  });

  it('a hole in a SegmentTimeline is an error at that timeline', () => {
    const text = live([['a', 0]], '<S t="0" d="25600" r="2"/><S t="89600" d="25600"/>');
    const found = once(text);
    expect(rules(found)).toEqual(['segment-timeline']);
    expect(found[0]!.message).toBe('Period "a", video: gap of 12800 ticks (1 s) before <S t="89600"> (#2; previous entries end at 76800)');
    expect(displayText(text, 'dash').split('\n')[found[0]!.line! - 1]!.trim()).toBe('<SegmentTimeline>');
  });

  it('an overlap is an error too', () => {
    const found = once(live([['a', 0]], '<S t="0" d="25600" r="2"/><S t="76000" d="25600"/>'));
    expect(found[0]!.message).toMatch(/overlap of 800 ticks \(62\.5 ms\)/);
  });
});

describe('mpd-type', () => {
  it('a static MPD with neither mediaPresentationDuration nor a last Period duration has no end', () => {
    const text = MULTI.replace(' mediaPresentationDuration="PT150S"', '').replace('<Period id="content-2" duration="PT60S"', '<Period id="content-2"');
    expect(rules(once(text))).toEqual(['mpd-type']);
  });

  it('a dynamic MPD without availabilityStartTime is an error', () => {
    expect(rules(once(live([['a', 0]]).replace(' availabilityStartTime="2026-01-01T00:00:00Z"', '')))).toEqual(['mpd-type']);
  });

  it('static → dynamic between refreshes is an error; dynamic → static (the live event ended) is not', () => {
    const stat = live([['a', 0, 10]]).replace('type="dynamic"', 'type="static"').replace(' minimumUpdatePeriod="PT2S"', '');
    expect(rules(lintDashRefreshes([stat, live([['a', 0, 10]])].map((text, at) => ({ at, text }))))).toEqual(['mpd-type']);
    expect(lintDashRefreshes([live([['a', 0, 10]]), stat].map((text, at) => ({ at, text })))).toEqual([]);
  });
});

describe('general', () => {
  it('a truncated MPD is one mpd-parse error', () => {
    const found = once(MULTI.slice(0, 400));
    expect(found.map((f) => [f.rule, f.severity])).toEqual([['mpd-parse', 'error']]);
  });

  it('findings carry track and source labels', () => {
    const found = lintDashRefreshes([{ at: 5, text: MULTI.replace('id="content-2"', 'id="content-1"') }], { track: '0', source: 'stitched' });
    expect(found[0]).toMatchObject({ track: '0', source: 'stitched', refreshAt: 5 });
  });
});
