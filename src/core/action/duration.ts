// The one duration grammar of every duration input (older-than, lease-duration, login's duration):
// `<n>w<n>d<n>h<n>m`, weeks, days, hours and minutes, any of them but in that order: `30d`, `12h`, `2w`,
// `1w3d`, `90m`, `1d12h`. `m` is minutes, as in Go, Docker and Kubernetes durations; there is no unit
// for months (write days).

/** A parsed duration and the text it came from (used in reasons). */
export interface Duration {
  ms: number;
  text: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** How messages describe the grammar. */
export const DURATION_UNITS = 'w weeks, d days, h hours, m minutes';

/** Parses `<n>w<n>d<n>h<n>m` (any parts, that order, case-insensitive); undefined for anything else or 0. */
export function parseDuration(text: string): Duration | undefined {
  const trimmed = text.trim().toLowerCase();
  const match = trimmed.match(/^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/);
  if (!match || trimmed === '') return undefined;
  const [, weeks = '0', days = '0', hours = '0', minutes = '0'] = match;
  const ms = Number(weeks) * WEEK + Number(days) * DAY + Number(hours) * HOUR + Number(minutes) * MINUTE;
  if (!Number.isSafeInteger(ms) || ms <= 0) return undefined;
  return { ms, text: trimmed };
}

/** Whole days of a duration, rounded up (so a server-side rule never deletes sooner than asked). */
export function wholeDaysAtLeast(duration: Duration): number {
  return Math.ceil(duration.ms / DAY);
}

/** The duration in whole hours; undefined when it is not a whole number of hours. */
export function wholeHours(duration: Duration): number | undefined {
  return duration.ms % HOUR === 0 ? duration.ms / HOUR : undefined;
}
