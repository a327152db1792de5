// Reads manifests from the registry's own v2 API (`GET /v2/<name>/manifests/<digest>`) with a docker
// login: Basic credentials, or a pull-scoped token from the registry's token realm. Every answer must
// hash to the digest asked for, so a registry cannot describe one manifest as another.
import { ApiError, type Provider } from '../errors/errors.ts';
import { createApiClient, type HttpClientOptions } from '../http/client.ts';
import type { ApiClient } from '../http/types.ts';
import { apiPath, assertNormalPath, pathSegment } from '../path/api-path.ts';
import { maskSecret } from '../redact/secrets.ts';
import { type Challenge, parseChallenge } from './challenge.ts';
import { digestOf, MANIFEST_ACCEPT, type ManifestFacts, readManifestDocument } from './manifest-document.ts';
import { MANIFEST_DIGEST, REGISTRY_NAME } from './registry-path.ts';

/** A docker login for one registry host. */
export interface RegistryCredentials {
  registry: string;
  username: string;
  password: string;
}

export interface ManifestReader {
  /** The registry host read from. */
  readonly registry: string;
  /** The manifest `digest` of repository `name`; throws ApiError (or UnsafeNameError for a bad name). */
  read(name: string, digest: string): Promise<ManifestFacts>;
}

export interface ManifestReaderOptions {
  /** Whose registry it is, for errors. */
  provider: Provider;
  /** Transport settings (proxy dispatcher, retries, request events). */
  http?: Partial<HttpClientOptions>;
  /** `https://<registry>` unless given (tests serve plain HTTP on loopback). */
  baseUrl?: string;
}

/** A reader that learns the registry's challenge on its first request and then authenticates each one. */
export function createManifestReader(
  login: RegistryCredentials,
  options: ManifestReaderOptions,
): ManifestReader {
  const baseUrl = new URL(options.baseUrl ?? `https://${login.registry}`);
  const api = createApiClient({ ...options.http, provider: options.provider, baseUrl });
  const basic = `Basic ${maskSecret(Buffer.from(`${login.username}:${login.password}`).toString('base64'))}`;
  const tokens = new Map<string, Promise<string>>();
  let challenge: Challenge | undefined;

  const authorization = async (name: string): Promise<string | undefined> => {
    if (challenge === undefined || challenge.scheme === 'unknown') return undefined;
    if (challenge.scheme === 'basic') return basic;
    const bearer = challenge;
    let token = tokens.get(name);
    if (!token) {
      token = pullToken(api, baseUrl, bearer, name, basic);
      tokens.set(name, token);
    }
    return `Bearer ${await token}`;
  };

  return {
    registry: login.registry,
    async read(name, digest) {
      const path = apiPath`/v2/${pathSegment(name, REGISTRY_NAME)}/manifests/${pathSegment(digest, MANIFEST_DIGEST)}`;
      const operation = `read manifest ${name}@${digest} from ${login.registry}`;
      for (;;) {
        const credentials = await authorization(name);
        const response = await api.request({
          method: 'GET',
          path,
          headers: { Accept: MANIFEST_ACCEPT, ...(credentials ? { Authorization: credentials } : {}) },
          operation,
          // Only the first answer without credentials may be a challenge; a refused login is an error.
          acceptStatus: credentials ? [] : [401],
          rawBody: true,
        });
        if (response.status === 401) {
          challenge = parseChallenge(response.headers['www-authenticate']);
          if (challenge.scheme === 'unknown') throw refused(options.provider, operation, path);
          continue;
        }
        return checkedManifest(options.provider, operation, path, response, digest);
      }
    },
  };
}

function checkedManifest(
  provider: Provider,
  operation: string,
  path: string,
  response: { headers: Readonly<Record<string, string>>; text?: string },
  digest: string,
): ManifestFacts {
  const text = response.text ?? '';
  const served = digestOf(text);
  const fail = (providerMessage: string) =>
    new ApiError({ provider, operation, method: 'GET', path, status: 200, providerMessage });
  if (served !== digest) throw fail(`the answer hashes to ${served}, not to the digest asked for`);
  const facts = readManifestDocument(text, response.headers['content-type'], digest);
  if (!facts) throw fail('the answer is neither an image manifest nor a manifest list');
  return facts;
}

/** A pull-only token for `name` from the realm, which must be on the registry's own origin. */
async function pullToken(
  api: ApiClient,
  baseUrl: URL,
  challenge: Extract<Challenge, { scheme: 'bearer' }>,
  name: string,
  basic: string,
): Promise<string> {
  const operation = `get a pull token for ${name}`;
  let realm: URL;
  try {
    realm = new URL(challenge.realm);
  } catch {
    realm = new URL('invalid:');
  }
  if (realm.origin !== baseUrl.origin) {
    throw new ApiError({
      provider: api.provider,
      operation,
      method: 'GET',
      path: '/v2/',
      status: 401,
      providerMessage: `the registry asks for a token from ${JSON.stringify(challenge.realm)}, not from ${baseUrl.origin}; the login is sent only to the registry itself`,
    });
  }
  assertNormalPath(realm.pathname);
  const query: Array<[string, string]> = [];
  if (challenge.service !== undefined) query.push(['service', challenge.service]);
  query.push(['scope', `repository:${name}:pull`]);
  const response = await api.request<{ token?: unknown; access_token?: unknown }>({
    method: 'GET',
    path: realm.pathname,
    query,
    headers: { Authorization: basic },
    operation,
    secretResponse: true,
  });
  const token = response.body?.token ?? response.body?.access_token;
  if (typeof token !== 'string' || token === '') {
    throw new ApiError({
      provider: api.provider,
      operation,
      method: 'GET',
      path: realm.pathname,
      status: response.status,
      providerMessage: 'the answer holds no token',
    });
  }
  return maskSecret(token);
}

function refused(provider: Provider, operation: string, path: string): ApiError {
  return new ApiError({
    provider,
    operation,
    method: 'GET',
    path,
    status: 401,
    providerMessage: 'the registry asks for credentials in a form other than Basic or Bearer',
  });
}
