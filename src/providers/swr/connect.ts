import type { HuaweiAuth } from '../../core/auth/credentials.ts';
import { huaweiAuthenticator, huaweiSigningCredentials } from '../../core/auth/huawei-authenticator.ts';
import type { ApiError } from '../../core/errors/errors.ts';
import { createApiClient, type HttpClientOptions } from '../../core/http/client.ts';
import type { ApiClient } from '../../core/http/types.ts';
import type { IdTokenSource } from '../../core/iam/github-id-token.ts';
import { iamHint } from '../../core/iam/iam-hint.ts';
import type { HuaweiCredentials } from '../../core/signing/index.ts';
import type { SwrConnection } from './connection.ts';

export interface SwrConnectOptions {
  /** Transport settings shared by the SWR and IAM clients (timeouts, retry, dispatcher, clock…). */
  http?: Partial<HttpClientOptions>;
  /** Sign every call with AK/SK, exchanging a password or OIDC token for temporary AK/SK first. */
  signing?: boolean;
  /** Where the GitHub ID token comes from (default core.getIDToken). */
  getIdToken?: IdTokenSource;
  env?: NodeJS.ProcessEnv;
}

/** `https://swr-api.{region}.myhuaweicloud.com`, the SWR API of a region. */
function defaultSwrEndpoint(region: string): URL {
  return new URL(`https://swr-api.${region}.myhuaweicloud.com`);
}

/** `https://iam.{region}.myhuaweicloud.com`, the regional IAM endpoint. */
function defaultIamEndpoint(region: string): URL {
  return new URL(`https://iam.${region}.myhuaweicloud.com`);
}

/** A ready SWR client: endpoint from region (or `endpoint`), credentials as resolved, SWR-aware hints. */
export async function connectSwr(
  connection: SwrConnection,
  options: SwrConnectOptions = {},
): Promise<ApiClient> {
  const baseUrl = connection.endpoint ?? defaultSwrEndpoint(connection.region);
  const authenticate = huaweiAuthenticator(connection.auth, authOptions(connection, options));
  const extraHint = options.http?.hintFor;
  return createApiClient({
    ...options.http,
    provider: 'SWR',
    baseUrl,
    jsonContentTypeAlways: true,
    authenticate,
    hintFor: (error) => swrHint(error, connection, baseUrl) ?? extraHint?.(error),
    isThrottling: isSwrThrottling,
  });
}

/** SWR's own "There are too many requests." (SWR spec, error codes: 403 SVCSTG.SWR.4031042). */
const SWR_TOO_MANY_REQUESTS = 'SVCSTG.SWR.4031042';

/** SWR refuses a request as one too many with a 403 of its own code, not a 429. */
export function isSwrThrottling(failure: { status: number; code?: string | undefined }): boolean {
  return failure.status === 403 && failure.code === SWR_TOO_MANY_REQUESTS;
}

/** AK/SK for signing (e.g. a docker login derived from them): the configured pair, or temporary ones. */
export async function swrSigningCredentials(
  connection: SwrConnection,
  options: SwrConnectOptions = {},
): Promise<HuaweiCredentials> {
  return huaweiSigningCredentials(connection.auth, authOptions(connection, options));
}

/** The IAM client SWR's credentials go through: region's IAM (or `iam-endpoint`), IAM-aware hints. */
export function connectIam(connection: SwrConnection, options: SwrConnectOptions = {}): ApiClient {
  const { authenticate: _a, hintFor: _h, ...transport } = options.http ?? {};
  return createApiClient({
    ...transport,
    provider: 'IAM',
    baseUrl: connection.iamEndpoint ?? defaultIamEndpoint(connection.region),
    jsonContentTypeAlways: true,
    hintFor: iamHint,
  });
}

function authOptions(connection: SwrConnection, options: SwrConnectOptions) {
  return {
    iam: connectIam(connection, options),
    region: connection.region,
    ...(options.signing && { signing: true }),
    ...(options.getIdToken && { getIdToken: options.getIdToken }),
    ...(options.env && { env: options.env }),
    ...(options.http?.now && { now: options.http.now }),
  };
}

