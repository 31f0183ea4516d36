// DASH stitch core (pure: MPD text + plan → MPD text) on bench/lib/dash-fixture.ts, against a baseline in the
// same run: (a) parse + serialize of the same MPD with our XML library (src/main/xml/tree.ts), and for
// reference (a') the same round trip with fast-xml-parser 5 in preserveOrder mode.
// Targets: stitch VOD ≤ 2× the cost of (a); live refresh p99 < 2 ms.
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { findDashBreaks } from '../src/main/stitch/dash/markers.js';
import type { DashStitchPlan } from '../src/main/stitch/dash/plan.js';
import { stitchMpd } from '../src/main/stitch/dash/render.js';
import { scanMpd } from '../src/main/stitch/dash/scan.js';
import { parseXml, serializeXml } from '../src/main/xml/tree.js';
import { dashLiveFixture, dashLivePlan, dashVodFixture, dashVodPlan, LIVE_FIRST, liveBreakKeys, VOD_BREAKS } from './lib/dash-fixture.js';
import { measure, report } from './lib/measure.js';

const count = (text: string, needle: string) => text.split(needle).length - 1;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function stitch(text: string, plan: DashStitchPlan, type: 'SINGLE_PERIOD' | 'MULTI_PERIOD') {
  const scan = scanMpd(text);
  return stitchMpd(scan, plan, findDashBreaks(scan, type).breaks);
}

// --- VOD ---------------------------------------------------------------------------------------------------
const vod = dashVodFixture();
const vodPlan = dashVodPlan();

// A benchmark that silently measures a no-op is worthless: check the stitch did what the fixture asks first.
const vodFound = findDashBreaks(scanMpd(vod), 'SINGLE_PERIOD');
if (vodFound.breaks.length !== VOD_BREAKS.length) throw new Error(`VOD fixture: ${vodFound.breaks.length} breaks found, expected ${VOD_BREAKS.length} (${JSON.stringify(vodFound.ignored)})`);
const vodOut = stitch(vod, vodPlan, 'SINGLE_PERIOD');
const vodAds = vodOut.periods.filter((p) => p.kind === 'ad').length;
const vodPeriods = count(vodOut.text, '<Period');
const wantAds = VOD_BREAKS.length * 2;
if (vodAds !== wantAds || vodPeriods !== wantAds + VOD_BREAKS.length + 1)
  throw new Error(`VOD stitch did not insert the ads: ${vodPeriods} <Period> in the output, ${vodAds} ad Periods (expected ${wantAds + VOD_BREAKS.length + 1} and ${wantAds})`);
if (count(vodOut.text, '/v1/dashsegment/') !== wantAds * 8) throw new Error('VOD stitch: ad segment URLs missing');

// fast-xml-parser in preserveOrder mode, values and entities left raw (the closest it gets to our tree).
const fxpOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
} as const;
const fxpParser = new XMLParser(fxpOptions);
const fxpBuilder = new XMLBuilder({ ...fxpOptions, suppressEmptyNode: true });
const fxpRoundTrip = (text: string) => fxpBuilder.build(fxpParser.parse(text)) as string;
const fxpOut = fxpRoundTrip(vod);
if (count(fxpOut, '<S ') !== count(vod, '<S ')) throw new Error('fast-xml-parser round trip lost <S> elements');

const baseline = measure('(a) baseline: parseXml + serializeXml', () => serializeXml(parseXml(vod)));
const fxp = measure("(a') fast-xml-parser 5 parse + build", () => fxpRoundTrip(vod));
const stitchVod = measure('stitch VOD 1 h, 4 breaks (scan+find+stitch)', () => stitch(vod, vodPlan, 'SINGLE_PERIOD').text);
const scanVod = measure('  of which scanMpd (parse + scan)', () => scanMpd(vod));
const vodScan = scanMpd(vod);
const vodBreaks = findDashBreaks(vodScan, 'SINGLE_PERIOD').breaks;
const renderVod = measure('  of which stitchMpd (cut + render)', () => stitchMpd(vodScan, vodPlan, vodBreaks).text);

// --- Live --------------------------------------------------------------------------------------------------
// A 5-minute window advancing one segment per call; windows are generated up front so the measurement is the
// stitcher's, not the fixture generator's.
const WINDOWS = 600;
const windows = Array.from({ length: WINDOWS }, (_, k) => dashLiveFixture(LIVE_FIRST + k));
const livePlan = dashLivePlan(liveBreakKeys(LIVE_FIRST, WINDOWS));
let liveOutBytes = 0;
let liveOutPeriods = 0;
let liveAdPeriods = 0;
windows.forEach((w, k) => {
  const out = stitch(w, livePlan, 'MULTI_PERIOD');
  const ads = out.periods.filter((p) => p.kind === 'ad').length;
  const periodsIn = count(w, '<Period');
  const periodsOut = count(out.text, '<Period');
  // Every 5-minute window holds at least one whole 60 s break, so every refresh must carry ad Periods.
  if (ads === 0 || periodsOut <= periodsIn) throw new Error(`live window ${k}: the stitch did nothing (${periodsIn} → ${periodsOut} <Period>, ${ads} ad Periods)`);
  liveOutBytes += out.text.length;
  liveOutPeriods += periodsOut;
  liveAdPeriods += ads;
});
let call = 0;
const live = measure('live refresh 5-min window (scan+find+stitch)', () => stitch(windows[call++ % WINDOWS]!, livePlan, 'MULTI_PERIOD').text);
call = 0;
const liveBaseline = measure('  live window parseXml + serializeXml', () => serializeXml(parseXml(windows[call++ % WINDOWS]!)));

// --- Report ------------------------------------------------------------------------------------------------
const liveInBytes = windows.reduce((n, w) => n + w.length, 0);
const livePeriodsIn = windows.map((w) => count(w, '<Period'));
console.log('\n# DASH stitch core (bench/lib/dash-fixture.ts)');
console.log(
  `VOD MPD: ${kb(vod.length)}, ${count(vod, '<S ')} <S> (video 1 run, audio ${count(vod, '<S ') - 1}), ${VOD_BREAKS.length} breaks → stitched ${kb(vodOut.text.length)}, ${vodPeriods} Periods (${vodAds} ad)`,
);
console.log(
  `live window: avg ${kb(liveInBytes / WINDOWS)}, ${count(windows[0]!, '<S ')} <S>, ${Math.min(...livePeriodsIn)}–${Math.max(...livePeriodsIn)} Periods → stitched avg ${kb(liveOutBytes / WINDOWS)}, ${(liveOutPeriods / WINDOWS).toFixed(1)} Periods (${(liveAdPeriods / WINDOWS).toFixed(1)} ad) over ${WINDOWS} windows`,
);
report([baseline, fxp, stitchVod, scanVod, renderVod], baseline);
console.log(`our XML library vs fast-xml-parser 5 (parse + serialize): ${(baseline.opsPerSecond / fxp.opsPerSecond).toFixed(1)}× faster`);
console.log(`stitch VOD vs parse+serialize: ${(baseline.opsPerSecond / stitchVod.opsPerSecond).toFixed(2)}× its cost (target ≤ 2×)`);
report([live, liveBaseline], baseline);
console.log(`live refresh p99: ${(live.p99Us / 1000).toFixed(3)} ms (target < 2 ms)`);
