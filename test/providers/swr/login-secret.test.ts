import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/core/errors/errors.ts';
import { redact } from '../../../src/core/redact/secrets.ts';
import { createSwrLoginSecret, parseSwrLoginSecret } from '../../../src/providers/swr/login-secret.ts';
import { fakeApi, queryValue } from '../../support/fake-api.ts';

const auth = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

describe('parseSwrLoginSecret', () => {
  it('reads host, user and password from the body auths (passwords may hold colons)', () => {
    const body = {
      auths: { 'swr.cn-north-4.myhuaweicloud.com': { auth: auth('cn-north-4@AK1', 'p:a:ss-1') } },
    };
    expect(parseSwrLoginSecret(body, undefined)).toEqual([
      { host: 'swr.cn-north-4.myhuaweicloud.com', username: 'cn-north-4@AK1', password: 'p:a:ss-1' },
    ]);
  });

  it.each([
    [
      'docker login -u cn-north-4@AK2 -p secret-two swr.cn-north-4.myhuaweicloud.com',
      'swr.cn-north-4.myhuaweicloud.com',
    ],
    ['docker login --username=cn-north-4@AK2 --password=secret-two', undefined],
  ])('falls back to the X-Swr-Dockerlogin header: %s', (header, host) => {
    const [login] = parseSwrLoginSecret({}, header);
    expect(login).toEqual({ ...(host ? { host } : {}), username: 'cn-north-4@AK2', password: 'secret-two' });
  });

  it('masks the password and the auth as soon as they are parsed', () => {
    parseSwrLoginSecret({ auths: { h: { auth: auth('u', 'masked-pass-123') } } }, undefined);
    expect(redact('x masked-pass-123 y')).toBe('x *** y');
    expect(redact(auth('u', 'masked-pass-123'))).toBe('***');
  });

  it('finds nothing in an unrelated body and header', () => {
    expect(parseSwrLoginSecret({ auths: { h: { auth: 'bm9jb2xvbg==' } } }, 'docker login')).toEqual([]);
  });
});

describe('createSwrLoginSecret', () => {
  it('posts for the region project and reads the expiry header', async () => {
    const api = fakeApi(() => ({
      headers: { 'x-swr-expireat': '2026-01-01T16:00:00Z' },
      body: { auths: { 'swr.cn-north-4.myhuaweicloud.com': { auth: auth('u', 'pw-1') } } },
    }));
    const secret = await createSwrLoginSecret(api, 'cn-north-4');
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/v2/manage/utils/secret' });
    expect(queryValue(api.requests[0]!, 'projectname')).toBe('cn-north-4');
    expect(api.requests[0]!.retrySafe).toBeUndefined();
    expect(secret.expiresAt?.toISOString()).toBe('2026-01-01T16:00:00.000Z');
  });

  it('fails clearly when the response holds no login', async () => {
    const api = fakeApi(() => ({ headers: {}, body: {} }));
    await expect(createSwrLoginSecret(api, 'cn-north-4')).rejects.toThrow(ApiError);
    await expect(createSwrLoginSecret(api, 'cn-north-4')).rejects.toThrow('no X-Swr-Dockerlogin header');
  });
});
