import { baiduSigner } from '../../core/auth/authenticators.ts';
import type { ApiError } from '../../core/errors/errors.ts';
import { createApiClient, type HttpClientOptions } from '../../core/http/client.ts';
import type { ApiClient } from '../../core/http/types.ts';
import type { CcrConnection } from './connection.ts';

export interface CcrConnectOptions {
  /** Transport settings (timeouts, retry, dispatcher, clock…). */
  http?: Partial<HttpClientOptions>;
}

/** `https://ccr.{region}.baidubce.com`, the CCR enterprise API of a region (enterprise supplement). */
export function defaultCcrEndpoint(region: string): URL {
  return new URL(`https://ccr.${region}.baidubce.com`);
}

/** `https://ccr.baidubce.com`: the personal edition API has one host for every region (its Host line). */
const CCR_PERSONAL_ENDPOINT = 'https://ccr.baidubce.com';

/** The API a connection talks to: `endpoint` if given, else the enterprise host of the region or the personal host. */
export function ccrEndpointOf(connection: CcrConnection): URL {
  if (connection.endpoint) return connection.endpoint;
  return connection.instanceId === undefined
    ? new URL(CCR_PERSONAL_ENDPOINT)
    : defaultCcrEndpoint(connection.region);
}

/** A ready CCR client: endpoint from region and edition (or `endpoint`), bce-auth-v1 signing, CCR-aware hints. */
export async function connectCcr(
  connection: CcrConnection,
  options: CcrConnectOptions = {},
): Promise<ApiClient> {
  const baseUrl = ccrEndpointOf(connection);
  const now = options.http?.now;
  const extraHint = options.http?.hintFor;
  return createApiClient({
    ...options.http,
    provider: 'CCR',
    baseUrl,
    authenticate: baiduSigner(connection.auth.credentials, now ? { now } : {}),
    hintFor: (error) => ccrHint(error, connection, baseUrl) ?? extraHint?.(error),
  });
}

/** Baidu error codes that mean the signature or keys were refused, with what to check. */
const CREDENTIAL_CODES: Readonly<Record<string, string>> = {
  InvalidAccessKeyId: 'the access key id is unknown: check access-key-id (or BCE_ACCESS_KEY_ID).',
  SignatureDoesNotMatch:
    'the signature did not match: check that secret-access-key belongs to access-key-id.',
  RequestExpired: 'the request time was refused: check the runner clock.',
  InvalidSessionToken:
    'the STS session token is invalid: pass the token issued with this AK/SK as security-token.',
  SessionTokenExpired: 'the STS session token has expired: get fresh temporary credentials.',
};

/** Next steps for CCR errors: DNS/region, rejected keys, missing permissions, unknown instance. */
export function ccrHint(error: ApiError, connection: CcrConnection, baseUrl: URL): string | undefined {
  if (error.status === 0 && /ENOTFOUND|EAI_AGAIN|getaddrinfo|resolve/i.test(error.providerMessage)) {
    if (connection.endpoint) return `Could not resolve ${baseUrl.host}: check the endpoint input.`;
    if (connection.instanceId === undefined) {
      return `Could not resolve ${baseUrl.host}: check the runner's DNS and network, or set endpoint.`;
    }
    return (
      `Could not resolve ${baseUrl.host}: check that region "${connection.region}" is a CCR region ` +
      '(e.g. bj, gz, su), or set endpoint.'
    );
  }
  const known = error.code ? CREDENTIAL_CODES[error.code] : undefined;
  if (known) return `CCR refused the credentials from ${connection.auth.source}: ${known}`;
  if (error.status === 401) {
    return (
      `CCR refused the credentials from ${connection.auth.source}: check access-key-id and ` +
      'secret-access-key (and security-token for STS credentials).'
    );
  }
  if (error.status === 403) {
    return (
      'The AK/SK was accepted but lacks permission for this call: grant the IAM user CCR ' +
      'permissions (e.g. the CCR administrator policy) for this instance.'
    );
  }
  if (
    error.status === 404 &&
    connection.instanceId &&
    error.path.includes(`/instances/${connection.instanceId}`)
  ) {
    return (
      `Check instance-id ${connection.instanceId} and region ${connection.region}: the instance must ` +
      'exist in that region.'
    );
  }
  return undefined;
}
