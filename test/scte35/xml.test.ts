// SCTE-35 in DASH <Event>s (xml.ts): every Event of every shared DASH fixture converts (or, for splice_schedule,
// yields the documented error) with the values the MPD spells out; converted sections survive encode → decode
// unchanged. Synthetic cases cover prefixes, component mode, UPID formats and the error paths.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CUEI_IDENTIFIER,
  decodeSpliceInfoSection,
  encodeSpliceInfoSection,
  spliceInfoSummary,
  type SegmentationDescriptor,
  type SpliceInfoSection,
  type SpliceInfoSummary,
} from '../../src/main/scte35/index.js';
import { eventSignal, spliceInfoSectionFromXml, type EventSignal } from '../../src/main/scte35/xml.js';
import { attr, childElements, parseXml, type XElement } from '../../src/main/xml/tree.js';
import { fixtureDir } from '../helpers/fixtures.js';

const EYEVINN_DIR = join(fixtureDir('dash'), 'eyevinn-dash-mpd', 'scte35');
const RITCHER_DIR = join(fixtureDir('dash'), 'ritcher');

interface FixtureEvent {
  id: string | undefined;
  scheme: string | undefined;
  event: XElement;
}

/** MPD → Period → EventStream → Event, in document order. */
function eventsOf(mpdText: string): FixtureEvent[] {
  const out: FixtureEvent[] = [];
  for (const period of childElements(parseXml(mpdText).root, 'Period')) {
    for (const stream of childElements(period, 'EventStream')) {
      for (const event of childElements(stream, 'Event')) out.push({ id: attr(event, 'id'), scheme: attr(stream, 'schemeIdUri'), event });
    }
  }
  return out;
}

function ok(r: EventSignal): Extract<EventSignal, { ok: true }> {
  if (!r.ok) throw new Error(`expected a section, got: ${r.error}`);
  return r;
}

function segmentationOf(section: SpliceInfoSection): SegmentationDescriptor {
  const d = section.descriptors[0];
  if (d?.type !== 'segmentation_descriptor') throw new Error(`first descriptor is ${d?.type}`);
  return d;
}

const bytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/** encode → decode gives the XML-derived section back (the decoder adds only crc32). */
function expectRoundTrip(section: SpliceInfoSection): void {
  const { crc32, ...decoded } = decodeSpliceInfoSection(encodeSpliceInfoSection(section));
  expect(crc32).toBeTypeOf('number');
  expect(decoded).toEqual(section);
}

interface Expected {
  id: string;
  /** The documented failure instead of a section. */
  error?: RegExp;
  form?: 'xml' | 'binary';
  summary?: SpliceInfoSummary;
  check?: (section: SpliceInfoSection) => void;
}

