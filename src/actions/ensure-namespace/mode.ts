// How a run treats its plan: apply it, only show it, or compare the registry with the declaration.
import type { NamespacePlan } from '../../providers/seam/namespaces.ts';
import { NamespacePlanError } from './errors.ts';

export type RunMode = 'apply' | 'dry-run' | 'check-only';

/** check-only wins over dry-run: both write nothing, but check-only also fails on differences. */
export function runMode(inputs: { checkOnly: boolean; dryRun: boolean }): RunMode {
  if (inputs.checkOnly) return 'check-only';
  return inputs.dryRun ? 'dry-run' : 'apply';
}

/** Throws when the plan has blockers: nothing may be changed then. */
export function throwIfBlocked(plan: NamespacePlan): void {
  if (plan.blockers.length === 0) return;
  throw new NamespacePlanError(
    `Nothing was changed: ${plan.blockers.length === 1 ? plan.blockers[0] : `\n- ${plan.blockers.join('\n- ')}`}`,
    plan.blockers,
  );
}
