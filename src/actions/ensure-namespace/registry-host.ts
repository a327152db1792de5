// The registry host images are pushed to, for the `registry-path` output (`host/namespace`).
import type { ApiClient } from '../../core/http/types.ts';
import { getCcrInstance } from '../../providers/ccr/instances.ts';
import { CCR_PERSONAL_REGISTRY, ccrInstanceRegistryHost } from '../../providers/ccr/registry-host.ts';
import { swrRegistryHost } from '../../providers/swr/registry-host.ts';
import type { EnsureNamespaceInputs } from './inputs.ts';

/** The `registry` input, else the provider's host for the region (CCR enterprise: the instance's public domain). */
export async function registryHost(api: ApiClient, inputs: EnsureNamespaceInputs): Promise<string> {
  if (inputs.registry !== undefined) return inputs.registry;
  const { connection } = inputs;
  if (connection.provider === 'swr') return swrRegistryHost(connection.region);
  if (connection.instanceId === undefined) return CCR_PERSONAL_REGISTRY;
  const detail = await getCcrInstance(api, connection.instanceId);
  return ccrInstanceRegistryHost(detail, 'public') ?? '';
}
