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

/** How users write CCR registry hosts, for messages. */
export const CCR_HOST_FORMS = [
  'ccr-<instance>-pub.cnc.<region>.baidubce.com',
  'ccr-<instance>-vpc.cnc.<region>.baidubce.com',
  CCR_PERSONAL_REGISTRY,
];

/** An enterprise instance's domain: `<instance id>-pub` (public) or `-vpc` (private) `.cnc.<region>.baidubce.com`. */
const CCR_INSTANCE_HOST =
  /^(?<instanceId>ccr-[a-z0-9]+)-(?<access>pub|vpc)\.cnc\.(?<region>[a-z][a-z0-9]{1,15})\.baidubce\.com$/;

/**
 * The login inputs a CCR registry host implies: instance-id, region and registry-access for an enterprise
 * instance's domain, nothing more for the personal edition's; undefined for any other host.
 */
export function ccrHostInputs(host: string): Readonly<Record<string, string>> | undefined {
  if (host === CCR_PERSONAL_REGISTRY) return {};
  const { instanceId, access, region } = CCR_INSTANCE_HOST.exec(host)?.groups ?? {};
  if (!instanceId || !region) return undefined;
  return {
    'instance-id': instanceId,
    region,
    'registry-access': access === 'pub' ? 'public' : 'private',
  };
}