/** Per fixture file, its Events in document order. */
const EXPECTED: Record<string, Record<string, Expected[]>> = {
  [EYEVINN_DIR]: {
    'audio_descriptor.mpd': [
      {
        id: '1',
        form: 'xml',
        summary: { command: 'time_signal', ptsSeconds: 0 },
        check: (s) => {
          expect(s.spliceCommand).toEqual({ type: 'time_signal', spliceTime: { ptsTime: 0 } });
          // audio_count 2 + reserved; per channel: tag, ISO code, bsm 0 / 2 channels / full service.
          expect(s.descriptors).toEqual([
            { type: 'raw', tag: 0x04, identifier: CUEI_IDENTIFIER, bytes: bytes('2f' + '01656e6705' + '0273706105') },
          ]);
        },
      },
    ],
    'avail_dtmf_descriptors.mpd': [
      {
        id: '1',
        form: 'xml',
        summary: {
          command: 'splice_insert',
          eventId: 1,
          outOfNetwork: true,
          ptsSeconds: 0,
          durationSeconds: 30,
          avail: { num: 0, expected: 0 },
        },
        check: (s) => {
          expect(s.spliceCommand).toMatchObject({
            programSpliceFlag: true,
            spliceImmediateFlag: false,
            spliceTime: { ptsTime: 0 },
            durationFlag: true,
            breakDuration: { autoReturn: true, duration: 2_700_000 },
          });
          expect(s.descriptors).toEqual([
            { type: 'avail_descriptor', providerAvailId: 42 },
            { type: 'dtmf_descriptor', preroll: 200, dtmfChars: '*5' },
          ]);
        },
      },
    ],
    'delivery_restrictions.mpd': [
      {
        id: '99',
        form: 'xml',
        summary: {
          command: 'time_signal',
          eventId: 99,
          ptsSeconds: 10,
          durationSeconds: 30,
          segmentationTypeId: 0x34,
          segmentationTypeName: 'Provider Placement Opportunity Start',
          upid: { type: 14, typeName: 'ADS Information', value: '0x012345' },
          segmentNum: 1,
          segmentsExpected: 1,
        },
        check: (s) => {
          expect(s.spliceCommand).toEqual({ type: 'time_signal', spliceTime: { ptsTime: 900_000 } });
          expect(segmentationOf(s)).toMatchObject({
            segmentationEventId: 99,
            deliveryNotRestrictedFlag: false,
            webDeliveryAllowed: true,
            noRegionalBlackout: true,
            archiveAllowed: true,
            deviceRestrictions: 3,
            segmentationDurationFlag: true,
            segmentationDuration: 2_700_000,
            upid: { type: 14, bytes: bytes('012345') },
          });
        },
      },
    ],
    'direct_splice_info_section.mpd': [
      {
        id: '99',
        form: 'xml',
        summary: {
          command: 'time_signal',
          eventId: 99,
          // (7835775000 + ptsAdjustment 183265) / 90 kHz
          ptsSeconds: 7_835_958_265 / 90_000,
          durationSeconds: 105,
          segmentationTypeId: 0x34,
          segmentationTypeName: 'Provider Placement Opportunity Start',
          upid: { type: 8, typeName: 'TI', value: '0x' },
          segmentNum: 1,
          segmentsExpected: 1,
        },
        check: (s) => {
          expect(s.ptsAdjustment).toBe(183_265);
          expect(s.tier).toBe(4095);
          expect(s.spliceCommand).toEqual({ type: 'time_signal', spliceTime: { ptsTime: 7_835_775_000 } });
          expect(segmentationOf(s)).toMatchObject({
            segmentationEventCancelIndicator: false,
            deliveryNotRestrictedFlag: true,
            programSegmentationFlag: true,
            segmentationDuration: 9_450_000,
            upid: { type: 8, bytes: new Uint8Array(0) },
          });
        },
      },
    ],
    'private_command.mpd': [
      {
        id: '0',
        form: 'xml',
        summary: { command: 'private_command' },
        check: (s) => {
          expect(s.spliceCommand).toEqual({ type: 'private_command', identifier: 1_129_661_769, privateBytes: bytes('deadbeef') });
          expect(s.descriptors).toEqual([]);
        },
      },
    ],
    'signal_binary_xmlbin.mpd': [
      {
        id: '872416252',
        form: 'binary',
        summary: {
          command: 'time_signal',
          eventId: 872_416_252,
          ptsSeconds: 1_156_935_808 / 90_000,
          durationSeconds: 253,
          segmentationTypeId: 0x34,
          segmentationTypeName: 'Provider Placement Opportunity Start',
          upid: { type: 12, typeName: 'MPU', value: 'TVST:0x3A6672616E6365325F32303236303630345F31303230' },
          segmentNum: 1,
          segmentsExpected: 1,
        },
        check: (s) => {
          expect(s.spliceCommand).toEqual({ type: 'time_signal', spliceTime: { ptsTime: 1_156_935_808 } });
          expect(segmentationOf(s)).toMatchObject({
            segmentationEventId: 872_416_252,
            segmentationTypeId: 0x34,
            segmentationDuration: 22_770_000,
            upid: { type: 12, bytes: ascii('TVST:france2_20260604_1020') },
            subSegmentNum: 0,
            subSegmentsExpected: 0,
          });
        },
      },
    ],
    'splice_insert.mpd': [
      {
        id: '4157',
        form: 'xml',
        summary: {
          command: 'splice_insert',
          eventId: 4157,
          outOfNetwork: true,
          // (2346545680 + 8586003992) mod 2^33
          ptsSeconds: 2_342_615_080 / 90_000,
          durationSeconds: 2_699_769 / 90_000,
          avail: { num: 1, expected: 1 },
        },
        check: (s) => {
          expect(s.ptsAdjustment).toBe(8_586_003_992);
          expect(s.spliceCommand).toEqual({
            type: 'splice_insert',
            spliceEventId: 4157,
            spliceEventCancelIndicator: false,
            outOfNetworkIndicator: true,
            programSpliceFlag: true,
            durationFlag: true,
            spliceImmediateFlag: false,
            spliceTime: { ptsTime: 2_346_545_680 },
            breakDuration: { autoReturn: true, duration: 2_699_769 },
            uniqueProgramId: 1,
            availNum: 1,
            availsExpected: 1,
          });
        },
      },
    ],
    'splice_insert_immediate.mpd': [
      {
        id: '4158',
        form: 'xml',
        summary: { command: 'splice_insert', eventId: 4158, outOfNetwork: true, durationSeconds: 30, avail: { num: 0, expected: 0 } },
        check: (s) => {
          // No SpliceInfoSection attributes at all: the schema defaults.
          expect(s).toMatchObject({ ptsAdjustment: 0, tier: 0xfff, sapType: 3, protocolVersion: 0 });
          expect(s.spliceCommand).toMatchObject({ spliceImmediateFlag: true, programSpliceFlag: true });
          expect(s.spliceCommand).not.toHaveProperty('spliceTime');
        },
      },
    ],
    'splice_null_heartbeat.mpd': [
      { id: '0', form: 'xml', summary: { command: 'splice_null' }, check: (s) => expect(s.descriptors).toEqual([]) },
    ],
    'splice_schedule.mpd': [{ id: '0', error: /^SpliceSchedule: splice_schedule is not supported$/ }],
    'time_descriptor.mpd': [
      {
        id: '1',
        form: 'xml',
        summary: { command: 'time_signal', ptsSeconds: 1_234_567_890 / 90_000 },
        check: (s) => {
          expect(s.descriptors).toEqual([{ type: 'time_descriptor', taiSeconds: 1_704_067_200, taiNs: 0, utcOffset: 37 }]);
        },
      },
    ],
    'time_signal_segmentation.mpd': [
      {
        id: '1',
        form: 'xml',
        summary: {
          command: 'time_signal',
          eventId: 99,
          ptsSeconds: 7_835_775_000 / 90_000,
          durationSeconds: 30,
          segmentationTypeId: 0x34,
          segmentationTypeName: 'Provider Placement Opportunity Start',
          upid: { type: 9, typeName: 'ADI', value: 'PROVIDERX' },
          segmentNum: 1,
          segmentsExpected: 1,
        },
        // No segmentationUpidFormat and not hex: read as text.
        check: (s) => expect(segmentationOf(s).upid).toEqual({ type: 9, bytes: ascii('PROVIDERX') }),
      },
    ],
  },
  [RITCHER_DIR]: {
    // No <Program>, no spliceImmediateFlag: program mode with the time not specified. duration="30" is 30 ticks
    // as written (the author meant seconds: the Event says duration 30 at timescale 1).
    'sample_mpd_eventstream.xml': [
      {
        id: '1',
        form: 'xml',
        summary: { command: 'splice_insert', eventId: 100, outOfNetwork: true, durationSeconds: 30 / 90_000, avail: { num: 0, expected: 0 } },
        check: (s) =>
          expect(s.spliceCommand).toMatchObject({ programSpliceFlag: true, spliceImmediateFlag: false, spliceTime: {}, breakDuration: { autoReturn: true, duration: 30 } }),
      },
    ],
    'sample_mpd_multiperiod.xml': [
      {
        id: 'ad-1',
        form: 'xml',
        summary: { command: 'splice_insert', eventId: 200, outOfNetwork: true, durationSeconds: 30 / 90_000, avail: { num: 0, expected: 0 } },
        check: (s) => expect(s.spliceCommand).toMatchObject({ spliceTime: {}, breakDuration: { autoReturn: true, duration: 30 } }),
      },
    ],
    'sample_mpd_segmenttemplate.xml': [],
  },
};

