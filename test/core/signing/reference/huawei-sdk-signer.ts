import { createRequire } from 'node:module';
import type { HuaweiCredentials } from '../../../../src/core/signing/huawei-hmac-sha256.ts';
import { queryObject, type SigningCase, trimmedHeaders } from './signing-case.ts';

interface AkskSignerModule {
  AKSKSigner: { sign(request: object, credential: object): Record<string, string> };
}

function isAkskSignerModule(value: unknown): value is AkskSignerModule {
  const signer = (value as { AKSKSigner?: { sign?: unknown } } | null)?.AKSKSigner;
  return typeof signer?.sign === 'function';
}

const loaded: unknown = createRequire(import.meta.url)(
  '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js',
);
if (!isAkskSignerModule(loaded)) throw new Error('@huaweicloud/huaweicloud-sdk-core AKSKSigner not found');
const { AKSKSigner } = loaded;

/**
 * The Authorization header the official Huawei SDK computes for the case: drives AKSKSigner.sign as
 * BaseCredentials.processAuthRequest does (security token and project id headers added first).
 */
export function huaweiSdkAuthorization(
  signingCase: SigningCase,
  credentials: HuaweiCredentials,
  sdkDate: string,
  projectId?: string,
): string {
  const headers: Record<string, string> = { ...trimmedHeaders(signingCase.headers), 'X-Sdk-Date': sdkDate };
  if (credentials.securityToken) headers['X-Security-Token'] = credentials.securityToken;
  if (projectId) headers['X-Project-Id'] = projectId;
  const body = signingCase.body ?? '';
  const signed = AKSKSigner.sign(
    {
      method: signingCase.method,
      endpoint: `${signingCase.origin}${signingCase.path}`,
      headers,
      queryParams: queryObject(signingCase.query),
      // The SDK hashes JSON.stringify(data); our bodies are JSON text, so parse them back.
      data: body === '' ? undefined : JSON.parse(body),
    },
    { getAk: () => credentials.accessKeyId, getSk: () => credentials.secretAccessKey },
  );
  const authorization = signed.Authorization;
  if (authorization === undefined) throw new Error('Huawei SDK returned no Authorization');
  return authorization;
}
