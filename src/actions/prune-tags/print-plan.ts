// Writes the full plan to the step log: one collapsible group per repository, one line per tag.
import { endLogGroup, logInfo, startLogGroup } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import type { RepositoryPlan } from './outcome.ts';
import { plural } from './plural.ts';

const LABEL = { keep: 'keep', protect: 'protect', delete: 'delete' } as const;

/** Logs every decision with its reason. */
export function printPlans(plans: readonly RepositoryPlan[], dryRun: boolean): void {
  for (const { repository, plan } of plans) {
    const { keep, protect, delete: remove } = plan.counts;
    const verb = dryRun ? 'would delete' : 'delete';
    startLogGroup(
      shown`${repository}: ${plural(plan.decisions.length, 'tag')} → ${verb} ${remove}, keep ${keep}, protected ${protect}`,
    );
    const width = Math.min(40, Math.max(3, ...plan.decisions.map((d) => d.tag.tag.length)));
    for (const decision of plan.decisions) {
      logInfo(
        shown`${LABEL[decision.verdict].padEnd(8)} ${decision.tag.tag.padEnd(width)}  ${decision.reason}`,
      );
    }
    endLogGroup();
  }
}