describe('eventSignal on the shared DASH fixtures', () => {
  for (const [dir, files] of Object.entries(EXPECTED)) {
    it(`expects every MPD in ${dir.split('/').slice(-2).join('/')}`, () => {
      const onDisk = readdirSync(dir).filter((f) => /\.(mpd|xml)$/.test(f));
      expect(onDisk.sort()).toEqual(Object.keys(files).sort());
    });

    for (const [file, expected] of Object.entries(files)) {
      it(file, () => {
        const events = eventsOf(readFileSync(join(dir, file), 'utf8'));
        expect(events.map((e) => e.id)).toEqual(expected.map((e) => e.id));
        events.forEach((fe, i) => {
          const want = expected[i]!;
          const r = eventSignal(fe.event);
          if (want.error) {
            expect(r).toEqual({ ok: false, error: expect.stringMatching(want.error) });
            return;
          }
          const got = ok(r);
          expect(got.form).toBe(want.form);
          // xml+bin scheme ⇔ binary form in these fixtures.
          expect(fe.scheme).toBe(got.form === 'binary' ? 'urn:scte:scte35:2014:xml+bin' : 'urn:scte:scte35:2013:xml');
          expect(spliceInfoSummary(got.section)).toEqual(want.summary);
          want.check?.(got.section);
          if (got.form === 'binary') {
            // The base64 is kept, and re-encoding the decoded section reproduces its bytes.
            expect(got.base64).toBe('/DBIAAAAAAAAAP/wBQb+RPVwgAAyAjBDVUVJNAAD/H/AAAFbcVAMGlRWU1Q6ZnJhbmNlMl8yMDI2MDYwNF8xMDIwNAEBAADstgk/');
            expect(Buffer.from(encodeSpliceInfoSection(got.section)).toString('base64')).toBe(got.base64);
          } else {
            expect(got.base64).toBeUndefined();
            expectRoundTrip(got.section);
          }
        });
      });
    }
  }
});

