import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signBaiduRequest } from '../../../src/core/signing/baidu-bce-auth-v1.ts';
import { baiduSdkAuthorization } from './reference/baidu-sdk-signer.ts';
import { fixedNow, type SigningCase, toWireRequest } from './reference/signing-case.ts';
import { signingCaseArbitrary } from './reference/signing-case-arbitrary.ts';

const credentials = { accessKeyId: 'bce-emu-ak-00000001', secretAccessKey: 'bce-emu-sk-0123456789' };
const ccr = 'https://ccr.bj.baidubce.com';
const json = { 'Content-Type': 'application/json; charset=utf-8' };

const cases: SigningCase[] = [
  { name: 'list personal namespaces', method: 'GET', origin: ccr, path: '/v1/ccr/projects' },
  {
    name: 'paged list with empty filter value',
    method: 'GET',
    origin: ccr,
    path: '/v1/ccr/projects',
    query: [
      ['pageNo', '1'],
      ['pageSize', '10'],
      ['projectName', ''],
    ],
  },
  { name: 'namespace members', method: 'GET', origin: ccr, path: '/v1/ccr/projects/42/members' },
  { name: 'delete namespace', method: 'DELETE', origin: ccr, path: '/v1/ccr/projects/1' },
  {
    name: 'instance search with | in value',
    method: 'GET',
    origin: ccr,
    path: '/v1/instances',
    query: [
      ['keywordType', 'id|name'],
      ['keyword', 'ccr-4k74gw7d'],
    ],
  },
  {
    name: 'tag list of a nested repository',
    method: 'GET',
    origin: ccr,
    path: '/v1/instances/ccr-4k74gw7d/projects/team/repositories/group$app/tags',
    query: [
      ['tagName', ''],
      ['pageNo', '2'],
      ['pageSize', '100'],
    ],
  },
  {
    name: 'whitelist add with JSON body',
    method: 'POST',
    origin: ccr,
    path: '/v1/instances/ccr-4k74gw7d/publiclinks/whitelist',
    headers: json,
    body: '{"ipAddr":"203.0.113.7/32","description":"github runner"}',
  },
  {
    name: 'whitelist delete with body',
    method: 'DELETE',
    origin: ccr,
    path: '/v1/instances/ccr-4k74gw7d/publiclinks/whitelist',
    headers: json,
    body: '{"items":["203.0.113.7/32"]}',
  },
  {
    name: 'public access toggle',
    method: 'PUT',
    origin: ccr,
    path: '/v1/instances/ccr-4k74gw7d/publiclinks',
    headers: json,
    body: '{"action":"open"}',
  },
  {
    name: 'temporary password',
    method: 'POST',
    origin: ccr,
    path: '/v1/instances/ccr-4k74gw7d/credential',
    headers: json,
    body: '{"duration":24}',
  },
  {
    name: 'user profile query',
    method: 'GET',
    origin: ccr,
    path: '/v1/users/profile',
    query: [['userId', 'emu-user-id']],
  },
  {
    name: 'unicode query value',
    method: 'GET',
    origin: ccr,
    path: '/v1/ccr/projects',
    query: [['q', '中文 镜像']],
  },
  { name: 'unicode path segment', method: 'GET', origin: ccr, path: '/v1/ccr/projects/镜像/members' },
  { name: 'emoji in query', method: 'GET', origin: ccr, path: '/v1/x', query: [['q', '🚢']] },
  { name: 'trailing slash kept as is', method: 'GET', origin: ccr, path: '/v1/ccr/projects/' },
  { name: 'root path', method: 'GET', origin: ccr, path: '/' },
  {
    name: 'query with : / + & =',
    method: 'GET',
    origin: ccr,
    path: '/v1/x',
    query: [['q', 'a:b/c+d&e=f g']],
  },
  { name: "query with !'()*~", method: 'GET', origin: ccr, path: '/v1/x', query: [['q', "!'()*~._-"]] },
  {
    name: 'query pairs sorted as encoded strings',
    method: 'GET',
    origin: ccr,
    path: '/v1/x',
    query: [
      ['b', '1'],
      ['a_b', '2'],
      ['a', '3'],
      ['A', '4'],
    ],
  },
  {
    name: 'x-bce headers signed, other headers not',
    method: 'GET',
    origin: ccr,
    path: '/v1/x',
    headers: {
      'x-bce-request-id': 'req-1',
      'X-Bce-Meta-Owner': 'Team A',
      'User-Agent': 'registry-actions',
      Accept: '*/*',
    },
  },
  {
    name: 'content-md5 and content-length signed',
    method: 'PUT',
    origin: ccr,
    path: '/v1/x',
    headers: {
      'Content-MD5': 'rL0Y20zC+Fzt72VPzMSk2A==',
      'Content-Length': '3',
      'Content-Type': 'text/plain',
    },
    body: '',
  },
  {
    name: 'emulator origin with port',
    method: 'GET',
    origin: 'http://127.0.0.1:8123',
    path: '/v1/ccr/projects',
  },
  { name: 'IPv6 loopback origin', method: 'GET', origin: 'http://[::1]:9000', path: '/v1/instances' },
  { name: 'path with $ : @ = ;', method: 'GET', origin: ccr, path: '/v1/x/a$b:c@d=e;f' },
  { name: 'literal % in a segment', method: 'GET', origin: ccr, path: '/v1/x/50%off' },
];

