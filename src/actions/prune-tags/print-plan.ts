// Writes the full plan to the step log: one collapsible group per repository, one line per tag.
import { endLogGroup, logInfo, startLogGroup } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import { plural } from '../../core/text/plural.ts';
import type { RepositoryPlan } from './outcome.ts';
import type { Decision } from './plan.ts';

/** Width of the tag column: the longest tag, between 3 and 40 (a loop: a million tags exceed any argument list). */
export function tagColumnWidth(decisions: readonly Decision[]): number {
  let longest = 3;
  for (const decision of decisions) longest = Math.max(longest, decision.tag.name.length);
  return Math.min(40, longest);
}

/** Logs every decision with its reason; a dry run says "would delete", never "delete". */
export function printPlans(plans: readonly RepositoryPlan[], dryRun: boolean): void {
  const label = { keep: 'keep', protect: 'protect', delete: dryRun ? 'would delete' : 'delete' } as const;
  const labelWidth = dryRun ? 12 : 8;
  for (const { repository, plan } of plans) {
    const { keep, protect, delete: remove } = plan.counts;
    startLogGroup(
      shown`${repository}: ${plural(plan.decisions.length, 'tag')} → ${label.delete} ${remove}, keep ${keep}, protected ${protect}`,
    );
    const width = tagColumnWidth(plan.decisions);
    for (const decision of plan.decisions) {
      logInfo(
        shown`${label[decision.verdict].padEnd(labelWidth)} ${decision.tag.name.padEnd(width)}  ${decision.reason}`,
      );
    }
    endLogGroup();
  }
}