/** One Event around a Signal body (or anything else), parsed with the project's tree. */
function event(inner: string): XElement {
  return parseXml(`<Event xmlns="urn:mpeg:dash:schema:mpd:2011" id="1">${inner}</Event>`).root;
}

function section(body: string, attrs = ''): SpliceInfoSection {
  const s = ok(eventSignal(event(`<Signal xmlns="http://www.scte.org/schemas/35"><SpliceInfoSection${attrs ? ' ' + attrs : ''}>${body}</SpliceInfoSection></Signal>`))).section;
  expectRoundTrip(s);
  return s;
}

function failure(inner: string): string {
  const r = eventSignal(event(inner));
  if (r.ok) throw new Error('expected ok: false');
  return r.error;
}

const wrap = (body: string): string => `<Signal><SpliceInfoSection>${body}</SpliceInfoSection></Signal>`;
/** A splice_null section with one SegmentationDescriptor. */
const segDesc = (attrs: string, inner = ''): string =>
  wrap(`<SpliceNull/><SegmentationDescriptor segmentationEventId="1" ${attrs}>${inner}</SegmentationDescriptor>`);

describe('eventSignal: carriage forms and names', () => {
  it('matches by local name, whatever the prefix or namespace URI', () => {
    const body = (p: string) =>
      `<${p}SpliceInsert spliceEventId="7" outOfNetworkIndicator="1"><${p}Program><${p}SpliceTime ptsTime="90000"/></${p}Program></${p}SpliceInsert>`;
    const forms = [
      `<scte35:Signal xmlns:scte35="urn:scte:scte35:2013:xml"><scte35:SpliceInfoSection>${body('scte35:')}</scte35:SpliceInfoSection></scte35:Signal>`,
      `<s:SpliceInfoSection xmlns:s="http://www.scte.org/schemas/35/2016">${body('s:')}</s:SpliceInfoSection>`,
      `<Signal xmlns="http://www.scte.org/schemas/35"><SpliceInfoSection>${body('')}</SpliceInfoSection></Signal>`,
    ];
    for (const f of forms) {
      const s = ok(eventSignal(event(f))).section;
      expect(spliceInfoSummary(s)).toMatchObject({ command: 'splice_insert', eventId: 7, outOfNetwork: true, ptsSeconds: 1 });
    }
  });

  it('reads prefixed attributes too', () => {
    const s = section('<TimeSignal><SpliceTime scte35:ptsTime="4308089774"/></TimeSignal>', 'scte35:ptsAdjustment="7431158430"');
    expect(s.ptsAdjustment).toBe(7_431_158_430);
    expect(s.spliceCommand).toEqual({ type: 'time_signal', spliceTime: { ptsTime: 4_308_089_774 } });
  });

  it('takes a bare <Binary> in the Event, keeping the base64 without whitespace', () => {
    const r = ok(eventSignal(event('<Binary>\n  /DARAAAAAAAAAP/wAAAAAHpPv/8=\n</Binary>')));
    expect(r).toMatchObject({ form: 'binary', base64: '/DARAAAAAAAAAP/wAAAAAHpPv/8=' });
    expect(r.section.spliceCommand).toEqual({ type: 'splice_null' });
  });

  it('section attributes: protocolVersion, sapType, tier', () => {
    const s = section('<SpliceNull/>', 'protocolVersion="0" sapType="1" tier="42"');
    expect(s).toMatchObject({ tableId: 0xfc, sapType: 1, tier: 42, protocolVersion: 0, encryptedPacket: false, cwIndex: 0 });
  });
});

