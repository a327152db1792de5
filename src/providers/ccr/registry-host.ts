// Registry hosts of CCR: one shared domain for the personal edition, one per instance for enterprise.
import { registryKey } from '../../core/docker/registry-host.ts';
import type { CcrInstanceDetail } from './instances.ts';

/** CCR personal edition's registry host (one domain for every region). */
export const CCR_PERSONAL_REGISTRY = 'registry.baidubce.com';

/** An enterprise instance's registry host, public (publicURL) or VPC (privateURL); undefined if none. */
export function ccrInstanceRegistryHost(
  detail: CcrInstanceDetail,
  access: 'public' | 'private',
): string | undefined {
  const url = access === 'public' ? detail.info?.publicURL : detail.info?.privateURL;
  return url ? registryKey(url) : undefined;
}
