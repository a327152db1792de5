// Test-only HTTP helper for emulator tests: token, SDK-HMAC-SHA256 or bce-auth-v1 auth, raw results.
import { request } from 'undici';
import type { HttpMethod, WireRequest } from '../../src/core/http/types.ts';
import { signBaiduRequest, signHuaweiRequest } from '../../src/core/signing/index.ts';
import { DEFAULT_CREDENTIALS } from './credentials.ts';

export interface CallOptions {
  method?: HttpMethod;
  path: string;
  query?: Record<string, string>;
  /** JSON-serialised unless a string. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Default `application/json` on every request, as the official SDKs send it; null sends none. */
  contentType?: string | null;
  /** `token` needs `token`; `huawei` / `baidu` sign with the default keys (or `keys`). */
  auth?: 'none' | 'token' | 'huawei' | 'baidu';
  token?: string;
  keys?: { accessKeyId: string; secretAccessKey: string };
  /** Signing clock. */
  signedAt?: Date;
}

export interface CallResult {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: unknown;
}

function parse(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Sends one request to the emulator and reads the whole answer. */
export async function call(baseUrl: string, options: CallOptions): Promise<CallResult> {
  const url = new URL(options.path, baseUrl);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.append(key, value);
  const body =
    options.body === undefined
      ? ''
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const wire: WireRequest = {
    method: options.method ?? 'GET',
    url,
    headers: {
      ...(options.contentType === null ? {} : { 'Content-Type': options.contentType ?? 'application/json' }),
      ...options.headers,
    },
    body,
  };
  const auth = options.auth ?? 'none';
  if (auth === 'token') wire.headers['X-Auth-Token'] = options.token ?? '';
  const when = options.signedAt ? { now: options.signedAt } : {};
  if (auth === 'huawei') signHuaweiRequest(wire, options.keys ?? DEFAULT_CREDENTIALS.huawei, when);
  if (auth === 'baidu') signBaiduRequest(wire, options.keys ?? DEFAULT_CREDENTIALS.baidu, when);
  const response = await request(wire.url, {
    method: wire.method,
    headers: wire.headers,
    body: body || undefined,
  });
  const text = await response.body.text();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: response.statusCode, headers, text, json: parse(text) };
}

/** An IAM token for the default user. */
export async function iamToken(baseUrl: string): Promise<string> {
  const user = DEFAULT_CREDENTIALS.huawei;
  const result = await call(baseUrl, {
    method: 'POST',
    path: '/v3/auth/tokens',
    body: {
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: user.userName, password: user.password, domain: { name: user.domainName } },
          },
        },
        scope: { project: { name: 'emu-region-1' } },
      },
    },
  });
  const token = result.headers['x-subject-token'];
  if (result.status !== 201 || !token) throw new Error(`no IAM token: ${result.status} ${result.text}`);
  return token;
}

/** A caller bound to one emulator and one auth scheme. */
export function caller(baseUrl: string, defaults: Partial<CallOptions>) {
  return (options: CallOptions) => call(baseUrl, { ...defaults, ...options });
}
