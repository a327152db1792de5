import type { ApiClient, Authenticator } from '../http/types.ts';
import { fetchGithubIdToken, type IdTokenSource } from '../iam/github-id-token.ts';
import type { IamToken } from '../iam/iam-token.ts';
import { exchangeIdToken } from '../iam/oidc-token.ts';
import { requestPasswordToken } from '../iam/password-token.ts';
import { requestSecurityToken } from '../iam/security-token.ts';
import { cacheToken, cacheUntilExpiry } from '../iam/token-cache.ts';
import { type HuaweiCredentials, signHuaweiRequest } from '../signing/index.ts';
import { huaweiSigner, iamTokenHeader } from './authenticators.ts';
import type { HuaweiAuth } from './credentials.ts';

export interface HuaweiAuthOptions {
  /** A client for the IAM endpoint (no authenticator of its own), for password and OIDC sign-in. */
  iam: ApiClient;
  /** The region, which is also the IAM project name tokens are scoped to. */
  region: string;
  /** Sign with AK/SK even for password and OIDC sign-in, by exchanging the token for temporary AK/SK. */
  signing?: boolean;
  /** Where the GitHub ID token comes from (default core.getIDToken). */
  getIdToken?: IdTokenSource;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

type TokenAuth = Exclude<HuaweiAuth, { method: 'aksk' }>;

/**
 * The authenticator for resolved Huawei credentials: AK/SK signing, or an IAM token (password or
 * GitHub OIDC) fetched on the first request and reused until shortly before it expires.
 */
export function huaweiAuthenticator(auth: HuaweiAuth, options: HuaweiAuthOptions): Authenticator {
  const now = options.now ?? (() => new Date());
  if (auth.method === 'aksk') return huaweiSigner(auth.credentials, { now });
  const token = cacheToken(() => fetchIamToken(auth, options), { now });
  if (!options.signing) return iamTokenHeader(token);
  const temporary = cacheUntilExpiry(
    async () => requestSecurityToken(options.iam, await token(), undefined, now),
    { now },
  );
  return async (request) => signHuaweiRequest(request, await temporary(), { now: now() });
}

/** AK/SK to sign with: the configured pair, or temporary AK/SK exchanged from a password or OIDC token. */
export async function huaweiSigningCredentials(
  auth: HuaweiAuth,
  options: HuaweiAuthOptions,
): Promise<HuaweiCredentials> {
  if (auth.method === 'aksk') return auth.credentials;
  const token = await fetchIamToken(auth, options);
  const { expiresAt: _, ...credentials } = await requestSecurityToken(options.iam, token.value);
  return credentials;
}

/** A project-scoped IAM token by password, or by exchanging the job's GitHub ID token. */
export async function fetchIamToken(auth: TokenAuth, options: HuaweiAuthOptions): Promise<IamToken> {
  const { iam, region, now } = options;
  if (auth.method === 'password') return requestPasswordToken(iam, auth, region, now);
  const sourceOptions = {
    ...(options.getIdToken && { getIdToken: options.getIdToken }),
    ...(options.env && { env: options.env }),
  };
  const idToken = await fetchGithubIdToken(auth.audience, sourceOptions);
  return exchangeIdToken(iam, { idpId: auth.idpId, idToken, projectName: region }, now);
}
