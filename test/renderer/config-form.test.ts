// The configuration editor's model: GET answer → form fields → PUT body, validated by the server's schema with
// each error under its own field, nothing the form does not know lost on the way.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeConfiguration } from '../../src/main/config/routes';
import { demoConfiguration } from '../../src/main/engine/demo-config';
import { putBodyOf } from '../../src/renderer/lib/config-put-body';
import {
  DEMO_TAG,
  FIELD_NAMES,
  bodyOf,
  duplicateForm,
  formOf,
  isDemoConfiguration,
  type ConfigForm,
  type FieldName,
} from '../../src/renderer/lib/config-form';
import { PutPlaybackConfigurationSchema, type PlaybackConfiguration, type PutPlaybackConfigurationRequest } from '../../src/shared/playback-config';

const BASE = 'http://127.0.0.1:4321';
/** What GET /playbackConfiguration/{Name} answers for a stored configuration. */
const served = (c: PutPlaybackConfigurationRequest): PlaybackConfiguration => describeConfiguration(c, BASE, 'acct');

const full: PutPlaybackConfigurationRequest = {
  Name: 'qa-live',
  VideoContentSourceUrl: 'https://origin.example.com/out/v1',
  AdDecisionServerUrl: 'https://ads.example.com/vast?duration=[session.avail_duration_secs]&uid=[player_params.uid]',
  SlateAdUrl: 'https://cdn.example.com/slate.mp4',
  TranscodeProfileName: 'hd-profile',
  Bumper: { StartUrl: 'https://cdn.example.com/start.mp4', EndUrl: 'https://cdn.example.com/end.mp4' },
  CdnConfiguration: { AdSegmentUrlPrefix: 'https://ads-cdn.example.com', ContentSegmentUrlPrefix: 'https://cdn.example.com' },
  PersonalizationThresholdSeconds: 4,
  AdsRequestTimeoutMilliseconds: 2500,
  AvailSuppression: { Mode: 'BEHIND_LIVE_EDGE', Value: '00:00:30', FillPolicy: 'PARTIAL_AVAIL' },
  LivePreRollConfiguration: { AdDecisionServerUrl: 'https://ads.example.com/preroll', MaxDurationSeconds: 30 },
  ManifestProcessingRules: { AdMarkerPassthrough: { Enabled: false } },
  ConfigurationAliases: { 'player_params.origin_domain': { pdx: 'abc.mediapackage.us-west-2.amazonaws.com' } },
  DashConfiguration: { MpdLocation: 'DISABLED', OriginManifestType: 'SINGLE_PERIOD' },
  InsertionMode: 'PLAYER_SELECT',
  AdConditioningConfiguration: { StreamingMediaFileConditioning: 'NONE' },
  TranscodeWaitSeconds: 5,
  Tags: { team: 'qa', 'owner=x': 'a=b' },
};

function roundTrip(config: PlaybackConfiguration) {
  const result = bodyOf(formOf(config));
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.body;
}

