// The playback configuration editor's model: a MediaTailor configuration as flat form fields (strings, keyed by
// the field's dotted path in the API shape) and back to a PUT body validated by the server's own schema.
// PUT replaces the whole configuration, so whatever the form does not know (the schema is loose) rides along in
// `extra` and is sent back untouched. Pure: no React, no DOM.
import type { z } from 'zod';
import {
  PutPlaybackConfigurationSchema,
  type PlaybackConfiguration,
  type PutPlaybackConfigurationRequest,
} from '../../shared/playback-config';
import { putBodyOf } from './config-put-body';

/**
 * How a field's text becomes a JSON value: url/text as trimmed strings, int as a number, enum as one of its
 * options, tristate as a boolean ('' = not set, which MediaTailor treats as false but is stored differently),
 * json as parsed JSON, tags as `key=value` lines.
 */
export type FieldKind = 'text' | 'url' | 'int' | 'enum' | 'tristate' | 'json' | 'tags';

const shape = PutPlaybackConfigurationSchema.shape;
// Enum options come from the schema itself, so the form never offers a value the server refuses.
const AVAIL = shape.AvailSuppression.unwrap().shape;
const DASH = shape.DashConfiguration.unwrap().shape;

export const FIELD_KINDS = {
  Name: { kind: 'text' },
  VideoContentSourceUrl: { kind: 'url' },
  AdDecisionServerUrl: { kind: 'url' },
  SlateAdUrl: { kind: 'url' },
  PersonalizationThresholdSeconds: { kind: 'int' },
  AdsRequestTimeoutMilliseconds: { kind: 'int' },
  'AvailSuppression.Mode': { kind: 'enum', options: AVAIL.Mode.unwrap().options },
  'AvailSuppression.Value': { kind: 'text' },
  'AvailSuppression.FillPolicy': { kind: 'enum', options: AVAIL.FillPolicy.unwrap().options },
  'LivePreRollConfiguration.AdDecisionServerUrl': { kind: 'url' },
  'LivePreRollConfiguration.MaxDurationSeconds': { kind: 'int' },
  'Bumper.StartUrl': { kind: 'url' },
  'Bumper.EndUrl': { kind: 'url' },
  InsertionMode: { kind: 'enum', options: shape.InsertionMode.unwrap().options },
  'ManifestProcessingRules.AdMarkerPassthrough.Enabled': { kind: 'tristate' },
  'AdConditioningConfiguration.StreamingMediaFileConditioning': {
    kind: 'enum',
    options: shape.AdConditioningConfiguration.unwrap().shape.StreamingMediaFileConditioning.options,
  },
  TranscodeProfileName: { kind: 'text' },
  TranscodeWaitSeconds: { kind: 'int' },
  'CdnConfiguration.AdSegmentUrlPrefix': { kind: 'url' },
  'CdnConfiguration.ContentSegmentUrlPrefix': { kind: 'url' },
  'DashConfiguration.MpdLocation': { kind: 'enum', options: DASH.MpdLocation.unwrap().options },
  'DashConfiguration.OriginManifestType': { kind: 'enum', options: DASH.OriginManifestType.unwrap().options },
  ConfigurationAliases: { kind: 'json' },
  Tags: { kind: 'tags' },
} as const satisfies Record<string, { kind: FieldKind; options?: readonly string[] }>;

export type FieldName = keyof typeof FIELD_KINDS;
export const FIELD_NAMES = Object.keys(FIELD_KINDS) as FieldName[];

export type ConfigForm = Record<FieldName, string> & {
  /** What the form has no field for, as stored (top level or inside a known group): saved back as it was. */
  readonly extra: Record<string, unknown>;
};

/** Errors by field; `_form` holds what belongs to no field (e.g. an unknown key the schema refuses). */
export type FormErrors = Partial<Record<FieldName | '_form', string>>;

export type BodyResult = { ok: true; body: PutPlaybackConfigurationRequest } | { ok: false; errors: FormErrors };

/** The tag the engine puts on the default configuration it recreates at start. */
export const DEMO_TAG = 'stitchbench:demo';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A GET answer (or a PUT body) as form fields; null gives an empty form for a new configuration. */
export function formOf(config: PlaybackConfiguration | PutPlaybackConfigurationRequest | null): ConfigForm {
  // putBodyOf drops what the server derives (ARN, endpoint prefixes, DashConfiguration.ManifestEndpointPrefix).
  const body: Json = config ? structuredClone(putBodyOf(config as PlaybackConfiguration)) : {};
  const form = { extra: body } as { -readonly [K in keyof ConfigForm]: ConfigForm[K] };
  for (const name of FIELD_NAMES) form[name] = textOf(FIELD_KINDS[name].kind, takeIn(body, name.split('.')));
  return form;
}

/** The PUT body the form describes, validated with the server's schema; errors are keyed by form field. */
export function bodyOf(form: ConfigForm): BodyResult {
  const errors: FormErrors = {};
  const body: Json = structuredClone(form.extra);
  for (const name of FIELD_NAMES) {
    const parsed = valueOf(FIELD_KINDS[name].kind, form[name]);
    if ('error' in parsed) errors[name] = parsed.error;
    // Name is required: an empty one is sent as such so the schema's own "must not be empty" shows.
    else if (parsed.value !== undefined || name === 'Name') putIn(body, name.split('.'), parsed.value ?? '');
  }
  const result = PutPlaybackConfigurationSchema.safeParse(body);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { field, rest } = fieldOf(issue.path);
      errors[field] ??= rest.length > 0 ? `${rest.map((p) => p || '""').join('.')}: ${messageOf(issue)}` : messageOf(issue);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body: result.data as PutPlaybackConfigurationRequest };
}

