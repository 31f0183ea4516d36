// The editor's fields, grouped the way people think about a configuration, each with a one-line hint in
// MediaTailor's terms. A form field missing here (the model follows the schema) still shows, under "Other".
import { FIELD_NAMES, type ConfigForm, type FieldName, type FormErrors } from '../lib/config-form';
import { ConfigEditorField, type FieldSpec } from './ConfigEditorField';

export const SECTIONS: { title: string; fields: FieldSpec[] }[] = [
  {
    title: 'Sources',
    fields: [
      { name: 'Name', label: 'Name', hint: 'Identifies the configuration in playback URLs (/v1/master/{account}/{Name}/…). Letters, digits, _ . -', placeholder: 'my-config' },
      { name: 'VideoContentSourceUrl', label: 'Content source URL', hint: 'Origin URL prefix: the asset path of each playback request is appended to it.', placeholder: 'https://origin.example.com/out/v1', wide: true },
      { name: 'AdDecisionServerUrl', label: 'Ad decision server URL', hint: 'VAST/VMAP endpoint called for each avail; [session.*] and [player_params.*] variables are filled in.', placeholder: 'https://ads.example.com/vast?dur=[session.avail_duration_secs]', wide: true },
      { name: 'SlateAdUrl', label: 'Slate ad URL', hint: 'MP4 played where ads do not fill an avail (and in place of ads that fail).', placeholder: 'https://cdn.example.com/slate.mp4', wide: true },
    ],
  },
  {
    title: 'Ad behaviour',
    fields: [
      { name: 'PersonalizationThresholdSeconds', label: 'Personalization threshold (s)', hint: 'Most unfilled seconds allowed in a break before it is left unpersonalized (the content shows instead).' },
      { name: 'AdsRequestTimeoutMilliseconds', label: 'ADS request timeout (ms)', hint: 'How long to wait for the ad decision server (100–30000; 3000 when not set).', placeholder: '3000' },
      { name: 'AvailSuppression.Mode', label: 'Avail suppression', hint: 'Live: skip ad breaks behind or after the live edge by the distance below.', unsetLabel: '(not set — OFF)' },
      { name: 'AvailSuppression.Value', label: 'Suppression distance', hint: 'HH:MM:SS from the live edge that the suppression mode measures.', placeholder: '00:00:30' },
      { name: 'AvailSuppression.FillPolicy', label: 'Suppression fill policy', hint: 'PARTIAL_AVAIL also fills what is left of a break already under way when suppression ends.', unsetLabel: '(not set — FULL_AVAIL_ONLY)' },
      { name: 'LivePreRollConfiguration.AdDecisionServerUrl', label: 'Live pre-roll ADS URL', hint: 'Ad decision server asked for a pre-roll when a live session starts.', wide: true },
      { name: 'LivePreRollConfiguration.MaxDurationSeconds', label: 'Live pre-roll max duration (s)', hint: 'Longest pre-roll inserted at the start of a live session.' },
      { name: 'InsertionMode', label: 'Insertion mode', hint: 'STITCHED_ONLY: ads stitched into the manifest; PLAYER_SELECT: players may choose guided (interstitial) insertion.', unsetLabel: '(not set — STITCHED_ONLY)' },
      { name: 'Bumper.StartUrl', label: 'Start bumper URL', hint: 'Short clip played at the start of every ad break.', wide: true },
      { name: 'Bumper.EndUrl', label: 'End bumper URL', hint: 'Short clip played at the end of every ad break.', wide: true },
      { name: 'ManifestProcessingRules.AdMarkerPassthrough.Enabled', label: 'Ad marker passthrough', hint: "Keep the origin's ad markers (EXT-X-CUE-OUT/IN) in the personalized manifest.", unsetLabel: '(not set — disabled)' },
      { name: 'AdConditioningConfiguration.StreamingMediaFileConditioning', label: 'Ad conditioning', hint: "TRANSCODE: transcode ads to match the content's renditions; NONE: use the ADS's media files as they are.", unsetLabel: '(not set — TRANSCODE)' },
      { name: 'TranscodeProfileName', label: 'Transcode profile name', hint: 'A custom transcode profile for ads; empty = derived from the content renditions.' },
      { name: 'TranscodeWaitSeconds', label: 'Wait for transcode (s)', hint: "Stitchbench: seconds a session waits for an ad's transcode before skipping it (0–60; 0 = skip until ready).", placeholder: '0' },
    ],
  },
  {
    title: 'Delivery',
    fields: [
      { name: 'CdnConfiguration.AdSegmentUrlPrefix', label: 'CDN ad segment prefix', hint: 'Ad segment URLs in manifests are rewritten to this CDN host.', placeholder: 'https://ads-cdn.example.com', wide: true },
      { name: 'CdnConfiguration.ContentSegmentUrlPrefix', label: 'CDN content segment prefix', hint: 'Content segment URLs in manifests are rewritten to this CDN host.', placeholder: 'https://cdn.example.com', wide: true },
      { name: 'DashConfiguration.MpdLocation', label: 'DASH MPD location', hint: 'EMT_DEFAULT: MPDs carry a Location pointing back at the stitcher; DISABLED: none.', unsetLabel: '(not set — EMT_DEFAULT)' },
      { name: 'DashConfiguration.OriginManifestType', label: 'DASH origin manifest type', hint: "Whether the origin's MPDs are single- or multi-period.", unsetLabel: '(not set — MULTI_PERIOD)' },
    ],
  },
  {
    title: 'Advanced',
    fields: [
      { name: 'ConfigurationAliases', label: 'Configuration aliases (JSON)', hint: 'Per-session values for [player_params.*] variables: {"player_params.<name>": {"<alias>": "<value>"}}.', placeholder: '{ "player_params.origin_domain": { "pdx": "origin.example.com" } }', wide: true },
      { name: 'Tags', label: 'Tags', hint: 'AWS resource tags, one key=value per line (write "=" in a key as \\=).', placeholder: 'team=qa', wide: true },
    ],
  },
];

const listed = new Set(SECTIONS.flatMap((s) => s.fields.map((f) => f.name)));
const unlisted = FIELD_NAMES.filter((name) => !listed.has(name));
const ALL_SECTIONS = unlisted.length === 0 ? SECTIONS : [...SECTIONS, { title: 'Other', fields: unlisted.map((name) => ({ name, label: name, hint: '' })) }];

interface Props {
  form: ConfigForm;
  /** Errors to show (already filtered to touched or filled fields). */
  errors: FormErrors;
  readOnlyName: boolean;
  onChange(name: FieldName, value: string): void;
  onBlur(name: FieldName): void;
}

export function ConfigEditorSections({ form, errors, readOnlyName, onChange, onBlur }: Props) {
  return (
    <>
      {ALL_SECTIONS.map((section) => (
        <fieldset key={section.title} className="config-editor-section">
          <legend>{section.title}</legend>
          <div className="config-editor-grid">
            {section.fields.map((spec) => {
              const nameLocked = spec.name === 'Name' && readOnlyName;
              return (
                <ConfigEditorField
                  key={spec.name}
                  spec={spec}
                  value={form[spec.name]}
                  error={errors[spec.name]}
                  readOnly={nameLocked}
                  hint={nameLocked ? 'Read-only while editing: to rename, duplicate under the new name, then delete this one.' : undefined}
                  onChange={onChange}
                  onBlur={onBlur}
                />
              );
            })}
          </div>
        </fieldset>
      ))}
    </>
  );
}
