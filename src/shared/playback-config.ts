// MediaTailor's PlaybackConfiguration, in the AWS API's own PascalCase shapes.
// Request bodies of PUT /playbackConfiguration are validated with these schemas; responses add
// the endpoint prefixes computed by the server (see PlaybackConfiguration below).
import { z } from 'zod';

const httpUrl = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => /^https?:\/\/[^\s/]+/i.test(s) && URL.canParse(s), { message: 'must be an absolute http(s) URL' });

/** HH:MM:SS, as MediaTailor's AvailSuppression.Value. */
const hms = z.string().regex(/^\d{2}:[0-5]\d:[0-5]\d$/, 'must be HH:MM:SS');

export const PlaybackConfigurationNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128)
  .regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, "_", "." and "-"');

export const PutPlaybackConfigurationSchema = z.looseObject({
  Name: PlaybackConfigurationNameSchema,
  VideoContentSourceUrl: httpUrl(512).optional(),
  AdDecisionServerUrl: httpUrl(25000).optional(),
  SlateAdUrl: httpUrl(512).optional(),
  TranscodeProfileName: z.string().max(256).optional(),
  Bumper: z
    .object({ StartUrl: httpUrl(2048).optional(), EndUrl: httpUrl(2048).optional() })
    .strict()
    .optional(),
  CdnConfiguration: z
    .object({ AdSegmentUrlPrefix: httpUrl(2048).optional(), ContentSegmentUrlPrefix: httpUrl(2048).optional() })
    .strict()
    .optional(),
  PersonalizationThresholdSeconds: z.number().int().min(1).optional(),
  /** ADS request timeout (MediaTailor's AdsRequestTimeoutMilliseconds; default 3000 when absent). */
  AdsRequestTimeoutMilliseconds: z.number().int().min(100).max(30_000).optional(),
  AvailSuppression: z
    .object({
      Mode: z.enum(['OFF', 'BEHIND_LIVE_EDGE', 'AFTER_LIVE_EDGE']).optional(),
      Value: hms.optional(),
      FillPolicy: z.enum(['FULL_AVAIL_ONLY', 'PARTIAL_AVAIL']).optional(),
    })
    .strict()
    .optional(),
  LivePreRollConfiguration: z
    .object({ AdDecisionServerUrl: httpUrl(25000).optional(), MaxDurationSeconds: z.number().int().min(0).optional() })
    .strict()
    .optional(),
  ManifestProcessingRules: z
    .object({ AdMarkerPassthrough: z.object({ Enabled: z.boolean().optional() }).strict().optional() })
    .strict()
    .optional(),
  ConfigurationAliases: z
    .record(z.string().regex(/^player_params\.\w+$/, 'keys must be player_params.<name>'), z.record(z.string(), z.string()))
    .optional(),
  DashConfiguration: z
    .object({
      MpdLocation: z.enum(['EMT_DEFAULT', 'DISABLED']).optional(),
      OriginManifestType: z.enum(['SINGLE_PERIOD', 'MULTI_PERIOD']).optional(),
    })
    .strict()
    .optional(),
  InsertionMode: z.enum(['STITCHED_ONLY', 'PLAYER_SELECT']).optional(),
  AdConditioningConfiguration: z
    .object({ StreamingMediaFileConditioning: z.enum(['TRANSCODE', 'NONE']) })
    .strict()
    .optional(),
  /** Stitchbench extension: seconds a session waits for an ad's transcode before skipping it (0 = MediaTailor's
   *  behaviour: skip until ready). Keep it under the player's playlist timeout (hls.js: 10 s). */
  TranscodeWaitSeconds: z.number().int().min(0).max(60).optional(),
  Tags: z.record(z.string().min(1).max(128), z.string().max(256)).optional(),
});

export type PutPlaybackConfigurationRequest = z.infer<typeof PutPlaybackConfigurationSchema>;

/** What GET/PUT return: the stored request plus what the server derives. */
export interface PlaybackConfiguration extends PutPlaybackConfigurationRequest {
  PlaybackConfigurationArn: string;
  PlaybackEndpointPrefix: string;
  SessionInitializationEndpointPrefix: string;
  HlsConfiguration: { ManifestEndpointPrefix: string };
  DashConfiguration: {
    ManifestEndpointPrefix: string;
    MpdLocation?: 'EMT_DEFAULT' | 'DISABLED';
    OriginManifestType?: 'SINGLE_PERIOD' | 'MULTI_PERIOD';
  };
  LogConfiguration: { PercentEnabled: number };
}

/** Format a zod error as one line naming the offending field(s), e.g. "VideoContentSourceUrl: must be …". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