describe('eventSignal: commands', () => {
  it('component-mode splice_insert with per-component times', () => {
    const s = section(
      `<SpliceInsert spliceEventId="5" outOfNetworkIndicator="true" eventIdComplianceFlag="false">
         <Component componentTag="1"><SpliceTime ptsTime="1000"/></Component>
         <Component componentTag="2"/>
         <BreakDuration autoReturn="false" duration="900000"/>
       </SpliceInsert>`,
    );
    expect(s.spliceCommand).toMatchObject({
      programSpliceFlag: false,
      eventIdComplianceFlag: false,
      components: [
        { componentTag: 1, spliceTime: { ptsTime: 1000 } },
        { componentTag: 2, spliceTime: {} },
      ],
      breakDuration: { autoReturn: false, duration: 900_000 },
    });
    expect(spliceInfoSummary(s)).toMatchObject({ ptsSeconds: 1000 / 90_000, durationSeconds: 10 });
  });

  it('immediate component mode carries no times', () => {
    const s = section('<SpliceInsert spliceEventId="5" spliceImmediateFlag="true"><Component componentTag="3"><SpliceTime ptsTime="1"/></Component></SpliceInsert>');
    expect(s.spliceCommand).toMatchObject({ components: [{ componentTag: 3 }], spliceImmediateFlag: true, durationFlag: false });
  });

  it('a cancelled splice_insert keeps only its id', () => {
    const s = section('<SpliceInsert spliceEventId="9" spliceEventCancelIndicator="true" outOfNetworkIndicator="true"><Program/></SpliceInsert>');
    expect(spliceInfoSummary(s)).toEqual({ command: 'splice_insert', eventId: 9, cancelled: true });
  });

  it('bandwidth_reservation and a base64 private command', () => {
    expect(section('<BandwidthReservation/>').spliceCommand).toEqual({ type: 'bandwidth_reservation' });
    expect(section('<PrivateCommand identifier="1"><PrivateBytes>3q2+7w==</PrivateBytes></PrivateCommand>').spliceCommand).toEqual({
      type: 'private_command',
      identifier: 1,
      privateBytes: bytes('deadbeef'),
    });
  });
});

