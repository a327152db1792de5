// Removing runner leases outside their jobs (mode sweep, mode remove): through the lease protocol like
// every other lease write, so a sweep never deletes an entry a job rewrote since the sweep read it.
import { type IpNetwork, parseHostAddress, parseNetwork } from '../../core/net/ip-network.ts';
import { logInfo } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import type { InstanceAllowlist, WhitelistItem } from '../../providers/seam/allowlist.ts';
import { runLease } from './lease.ts';
import { isOwnedBy, parseDescription } from './marker.ts';

/** How long sweeping one address may take. */
const SWEEP_BUDGET_MS = 60_000;

/** True for an entry carrying `owner`'s lease marker. */
export function isOwnLease(item: WhitelistItem, owner: string): boolean {
  const mark = parseDescription(item.description).mark;
  return isOwnedBy(mark, owner) && mark.kind === 'lease';
}

/** The host an entry's address names (`1.2.3.4` for `1.2.3.4/32` too); undefined for wider networks. */
export function hostOf(ipAddr: string): IpNetwork | undefined {
  const parsed = parseNetwork(ipAddr, { rejectHostBits: false });
  return parsed.ok ? parseHostAddress(parsed.network.text) : undefined;
}

/**
 * Removes the expired leases of the addresses of `items` (this owner's lease entries, planned for
 * removal). Returns the addresses whose lease stayed (renewed by a job meanwhile, or not removable here).
 */
export async function sweepLeases(
  list: InstanceAllowlist,
  owner: string,
  items: readonly WhitelistItem[],
): Promise<string[]> {
  const kept: string[] = [];
  const networks = new Map(
    items.flatMap((item) => {
      const network = hostOf(item.ipAddr);
      return network ? [[network.text, network] as const] : [];
    }),
  );
  for (const network of networks.values()) {
    const request = { network, holder: '', owner, text: '', leaseMs: 0 };
    const outcome = await runLease(list, request, 'sweep', { budgetMs: SWEEP_BUDGET_MS });
    if (outcome.status === 'gave-up')
      throw new Error(`Could not remove the expired lease of ${network.text}: ${outcome.reason}`);
    const what = outcome.written.join('; ') || outcome.reason;
    logInfo(
      shown`Runner lease for ${network.text}: ${outcome.status === 'released' ? 'removed' : 'kept'} (${what}).`,
    );
    if (outcome.status !== 'released') kept.push(network.text);
  }
  return kept;
}
