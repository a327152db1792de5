import { describe, expect, it } from 'vitest';
import { readLoginState } from '../../../src/actions/login/state.ts';

const record = {
  configDir: '/tmp/runner/docker-config-abc',
  exportDockerConfig: true,
  createdFile: false,
  change: {
    registry: 'swr.cn-north-4.myhuaweicloud.com',
    authDigest: 'ab'.repeat(32),
    replacedEntry: false,
    createdAuths: true,
    addedCredHelpers: [],
    createdCredHelpers: true,
  },
  isolated: { dir: '/tmp/runner/docker-config-abc', seedDigest: '', links: ['cli-plugins'] },
};

describe('readLoginState', () => {
  it('reads back what main saved', () => {
    const saved = {
      logins: [
        { registry: 'swr.cn-north-4.myhuaweicloud.com', record },
        { registry: 'ccr-abc123-pub.cnc.bj.baidubce.com', record: { ...record, exportDockerConfig: false } },
      ],
      logout: true,
    };
    expect(readLoginState(JSON.stringify(saved))).toEqual(saved);
  });

  it('is undefined when main saved nothing (it failed before writing a login)', () => {
    expect(readLoginState('')).toBeUndefined();
  });

  it.each([
    ['no record', { logins: [{ registry: 'r.io' }], logout: true }],
    ['no list of logins', { registry: 'r.io', logout: true, record }],
    [
      'a change without digest',
      { logins: [{ registry: 'r.io', record: { ...record, change: { registry: 'r.io' } } }], logout: true },
    ],
    [
      'links that are not strings',
      {
        logins: [
          { registry: 'r.io', record: { ...record, isolated: { dir: 'd', seedDigest: '', links: [1] } } },
        ],
        logout: true,
      },
    ],
  ])('refuses state with %s', (_name, state) => {
    expect(readLoginState(JSON.stringify(state))).toBeUndefined();
  });
});
