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
    const saved = { registry: 'swr.cn-north-4.myhuaweicloud.com', logout: true, record };
    expect(readLoginState(JSON.stringify(saved))).toEqual(saved);
  });

  it('is undefined when main saved nothing (it failed before writing a login)', () => {
    expect(readLoginState('')).toBeUndefined();
  });

  it.each([
    ['no record', { registry: 'r.io', logout: true }],
    [
      'a change without digest',
      { registry: 'r.io', logout: true, record: { ...record, change: { registry: 'r.io' } } },
    ],
    [
      'links that are not strings',
      {
        registry: 'r.io',
        logout: true,
        record: { ...record, isolated: { dir: 'd', seedDigest: '', links: [1] } },
      },
    ],
  ])('refuses state with %s', (_name, state) => {
    expect(readLoginState(JSON.stringify(state))).toBeUndefined();
  });
});
