import { describe, expect, it } from 'vitest';
import {
  isIdempotentMethod,
  isNotSentNetworkCode,
  isRetryableNetworkCode,
  isRetryableStatus,
} from '../../../src/core/retry/is-retryable.ts';

describe('isRetryableStatus', () => {
  it.each([429, 500, 502, 503, 504])('retries %i', (status) => expect(isRetryableStatus(status)).toBe(true));
  it.each([200, 400, 401, 403, 404, 409, 501, 505])('does not retry %i', (status) =>
    expect(isRetryableStatus(status)).toBe(false),
  );
});

describe('isIdempotentMethod', () => {
  it.each(['GET', 'HEAD', 'PUT', 'DELETE'] as const)('%s is idempotent', (m) =>
    expect(isIdempotentMethod(m)).toBe(true),
  );
  it.each(['POST', 'PATCH'] as const)('%s is not', (m) => expect(isIdempotentMethod(m)).toBe(false));
});

describe('network error codes', () => {
  it.each([
    'ECONNRESET',
    'ECONNREFUSED',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
  ])('retries %s', (code) => expect(isRetryableNetworkCode(code)).toBe(true));
  it.each([undefined, 'ENOTFOUND', 'CERT_HAS_EXPIRED', 'UND_ERR_INVALID_ARG'])('does not retry %s', (code) =>
    expect(isRetryableNetworkCode(code)).toBe(false),
  );
  it('knows a refused connection never carried the request, but a reset may have', () => {
    expect(isNotSentNetworkCode('ECONNREFUSED')).toBe(true);
    expect(isNotSentNetworkCode('ECONNRESET')).toBe(false);
  });
});
