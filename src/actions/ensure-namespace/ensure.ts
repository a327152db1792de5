// Reads the namespace, plans, and (in apply mode) makes the changes, surviving parallel runs.
import { type Shown, shown } from '../../core/output/shown.ts';
import type { ChangeText, NamespacePlan, NamespaceSession } from '../../providers/seam/namespaces.ts';
import { describeChange } from './changes.ts';
import { type RunMode, throwIfBlocked } from './mode.ts';
import { formatPlan } from './report.ts';

/** What a run found and did. */
export interface EnsureOutcome {
  /** The plan as first made from the registry's state (what dry-run and check-only report). */
  plan: NamespacePlan;
  /** Changes made, in order (empty unless mode is apply). */
  done: ChangeText[];
  /** This run created the namespace (false when it existed, or a parallel run created it first). */
  created: boolean;
}

export type Log = (line: Shown) => void;

/** Ensures the namespace as declared; in dry-run and check-only modes only plans. */
export async function ensureNamespace(
  session: NamespaceSession,
  namespace: string,
  mode: RunMode,
  log: Log,
): Promise<EnsureOutcome> {
  const plan = await session.plan();
  for (const line of formatPlan(namespace, plan, mode)) log(shown`${line}`);
  if (mode === 'check-only') for (const line of (await session.inspect?.()) ?? []) log(shown`${line}`);
  if (mode !== 'apply') return { plan, done: [], created: false };
  throwIfBlocked(plan);

  const done: ChangeText[] = [];
  let rest = plan.changes;
  let created = false;
  const first = rest[0];
  if (first?.action === 'create namespace') {
    created = (await first.apply()) === 'done';
    if (created) {
      // A namespace this run just created is empty: the rest of the plan stands as made. Creating a
      // repository or granting a permission that a parallel run added meanwhile is a 409 taken as done.
      done.push(first);
      log(shown`✓ ${describeChange(first)}`);
      rest = rest.slice(1);
    } else {
      log(shown`namespace ${namespace} already exists (${session.existingNote})`);
      // Plan the rest again from what is there now: the other run may have added to it.
      const replanned = await session.plan();
      throwIfBlocked(replanned);
      rest = replanned.changes.filter((change) => change.action !== 'create namespace');
    }
  }
  for (const change of rest) {
    await change.apply();
    done.push(change);
    log(shown`✓ ${describeChange(change)}`);
  }
  return { plan, done, created };
}
