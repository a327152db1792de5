import { alternateForm, type IpNetwork } from '../../core/net/ip-network.ts';

/**
 * How to write `network` so that it does not collide with entries about to be replaced: the API has no
 * update, and deletes by exact text, so a single host moves between `1.2.3.4` and `1.2.3.4/32` and the new
 * entry exists before the old one goes (no moment without access). Wider networks have one form only.
 */
export function unusedForm(network: IpNetwork, occupied: readonly string[]): string {
  if (!occupied.includes(network.text)) return network.text;
  const other = alternateForm(network, network.text);
  return other !== undefined && !occupied.includes(other) ? other : network.text;
}
