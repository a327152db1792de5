import { describe, expect, it } from 'vitest';
import { describeNetworkError, networkErrorCode } from '../../../src/core/http/network-error.ts';
import { DEFAULT_TIMEOUTS } from '../../../src/core/http/options.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('networkErrorCode', () => {
  it('finds the code on the error, in its cause chain, or in an AggregateError', () => {
    expect(networkErrorCode(withCode('reset', 'ECONNRESET'))).toBe('ECONNRESET');
    expect(networkErrorCode(new Error('fetch failed', { cause: withCode('refused', 'ECONNREFUSED') }))).toBe(
      'ECONNREFUSED',
    );
    expect(networkErrorCode(new AggregateError([withCode('v6', 'ECONNREFUSED')], 'all failed'))).toBe(
      'ECONNREFUSED',
    );
  });

  it('gives undefined for a plain error, a string, or a cycle without a code', () => {
    const cyclic: { cause?: unknown } = {};
    cyclic.cause = cyclic;
    expect(networkErrorCode(new Error('x'))).toBeUndefined();
    expect(networkErrorCode('x')).toBeUndefined();
    expect(networkErrorCode(cyclic)).toBeUndefined();
  });
});

describe('describeNetworkError', () => {
  const say = (code: string | undefined, error: unknown = new Error('boom')) =>
    describeNetworkError(code, error, 'swr-api.example.test', DEFAULT_TIMEOUTS);

  it.each([
    ['ECONNREFUSED', 'connection refused by swr-api.example.test'],
    ['UND_ERR_SOCKET', 'connection to swr-api.example.test was closed before the response arrived'],
    ['UND_ERR_CONNECT_TIMEOUT', 'could not connect to swr-api.example.test within 10 s'],
    ['UND_ERR_HEADERS_TIMEOUT', 'swr-api.example.test sent no response within 30 s'],
    ['UND_ERR_BODY_TIMEOUT', 'swr-api.example.test stopped sending the response body for 30 s'],
    ['ENOTFOUND', 'could not resolve host swr-api.example.test'],
  ])('describes %s', (code, expected) => {
    expect(say(code)).toBe(expected);
  });

  it('names a certificate problem as a TLS failure', () => {
    const error = withCode('unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(say('UNABLE_TO_VERIFY_LEAF_SIGNATURE', error)).toBe(
      'TLS connection to swr-api.example.test failed: unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE)',
    );
  });

  it('keeps only the first line of an unknown error', () => {
    expect(say(undefined, new Error('first line\nsecond line'))).toBe(
      'request to swr-api.example.test failed: first line',
    );
  });
});
