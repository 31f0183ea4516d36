// xs:duration and xs:dateTime as MPDs use them. Durations are seconds (float); output durations are
// written with millisecond precision, which is what players read back.

const DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** `PT1H2M3.5S` → 3723.5; undefined when absent or not an xs:duration. Years/months use 365/30 days. */
export function parseDuration(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = DURATION.exec(value.trim());
  if (!m || value.trim() === 'P' || value.trim().endsWith('T')) return undefined;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  const s = n(2) * 365 * 86400 + n(3) * 30 * 86400 + n(4) * 7 * 86400 + n(5) * 86400 + n(6) * 3600 + n(7) * 60 + n(8);
  return m[1] ? -s : s;
}

export function formatDuration(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return `PT${(ms / 1000).toFixed(3).replace(/\.?0+$/, '') || '0'}S`;
}

/** xs:dateTime → epoch ms (a missing zone means UTC, as DASH-IF IOP says). */
export function parseDateTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}
