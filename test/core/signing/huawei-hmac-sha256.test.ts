import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WireRequest } from '../../../src/core/http/types.ts';
import { signHuaweiRequest } from '../../../src/core/signing/huawei-hmac-sha256.ts';
import { huaweiSdkAuthorization } from './reference/huawei-sdk-signer.ts';
import { fixedNow, type SigningCase, toWireRequest } from './reference/signing-case.ts';
import { signingCaseArbitrary } from './reference/signing-case-arbitrary.ts';

const credentials = { accessKeyId: 'HWEMUAK00000000000001', secretAccessKey: 'hw-emu-secret-key-0123456789' };
const sdkDate = '20240506T070809Z';
const swr = 'https://swr-api.cn-north-4.myhuaweicloud.com';

const cases: SigningCase[] = [
  { name: 'list namespaces', method: 'GET', origin: swr, path: '/v2/manage/namespaces' },
  {
    name: 'namespace filter with | and ::',
    method: 'GET',
    origin: swr,
    path: '/v2/manage/namespaces',
    query: [['filter', 'namespace::team|mode::visible']],
  },
  {
    name: 'repository name with $ (group/app)',
    method: 'GET',
    origin: swr,
    path: '/v2/manage/namespaces/team/repos/group$app/tags',
  },
  {
    name: 'repository with two $',
    method: 'DELETE',
    origin: swr,
    path: '/v2/manage/namespaces/t/repos/a$b$c',
  },
  {
    name: 'tag list paging and order',
    method: 'GET',
    origin: swr,
    path: '/v2/manage/namespaces/team/repos/app/tags',
    query: [
      ['offset', '0'],
      ['limit', '100'],
      ['order_column', 'updated_at'],
      ['order_type', 'desc'],
    ],
  },
  {
    name: 'repeated query key sorted by value',
    method: 'GET',
    origin: swr,
    path: '/v2/x',
    query: [
      ['tag', 'v2'],
      ['tag', 'v10'],
      ['tag', 'latest'],
    ],
  },
  { name: 'empty query value', method: 'GET', origin: swr, path: '/v2/x', query: [['name', '']] },
  { name: 'unicode query value', method: 'GET', origin: swr, path: '/v2/x', query: [['desc', '中文 镜像']] },
  { name: 'unicode path segment', method: 'GET', origin: swr, path: '/v2/manage/namespaces/镜像' },
  { name: 'emoji in query', method: 'GET', origin: swr, path: '/v2/x', query: [['q', 'ship 🚢']] },
  {
    name: 'create namespace JSON body',
    method: 'POST',
    origin: swr,
    path: '/v2/manage/namespaces',
    headers: { 'Content-Type': 'application/json' },
    body: '{"namespace":"team"}',
  },
  {
    name: 'JSON body with unicode',
    method: 'POST',
    origin: swr,
    path: '/v2/manage/namespaces/team/repos',
    headers: { 'Content-Type': 'application/json' },
    body: '{"repository":"app","description":"测试 ✓","is_public":false}',
  },
  {
    name: 'PATCH nested JSON',
    method: 'PATCH',
    origin: swr,
    path: '/v2/manage/namespaces/team/repos/group$app',
    headers: { 'Content-Type': 'application/json;charset=UTF-8' },
    body: '{"is_public":true,"category":"other","tags":["a","b"],"n":{"x":1}}',
  },
  { name: 'trailing slash kept once', method: 'GET', origin: swr, path: '/v2/manage/namespaces/' },
  { name: 'root path', method: 'GET', origin: swr, path: '/' },
  {
    name: 'query with space, plus and slash',
    method: 'GET',
    origin: swr,
    path: '/v2/x',
    query: [['q', 'a b+c/d=e&f']],
  },
  {
    name: "query with sub-delims !'()*~",
    method: 'GET',
    origin: swr,
    path: '/v2/x',
    query: [['q', "!'()*~._-"]],
  },
  {
    name: 'query keys needing sort and encoding',
    method: 'GET',
    origin: swr,
    path: '/v2/x',
    query: [
      ['b', '1'],
      ['B', '2'],
      ['_a', '3'],
      ['a b', '4'],
    ],
  },
  {
    name: 'custom headers of mixed case',
    method: 'GET',
    origin: swr,
    path: '/v2/x',
    headers: {
      'X-Custom-Thing': 'Value',
      accept: 'application/json',
      'User-Agent': 'registry-actions/0.1.0',
    },
  },
  {
    name: 'emulator origin with port',
    method: 'GET',
    origin: 'http://127.0.0.1:8123',
    path: '/v2/manage/namespaces',
  },
  { name: 'IPv6 loopback origin', method: 'GET', origin: 'http://[::1]:9000', path: '/v3/auth/tokens' },
  {
    name: 'path with : @ = ; , characters',
    method: 'GET',
    origin: swr,
    path: '/v2/x/a:b@c=d;e,f',
  },
  { name: 'literal % in a segment', method: 'GET', origin: swr, path: '/v2/x/50%off' },
  {
    name: 'unsigned payload header',
    method: 'PUT',
    origin: swr,
    path: '/v2/x',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
    body: '',
  },
];