describe('eventSignal: descriptors', () => {
  const seg = (inner: string, attrs = 'segmentationEventId="1" segmentationTypeId="48"'): SegmentationDescriptor =>
    segmentationOf(section(`<TimeSignal><SpliceTime ptsTime="0"/></TimeSignal><SegmentationDescriptor ${attrs}>${inner}</SegmentationDescriptor>`));

  it('UPID formats: text, base-64, hexBinary (any case), default hex', () => {
    expect(seg('<SegmentationUpid segmentationUpidType="3" segmentationUpidFormat="text">ABCD0001000H</SegmentationUpid>').upid).toEqual({
      type: 3,
      bytes: ascii('ABCD0001000H'),
    });
    expect(seg('<SegmentationUpid segmentationUpidType="8" segmentationUpidFormat="base-64">AAAAACygoYo=</SegmentationUpid>').upid).toEqual({
      type: 8,
      bytes: bytes('000000002ca0a18a'),
    });
    expect(seg('<SegmentationUpid segmentationUpidType="14" segmentationUpidFormat="hexBinary">012345</SegmentationUpid>').upid.bytes).toEqual(
      bytes('012345'),
    );
    expect(seg('<SegmentationUpid segmentationUpidType="8">0A42235B81BC70FC</SegmentationUpid>').upid.bytes).toEqual(bytes('0a42235b81bc70fc'));
  });

  it('several SegmentationUpid elements make a MID', () => {
    const d = seg(
      `<SegmentationUpid segmentationUpidType="3" segmentationUpidFormat="text">ABCD0001000H</SegmentationUpid>
       <SegmentationUpid segmentationUpidType="8">0A42235B81BC70FC</SegmentationUpid>`,
    );
    expect(d.upid).toEqual({ type: 0x0d, bytes: Uint8Array.from([3, 12, ...ascii('ABCD0001000H'), 8, 8, ...bytes('0a42235b81bc70fc')]) });
  });

  it('MPU formatIdentifier goes in front of the private data unless already there', () => {
    const want = { type: 12, bytes: bytes('4f564c5949') };
    expect(seg('<SegmentationUpid segmentationUpidType="12" formatIdentifier="1331055705">49</SegmentationUpid>').upid).toEqual(want);
    expect(seg('<SegmentationUpid segmentationUpidType="12" segmentationUpidFormat="hexbinary" formatIdentifier="1331055705">4f564c5949</SegmentationUpid>').upid).toEqual(want);
  });

  it('components, sub-segments, cancellation', () => {
    const d = seg(
      '<Component componentTag="4" ptsOffset="8589934591"/>',
      'segmentationEventId="2" segmentationTypeId="54" segmentNum="1" segmentsExpected="2" subSegmentNum="1" subSegmentsExpected="3"',
    );
    expect(d).toMatchObject({ programSegmentationFlag: false, components: [{ componentTag: 4, ptsOffset: 2 ** 33 - 1 }], subSegmentNum: 1, subSegmentsExpected: 3 });
    // Types without sub-segments have no bits for them: dropped.
    expect(seg('', 'segmentationEventId="2" segmentationTypeId="48" subSegmentNum="0" subSegmentsExpected="0"')).not.toHaveProperty('subSegmentNum');
    const cancelled = seg('<SegmentationUpid segmentationUpidType="9">x</SegmentationUpid>', 'segmentationEventId="3" segmentationEventCancelIndicator="true"');
    expect(cancelled).toMatchObject({ segmentationEventCancelIndicator: true, segmentationTypeId: 0, upid: { type: 0 } });
  });

  it('PrivateDescriptor becomes raw; unknown descriptors and Ext are skipped', () => {
    const s = section(
      `<SpliceNull/><Ext foo="1"/><PrivateDescriptor descriptorTag="240" identifier="1094795585"><PrivateBytes>0102</PrivateBytes></PrivateDescriptor><FutureDescriptor x="1"/>`,
    );
    expect(s.descriptors).toEqual([{ type: 'raw', tag: 240, identifier: 0x41414141, bytes: bytes('0102') }]);
  });
});

