// SWR temporary login (spec 4.10.1): `POST /v2/manage/utils/secret?projectname={region}`.
import { ApiError } from '../../core/errors/errors.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { maskSecret } from '../../core/redact/secrets.ts';
import { isRecord } from '../../core/types/is-record.ts';

/** Response body: registry host → base64 `username:password`. */
interface SwrLoginSecretBody {
  auths?: Record<string, { auth?: string }>;
}

/** One docker login the secret grants. */
export interface SwrRegistryLogin {
  /** Registry host as SWR names it; undefined when only the header gave no host. */
  host?: string;
  username: string;
  password: string;
}

export interface SwrLoginSecret {
  logins: SwrRegistryLogin[];
  /** From the `X-Swr-Expireat` header when SWR sends it. */
  expiresAt?: Date;
}

/**
 * Generates a temporary docker login (valid for hours, not revocable) for the project named after
 * the region. POST is not retried: each call issues a new secret.
 */
export async function createSwrLoginSecret(api: ApiClient, region: string): Promise<SwrLoginSecret> {
  const path = '/v2/manage/utils/secret';
  const response = await api.request<SwrLoginSecretBody>({
    method: 'POST',
    path,
    query: [['projectname', region]],
    operation: `create a temporary docker login for region ${region}`,
    secretResponse: true,
  });
  const logins = parseSwrLoginSecret(response.body, response.headers['x-swr-dockerlogin']);
  if (logins.length === 0) {
    throw new ApiError({
      provider: 'SWR',
      operation: `create a temporary docker login for region ${region}`,
      method: 'POST',
      path,
      status: response.status,
      providerMessage: 'the response held no login (no "auths" in the body, no X-Swr-Dockerlogin header)',
      hint: 'Check that the endpoint is the SWR API of the region.',
    });
  }
  const expiresAt = parseExpiry(response.headers['x-swr-expireat']);
  return expiresAt ? { logins, expiresAt } : { logins };
}

/** Logins from the body's `auths` and, when it has none, the `docker login -u … -p … host` header. Masks each. */
export function parseSwrLoginSecret(body: unknown, header: string | undefined): SwrRegistryLogin[] {
  const fromBody = loginsFromAuths(body);
  if (fromBody.length > 0) return fromBody;
  const fromHeader = header === undefined ? undefined : loginFromCommand(header);
  return fromHeader ? [fromHeader] : [];
}

function loginsFromAuths(body: unknown): SwrRegistryLogin[] {
  const auths = isRecord(body) ? (body as SwrLoginSecretBody).auths : undefined;
  if (typeof auths !== 'object' || auths === null) return [];
  const logins: SwrRegistryLogin[] = [];
  for (const [host, entry] of Object.entries(auths)) {
    if (typeof entry?.auth !== 'string') continue;
    maskSecret(entry.auth);
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0 || colon === decoded.length - 1) continue;
    logins.push({ host, username: decoded.slice(0, colon), password: maskSecret(decoded.slice(colon + 1)) });
  }
  return logins;
}

/** Parses `docker login -u USER -p PASSWORD [HOST]` (flags in any order, `--username=` forms too). */
function loginFromCommand(command: string): SwrRegistryLogin | undefined {
  const words = command.trim().split(/\s+/);
  let username: string | undefined;
  let password: string | undefined;
  let host: string | undefined;
  let taken = -1; // the index of a word read as a flag's value
  for (const [i, word] of words.entries()) {
    if (i === taken) continue;
    const [flag, inline] = word.startsWith('--') ? word.split('=', 2) : [word, undefined];
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      taken = i + 1;
      return words[taken];
    };
    if (flag === '-u' || flag === '--username') username = value();
    else if (flag === '-p' || flag === '--password') password = value();
    else if (!word.startsWith('-') && i >= 2 && word !== 'login') host = word;
  }
  if (!username || !password) return undefined;
  maskSecret(password);
  return host ? { host, username, password } : { username, password };
}

function parseExpiry(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
