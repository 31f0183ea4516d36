// Primetime's VOD timeline format (pttimeline): B,duration,max_ads,position and C,duration,lots pods separated by
// ';', read into breaks on the content's clock; every malformed timeline is refused with the pod named.
import { describe, expect, it } from 'vitest';
import { MAX_PODS, parseVodTimeline, type TimelineBreak } from '../../src/main/primetime/timeline.js';

const breaks = (text: string): TimelineBreak[] => {
  const r = parseVodTimeline(text);
  if (!r.ok) throw new Error(r.message);
  return r.breaks;
};
const brief = (text: string) => breaks(text).map((b) => [b.placement, b.atSeconds, b.durationSeconds, b.maxAds]);
const error = (text: string): string => {
  const r = parseVodTimeline(text);
  if (r.ok) throw new Error(`"${text}" was accepted`);
  return r.message;
};

describe('pttimeline parser', () => {
  it("the issue's example: a 60 s pre-roll of up to 2 ads, then 300 s of content", () => {
    const r = parseVodTimeline('B,60,2,p;C,300,1');
    expect(r).toEqual({ ok: true, contentSeconds: 300, breaks: [{ atSeconds: 0, durationSeconds: 60, maxAds: 2, placement: 'pre', pod: 'B,60,2,p' }] });
  });

  it("Adobe's replace-a-timeline shapes: mid-rolls after the chapters before them, a post-roll, a trailing ';'", () => {
    expect(brief('C,120,1;B,60,2,m;C,120,1;B,60,2,m;C,120,1;')).toEqual([
      ['mid', 120, 60, 2],
      ['mid', 240, 60, 2],
    ]);
    expect(brief('B,30,2,p;C,30,1;B,120,4,m;C,40.5,1;B,30,2,t;')).toEqual([
      ['pre', 0, 30, 2],
      ['mid', 30, 120, 4],
      ['post', 70.5, 30, 2],
    ]);
  });

  it('millisecond precision adds up exactly; lots do not move breaks; letters in either case', () => {
    expect(brief('C,0.1,1;C,0.2,3;b,10,1,M')).toEqual([['mid', 0.3, 10, 1]]);
    expect(parseVodTimeline(' c , 12.345 , 1 ; B , 5 , 1 , t ')).toMatchObject({ ok: true, contentSeconds: 12.345 });
  });

  it('break duration 0 has no signalled duration; 0 ads and position n are empty slots that may share a spot', () => {
    expect(breaks('C,60,1;B,0,3,m')[0]).not.toHaveProperty('durationSeconds');
    expect(brief('C,60,1;B,30,1,m;B,0,0,m;B,30,2,n;C,60,1')).toEqual([
      ['mid', 60, 30, 1],
      ['mid', 60, undefined, 0],
      ['none', 60, 30, 2],
    ]);
  });

  it('content only (no ads at all) and breaks only are timelines too', () => {
    expect(parseVodTimeline('C,300,1')).toEqual({ ok: true, breaks: [], contentSeconds: 300 });
    expect(brief('B,15,1,p')).toEqual([['pre', 0, 15, 1]]);
  });

  it('every malformed timeline is refused, naming the pod and what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      [';', /empty/],
      ['C,60,1;;B,10,1,t', /pod 2 "": empty pod/],
      ['X,60,1', /pod 1 "X,60,1": a pod is B,.* or C,/],
      ['B,60,2', /pod 1 "B,60,2": an ad break is B,duration,maximum_number_of_ads,position/],
      ['B,60,2,p,x', /an ad break is B,duration/],
      ['C,60', /pod 1 "C,60": a content chapter is C,duration,number_of_lots/],
      ['B,sixty,2,p', /pod 1 .*duration must be seconds/],
      ['B,-5,2,p', /duration must be seconds/],
      ['B,1e3,2,p', /duration must be seconds/],
      ['B,60.0001,2,p', /at most 3 decimals/],
      ['C,60,1;C,abc,1', /pod 2 "C,abc,1": duration must be seconds/],
      ['B,60,2.5,p', /maximum_number_of_ads must be a whole number/],
      ['B,60,-1,p', /maximum_number_of_ads/],
      ['B,60,2,x', /position must be n \(none\), p \(pre-roll\), m \(mid-roll\) or t \(post-roll\)/],
      ['C,0,1;B,60,2,m', /pod 1 "C,0,1": a chapter of duration 0/],
      ['C,60,0', /number_of_lots must be a whole number of at least 1/],
      ['C,60,x', /number_of_lots/],
      ['C,60,1;B,30,1,p', /pod 2 "B,30,1,p": a pre-roll after content/],
      ['B,30,1,m;C,60,1', /pod 1 "B,30,1,m": a mid-roll before any content/],
      ['C,60,1;B,30,1,t;C,60,1', /pod 3 "C,60,1": content after the post-roll "B,30,1,t"/],
      ['B,30,1,p;B,15,1,p;C,60,1', /pod 2 "B,15,1,p": a second break at 0 s \(after "B,30,1,p"\)/],
      ['C,60,1;B,30,1,m;B,30,1,m', /pod 3 .*a second break at 60 s/],
      ['C,60,1;B,30,1,t;B,30,1,t', /pod 3 .*a second post-roll/],
      [Array.from({ length: MAX_PODS + 1 }, () => 'C,1,1').join(';'), new RegExp(`at most ${MAX_PODS}`)],
    ];
    for (const [text, message] of cases) expect(error(text), text).toMatch(message);
  });
});
