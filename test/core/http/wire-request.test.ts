import { describe, expect, it } from 'vitest';
import { UnsafeNameError } from '../../../src/core/errors/errors.ts';
import { buildWireRequest, encodeQuery } from '../../../src/core/http/wire-request.ts';
import { USER_AGENT } from '../../../src/core/version.ts';

const base = new URL('https://swr-api.example.test');

describe('buildWireRequest', () => {
  it.each([
    '/v2/manage/namespaces/team/repos/web/tags/..',
    '/v2/manage/namespaces/%2e%2e/x',
    '/v2/a\\..\\b',
    '/v2/a//b',
  ])('refuses %j, a path that normalises to another resource, before anything is signed', (path) => {
    expect(() => buildWireRequest(base, { method: 'DELETE', path, operation: 'delete' })).toThrow(
      UnsafeNameError,
    );
  });

  it('appends the path and the query in the given order, percent-encoded', () => {
    const wire = buildWireRequest(base, {
      method: 'GET',
      path: '/v2/manage/namespaces/team/repos/a$b/tags',
      query: [
        ['filter', 'namespace::team|mode::visible'],
        ['limit', '10'],
        ['a key', 'x/y z'],
      ],
      operation: 'list',
    });
    expect(wire.url.href).toBe(
      'https://swr-api.example.test/v2/manage/namespaces/team/repos/a$b/tags' +
        '?filter=namespace%3A%3Ateam%7Cmode%3A%3Avisible&limit=10&a%20key=x%2Fy%20z',
    );
  });

  it('keeps a path prefix of the base URL', () => {
    const wire = buildWireRequest(new URL('http://127.0.0.1:9/api/'), {
      method: 'GET',
      path: '/v1/x',
      operation: 'x',
    });
    expect(wire.url.href).toBe('http://127.0.0.1:9/api/v1/x');
  });

  it('serialises a JSON body with its content type and sends the User-Agent', () => {
    const wire = buildWireRequest(base, {
      method: 'POST',
      path: '/v2/manage/namespaces',
      body: { namespace: 'team' },
      headers: { 'X-Extra': '1' },
      operation: 'create namespace team',
    });
    expect(wire.body).toBe('{"namespace":"team"}');
    expect(wire.headers).toEqual({
      'User-Agent': USER_AGENT,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'X-Extra': '1',
    });
  });

  it('sends no body and no content type when there is none', () => {
    const wire = buildWireRequest(base, { method: 'DELETE', path: '/x', operation: 'delete' });
    expect(wire.body).toBe('');
    expect(wire.headers['Content-Type']).toBeUndefined();
  });

  it('sends application/json on a bodiless request when the API wants it on every call (SWR)', () => {
    const wire = buildWireRequest(
      base,
      { method: 'GET', path: '/x', operation: 'read' },
      { jsonContentTypeAlways: true },
    );
    expect(wire.body).toBe('');
    expect(wire.headers['Content-Type']).toBe('application/json');
  });
});

describe('encodeQuery', () => {
  it('keeps repeated keys', () => {
    expect(
      encodeQuery([
        ['tag', 'a'],
        ['tag', 'b'],
      ]),
    ).toBe('tag=a&tag=b');
  });
});
