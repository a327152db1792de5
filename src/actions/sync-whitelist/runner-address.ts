import * as core from '@actions/core';
import { detectEgressIp } from '../../core/net/egress-ip.ts';
import type { IpNetwork } from '../../core/net/ip-network.ts';
import type { SyncWhitelistInputs } from './inputs.ts';

/** The runner's address: as given in `runner-ip`, or detected through the lookup services. */
export async function runnerAddress(inputs: SyncWhitelistInputs): Promise<IpNetwork | undefined> {
  if (inputs.runnerIp === false) return undefined;
  if (inputs.runnerIp !== 'detect') {
    core.info(`Runner address ${inputs.runnerIp.text} (given as runner-ip).`);
    return inputs.runnerIp;
  }
  const { ip, source } = await detectEgressIp({
    version: inputs.ipVersion,
    urls: inputs.ipLookupUrls,
    timeoutMs: inputs.ipLookupTimeoutMs,
  });
  core.info(`Runner address ${ip.text} (reported by ${source}).`);
  return ip;
}
