import type { WhitelistItem } from '../../providers/seam/allowlist.ts';
import type { WhitelistChange } from './plan.ts';

/** The allowlist as it will be after `changes` (for dry runs and for planning the lease after them). */
export function projectChanges(
  items: readonly WhitelistItem[],
  changes: readonly WhitelistChange[],
): WhitelistItem[] {
  let result = [...items];
  for (const change of changes) {
    if (change.kind === 'add') result.push(change.item);
    if (change.kind === 'delete') result = withoutAddrs(result, [change.item]);
    if (change.kind === 'replace') result = [...withoutAddrs(result, change.replaces), change.item];
  }
  return result;
}

/** The allowlist once a lease write of `item` (replacing `base`, if any) is done. */
export function projectLeaseWrite(
  items: readonly WhitelistItem[],
  item: WhitelistItem,
  base: WhitelistItem | undefined,
): WhitelistItem[] {
  return [...withoutAddrs(items, base ? [base] : []), item];
}

function withoutAddrs(items: readonly WhitelistItem[], gone: readonly WhitelistItem[]): WhitelistItem[] {
  const addrs = new Set(gone.map((item) => item.ipAddr));
  return items.filter((item) => !addrs.has(item.ipAddr));
}