/** A copy to save under a new name: the demo tag stays with the real demo (the engine recreates that one). */
export function duplicateForm(form: ConfigForm): ConfigForm {
  const tags = form.Tags.split('\n').filter((line) => splitTag(line)?.[0] !== DEMO_TAG);
  return { ...form, Name: form.Name ? `${form.Name}-copy` : '', Tags: tags.join('\n') };
}

/** Whether a configuration carries the demo tag (deleting it is undone at the next start). */
export function isDemoConfiguration(config: Pick<PutPlaybackConfigurationRequest, 'Tags'> | undefined): boolean {
  return config?.Tags?.[DEMO_TAG] === 'true';
}

// ---- text ⇄ value ------------------------------------------------------------------------------------

function textOf(kind: FieldKind, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (kind) {
    case 'json':
      return JSON.stringify(value, null, 2);
    case 'tags':
      return isRecord(value) ? Object.entries(value).map(([k, v]) => `${escapeKey(k)}=${String(v)}`).join('\n') : '';
    default:
      // A stored value of an unexpected type still shows (and fails validation visibly rather than vanishing).
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

type Parsed = { value: unknown } | { error: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function valueOf(kind: FieldKind, text: string): Parsed {
  const t = text.trim();
  if (t === '') return { value: undefined };
  switch (kind) {
    case 'int':
      return NUMBER.test(t) ? { value: Number(t) } : { error: 'must be a number' };
    case 'tristate':
      return t === 'true' || t === 'false' ? { value: t === 'true' } : { error: 'must be true, false or not set' };
    case 'json':
      return parseJsonObject(t);
    case 'tags':
      return parseTags(text);
    default:
      return { value: t };
  }
}

function parseJsonObject(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  return isRecord(value) ? { value } : { error: 'must be a JSON object' };
}

/** Tag keys may contain "=" (AWS allows it): written as "\\=" (and "\\" as "\\\\") so the line splits back. */
const escapeKey = (key: string): string => key.replace(/[\\=]/g, (c) => `\\${c}`);

/** `key=value`: the first unescaped "=" splits, so values may contain "=" as they are. */
function splitTag(line: string): [string, string] | undefined {
  const m = /^((?:[^\\=]|\\.)*)=(.*)$/.exec(line);
  return m ? [m[1]!.trim().replace(/\\(.)/g, '$1'), m[2]!.trim()] : undefined;
}

function parseTags(text: string): Parsed {
  const tags: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const kv = splitTag(line);
    if (!kv) return { error: `line ${i + 1}: expected key=value` };
    if (kv[0] === '') return { error: `line ${i + 1}: the key is empty` };
    if (Object.hasOwn(tags, kv[0])) return { error: `line ${i + 1}: "${kv[0]}" is given twice` };
    tags[kv[0]] = kv[1];
  }
  return { value: Object.keys(tags).length > 0 ? tags : undefined };
}

// ---- paths -------------------------------------------------------------------------------------------

/** Removes and returns the value at `path`, pruning groups left empty (so `extra` holds only the unknown). */
function takeIn(obj: Json, path: string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined || !Object.hasOwn(obj, head)) return undefined;
  if (rest.length === 0) {
    const value = obj[head];
    delete obj[head];
    return value;
  }
  const child = obj[head];
  if (!isRecord(child)) return undefined;
  const value = takeIn(child, rest);
  if (Object.keys(child).length === 0) delete obj[head];
  return value;
}

/** Sets the value at `path`, creating groups only now that one of their fields has a value. */
function putIn(obj: Json, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    obj[head] = value;
    return;
  }
  const child = isRecord(obj[head]) ? obj[head] : (obj[head] = {});
  putIn(child, rest, value);
}

/** The form field a schema issue belongs to: the longest field path that prefixes the issue's path. */
function fieldOf(path: readonly PropertyKey[]): { field: FieldName | '_form'; rest: string[] } {
  const parts = path.map(String);
  for (let i = parts.length; i > 0; i--) {
    const candidate = parts.slice(0, i).join('.');
    if (Object.hasOwn(FIELD_KINDS, candidate)) return { field: candidate as FieldName, rest: parts.slice(i) };
  }
  return { field: '_form', rest: parts };
}

const ZOD_DEFAULT_MESSAGE = /^(Too small|Too big|Invalid )/;

/** zod's defaults ("Too small: expected number to be >=1") reworded for a form; the schema's own messages kept. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? `must have at least ${issue.minimum} character(s)` : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${issue.maximum} characters long` : `must be at most ${issue.maximum}`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'must be a whole number' : `must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_key':
      return `invalid key: ${issue.issues.map((i) => messageOf(i)).join('; ')}`;
    case 'invalid_element':
      return `invalid value: ${issue.issues.map((i) => messageOf(i)).join('; ')}`;
    default:
      return issue.message;
  }
}