/** The IAM action an SWR call needs (SWR spec 6.3, table 6-3), for 403 hints. */
const SWR_ACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^POST \/v2\/manage\/utils\/secret$/, 'swr::createLoginSecret'],
  [/^GET \/v2\/manage\/namespaces$/, 'swr:namespace:listNamespaces'],
  [/^POST \/v2\/manage\/namespaces$/, 'swr:namespace:createNamespace'],
  [/^GET \/v2\/manage\/namespaces\/[^/]+$/, 'swr:namespace:getNamespace'],
  [/^DELETE \/v2\/manage\/namespaces\/[^/]+$/, 'swr:namespace:deleteNamespace'],
  [/^GET \/v2\/manage\/namespaces\/[^/]+\/access$/, 'swr:namespace:getNamespaceAccess'],
  [/^POST \/v2\/manage\/namespaces\/[^/]+\/access$/, 'swr:namespace:createNamespaceAccess'],
  [/^PATCH \/v2\/manage\/namespaces\/[^/]+\/access$/, 'swr:namespace:updateNamespaceAccess'],
  [/^DELETE \/v2\/manage\/namespaces\/[^/]+\/access$/, 'swr:namespace:deleteNamespaceAccess'],
  [/^GET \/v2\/manage\/repos$/, 'swr:repo:listRepos'],
  [/^POST \/v2\/manage\/namespaces\/[^/]+\/repos$/, 'swr:repo:createRepo'],
  [/^PATCH \/v2\/manage\/namespaces\/[^/]+\/repos\/[^/]+$/, 'swr:repo:updateRepo'],
  [/^DELETE \/v2\/manage\/namespaces\/[^/]+\/repos\/[^/]+$/, 'swr:repo:deleteRepo'],
  [/^GET \/v2\/manage\/namespaces\/[^/]+\/repos\/[^/]+\/tags$/, 'swr:repo:listRepoTags'],
  [/^DELETE \/v2\/manage\/namespaces\/[^/]+\/repos\/[^/]+\/tags\/[^/]+$/, 'swr:repo:deleteRepoTag'],
  [/^GET \/v2\/manage\/namespaces\/[^/]+\/repos\/[^/]+\/retentions$/, 'swr:repo:listRetentions'],
  [/^POST \/v2\/manage\/namespaces\/[^/]+\/repos\/[^/]+\/retentions$/, 'swr:repo:createRetention'],
];

/** The IAM action for an SWR method and path, when known. */
export function swrActionFor(method: string, path: string): string | undefined {
  const call = `${method} ${path}`;
  return SWR_ACTIONS.find(([pattern]) => pattern.test(call))?.[1];
}

/** Next steps for SWR errors: DNS/region, rejected credentials, missing IAM permissions. */
export function swrHint(error: ApiError, connection: SwrConnection, baseUrl: URL): string | undefined {
  if (error.status === 0 && /ENOTFOUND|EAI_AGAIN|getaddrinfo|resolve/i.test(error.providerMessage)) {
    return connection.endpoint
      ? `Could not resolve ${baseUrl.host}: check the endpoint input.`
      : `Could not resolve ${baseUrl.host}: check that region "${connection.region}" is an SWR region ` +
          '(e.g. cn-north-4, ap-southeast-1), or set endpoint.';
  }
  if (
    error.status === 401 ||
    /^(APIGW\.0301|APIGW\.0307|SVCSTG\.SWR\.401000|SVCSTG\.SWR\.4000031)$/.test(error.code ?? '')
  ) {
    return rejectedCredentialsHint(error, connection.auth);
  }
  if (error.status === 403) {
    const action = swrActionFor(error.method, error.path);
    const needed = action ? `the IAM action ${action}` : 'the SWR permission for this call';
    return (
      `The credentials were accepted but lack ${needed}: grant it to the IAM user or user group ` +
      '(a policy such as SWR Admin or a custom policy), or an organization permission in SWR.'
    );
  }
  if (error.status === 404 && error.code === 'SVCSTG.SWR.4040083') {
    return `The SWR API path was not found at ${baseUrl.host}: check the endpoint input.`;
  }
  return undefined;
}

function rejectedCredentialsHint(error: ApiError, auth: HuaweiAuth): string {
  const expired = /expire/i.test(error.providerMessage);
  if (auth.method === 'aksk' && auth.credentials.securityToken && expired) {
    return (
      'The security token of the temporary AK/SK has expired: get a fresh set, or use keyless ' +
      'sign-in (idp-id) so the action gets its own.'
    );
  }
  if (auth.method === 'aksk') {
    return (
      `SWR rejected the AK/SK from ${auth.source}: check that the AK exists and is enabled and that ` +
      'the SK belongs to it (a temporary AK/SK also needs security-token), and that the runner clock is right.'
    );
  }
  return expired
    ? 'The IAM token expired; run the step again.'
    : `SWR rejected the IAM token (${auth.source}): check that region matches the SWR endpoint, since ` +
        "tokens are scoped to the region's project.";
}
