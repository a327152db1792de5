import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/core/redact/secrets.ts';
import { createCcrTemporaryPassword } from '../../../src/providers/ccr/credential.ts';
import { customDomainsOf, getCcrInstance } from '../../../src/providers/ccr/instances.ts';
import { getCcrUserProfile } from '../../../src/providers/ccr/users.ts';
import { fakeApi, queryValue } from '../../support/fake-api.ts';

describe('createCcrTemporaryPassword', () => {
  it('posts the duration in hours and masks the password', async () => {
    const api = fakeApi(() => ({ headers: {}, body: { password: 'ccr-temp-pass-42' } }));
    const { password } = await createCcrTemporaryPassword(api, 'ccr-abc123', 3);
    expect(password).toBe('ccr-temp-pass-42');
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/instances/ccr-abc123/credential',
      body: { duration: 3 },
    });
    expect(redact('ccr-temp-pass-42')).toBe('***');
  });

  it('fails when no password comes back', async () => {
    const api = fakeApi(() => ({ headers: {}, body: {} }));
    await expect(createCcrTemporaryPassword(api, 'ccr-abc123', 1)).rejects.toThrow('no "password"');
  });
});

describe('getCcrInstance and getCcrUserProfile', () => {
  it('read the instance domains and the docker user name', async () => {
    const api = fakeApi((request) =>
      request.path === '/v1/users/profile'
        ? { headers: {}, body: { name: 'docker-user' } }
        : {
            headers: {},
            body: {
              info: {
                publicURL: 'pub.example.com',
                customDomains: ['a.example.com', { domainName: 'b.example.com' }],
              },
            },
          },
    );
    const detail = await getCcrInstance(api, 'ccr-abc123');
    expect(detail.info?.publicURL).toBe('pub.example.com');
    expect(customDomainsOf(detail.info)).toEqual(['a.example.com', 'b.example.com']);
    expect((await getCcrUserProfile(api, 'uid-1')).name).toBe('docker-user');
    expect(queryValue(api.requests[1]!, 'userId')).toBe('uid-1');
  });
});
