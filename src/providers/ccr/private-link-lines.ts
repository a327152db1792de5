// `private-links` lines: `<vpc id> <subnet id> [ip=auto|<address>] [dns=true|false]`.
import { InputError } from '../../core/errors/errors.ts';
import { parseHostAddress } from '../../core/net/ip-network.ts';
import type { NewPrivateLink } from '../seam/allowlist.ts';

const VPC_ID = /^vpc-[a-z0-9]+$/;
const SUBNET_ID = /^sbn-[a-z0-9]+$/;

/** Parses every line; all problems are reported at once, naming the input. */
export function parsePrivateLinkLines(lines: readonly string[], input = 'private-links'): NewPrivateLink[] {
  const problems: string[] = [];
  const links: NewPrivateLink[] = [];
  for (const line of lines) {
    const result = parseLine(line);
    if (typeof result === 'string') problems.push(`"${line}": ${result}`);
    else if (links.some((link) => link.vpcID === result.vpcID && link.subnetID === result.subnetID)) {
      problems.push(`"${line}": ${result.vpcID} ${result.subnetID} is declared twice`);
    } else links.push(result);
  }
  if (problems.length > 0) {
    throw new InputError(input, `Input '${input}' has invalid lines: ${problems.join('; ')}.`);
  }
  return links;
}

function parseLine(line: string): NewPrivateLink | string {
  const [vpcID = '', subnetID = '', ...options] = line.split(/\s+/);
  if (!VPC_ID.test(vpcID)) return `"${vpcID}" is not a VPC id such as vpc-9070rw5u03rs`;
  if (!SUBNET_ID.test(subnetID)) return `"${subnetID}" is not a subnet id such as sbn-qeimde0m7wyp`;
  const link: NewPrivateLink = { vpcID, subnetID, ipType: 'auto', ipAddress: '', autoDnsResolve: true };
  for (const option of options) {
    const [key, value = ''] = option.split('=', 2);
    if (key === 'ip' && value === 'auto') continue;
    const address = key === 'ip' ? parseHostAddress(value) : undefined;
    if (address?.family === 4) {
      link.ipType = 'manual';
      link.ipAddress = address.text;
    } else if (key === 'dns' && (value === 'true' || value === 'false')) {
      link.autoDnsResolve = value === 'true';
    } else {
      return `"${option}" is not ip=auto, ip=<IPv4 address in the subnet>, dns=true or dns=false`;
    }
  }
  return link;
}
