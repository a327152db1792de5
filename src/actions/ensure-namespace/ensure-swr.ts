// SWR: read the namespace, plan, and (in apply mode) make the changes, surviving parallel runs.
import type { ApiClient } from '../../core/http/types.ts';
import { type Shown, shown } from '../../core/output/shown.ts';
import { createSwrNamespace } from '../../providers/swr/namespaces.ts';
import { applySwrChange } from './apply-swr.ts';
import { type Change, describeChange, type NamespacePlan } from './changes.ts';
import type { EnsureNamespaceInputs } from './inputs.ts';
import { type RunMode, throwIfBlocked } from './mode.ts';
import { planSwrNamespace, type SwrNamespaceWish } from './plan.ts';
import { formatPlan } from './report.ts';
import { confirmSwrNamespaceVisible, readSwrNamespaceState } from './swr-state.ts';

/** What a run found and did. */
export interface EnsureOutcome {
  /** The plan as first made from the registry's state (what dry-run and check-only report). */
  plan: NamespacePlan;
  /** Changes made, in order (empty unless mode is apply). */
  done: Change[];
  /** This run created the namespace (false when it existed, or a parallel run created it first). */
  created: boolean;
}

export type Log = (line: Shown) => void;

/** Ensures an SWR namespace as declared; in dry-run and check-only modes only plans. */
export async function ensureSwrNamespace(
  api: ApiClient,
  inputs: EnsureNamespaceInputs,
  mode: RunMode,
  log: Log,
): Promise<EnsureOutcome> {
  const { namespace } = inputs;
  const wish: SwrNamespaceWish = {
    state: inputs.state,
    repositories: inputs.repositories,
    permissions: inputs.permissions,
    prunePermissions: inputs.prunePermissions,
    force: inputs.force,
  };
  const needs = {
    repositories: wish.repositories.length > 0 || wish.state === 'absent',
    access: wish.permissions.length > 0 || wish.prunePermissions,
  };
  const plan = planSwrNamespace(await readSwrNamespaceState(api, namespace, needs), wish);
  for (const line of formatPlan(namespace, plan, mode)) log(shown`${line}`);
  if (mode !== 'apply') return { plan, done: [], created: false };
  throwIfBlocked(plan);

  const done: Change[] = [];
  let rest = plan.changes;
  let created = false;
  const first = rest[0];
  if (first?.action === 'create namespace') {
    created = (await createSwrNamespace(api, namespace)) === 'created';
    if (created) {
      // A namespace this run just created is empty: the rest of the plan stands as made. Creating a
      // repository or granting a permission that a parallel run added meanwhile is a 409 the executor
      // takes as done.
      done.push(first);
      log(shown`✓ ${describeChange(first)}`);
      rest = rest.slice(1);
    } else {
      await confirmSwrNamespaceVisible(api, namespace);
      log(
        shown`namespace ${namespace} already exists (created by a parallel run or shared with these credentials)`,
      );
      // Plan the rest again from what is there now: the other run may have added repositories,
      // and its creator already holds the manage permission.
      const replanned = planSwrNamespace(await readSwrNamespaceState(api, namespace, needs), wish);
      throwIfBlocked(replanned);
      rest = replanned.changes.filter((change) => change.action !== 'create namespace');
    }
  }
  for (const change of rest) {
    await applySwrChange(api, namespace, change);
    done.push(change);
    log(shown`✓ ${describeChange(change)}`);
  }
  return { plan, done, created };
}
