// Response builders in each provider's own error format.
import type { EmuResponse, RequestContext, RouteProvider } from './route-types.ts';

/** A JSON response. */
export function json(status: number, body: unknown, headers?: Record<string, string>): EmuResponse {
  return { status, body, ...(headers ? { headers } : {}) };
}

/** A response without a body. */
export function empty(status: number, headers?: Record<string, string>): EmuResponse {
  return { status, ...(headers ? { headers } : {}) };
}

/** SWR service error, array shape `[{"errorCode","errorMessage","detail"}]` (spec 5.2). */
export function swrError(status: number, code: string, message: string): EmuResponse {
  return json(status, [{ errorCode: code, errorMessage: message, detail: '' }]);
}

/** SWR / API gateway error, object shape `{"error_code","error_msg"}` (spec 3.3). */
export function swrGatewayError(
  status: number,
  code: string,
  message: string,
  requestId?: string,
): EmuResponse {
  return json(status, {
    error_code: code,
    error_msg: message,
    ...(requestId ? { request_id: requestId } : {}),
  });
}

/** IAM (Keystone) error `{"error":{"code","message","title"}}`. */
export function iamError(status: number, message: string, title: string): EmuResponse {
  return json(status, { error: { code: status, message, title } });
}

/** Baidu error `{"code","message","requestId"}` (the server adds the same id as `x-bce-request-id`). */
export function baiduError(
  context: Pick<RequestContext, 'requestId'>,
  status: number,
  code: string,
  message: string,
): EmuResponse {
  return json(status, { code, message, requestId: context.requestId });
}

/** The path under which the fake GitHub API answers: GITHUB_API_URL is `<emulator url>/github-api`. */
export const GITHUB_API_PREFIX = '/github-api';

/** GitHub REST error `{"message","documentation_url","status"}`. */
export function githubError(status: number, message: string): EmuResponse {
  return json(status, { message, documentation_url: 'https://docs.github.com/rest', status: String(status) });
}

/** An error in the format of the provider a path belongs to (for 404/405/faults before routing). */
export function providerError(
  provider: RouteProvider,
  requestId: string,
  status: number,
  kind: 'not-found' | 'method' | 'unauthorized' | 'server' | 'throttled',
): EmuResponse {
  const text = {
    'not-found': ['NotFound', 'The requested URL cannot be found.'],
    method: ['MethodNotAllowed', 'The method is not allowed for the requested URL.'],
    unauthorized: ['Unauthorized', 'Authentication failed. Obtain a new token and try again.'],
    server: ['InternalError', 'Internal server error.'],
    throttled: ['RequestLimitExceeded', 'The throttling threshold has been reached.'],
  }[kind] as [string, string];
  if (provider === 'ccr' || provider === 'admin') return baiduError({ requestId }, status, text[0], text[1]);
  if (provider === 'iam') return iamError(status, text[1], text[0]);
  if (provider === 'github') return githubError(status, text[1]);
  const swrCodes: Record<typeof kind, string> = {
    'not-found': 'SVCSTG.SWR.4040083',
    method: 'SVCSTG.SWR.4050000',
    unauthorized: 'SVCSTG.SWR.401000',
    server: status === 503 ? 'APIGW.0203' : 'SVCSTG.SWR.5000007',
    throttled: 'APIGW.0308',
  };
  // Gateway-level failures use the object shape, service errors the array shape.
  if (kind === 'throttled' || (kind === 'server' && status !== 500))
    return swrGatewayError(status, swrCodes[kind], text[1], requestId);
  return swrError(status, swrCodes[kind], text[1]);
}

/** The provider a path belongs to when no route matched. */
export function providerOfPath(path: string): RouteProvider {
  if (path.startsWith('/v3')) return 'iam';
  if (path.startsWith(`${GITHUB_API_PREFIX}/`)) return 'github';
  if (path.startsWith('/v1/') || path.startsWith('/__admin')) return 'ccr';
  return 'swr';
}

/** The JSON body of a request, or undefined when it is not JSON. */
export function parseJsonBody(context: Pick<RequestContext, 'body'>): unknown {
  if (context.body.trim() === '') return undefined;
  try {
    return JSON.parse(context.body) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
