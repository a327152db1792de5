// Input rules every provider's connection shares: a region of the provider's form, endpoint overrides.
import type { InputReader } from '../../core/action/input-reader.ts';
import { InputError } from '../../core/errors/errors.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The `region` input, checked against the provider's pattern; `expected` describes it for the error. */
export function readRegion(reader: InputReader, pattern: RegExp, expected: string): string {
  const region = reader.string('region');
  if (!pattern.test(region)) {
    throw new InputError('region', `Input 'region' must be ${expected}, got "${region}".`);
  }
  return region;
}

/**
 * An endpoint override: an https URL without credentials, query or fragment (plain http only for
 * loopback hosts, since tokens and passwords would travel in clear text). Undefined when empty.
 */
export function readEndpoint(reader: InputReader, name: string): URL | undefined {
  const text = reader.optional(name);
  if (text === undefined) return undefined;
  const fail = (why: string): never => {
    throw new InputError(
      name,
      `Input '${name}' must be an https URL such as https://host.example.com; ${why}.`,
    );
  };
  const url = URL.canParse(text) ? new URL(text) : fail(`"${text}" is not a URL`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`"${url.protocol}" is not https`);
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    fail(`plain http is accepted only for 127.0.0.1, ::1 and localhost, got "${url.host}"`);
  }
  if (url.username || url.password) fail('it must not contain a user name or password');
  if (url.search || url.hash) fail('it must not contain a query string or fragment');
  url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  return url;
}
