// Writes the full plan to the step log: one collapsible group per repository, one line per tag, the lines
// built and written 256 at a time.
import { endLogGroup, logDrained, logInfo, startLogGroup } from '../../core/output/log.ts';
import { Shown, shown } from '../../core/output/shown.ts';
import { plural } from '../../core/text/plural.ts';
import type { TagTable } from '../../providers/seam/tag-table.ts';
import type { RepositoryPlan } from './outcome.ts';

/** Width of the tag column: the longest tag, between 3 and 40. */
export function tagColumnWidth(tags: TagTable): number {
  let longest = 3;
  for (let row = 0; row < tags.length; row++) longest = Math.max(longest, tags.nameLength(row));
  return Math.min(40, longest);
}

/** Lines logged at once, between waits for the log to take them: the lines waiting in memory stay this few. */
const LINES_PER_WAIT = 256;

/** Logs every decision with its reason; a dry run says "would delete", never "delete". */
export async function printPlans(plans: readonly RepositoryPlan[], dryRun: boolean): Promise<void> {
  const label = { keep: 'keep', protect: 'protect', delete: dryRun ? 'would delete' : 'delete' } as const;
  const labelWidth = dryRun ? 12 : 8;
  for (const { repository, plan } of plans) {
    const { keep, protect, delete: remove } = plan.counts;
    startLogGroup(
      shown`${repository}: ${plural(plan.size, 'tag')} → ${label.delete} ${remove}, keep ${keep}, protected ${protect}`,
    );
    const width = tagColumnWidth(plan.tags);
    const lines: Shown[] = [];
    for (let at = 0; at < plan.size; at++) {
      lines.push(
        shown`${label[plan.verdict(at)].padEnd(labelWidth)} ${plan.name(at).padEnd(width)}  ${plan.reason(at)}`,
      );
      if (lines.length === LINES_PER_WAIT || at === plan.size - 1) {
        // One write for the lot: a write per line made the log's system calls most of a big dry run's time.
        logInfo(Shown.join(lines, '\n'));
        lines.length = 0;
        await logDrained();
      }
    }
    endLogGroup();
  }
}
