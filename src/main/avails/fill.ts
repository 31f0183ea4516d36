// Avail filling policy (pure), as MediaTailor documents it: whole ads that fit, in the ADS's order; live
// underfill above PersonalizationThresholdSeconds abandons personalisation (content shows); live remainder
// is slate when one is configured; VOD plays the whole pod that fits, without slate.

export interface FillInput {
  /** Seconds to fill; undefined when the break's duration is unknown (all ads, cut by the CUE-IN). */
  availSeconds?: number;
  ads: { duration: number }[];
  live: boolean;
  slate: boolean;
  thresholdSeconds?: number;
}

export interface FillResult {
  placed: number[];
  /** Indices of ads that did not fit. */
  tooLong: number[];
  filledSeconds: number;
  slateSeconds: number;
  abandoned: boolean;
}

/** Ads shorter than the avail by less than this still count as fitting (frame rounding in EXTINF sums). */
const FIT_TOLERANCE = 0.1;

export function fillAvail(input: FillInput): FillResult {
  const placed: number[] = [];
  const tooLong: number[] = [];
  let filled = 0;
  input.ads.forEach((ad, i) => {
    if (input.availSeconds === undefined || filled + ad.duration <= input.availSeconds + FIT_TOLERANCE) {
      placed.push(i);
      filled += ad.duration;
    } else tooLong.push(i);
  });
  const avail = input.availSeconds;
  const under = avail === undefined ? 0 : Math.max(0, avail - filled);
  const abandoned = input.thresholdSeconds !== undefined && avail !== undefined && avail > 0 && under > input.thresholdSeconds;
  const slateSeconds = !abandoned && input.live && input.slate && under > FIT_TOLERANCE ? under : 0;
  return { placed: abandoned ? [] : placed, tooLong, filledSeconds: abandoned ? 0 : filled, slateSeconds, abandoned };
}
