import { describe, expect, it } from 'vitest';
import type { WireRequest } from '../../../src/core/http/types.ts';
import { signHuaweiRequest } from '../../../src/core/signing/huawei-hmac-sha256.ts';
import { receivedFromWire } from './received-from-wire.ts';
import type { ReceivedRequest } from './received-request.ts';
import { verifyHuaweiRequest } from './verify-huawei.ts';

const accessKeyId = 'HWEMUAK00000000000001';
const secretAccessKey = 'hw-emu-secret-key-0123456789';
const secretFor = (ak: string) => (ak === accessKeyId ? secretAccessKey : undefined);
const signedAt = new Date('2024-05-06T07:08:09Z');

function signedRequest(): ReceivedRequest {
  const wire: WireRequest = {
    method: 'POST',
    url: new URL(
      'http://127.0.0.1:8123/v2/manage/namespaces/team/repos/group$app/tags?filter=namespace%3A%3Ateam%7Cmode%3A%3Avisible&limit=10',
    ),
    headers: { 'Content-Type': 'application/json', 'X-Custom': 'v' },
    body: '{"tag":"v1"}',
  };
  signHuaweiRequest(
    wire,
    { accessKeyId, secretAccessKey, securityToken: 'tok' },
    { now: signedAt, projectId: 'p1' },
  );
  return receivedFromWire(wire);
}

const verify = (request: ReceivedRequest, now = signedAt) => verifyHuaweiRequest(request, secretFor, now);

function tampered(change: (request: ReceivedRequest) => void): ReceivedRequest {
  const request = signedRequest();
  change(request);
  return request;
}

describe('verifyHuaweiRequest', () => {
  it('accepts a request signed by signHuaweiRequest', () => {
    expect(verify(signedRequest())).toEqual({ ok: true, accessKeyId });
  });

  it('accepts a clock difference within the skew window', () => {
    expect(verify(signedRequest(), new Date(signedAt.getTime() + 899_000)).ok).toBe(true);
    expect(verify(signedRequest(), new Date(signedAt.getTime() - 899_000)).ok).toBe(true);
  });

  it('accepts $ sent as %24 as well as literally', () => {
    const request = tampered((r) => {
      r.url = new URL(r.url.href.replace('$', '%24'));
    });
    expect(verify(request).ok).toBe(true);
  });

  it.each<[string, (request: ReceivedRequest) => void, RegExp]>([
    ['path', (r) => (r.url.pathname = r.url.pathname.replace('tags', 'tag')), /signature does not match/],
    ['query value', (r) => r.url.searchParams.set('limit', '11'), /signature does not match/],
    ['added query parameter', (r) => r.url.searchParams.append('offset', '0'), /signature does not match/],
    ['body', (r) => (r.body = '{"tag":"v2"}'), /signature does not match/],
    ['method', (r) => (r.method = 'PUT'), /signature does not match/],
    ['signed header value', (r) => (r.headers['x-custom'] = 'w'), /signature does not match/],
    ['host', (r) => (r.headers.host = '127.0.0.1:8124'), /signature does not match/],
    ['security token', (r) => (r.headers['x-security-token'] = 'other'), /signature does not match/],
    [
      'removed signed header',
      (r) => delete r.headers['x-project-id'],
      /signed header x-project-id is missing/,
    ],
    ['missing X-Sdk-Date', (r) => delete r.headers['x-sdk-date'], /X-Sdk-Date header is missing/],
    ['malformed X-Sdk-Date', (r) => (r.headers['x-sdk-date'] = '2024-05-06'), /not in the form/],
    [
      'unknown access key',
      (r) => (r.headers.authorization = r.headers.authorization!.replace(accessKeyId, 'OTHERAK')),
      /access key id OTHERAK is unknown/,
    ],
    ['malformed Authorization', (r) => (r.headers.authorization = 'Bearer x'), /Authorization is not/],
    [
      'SignedHeaders without host',
      (r) => (r.headers.authorization = r.headers.authorization!.replace('host;', '')),
      /SignedHeaders must include host/,
    ],
  ])('rejects a tampered %s', (_name, change, reason) => {
    const result = verify(tampered(change));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('rejects a signature made with another secret key', () => {
    const result = verifyHuaweiRequest(signedRequest(), () => 'another-secret', signedAt);
    expect(result).toEqual({ ok: false, reason: 'signature does not match the request' });
  });

  it.each([
    ['late', 901_000],
    ['early', -901_000],
  ])('rejects a clock %s by more than the skew window', (_name, offsetMs) => {
    const result = verify(signedRequest(), new Date(signedAt.getTime() + offsetMs));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/outside the allowed clock skew of 900 seconds/),
    });
  });
});
