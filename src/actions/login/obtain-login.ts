// Gets the registry credential from the provider an input chose.

import { ApiError } from '../../core/errors/errors.ts';
import { connectCcr } from '../../providers/ccr/connect.ts';
import { createCcrTemporaryPassword } from '../../providers/ccr/credential.ts';
import { getCcrInstance } from '../../providers/ccr/instances.ts';
import { getCcrUserProfile } from '../../providers/ccr/users.ts';
import { connectSwr } from '../../providers/swr/connect.ts';
import { createSwrLoginSecret } from '../../providers/swr/login-secret.ts';
import type { CcrEnterpriseLoginTarget, LoginTarget } from './inputs.ts';
import { chooseCcrRegistry, chooseSwrLogin, type RegistryLogin } from './plan.ts';

/** The registry login for a target; `now` stamps computed expiry times. */
export async function obtainLogin(target: LoginTarget, now: () => Date): Promise<RegistryLogin> {
  switch (target.kind) {
    case 'swr': {
      const api = await connectSwr(target.connection);
      const secret = await createSwrLoginSecret(api, target.connection.region);
      return chooseSwrLogin(secret, target.connection.region, now(), target.registry);
    }
    case 'ccr-enterprise':
      return obtainCcrEnterpriseLogin(target, now);
    case 'ccr-personal':
      return { registry: target.registry, username: target.username, password: target.password };
  }
}

async function obtainCcrEnterpriseLogin(
  target: CcrEnterpriseLoginTarget,
  now: () => Date,
): Promise<RegistryLogin> {
  const api = await connectCcr(target.connection);
  const { instanceId } = target.connection;
  // Reads first: a failure there must not cost an irrevocable password.
  const detail = target.registry ? undefined : await getCcrInstance(api, instanceId);
  const registry = chooseCcrRegistry(detail ?? {}, target.registryAccess, instanceId, target.registry);
  const username = target.username !== undefined ? target.username : await profileName(api, target.userId);
  const issuedAt = now();
  const { password } = await createCcrTemporaryPassword(api, instanceId, target.durationHours);
  return {
    registry,
    username,
    password,
    expiresAt: new Date(issuedAt.getTime() + target.durationHours * 3_600_000),
    expirySource: `duration ${target.durationHours} h`,
  };
}

async function profileName(api: Awaited<ReturnType<typeof connectCcr>>, userId: string): Promise<string> {
  const profile = await getCcrUserProfile(api, userId);
  if (typeof profile.name === 'string' && profile.name !== '') return profile.name;
  throw new ApiError({
    provider: 'CCR',
    operation: 'read the docker user name',
    method: 'GET',
    path: '/v1/users/profile',
    status: 200,
    providerMessage: 'the profile has no "name"',
    hint: 'Set the username input to the docker user name shown in the CCR console.',
  });
}
