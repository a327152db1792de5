// SWR namespace and permission clients through the real HTTP client, signed, against the emulator.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/core/errors/errors.ts';
import type { ApiClient } from '../../../src/core/http/types.ts';
import { connectSwr } from '../../../src/providers/swr/connect.ts';
import {
  createSwrNamespace,
  deleteSwrNamespace,
  findSwrNamespace,
  isNamespaceQuotaError,
} from '../../../src/providers/swr/namespaces.ts';
import {
  getSwrNamespaceAccess,
  grantSwrNamespaceAccess,
  revokeSwrNamespaceAccess,
  swrAuthName,
  updateSwrNamespaceAccess,
} from '../../../src/providers/swr/permissions.ts';
import { DEFAULT_CREDENTIALS, type EmulatorSeed, startEmulator } from '../../emulator/index.ts';
import { closedAfterEach } from '../../support/closed-after-each.ts';
import { swrEmulatorConnection } from '../../support/emulator-connections.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const emulatorForTest = closedAfterEach(startEmulator);

async function connect(seed: EmulatorSeed = {}): Promise<ApiClient> {
  const emu = await emulatorForTest({ seed });
  return connectSwr(swrEmulatorConnection(emu.url));
}

describe('SWR namespaces', () => {
  it('finds only the exact name, creates, reports 409 as exists, and deletes', async () => {
    const api = await connect({ swr: { namespaces: [{ name: 'team-ab' }] } });
    expect(await findSwrNamespace(api, 'team')).toBeUndefined();
    expect(await createSwrNamespace(api, 'team')).toBe('created');
    expect(await createSwrNamespace(api, 'team')).toBe('exists');
    expect(await findSwrNamespace(api, 'team')).toMatchObject({ name: 'team', auth: 7 });
    await deleteSwrNamespace(api, 'team');
    await deleteSwrNamespace(api, 'team');
    expect(await findSwrNamespace(api, 'team')).toBeUndefined();
  });

  it('turns the organization quota error into an ApiError that names the quota', async () => {
    const api = await connect({
      swr: { namespaces: ['a1', 'a2', 'a3', 'a4', 'a5'].map((name) => ({ name })) },
    });
    const error = await createSwrNamespace(api, 'a6').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(isNamespaceQuotaError(error)).toBe(true);
    expect((error as ApiError).hint).toContain('quota of 5 organizations');
    expect((error as ApiError).status).toBe(400);
  });

  it('recognises the quota error by its message when the code is missing', () => {
    const fields = {
      provider: 'SWR' as const,
      operation: 'create',
      method: 'POST',
      path: '/v2/manage/namespaces',
    };
    const byMessage = new ApiError({
      ...fields,
      status: 400,
      providerMessage: 'The maximum number of organizations has been exceeded.',
    });
    const other = new ApiError({ ...fields, status: 400, providerMessage: 'Invalid organization name.' });
    expect(isNamespaceQuotaError(byMessage)).toBe(true);
    expect(isNamespaceQuotaError(other)).toBe(false);
  });
});

describe('SWR namespace permissions', () => {
  it('grants, updates and revokes, reading back each time', async () => {
    const api = await connect({ swr: { namespaces: [{ name: 'team' }] } });
    const bob = { user_id: 'u-bob', user_name: 'bob', auth: 1 };
    expect(await grantSwrNamespaceAccess(api, 'team', [bob])).toBe('granted');
    expect(await grantSwrNamespaceAccess(api, 'team', [bob])).toBe('exists');
    expect((await getSwrNamespaceAccess(api, 'team')).others_auths).toEqual([
      { user_id: 'u-bob', user_name: 'bob', auth: 1 },
    ]);
    await updateSwrNamespaceAccess(api, 'team', [{ user_id: 'u-bob', user_name: 'bob', auth: 7 }]);
    const access = await getSwrNamespaceAccess(api, 'team');
    expect(access.others_auths?.[0]?.auth).toBe(7);
    expect(access.self_auth?.user_name).toBe(hw.userName);
    await revokeSwrNamespaceAccess(api, 'team', ['u-bob']);
    expect((await getSwrNamespaceAccess(api, 'team')).others_auths).toEqual([]);
  });

  it('names the levels', () => {
    expect([7, 3, 1, 5].map(swrAuthName)).toEqual(['manage', 'edit', 'read', '5']);
  });
});
