// `older-than` durations: `30d`, `12h`, `2w`, or combined like `1w3d`.

/** A parsed duration and the text it came from (used in reasons). */
export interface Duration {
  ms: number;
  text: string;
}

const HOUR = 3_600_000;
const UNITS = { w: 7 * 24 * HOUR, d: 24 * HOUR, h: HOUR };

/**
 * Parses `<n>w`, `<n>d`, `<n>h` parts in that order; undefined for anything else.
 * There is no `m`: it reads as minutes to some and months to others.
 */
export function parseDuration(text: string): Duration | undefined {
  const trimmed = text.trim().toLowerCase();
  const match = trimmed.match(/^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?$/);
  if (!match || trimmed === '') return undefined;
  const [, weeks = '0', days = '0', hours = '0'] = match;
  const ms = Number(weeks) * UNITS.w + Number(days) * UNITS.d + Number(hours) * UNITS.h;
  if (!Number.isSafeInteger(ms) || ms <= 0) return undefined;
  return { ms, text: trimmed };
}

/** Whole days of a duration, rounded up (so a server-side rule never deletes sooner than asked). */
export function wholeDaysAtLeast(duration: Duration): number {
  return Math.ceil(duration.ms / UNITS.d);
}
