import { describe, expect, it } from 'vitest';
import type { WireRequest } from '../../../src/core/http/types.ts';
import { signBaiduRequest } from '../../../src/core/signing/baidu-bce-auth-v1.ts';
import { receivedFromWire } from './received-from-wire.ts';
import type { ReceivedRequest } from './received-request.ts';
import { verifyBaiduRequest } from './verify-baidu.ts';

const accessKeyId = 'bce-emu-ak-00000001';
const secretAccessKey = 'bce-emu-sk-0123456789';
const secretFor = (ak: string) => (ak === accessKeyId ? secretAccessKey : undefined);
const signedAt = new Date('2024-05-06T07:08:09Z');

function signedRequest(expirationSeconds = 1800): ReceivedRequest {
  const wire: WireRequest = {
    method: 'POST',
    url: new URL(
      'http://127.0.0.1:8123/v1/instances/ccr-4k74gw7d/publiclinks/whitelist?keywordType=id%7Cname',
    ),
    headers: { 'Content-Type': 'application/json', 'x-bce-request-id': 'r1' },
    body: '{"ipAddr":"203.0.113.7/32"}',
  };
  signBaiduRequest(
    wire,
    { accessKeyId, secretAccessKey, sessionToken: 'tok' },
    { now: signedAt, expirationSeconds },
  );
  return receivedFromWire(wire);
}

const verify = (request: ReceivedRequest, now = signedAt) => verifyBaiduRequest(request, secretFor, now);

function tampered(change: (request: ReceivedRequest) => void): ReceivedRequest {
  const request = signedRequest();
  change(request);
  return request;
}

describe('verifyBaiduRequest', () => {
  it('accepts a request signed by signBaiduRequest', () => {
    expect(verify(signedRequest())).toEqual({ ok: true, accessKeyId });
  });

  it('accepts a request until its expiration and a clock behind within the skew', () => {
    expect(verify(signedRequest(), new Date(signedAt.getTime() + 1_800_000)).ok).toBe(true);
    expect(verify(signedRequest(), new Date(signedAt.getTime() - 899_000)).ok).toBe(true);
  });

  it.each<[string, (request: ReceivedRequest) => void, RegExp]>([
    [
      'path',
      (r) => (r.url.pathname = r.url.pathname.replace('whitelist', 'whitelists')),
      /signature does not match/,
    ],
    ['query value', (r) => r.url.searchParams.set('keywordType', 'id'), /signature does not match/],
    ['added query parameter', (r) => r.url.searchParams.append('pageNo', '1'), /signature does not match/],
    ['method', (r) => (r.method = 'DELETE'), /signature does not match/],
    ['signed header value', (r) => (r.headers['content-type'] = 'text/plain'), /signature does not match/],
    ['x-bce-date', (r) => (r.headers['x-bce-date'] = '2024-05-06T07:08:10Z'), /signature does not match/],
    ['host', (r) => (r.headers.host = 'ccr.bj.baidubce.com'), /signature does not match/],
    ['session token', (r) => (r.headers['x-bce-security-token'] = 'other'), /signature does not match/],
    [
      'removed signed header',
      (r) => delete r.headers['x-bce-request-id'],
      /signed header x-bce-request-id is missing/,
    ],
    [
      'timestamp in Authorization',
      (r) => (r.headers.authorization = r.headers.authorization!.replace('07:08:09Z', '07:08:10Z')),
      /signature does not match/,
    ],
    [
      'expiration in Authorization',
      (r) => (r.headers.authorization = r.headers.authorization!.replace('/1800/', '/3600/')),
      /signature does not match/,
    ],
    [
      'unknown access key',
      (r) => (r.headers.authorization = r.headers.authorization!.replace(accessKeyId, 'other-ak')),
      /access key id other-ak is unknown/,
    ],
    ['malformed Authorization', (r) => (r.headers.authorization = 'bce-auth-v1/x'), /Authorization is not/],
    [
      'SignedHeaders without host',
      (r) =>
        (r.headers.authorization = r.headers.authorization!.replace('/content-type;host;', '/content-type;')),
      /SignedHeaders must include host/,
    ],
  ])('rejects a tampered %s', (_name, change, reason) => {
    const result = verify(tampered(change));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('does not sign the body, as bce-auth-v1 defines', () => {
    expect(verify(tampered((r) => (r.body = '{}'))).ok).toBe(true);
  });

  it('rejects a signature made with another secret key', () => {
    const result = verifyBaiduRequest(signedRequest(), () => 'another-secret', signedAt);
    expect(result).toEqual({ ok: false, reason: 'signature does not match the request' });
  });

  it('rejects an expired signature', () => {
    const result = verify(signedRequest(60), new Date(signedAt.getTime() + 61_000));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/^signature expired: signed at .* valid for 60 seconds$/),
    });
  });

  it('rejects a timestamp ahead of the clock by more than the skew', () => {
    const result = verify(signedRequest(), new Date(signedAt.getTime() - 901_000));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/ahead of the server clock/) });
  });
});
