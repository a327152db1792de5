// `lease-duration`: `6h`, `90m`, `1d`, `1h30m`.
const MINUTE = 60_000;
const UNITS = { d: 24 * 60 * MINUTE, h: 60 * MINUTE, m: MINUTE };

/** Milliseconds of `<n>d<n>h<n>m` (any parts, that order), or undefined when the text is not one. */
export function parseLeaseDuration(text: string): number | undefined {
  const match = text
    .trim()
    .toLowerCase()
    .match(/^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/);
  if (!match || text.trim() === '') return undefined;
  const [, days = '0', hours = '0', minutes = '0'] = match;
  const ms = Number(days) * UNITS.d + Number(hours) * UNITS.h + Number(minutes) * UNITS.m;
  return Number.isSafeInteger(ms) && ms > 0 ? ms : undefined;
}
