import type { WhitelistItem } from '../../providers/ccr/public-links.ts';
import type { LeaseStep } from './lease-plan.ts';
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

/** The allowlist after one lease step. */
export function projectLeaseStep(items: readonly WhitelistItem[], step: LeaseStep): WhitelistItem[] {
  if (step.kind === 'write') return [...withoutAddrs(items, step.replaces), step.item];
  if (step.kind === 'delete') return withoutAddrs(items, step.items);
  return [...items];
}

function withoutAddrs(items: readonly WhitelistItem[], gone: readonly WhitelistItem[]): WhitelistItem[] {
  const addrs = new Set(gone.map((item) => item.ipAddr));
  return items.filter((item) => !addrs.has(item.ipAddr));
}