describe('eventSignal: failures are values, never throws', () => {
  it.each([
    ['no SCTE-35 at all', '', /^Event has no SCTE-35 Signal, SpliceInfoSection or Binary$/],
    ['an empty Signal', '<Signal/>', /^Signal has neither SpliceInfoSection nor Binary$/],
    ['no command', wrap(''), /SpliceInfoSection has no splice command/],
    ['two commands', wrap('<SpliceNull/><SpliceNull/>'), /more than one splice command/],
    ['bad base64', '<Signal><Binary>not*base64!</Binary></Signal>', /^Binary: invalid base64 character "\*"/],
    ['base64 of something else', '<Signal><Binary>SGVsbG8=</Binary></Signal>', /^Binary: table_id 0x48 is not 0xFC/],
    ['an empty Binary', '<Signal><Binary> </Binary></Signal>', /^Binary is empty$/],
    ['a private Binary', '<Signal><Binary signalType="private:x">AAAA</Binary></Signal>', /signalType "private:x"/],
    ['non-numeric event id', wrap('<SpliceInsert spliceEventId="abc"/>'), /^SpliceInsert@spliceEventId: "abc" is not an unsigned integer$/],
    ['missing event id', wrap('<SpliceInsert/>'), /^SpliceInsert@spliceEventId is required$/],
    ['a 34-bit pts', wrap('<TimeSignal><SpliceTime ptsTime="8589934592"/></TimeSignal>'), /^SpliceTime@ptsTime: 8589934592 does not fit in 33 bits$/],
    ['a negative tier', `<SpliceInfoSection tier="-1"><SpliceNull/></SpliceInfoSection>`, /^SpliceInfoSection@tier: "-1" is not an unsigned integer$/],
    ['a bad boolean', wrap('<SpliceInsert spliceEventId="1" outOfNetworkIndicator="yes"/>'), /^SpliceInsert@outOfNetworkIndicator: "yes" is not a boolean/],
    ['BreakDuration without duration', wrap('<SpliceInsert spliceEventId="1"><BreakDuration autoReturn="true"/></SpliceInsert>'), /^BreakDuration@duration is required$/],
    ['TimeSignal without SpliceTime', wrap('<TimeSignal/>'), /^TimeSignal has no SpliceTime$/],
    [
      'bad hex UPID',
      segDesc('segmentationTypeId="48"', '<SegmentationUpid segmentationUpidType="8" segmentationUpidFormat="hexbinary">xyz</SegmentationUpid>'),
      /SegmentationUpid \(type 8\): "xyz" is not hexBinary/,
    ],
    [
      'unknown UPID format',
      segDesc('segmentationTypeId="48"', '<SegmentationUpid segmentationUpidType="8" segmentationUpidFormat="private:x">00</SegmentationUpid>'),
      /segmentationUpidFormat "private:x" is not supported/,
    ],
    ['missing segmentationTypeId', segDesc(''), /^SegmentationDescriptor@segmentationTypeId is required$/],
    ['half a sub-segment pair', segDesc('segmentationTypeId="52" subSegmentNum="1"'), /subSegmentNum and subSegmentsExpected go together/],
    ['bad DTMF chars', wrap('<SpliceNull/><DTMFDescriptor preroll="1" chars="12A"/>'), /DTMFDescriptor@chars: "12A"/],
    ['an encrypted section', wrap('<EncryptedPacket encryptionAlgorithm="1" cwIndex="0"/><SpliceNull/>'), /encrypted SpliceInfoSection is not supported/],
  ])('%s', (_label, inner, message) => {
    expect(failure(inner)).toMatch(message);
  });

  it('spliceInfoSectionFromXml itself throws', () => {
    expect(() => spliceInfoSectionFromXml(event(''))).toThrow(/expected <SpliceInfoSection>, got <Event>/);
    expect(() => spliceInfoSectionFromXml(parseXml('<SpliceInfoSection><SpliceSchedule/></SpliceInfoSection>').root)).toThrow(
      /splice_schedule is not supported/,
    );
  });
});
