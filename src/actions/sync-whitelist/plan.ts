// Pure planning of declared allowlist entries: current list + declaration + owner → changes with reasons.
import { networkCovers } from '../../core/net/ip-network.ts';
import type { WhitelistItem } from '../../providers/seam/allowlist.ts';
import { unusedForm } from './address-form.ts';
import { type CurrentEntry, entriesFor, isAnyLease } from './current-entries.ts';
import type { DeclaredEntry } from './entry-lines.ts';
import { formatDescription, formatMinute, type LeaseMark } from './marker.ts';

export type WhitelistMode = 'add' | 'sync' | 'remove' | 'sweep';

/** One decision; `replace` writes `item` and then removes `replaces`; a `warning` is shown as one. */
export type WhitelistChange =
  | { kind: 'add'; item: WhitelistItem; reason: string }
  | { kind: 'delete'; item: WhitelistItem; reason: string }
  | { kind: 'replace'; item: WhitelistItem; replaces: WhitelistItem[]; reason: string }
  | { kind: 'keep'; item: WhitelistItem; reason: string; warning?: string }
  | { kind: 'skip'; ipAddr: string; reason: string };

export interface PlanContext {
  mode: WhitelistMode;
  owner: string;
  /** `<run id>-<attempt>`, written into the marker of new entries. */
  runId: string;
  now: Date;
}

/** Changes that make the allowlist match the declaration under `mode`; only owned entries are removed. */
export function planWhitelist(
  current: readonly CurrentEntry[],
  declared: readonly DeclaredEntry[],
  context: PlanContext,
): WhitelistChange[] {
  switch (context.mode) {
    case 'add':
    case 'sync':
      return [
        ...declared.map((entry) => planDeclared(current, entry, context)),
        ...planUndeclared(current, declared, context),
      ];
    case 'remove':
      return declared.flatMap((entry) => planRemoval(current, entry, context));
    case 'sweep':
      return planSweep(current, context.now);
  }
}

function planDeclared(
  current: readonly CurrentEntry[],
  entry: DeclaredEntry,
  context: PlanContext,
): WhitelistChange {
  const matches = entriesFor(current, entry.network);
  const description = formatDescription(entry.text, {
    kind: 'permanent',
    owner: context.owner,
    runId: context.runId,
  });
  // Written in a form that neither the replaced entries nor anyone else's entry holds, when there is one.
  const wanted = (replaces: readonly WhitelistItem[]): WhitelistItem => ({
    ipAddr: unusedForm(
      entry.network,
      matches.map((match) => match.item.ipAddr),
      matches
        .map((match) => match.item.ipAddr)
        .filter((ipAddr) => !replaces.some((r) => r.ipAddr === ipAddr)),
    ),
    description,
  });
  const handMade = matches.find((match) => match.mark === undefined && !isAnyLease(match));
  if (handMade)
    return { kind: 'keep', item: handMade.item, reason: `present, not managed by ${context.owner}` };
  const permanent = matches.find((match) => match.mark?.kind === 'permanent');
  if (permanent) {
    if (context.mode === 'sync' && permanent.text !== entry.text) {
      const replaces = [permanent.item];
      return { kind: 'replace', item: wanted(replaces), replaces, reason: 'description changed' };
    }
    return { kind: 'keep', item: permanent.item, reason: 'present' };
  }
  // Another owner's lease is left alone; only this owner's runner leases are taken over.
  const leases = matches.filter((match) => match.mark?.kind === 'lease').map((match) => match.item);
  if (leases.length > 0) {
    // Only runner leases hold this address: the declaration takes it over for good.
    return {
      kind: 'replace',
      item: wanted(leases),
      replaces: leases,
      reason: 'declared; was a runner lease',
    };
  }
  // A hand-made network that already lets the whole declared network in counts as present.
  const covering = current.find(
    (other) =>
      other.mark === undefined &&
      !isAnyLease(other) &&
      other.network !== undefined &&
      networkCovers(other.network, entry.network),
  );
  if (covering) {
    return {
      kind: 'keep',
      item: covering.item,
      reason: `covers declared ${entry.network.text}; present, not managed by ${context.owner}`,
    };
  }
  return { kind: 'add', item: wanted([]), reason: 'declared, missing' };
}

/** `sync` removes owned declared entries that are no longer declared; leases belong to their jobs. */
function planUndeclared(
  current: readonly CurrentEntry[],
  declared: readonly DeclaredEntry[],
  context: PlanContext,
): WhitelistChange[] {
  if (context.mode !== 'sync') return [];
  const wanted = new Set(declared.map((entry) => entry.network.text));
  return current
    .filter(
      (entry) =>
        entry.mark?.kind === 'permanent' && entry.network !== undefined && !wanted.has(entry.network.text),
    )
    .map((entry) => ({
      kind: 'delete',
      item: entry.item,
      reason: `managed by ${context.owner}, no longer declared`,
    }));
}

function planRemoval(
  current: readonly CurrentEntry[],
  entry: DeclaredEntry,
  context: PlanContext,
): WhitelistChange[] {
  const matches = entriesFor(current, entry.network);
  if (matches.length === 0) return [{ kind: 'skip', ipAddr: entry.network.text, reason: 'not present' }];
  return matches.map((match): WhitelistChange => {
    if (!match.mark)
      return { kind: 'keep', item: match.item, reason: `not managed by ${context.owner}; left as is` };
    if (match.mark.kind === 'lease' && isHeld(match.mark, context.now))
      return keepHeldLease(match.item, match.mark);
    return { kind: 'delete', item: match.item, reason: 'declared for removal' };
  });
}

/** A lease not yet expired that lists jobs: deleting it would cut them off mid-run. */
function isHeld(mark: LeaseMark, now: Date): boolean {
  return mark.until.getTime() > now.getTime() && (mark.holders.length > 0 || mark.overflow > 0);
}

function keepHeldLease(item: WhitelistItem, mark: LeaseMark): WhitelistChange {
  const holders = `${mark.holders.join(', ')}${mark.overflow > 0 ? ` and ${mark.overflow} more` : ''}`;
  const until = formatMinute(mark.until);
  return {
    kind: 'keep',
    item,
    reason: `runner lease still held by ${holders} until ${until}; not removed`,
    warning:
      `Not removing ${item.ipAddr}: it is a runner lease still held by ${holders} until ${until}, and ` +
      'removing it would cut those jobs off. Their post steps remove it when the last one ends; after the ' +
      'expiry, mode: sweep removes it.',
  };
}

/** `sweep` removes owned leases whose expiry has passed, and nothing else. */
function planSweep(current: readonly CurrentEntry[], now: Date): WhitelistChange[] {
  return current.flatMap((entry): WhitelistChange[] => {
    const mark = entry.mark;
    if (mark?.kind !== 'lease' || mark.until.getTime() > now.getTime()) return [];
    return [{ kind: 'delete', item: entry.item, reason: `lease expired at ${formatMinute(mark.until)}` }];
  });
}

/** The changes that write to the API (add, delete, replace). */
export function isWrite(
  change: WhitelistChange,
): change is Extract<WhitelistChange, { kind: 'add' | 'delete' | 'replace' }> {
  return change.kind === 'add' || change.kind === 'delete' || change.kind === 'replace';
}
