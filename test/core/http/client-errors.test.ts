import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/core/errors/errors.ts';
import { forgetSecrets, maskSecret } from '../../../src/core/redact/secrets.ts';
import { closedAfterEach } from '../../support/closed-after-each.ts';
import { type LocalServer, type Reply, startLocalServer } from './support/local-server.ts';
import { rejection, testClient } from './support/test-client.ts';

const serve = closedAfterEach(startLocalServer);
let server: LocalServer | undefined;
afterEach(() => forgetSecrets());

async function failWith(reply: Reply, options: Parameters<typeof testClient>[1] = {}): Promise<ApiError> {
  server = await serve([reply]);
  const { api } = testClient(server.url, options);
  const error = await rejection(
    api.request({
      method: 'DELETE',
      path: '/v2/manage/namespaces/team/repos/app/tags/v1',
      operation: 'delete tag app:v1',
    }),
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

const nginx502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

describe('ApiError from responses', () => {
  it('says plainly when a 502 answers with an HTML page, with a short excerpt', async () => {
    const error = await failWith({ status: 502, headers: { 'content-type': 'text/html' }, body: nginx502 });
    expect(error.message).toBe(
      'SWR delete tag app:v1 (DELETE /v2/manage/namespaces/team/repos/app/tags/v1) → 502 ' +
        '"HTTP 502 Bad Gateway; the response is not JSON (text/html): 502 Bad Gateway 502 Bad Gateway nginx". ' +
        'The service failed; run again later.',
    );
    expect(server?.requests).toHaveLength(5);
  });

  it('refuses a success response that is not JSON', async () => {
    server = await serve([
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>login page</p>' },
    ]);
    const { api } = testClient(server.url);
    const error = await rejection(
      api.request({ method: 'GET', path: '/v2/manage/namespaces', operation: 'list namespaces' }),
    );
    expect(error).toMatchObject({
      status: 200,
      providerMessage: 'HTTP 200 OK; the response is not JSON (text/html): login page',
    });
  });

  it.each([
    [
      'SWR object',
      {
        status: 404,
        body: { error_code: 'SVCSTG.SWR.4040002', error_msg: 'Tag not found' },
        headers: { 'X-Request-Id': 'r-1' },
      },
      { status: 404, code: 'SVCSTG.SWR.4040002', providerMessage: 'Tag not found', requestId: 'r-1' },
    ],
    [
      'SWR array',
      {
        status: 401,
        body: [
          { errorCode: 'SVCSTG.SWR.4001048', errorMessage: 'Failed to get Token from Context', detail: '' },
        ],
      },
      {
        status: 401,
        code: 'SVCSTG.SWR.4001048',
        providerMessage: 'Failed to get Token from Context',
        requestId: undefined,
      },
    ],
    [
      'IAM error object',
      {
        status: 401,
        body: {
          error: {
            code: 401,
            message: 'The request you have made requires authentication.',
            title: 'Unauthorized',
          },
        },
      },
      { status: 401, code: '401', providerMessage: 'The request you have made requires authentication.' },
    ],
    [
      'IAM error_code',
      { status: 400, body: { error_code: 'IAM.0007', error_msg: 'Incorrect domain name' } },
      { status: 400, code: 'IAM.0007', providerMessage: 'Incorrect domain name' },
    ],
    [
      'Baidu',
      {
        status: 403,
        body: { code: 'AccessDenied', message: 'Access denied.', requestId: 'bce-body-id' },
        headers: { 'x-bce-request-id': 'bce-header-id' },
      },
      { status: 403, code: 'AccessDenied', providerMessage: 'Access denied.', requestId: 'bce-body-id' },
    ],
    [
      'Baidu without a body request id',
      {
        status: 409,
        body: { code: 'Conflict', message: 'exists' },
        headers: { 'x-bce-request-id': 'bce-header-id' },
      },
      { status: 409, code: 'Conflict', providerMessage: 'exists', requestId: 'bce-header-id' },
    ],
    [
      'an unknown JSON shape',
      { status: 400, body: { weird: true } },
      { status: 400, code: undefined, providerMessage: '{"weird":true}' },
    ],
    [
      'an empty body',
      { status: 404 },
      { status: 404, code: undefined, providerMessage: 'HTTP 404 Not Found' },
    ],
  ] satisfies [string, Reply, Partial<ApiError>][])(
    'reads the %s error shape',
    async (_name, reply, expected) => {
      const error = await failWith(reply);
      expect(error).toMatchObject({
        provider: 'SWR',
        operation: 'delete tag app:v1',
        method: 'DELETE',
        ...expected,
      });
    },
  );

  it('adds the provider hint for the error', async () => {
    const error = await failWith(
      {
        status: 401,
        body: { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' },
      },
      { hintFor: (e) => (e.status === 401 ? 'Check access-key-id and secret-access-key.' : undefined) },
    );
    expect(error.hint).toBe('Check access-key-id and secret-access-key.');
    expect(error.message).toMatch(
      /"Incorrect IAM authentication information"\. Check access-key-id and secret-access-key\.$/,
    );
  });

  it('shows neither headers nor query string nor a known secret', async () => {
    const secret = maskSecret('hw-secret-token-value-123');
    server = await serve([{ status: 400, body: { error_code: 'X.1', error_msg: `token ${secret} is bad` } }]);
    const { api } = testClient(server.url, {
      authenticate: (wire) => {
        wire.headers.Authorization = 'SDK-HMAC-SHA256 Access=AKEXAMPLE, Signature=deadbeef';
        wire.headers['X-Auth-Token'] = secret;
      },
    });
    const error = await rejection(
      api.request({ method: 'GET', path: '/v2/x', query: [['token', 'query-value']], operation: 'read x' }),
    );
    const text = `${String(error)} ${JSON.stringify(error)}`;
    expect(error).toMatchObject({ path: '/v2/x', providerMessage: 'token *** is bad' });
    for (const leak of [secret, 'deadbeef', 'AKEXAMPLE', 'query-value']) expect(text).not.toContain(leak);
  });

  it('returns an accepted status instead of throwing', async () => {
    server = await serve([{ status: 404, body: { error_code: 'SWR.404', error_msg: 'no such namespace' } }]);
    const { api } = testClient(server.url);
    const response = await api.request({
      method: 'GET',
      path: '/v2/manage/namespaces/x',
      operation: 'get',
      acceptStatus: [404],
    });
    expect(response).toMatchObject({ status: 404, body: { error_code: 'SWR.404' } });
  });
});
