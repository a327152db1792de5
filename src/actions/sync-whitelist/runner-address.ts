import { detectEgressIp } from '../../core/net/egress-ip.ts';
import type { IpNetwork } from '../../core/net/ip-network.ts';
import { logInfo } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import type { SyncWhitelistInputs } from './inputs.ts';

/** The runner's address: as given in `runner-ip`, or detected through the lookup services. */
export async function runnerAddress(inputs: SyncWhitelistInputs): Promise<IpNetwork | undefined> {
  if (inputs.runnerIp === false) return undefined;
  if (inputs.runnerIp !== 'detect') {
    logInfo(shown`Runner address ${inputs.runnerIp.text} (given as runner-ip).`);
    return inputs.runnerIp;
  }
  const { ip, source } = await detectEgressIp({
    version: inputs.ipVersion,
    urls: inputs.ipLookupUrls,
    timeoutMs: inputs.ipLookupTimeoutMs,
  });
  logInfo(shown`Runner address ${ip.text} (reported by ${source}).`);
  return ip;
}