function errorsOf(form: ConfigForm) {
  const result = bodyOf(form);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

/** A valid form with one field changed. */
const withField = (name: FieldName, value: string): ConfigForm => ({ ...formOf(full), [name]: value });

describe('formOf → bodyOf', () => {
  it('round-trips the demo configuration as the server answers GET', () => {
    const config = served(demoConfiguration(BASE));
    expect(config.DashConfiguration.ManifestEndpointPrefix).toBeTruthy();
    const body = roundTrip(config);
    expect(body).toEqual(putBodyOf(config));
    expect(body.DashConfiguration).not.toHaveProperty('ManifestEndpointPrefix');
    expect(body).not.toHaveProperty('PlaybackConfigurationArn');
  });

  it('round-trips a configuration using every field, including an explicit false', () => {
    const config = served(full);
    expect(roundTrip(config)).toEqual(putBodyOf(config));
    const form = formOf(config);
    expect(form['ManifestProcessingRules.AdMarkerPassthrough.Enabled']).toBe('false');
    expect(form.Tags).toBe('team=qa\nowner\\=x=a=b');
    expect(JSON.parse(form.ConfigurationAliases)).toEqual(full.ConfigurationAliases);
    expect(form.extra).toEqual({});
  });

  it('has a field for every field the schema knows (nested groups included)', () => {
    const leaves = (schema: z.ZodType, prefix: string): string[] => {
      const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
      if (!(inner instanceof z.ZodObject)) return [prefix];
      return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
    };
    expect([...FIELD_NAMES].sort()).toEqual(leaves(PutPlaybackConfigurationSchema, '').sort());
  });

  it('builds a minimal body from an empty form: empty optional fields and groups are omitted', () => {
    const form = { ...formOf(null), Name: 'fresh', VideoContentSourceUrl: ' https://o.example.com/ ' };
    expect(bodyOf(form)).toEqual({ ok: true, body: { Name: 'fresh', VideoContentSourceUrl: 'https://o.example.com/' } });
  });

  it('omits a nested group whose fields are all cleared, and keeps one with a field set', () => {
    const form: ConfigForm = {
      ...formOf(full),
      'Bumper.StartUrl': '',
      'Bumper.EndUrl': '',
      'LivePreRollConfiguration.AdDecisionServerUrl': '',
      'LivePreRollConfiguration.MaxDurationSeconds': '',
      'ManifestProcessingRules.AdMarkerPassthrough.Enabled': '',
      'AdConditioningConfiguration.StreamingMediaFileConditioning': '',
      'AvailSuppression.Mode': '',
      'AvailSuppression.Value': '',
      'CdnConfiguration.AdSegmentUrlPrefix': '',
      ConfigurationAliases: '  ',
      Tags: '\n',
    };
    const result = bodyOf(form);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const key of ['Bumper', 'LivePreRollConfiguration', 'ManifestProcessingRules', 'AdConditioningConfiguration', 'ConfigurationAliases', 'Tags']) {
      expect(result.body).not.toHaveProperty(key);
    }
    expect(result.body.AvailSuppression).toEqual({ FillPolicy: 'PARTIAL_AVAIL' });
    expect(result.body.CdnConfiguration).toEqual({ ContentSegmentUrlPrefix: 'https://cdn.example.com' });
  });

  it('parses numbers and the tri-state passthrough', () => {
    const result = bodyOf({ ...withField('PersonalizationThresholdSeconds', ' 12 '), 'ManifestProcessingRules.AdMarkerPassthrough.Enabled': 'true' });
    expect(result.ok && result.body.PersonalizationThresholdSeconds).toBe(12);
    expect(result.ok && result.body.ManifestProcessingRules).toEqual({ AdMarkerPassthrough: { Enabled: true } });
  });

  it('preserves fields the form does not know, at the top level and inside a known group', () => {
    const stored = { ...full, FutureSetting: { a: [1, 2] }, Bumper: { ...full.Bumper, FutureBumperField: 'x' } } as PutPlaybackConfigurationRequest;
    const form = formOf(served(stored));
    expect(form.extra).toEqual({ FutureSetting: { a: [1, 2] }, Bumper: { FutureBumperField: 'x' } });
    // Bumper is strict in today's schema, so the nested unknown is refused — but named, not silently dropped.
    expect(errorsOf(form)._form).toMatch(/Bumper/);
    const topLevelOnly = formOf(served({ ...full, FutureSetting: { a: [1, 2] } } as PutPlaybackConfigurationRequest));
    const result = bodyOf({ ...topLevelOnly, SlateAdUrl: 'https://cdn.example.com/other.mp4' });
    expect(result.ok && result.body).toEqual({ ...full, SlateAdUrl: 'https://cdn.example.com/other.mp4', FutureSetting: { a: [1, 2] } });
  });

  it('does not share state between the form and the configuration it came from', () => {
    const config = served({ ...full, FutureSetting: { a: 1 } } as PutPlaybackConfigurationRequest);
    const form = formOf(config);
    const result = bodyOf(form);
    if (result.ok) (result.body as Record<string, unknown>).FutureSetting = 'changed';
    expect(form.extra).toEqual({ FutureSetting: { a: 1 } });
    expect((config as unknown as Record<string, unknown>).FutureSetting).toEqual({ a: 1 });
  });
});