function signed(signingCase: SigningCase, extra: { sessionToken?: string; expirationSeconds?: number } = {}) {
  const request = toWireRequest(signingCase);
  signBaiduRequest(
    request,
    { ...credentials, sessionToken: extra.sessionToken },
    { now: fixedNow, expirationSeconds: extra.expirationSeconds },
  );
  return request.headers.Authorization ?? '';
}

describe('signBaiduRequest matches the official Baidu SDK byte for byte', () => {
  it.each(cases)('$name', (signingCase) => {
    expect(signed(signingCase)).toBe(baiduSdkAuthorization(signingCase, credentials, fixedNow));
  });

  it('with an STS session token', () => {
    const token = 'sts-session-token/with+chars==';
    expect(signed(cases[0]!, { sessionToken: token })).toBe(
      baiduSdkAuthorization(cases[0]!, { ...credentials, sessionToken: token }, fixedNow),
    );
  });

  it('with a custom expiration', () => {
    expect(signed(cases[1]!, { expirationSeconds: 60 })).toBe(
      baiduSdkAuthorization(cases[1]!, credentials, fixedNow, 60),
    );
  });

  it('for generated requests', () => {
    fc.assert(
      fc.property(signingCaseArbitrary({ repeatedKeys: false, encodedKeys: false }), (signingCase) => {
        expect(signed(signingCase)).toBe(baiduSdkAuthorization(signingCase, credentials, fixedNow));
      }),
      { numRuns: 300 },
    );
  });
});

describe('signBaiduRequest', () => {
  it('pins a known vector', () => {
    expect(signed(cases[0]!)).toBe(
      'bce-auth-v1/bce-emu-ak-00000001/2024-05-06T07:08:09Z/1800/host;x-bce-date/57e44a89d428294626b08ebf74b1182c6ec8973a20631dc80726713a66a880e0',
    );
  });

  it('sets x-bce-date and x-bce-security-token', () => {
    const request = toWireRequest(cases[0]!);
    signBaiduRequest(request, { ...credentials, sessionToken: 'tok' }, { now: fixedNow });
    expect(request.headers).toMatchObject({
      'x-bce-date': '2024-05-06T07:08:09Z',
      'x-bce-security-token': 'tok',
    });
    expect(request.headers.Authorization).toMatch(
      /^bce-auth-v1\/bce-emu-ak-00000001\/2024-05-06T07:08:09Z\/1800\/host;x-bce-date;x-bce-security-token\/[0-9a-f]{64}$/,
    );
  });

  it('replaces the previous signature when the same request is signed again', () => {
    const request = toWireRequest(cases[0]!);
    signBaiduRequest(request, credentials, { now: new Date('2020-01-01T00:00:00Z') });
    signBaiduRequest(request, credentials, { now: fixedNow });
    const fresh = toWireRequest(cases[0]!);
    signBaiduRequest(fresh, credentials, { now: fixedNow });
    expect(request.headers).toEqual(fresh.headers);
  });

  it('signs every value of a repeated query key', () => {
    const once = toWireRequest({ ...cases[0]!, query: [['tag', 'a']] });
    const twice = toWireRequest({
      ...cases[0]!,
      query: [
        ['tag', 'a'],
        ['tag', 'b'],
      ],
    });
    signBaiduRequest(once, credentials, { now: fixedNow });
    signBaiduRequest(twice, credentials, { now: fixedNow });
    expect(once.headers.Authorization).not.toBe(twice.headers.Authorization);
  });
});
