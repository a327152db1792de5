import { assertNever } from '../../core/types/assert-never.ts';
import type { WhitelistItem } from '../../providers/seam/allowlist.ts';
import type { LeaseStep } from './lease-plan.ts';
import type { WhitelistChange } from './plan.ts';

/** The allowlist as it will be after `changes` (for dry runs and for planning the lease after them). */
export function projectChanges(
  items: readonly WhitelistItem[],
  changes: readonly WhitelistChange[],
): WhitelistItem[] {
  let result = [...items];
  for (const change of changes) result = projectChange(result, change);
  return result;
}

function projectChange(items: WhitelistItem[], change: WhitelistChange): WhitelistItem[] {
  switch (change.kind) {
    case 'add':
      return [...items, change.item];
    case 'delete':
      return withoutAddrs(items, [change.item]);
    case 'replace':
      return [...withoutAddrs(items, change.replaces), change.item];
    case 'keep':
    case 'skip':
      return items;
    default:
      return assertNever(change, 'allowlist change');
  }
}

/** The allowlist after one lease step. */
export function projectLeaseStep(items: readonly WhitelistItem[], step: LeaseStep): WhitelistItem[] {
  switch (step.kind) {
    case 'write':
      return [...withoutAddrs(items, step.replaces), step.item];
    case 'delete':
      return withoutAddrs(items, step.items);
    case 'none':
    case 'wait':
      return [...items];
    default:
      return assertNever(step, 'lease step');
  }
}

function withoutAddrs(items: readonly WhitelistItem[], gone: readonly WhitelistItem[]): WhitelistItem[] {
  const addrs = new Set(gone.map((item) => item.ipAddr));
  return items.filter((item) => !addrs.has(item.ipAddr));
}
