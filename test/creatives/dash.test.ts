// Ad MPDs read into explicit segment lists (templates with and without timelines, SegmentList, BaseURL chains)
// and matched to content adaptation sets by type, codec family, language and height.
import { describe, expect, it } from 'vitest';
import { readDashCreative } from '../../src/main/creatives/dash-creative.js';
import { contentSetsOf, matchDashCreative } from '../../src/main/creatives/dash-match.js';
import { scanMpd } from '../../src/main/stitch/dash/scan.js';
import { synthMpd } from '../stitch/dash/helpers.js';

const AD = `<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT10S"><BaseURL>https://ads.example/c1/</BaseURL><Period>
<AdaptationSet contentType="video" mimeType="video/mp4"><Role schemeIdUri="urn:mpeg:dash:role:2011" value="main"/>
<SegmentTemplate timescale="1000" initialization="$RepresentationID$/init.mp4" media="$RepresentationID$/s$Number%03d$.m4s" startNumber="5"><SegmentTimeline><S t="80" d="4000" r="1"/><S d="2000"/></SegmentTimeline></SegmentTemplate>
<Representation id="1080p" bandwidth="5000000" width="1920" height="1080" codecs="avc1.640028"/>
<Representation id="540p" bandwidth="1500000" width="960" height="540" codecs="avc1.4d401f"/>
</AdaptationSet>
<AdaptationSet contentType="audio" mimeType="audio/mp4" lang="fr"><Representation id="fr" bandwidth="96000" codecs="mp4a.40.2"><BaseURL>audio-fr/</BaseURL><SegmentTemplate timescale="48000" duration="96000" media="$Number$.m4s" initialization="init.mp4"/></Representation></AdaptationSet>
<AdaptationSet contentType="audio" mimeType="audio/mp4" lang="en"><Representation id="en" bandwidth="96000" codecs="mp4a.40.2"><SegmentList timescale="48000" duration="96000"><Initialization sourceURL="en/init.mp4"/><SegmentURL media="en/a.m4s"/><SegmentURL media="en/b.m4s"/></SegmentList></Representation></AdaptationSet>
</Period></MPD>`;

describe('readDashCreative', () => {
  const c = readDashCreative(AD, 'https://ads.example/c1/manifest.mpd');

  it('expands timelines and number templates into absolute segment URLs with media times', () => {
    expect(c.duration).toBe(10);
    const v = c.sets[0]!.representations[0]!;
    expect(v.init).toBe('https://ads.example/c1/1080p/init.mp4');
    expect(v.segments.map((s) => [s.url.split('/c1/')[1], s.t, s.d])).toEqual([
      ['1080p/s005.m4s', 80, 4000],
      ['1080p/s006.m4s', 4080, 4000],
      ['1080p/s007.m4s', 8080, 2000],
    ]);
    expect(c.sets[0]!.descriptors).toEqual(['<Role schemeIdUri="urn:mpeg:dash:role:2011" value="main"/>']);
    // Number-based: 10 s / 2 s = 5 segments under the Representation's own BaseURL.
    const fr = c.sets[1]!.representations[0]!;
    expect(fr.segments.map((s) => s.url)).toEqual([1, 2, 3, 4, 5].map((n) => `https://ads.example/c1/audio-fr/${n}.m4s`));
    // SegmentList: its SegmentURLs, in order.
    const en = c.sets[2]!.representations[0]!;
    expect([en.init, en.segments.map((s) => [s.url, s.t])]).toEqual(['https://ads.example/c1/en/init.mp4', [['https://ads.example/c1/en/a.m4s', 0], ['https://ads.example/c1/en/b.m4s', 96000]]]);
  });

  it('refuses single-file (SegmentBase) ads with a reason', () => {
    const single = AD.replace(/<SegmentTemplate timescale="1000"[\s\S]*?<\/SegmentTemplate>/, '<SegmentBase indexRange="0-10"/>');
    expect(() => readDashCreative(single, 'https://ads.example/x.mpd')).toThrow(/SegmentBase/);
  });
});

describe('matchDashCreative', () => {
  const ad = readDashCreative(AD, 'https://ads.example/c1/manifest.mpd');
  const content = (codecs = 'avc1.4d401f', height = 720, lang = 'en') =>
    contentSetsOf(scanMpd(synthMpd([{ id: 'p', start: 0, seg: 2, count: 5 }], { duration: 10 }).replace('codecs="avc1.4d401f"', `codecs="${codecs}"`).replace('height="720"', `height="${height}"`).replace('lang="en"', `lang="${lang}"`)).periods[0]!.adaptationSets);

  it('video: same codec family, no taller than the content; audio: by language', () => {
    const m = matchDashCreative(ad, content());
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    const v = m.byTrack.get(0)!;
    const a = m.byTrack.get(1)!;
    expect(v.kind === 'dash' && v.representations.map((r) => r.id)).toEqual(['540p']);
    expect(a.kind === 'dash' && a.set.lang).toBe('en');
    const fr = matchDashCreative(ad, content(undefined, undefined, 'fr'));
    expect(fr.ok && fr.byTrack.get(1)!.kind === 'dash' && (fr.byTrack.get(1) as { set: { lang?: string } }).set.lang).toBe('fr');
  });

  it('content smaller than every ad rendition still gets the smallest one', () => {
    const m = matchDashCreative(ad, content('avc1.4d401e', 360));
    expect(m.ok && (m.byTrack.get(0) as { representations: { id: string }[] }).representations.map((r) => r.id)).toEqual(['540p']);
  });

  it('HEVC content cannot take an AVC ad', () => {
    const m = matchDashCreative(ad, content('hvc1.1.6.L93.B0'));
    expect(m).toEqual({ ok: false, reason: 'ad video is avc1.640028, content is hvc1.1.6.L93.B0' });
  });
});

describe('audio-only and subtitled content', () => {
  const ad = readDashCreative(AD, 'https://ads.example/c1/manifest.mpd');
  it('audio-only content takes only the ad’s audio; a text set has no ad counterpart', () => {
    const sets = contentSetsOf(
      scanMpd(`<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT10S"><Period><AdaptationSet contentType="audio" mimeType="audio/mp4" lang="en"><Representation id="a" bandwidth="1" codecs="mp4a.40.2"/></AdaptationSet><AdaptationSet contentType="text" mimeType="text/vtt" lang="en"><Representation id="t" bandwidth="1"/></AdaptationSet></Period></MPD>`).periods[0]!.adaptationSets,
    );
    expect(sets.map((s) => s.contentType)).toEqual(['audio', 'text']);
    const m = matchDashCreative(ad, sets);
    expect(m.ok && [...m.byTrack.keys()]).toEqual([0]);
  });
});