function signed(
  signingCase: SigningCase,
  extra: { securityToken?: string; projectId?: string } = {},
): string {
  const request = toWireRequest(signingCase);
  signHuaweiRequest(
    request,
    { ...credentials, securityToken: extra.securityToken },
    { now: fixedNow, projectId: extra.projectId },
  );
  return request.headers.Authorization ?? '';
}

describe('signHuaweiRequest matches the official Huawei SDK byte for byte', () => {
  it.each(cases)('$name', (signingCase) => {
    expect(signed(signingCase)).toBe(huaweiSdkAuthorization(signingCase, credentials, sdkDate));
  });

  it('with a security token (temporary AK/SK)', () => {
    const token = 'sts-token-value/with+chars==';
    const signingCase = cases[2]!;
    expect(signed(signingCase, { securityToken: token })).toBe(
      huaweiSdkAuthorization(signingCase, { ...credentials, securityToken: token }, sdkDate),
    );
  });

  it('with a project id', () => {
    const signingCase = cases[1]!;
    expect(signed(signingCase, { projectId: '0123456789abcdef' })).toBe(
      huaweiSdkAuthorization(signingCase, credentials, sdkDate, '0123456789abcdef'),
    );
  });

  it('for generated requests', () => {
    fc.assert(
      fc.property(signingCaseArbitrary({ repeatedKeys: true, encodedKeys: true }), (signingCase) => {
        expect(signed(signingCase)).toBe(huaweiSdkAuthorization(signingCase, credentials, sdkDate));
      }),
      { numRuns: 300 },
    );
  });
});

describe('signHuaweiRequest', () => {
  it('pins a known vector', () => {
    expect(signed(cases[1]!)).toBe(
      'SDK-HMAC-SHA256 Access=HWEMUAK00000000000001, SignedHeaders=host;x-sdk-date, Signature=269f36b4c0775f49950c02a96de42337fc25963c254d2fc9e0e2f2fbd7d2bfef',
    );
  });

  it('sets X-Sdk-Date, X-Security-Token and X-Project-Id headers', () => {
    const request = toWireRequest(cases[0]!);
    signHuaweiRequest(request, { ...credentials, securityToken: 'tok' }, { now: fixedNow, projectId: 'p1' });
    expect(request.headers).toMatchObject({
      'X-Sdk-Date': sdkDate,
      'X-Security-Token': 'tok',
      'X-Project-Id': 'p1',
    });
    expect(request.headers.Authorization).toContain(
      'SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,',
    );
  });

  it('replaces the previous signature when the same request is signed again', () => {
    const request = toWireRequest(cases[0]!);
    signHuaweiRequest(request, credentials, { now: new Date('2020-01-01T00:00:00Z') });
    signHuaweiRequest(request, credentials, { now: fixedNow });
    const fresh = toWireRequest(cases[0]!);
    signHuaweiRequest(fresh, credentials, { now: fixedNow });
    expect(request.headers).toEqual(fresh.headers);
  });

  it('signs the same whether $ is sent literally or as %24', () => {
    const literal = toWireRequest(cases[2]!);
    const encoded: WireRequest = {
      ...literal,
      url: new URL(literal.url.href.replace('$', '%24')),
      headers: {},
    };
    signHuaweiRequest(literal, credentials, { now: fixedNow });
    signHuaweiRequest(encoded, credentials, { now: fixedNow });
    expect(encoded.url.pathname).toContain('%24');
    expect(encoded.headers.Authorization).toBe(literal.headers.Authorization);
  });

  it('signs a header value as the server receives it, without surrounding spaces', () => {
    const padded = toWireRequest({ ...cases[0]!, headers: { 'X-Custom': '  v  ' } });
    const plain = toWireRequest({ ...cases[0]!, headers: { 'X-Custom': 'v' } });
    signHuaweiRequest(padded, credentials, { now: fixedNow });
    signHuaweiRequest(plain, credentials, { now: fixedNow });
    expect(padded.headers.Authorization).toBe(plain.headers.Authorization);
  });

  it('changes the signature when the body changes', () => {
    const a = toWireRequest({ ...cases[10]!, body: '{"namespace":"a"}' });
    const b = toWireRequest({ ...cases[10]!, body: '{"namespace":"b"}' });
    signHuaweiRequest(a, credentials, { now: fixedNow });
    signHuaweiRequest(b, credentials, { now: fixedNow });
    expect(a.headers.Authorization).not.toBe(b.headers.Authorization);
  });
});
