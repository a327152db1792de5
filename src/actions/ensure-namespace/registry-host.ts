// The registry host images are pushed to, for the `registry-path` output (`host/namespace`).
import type { ApiClient } from '../../core/http/types.ts';
import { getCcrInstance } from '../../providers/ccr/instances.ts';
import type { EnsureNamespaceInputs } from './inputs.ts';

/** CCR personal edition's registry host (one domain for every region). */
export const CCR_PERSONAL_REGISTRY = 'registry.baidubce.com';

/** SWR's registry host of a region (the API lives on swr-api.{region}, images on swr.{region}). */
export function swrRegistryHost(region: string): string {
  return `swr.${region}.myhuaweicloud.com`;
}

/** The `registry` input, else the provider's host for the region (CCR enterprise: the instance's public domain). */
export async function registryHost(api: ApiClient, inputs: EnsureNamespaceInputs): Promise<string> {
  if (inputs.registry !== undefined) return inputs.registry;
  const { connection } = inputs;
  if (connection.provider === 'swr') return swrRegistryHost(connection.region);
  if (connection.instanceId === undefined) return CCR_PERSONAL_REGISTRY;
  const detail = await getCcrInstance(api, connection.instanceId);
  return detail.info?.publicURL ?? '';
}
