import { createRequire } from 'node:module';
import type { BaiduCredentials } from '../../../../src/core/signing/baidu-bce-auth-v1.ts';
import { queryObject, type SigningCase, trimmedHeaders } from './signing-case.ts';

interface BceAuth {
  generateAuthorization(
    method: string,
    resource: string,
    params: Record<string, string | string[]>,
    headers: Record<string, string>,
    timestamp: number,
    expirationInSeconds: number,
  ): string;
}
type BceAuthConstructor = new (ak: string, sk: string) => BceAuth;

const requireCjs = createRequire(import.meta.url);
const Auth: unknown = requireCjs('@baiducloud/sdk/src/auth.js');
const strings: unknown = requireCjs('@baiducloud/sdk/src/strings.js');

function isAuthConstructor(value: unknown): value is BceAuthConstructor {
  return typeof value === 'function' && typeof value.prototype?.generateAuthorization === 'function';
}

function normalizeOf(value: unknown): (text: string) => string {
  const normalize = (value as { normalize?: unknown } | null)?.normalize;
  if (typeof normalize !== 'function') throw new Error('@baiducloud/sdk strings.normalize not found');
  return (text) => String(normalize(text));
}

if (!isAuthConstructor(Auth)) throw new Error('@baiducloud/sdk Auth not found');
const BceAuthClass = Auth;
const normalize = normalizeOf(strings);

/**
 * The Authorization header the official Baidu SDK computes for the case, as BceBaseClient.createSignature
 * calls Auth.generateAuthorization: the resource path encoded by the SDK's own strings.normalize per segment
 * (its clients pass paths already encoded), host and x-bce-* headers as its HttpClient sets them.
 */
export function baiduSdkAuthorization(
  signingCase: SigningCase,
  credentials: BaiduCredentials,
  now: Date,
  expirationSeconds = 1800,
): string {
  const bceDate = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const headers: Record<string, string> = {
    ...trimmedHeaders(signingCase.headers),
    host: new URL(signingCase.origin).host,
    'x-bce-date': bceDate,
  };
  if (credentials.sessionToken) headers['x-bce-security-token'] = credentials.sessionToken;
  const resource = signingCase.path.split('/').map(normalize).join('/');
  const auth = new BceAuthClass(credentials.accessKeyId, credentials.secretAccessKey);
  return auth.generateAuthorization(
    signingCase.method,
    resource,
    queryObject(signingCase.query),
    headers,
    now.getTime() / 1000,
    expirationSeconds,
  );
}
