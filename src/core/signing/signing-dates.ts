/** `X-Sdk-Date` form: `YYYYMMDDTHHmmssZ` in UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Parses an `X-Sdk-Date` value, or undefined when it is not `YYYYMMDDTHHmmssZ`. */
export function parseSdkDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  return validDate(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

/** `x-bce-date` form: ISO 8601 UTC without milliseconds, `YYYY-MM-DDTHH:mm:ssZ`. */
export function formatBceDate(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Parses an `x-bce-date` / bce-auth-v1 timestamp, or undefined when it is not `YYYY-MM-DDTHH:mm:ssZ`. */
export function parseBceDate(value: string): Date | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value) ? validDate(value) : undefined;
}

function validDate(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) || date.toISOString().replace('.000Z', 'Z') !== iso ? undefined : date;
}