describe('bodyOf errors, each under its own field', () => {
  const cases: [FieldName, string, RegExp][] = [
    ['Name', '', /must not be empty/],
    ['Name', 'has space', /may contain only/],
    ['VideoContentSourceUrl', 'not a url', /absolute http\(s\) URL/],
    ['AdDecisionServerUrl', 'ftp://ads.example.com', /absolute http\(s\) URL/],
    ['SlateAdUrl', 'slate.mp4', /absolute http\(s\) URL/],
    ['Bumper.StartUrl', 'x', /absolute http\(s\) URL/],
    ['Bumper.EndUrl', 'x', /absolute http\(s\) URL/],
    ['CdnConfiguration.AdSegmentUrlPrefix', '//cdn', /absolute http\(s\) URL/],
    ['CdnConfiguration.ContentSegmentUrlPrefix', 'cdn.example.com', /absolute http\(s\) URL/],
    ['LivePreRollConfiguration.AdDecisionServerUrl', 'x', /absolute http\(s\) URL/],
    ['TranscodeProfileName', 'p'.repeat(257), /at most 256 characters/],
    ['PersonalizationThresholdSeconds', 'abc', /must be a number/],
    ['PersonalizationThresholdSeconds', '0', /at least 1/],
    ['PersonalizationThresholdSeconds', '1.5', /whole number/],
    ['AdsRequestTimeoutMilliseconds', '50', /at least 100/],
    ['AdsRequestTimeoutMilliseconds', '30001', /at most 30000/],
    ['LivePreRollConfiguration.MaxDurationSeconds', '-1', /at least 0/],
    ['LivePreRollConfiguration.MaxDurationSeconds', '1e3x', /must be a number/],
    ['TranscodeWaitSeconds', '61', /at most 60/],
    ['AvailSuppression.Mode', 'SOMETIMES', /one of OFF, BEHIND_LIVE_EDGE, AFTER_LIVE_EDGE/],
    ['AvailSuppression.Value', '1:00', /HH:MM:SS/],
    ['AvailSuppression.FillPolicy', 'ALL', /one of FULL_AVAIL_ONLY, PARTIAL_AVAIL/],
    ['InsertionMode', 'BOTH', /one of STITCHED_ONLY, PLAYER_SELECT/],
    ['DashConfiguration.MpdLocation', 'SOMEWHERE', /one of EMT_DEFAULT, DISABLED/],
    ['DashConfiguration.OriginManifestType', 'TWO_PERIODS', /one of SINGLE_PERIOD, MULTI_PERIOD/],
    ['AdConditioningConfiguration.StreamingMediaFileConditioning', 'MAYBE', /one of TRANSCODE, NONE/],
    ['ManifestProcessingRules.AdMarkerPassthrough.Enabled', 'yes', /true, false or not set/],
    ['ConfigurationAliases', '{"player_params.x": ', /not valid JSON/],
    ['ConfigurationAliases', '[1]', /JSON object/],
    ['ConfigurationAliases', '{"origin": {"a": "b"}}', /origin: invalid key: keys must be player_params/],
    ['ConfigurationAliases', '{"player_params.x": {"a": 1}}', /player_params\.x\.a: must be a string/],
    ['Tags', 'team', /line 1: expected key=value/],
    ['Tags', 'a=1\n=2', /line 2: the key is empty/],
    ['Tags', 'a=1\na=2', /"a" is given twice/],
  ];

  it.each(cases)('%s = %j → its own error', (field, value, message) => {
    const errors = errorsOf(withField(field, value));
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
  });

  it('reports several fields at once, local parse errors and schema errors together', () => {
    const errors = errorsOf({ ...formOf(null), Name: 'ok', PersonalizationThresholdSeconds: 'abc', SlateAdUrl: 'nope', ConfigurationAliases: '{' });
    expect(Object.keys(errors).sort()).toEqual(['ConfigurationAliases', 'PersonalizationThresholdSeconds', 'SlateAdUrl']);
  });
});

describe('duplicate and demo', () => {
  it('duplicates under a new name without the demo tag', () => {
    const form = duplicateForm(formOf(served(demoConfiguration(BASE))));
    expect(form.Name).toBe('demo-copy');
    expect(form.Tags).not.toContain(DEMO_TAG);
    const result = bodyOf(form);
    expect(result.ok && result.body.Tags).toBeUndefined();
    expect(result.ok && result.body.VideoContentSourceUrl).toBe(`${BASE}/demo/origin`);
  });

  it('recognises the demo configuration by its tag', () => {
    expect(isDemoConfiguration(demoConfiguration(BASE))).toBe(true);
    expect(isDemoConfiguration(full)).toBe(false);
    expect(isDemoConfiguration(undefined)).toBe(false);
  });
});
