// A CCR enterprise docker login made on the spot: the instance's registry domain, the docker user (named,
// or read from a user's profile) and a temporary password, which cannot be revoked, only expire.
import { ApiError, InputError } from '../../core/errors/errors.ts';
import type { ApiClient } from '../../core/http/types.ts';
import type { RegistryCredentials } from '../../core/registry/manifest-reader.ts';
import { createCcrTemporaryPassword } from './credential.ts';
import type { CcrDockerUser } from './docker-user.ts';
import { type CcrInstanceDetail, customDomainsOf, getCcrInstance } from './instances.ts';
import { ccrInstanceRegistryHost } from './registry-host.ts';
import { getCcrUserProfile } from './users.ts';

export interface CcrTemporaryLoginOptions {
  /** Which instance domain when `registry` is not given. */
  access: 'public' | 'private';
  /** Lifetime of the temporary password, whole hours. */
  durationHours: number;
  /** The registry host to use instead of the instance's domain. */
  registry?: string;
}

/** Reads what it needs first (a failure there must not cost an irrevocable password), then issues one. */
export async function obtainCcrTemporaryLogin(
  api: ApiClient,
  instanceId: string,
  user: CcrDockerUser,
  options: CcrTemporaryLoginOptions,
): Promise<RegistryCredentials> {
  const detail = options.registry ? undefined : await getCcrInstance(api, instanceId);
  const registry = chooseCcrRegistry(detail ?? {}, options.access, instanceId, options.registry);
  const username = user.username !== undefined ? user.username : await profileName(api, user.userId);
  const { password } = await createCcrTemporaryPassword(api, instanceId, options.durationHours);
  return { registry, username, password };
}

async function profileName(api: ApiClient, userId: string): Promise<string> {
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

/** The registry host of a CCR enterprise instance: `registry` input, else publicURL or privateURL. */
export function chooseCcrRegistry(
  detail: CcrInstanceDetail,
  access: 'public' | 'private',
  instanceId: string,
  registryOverride?: string,
): string {
  if (registryOverride) return registryOverride;
  const host = ccrInstanceRegistryHost(detail, access);
  if (host) return host;
  const domains = customDomainsOf(detail.info);
  const suggestion = domains.length > 0 ? ` Its custom domains: ${domains.join(', ')}.` : '';
  throw new InputError(
    ['registry-access', 'registry'],
    `Input 'registry-access' is ${access}, but instance ${instanceId} reports no ${access} registry domain ` +
      `(${access}URL). Set 'registry-access' to the other value, or set 'registry' to the domain to use.${suggestion}`,
  );
}
