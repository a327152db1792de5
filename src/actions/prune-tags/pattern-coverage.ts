// Warnings from what the patterns met in the listings (pure): an include pattern that selected no tag,
// an exclude or keep pattern that matched every tag (so nothing could be deleted).

import { plural } from '../../core/text/plural.ts';
import type { TagPattern } from '../../providers/seam/tags.ts';
import type { RepositoryPlan } from './outcome.ts';
import type { PruneRules } from './plan.ts';

/** One warning per pattern the listings show to be wrong; patterns matching the empty string are left to the input warnings. */
export function coverageWarnings(plans: readonly RepositoryPlan[], rules: PruneRules): string[] {
  const count = plans.reduce((n, { plan }) => n + plan.size, 0);
  const where = `${plural(count, 'tag')} in ${plural(plans.length, 'repository')}`;
  const warnings: string[] = [];
  for (const pattern of rules.include) {
    if (!someName(plans, (tag) => pattern.regex.test(tag)))
      warnings.push(
        `Input 'include' pattern ${pattern.text} selected no tag among the ${where}.${hint(pattern)}`,
      );
  }
  if (count < 2) return warnings;
  for (const input of ['exclude', 'keep'] as const) {
    for (const pattern of rules[input]) {
      if (pattern.regex.test('') || someName(plans, (tag) => !pattern.regex.test(tag))) continue;
      warnings.push(
        `Input '${input}' pattern ${pattern.text} matched every one of the ${where}, so nothing could be deleted.`,
      );
    }
  }
  return warnings;
}

/** Whether any listed tag name passes `test`, each name built as it is tested. */
function someName(plans: readonly RepositoryPlan[], test: (name: string) => boolean): boolean {
  for (const { plan } of plans)
    for (let row = 0; row < plan.tags.length; row++) if (test(plan.tags.name(row))) return true;
  return false;
}

function hint(pattern: TagPattern): string {
  return pattern.syntax === 'glob' && !/[*?]/.test(pattern.source)
    ? ` A glob without * or ? matches only the tag ${pattern.source} itself; ${pattern.source}* matches tags starting with it.`
    : '';
}
