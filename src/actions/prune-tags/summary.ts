// The job summary (Markdown, pure): totals always, then each repository's decisions, truncated.
import { codeCell, Markdown, md, summaryHeading } from '../../core/output/markdown.ts';
import { plural } from '../../core/text/plural.ts';
import { type DeletionResult, isCredentialRefusal } from './execute.ts';
import { isDone, plannedBytes, type RepositoryPlan, reclaimedBytes, tagRef } from './outcome.ts';
import type { Decision, PrunePlan } from './plan.ts';

export interface SummaryInput {
  namespace: string;
  plans: readonly RepositoryPlan[];
  results: readonly DeletionResult[];
  /** One sentence on how the run ended (dry run, stopped by the guard, done, failures). */
  status: string;
  dryRun: boolean;
  /** The rules in effect, one phrase each (`keep-last 0 (no count rule)`), so a default is never a surprise. */
  rules: readonly Markdown[];
  /** Warnings and notices of the run (patterns, keep-github), repeated from the log. */
  notes: readonly string[];
}

/** Rows shown per repository and in all; the rest is counted, and the step log has every decision. */
export const ROWS_PER_REPOSITORY = 50;
const ROWS_IN_ALL = 500;

/** The first `count` decisions with deletions first, then protected, then kept (only those are built). */
function firstRows(plan: PrunePlan, count: number): Decision[] {
  const rows: Decision[] = [];
  for (const verdict of ['delete', 'protect', 'keep'] as const) {
    for (let at = 0; at < plan.size; at++) {
      if (rows.length >= count) return rows;
      if (plan.verdict(at) === verdict) rows.push(plan.decision(at));
    }
  }
  return rows;
}

/** Markdown of the job summary; every name, reason and message in it is escaped. */
export function summaryMarkdown(input: SummaryInput): Markdown {
  const byTag = new Map(input.results.map((r) => [tagRef(r), r]));
  const lines = [
    summaryHeading('prune-tags', input.namespace),
    md``,
    md`${input.status}`,
    md``,
    md`Rules: ${Markdown.join(input.rules, ' · ')}.`,
    md``,
    ...(input.notes.length > 0 ? [...input.notes.map((note) => md`- ⚠️ ${note}`), md``] : []),
    ...totalsTable(input),
    md``,
  ];
  let budget = ROWS_IN_ALL;
  for (const { repository, plan } of input.plans) {
    const shown = Math.min(budget, ROWS_PER_REPOSITORY, plan.size);
    budget -= shown;
    lines.push(md`### ${repository}`, md``);
    if (plan.size === 0) {
      lines.push(md`No tags.`, md``);
      continue;
    }
    const rows = firstRows(plan, shown);
    if (rows.length > 0) {
      lines.push(md`| tag | decision | reason | updated | size |`, md`|---|---|---|---|---|`);
      for (const decision of rows)
        lines.push(decisionRow(decision, byTag.get(`${repository}:${decision.tag.name}`), input.dryRun));
    }
    const hidden = plan.size - rows.length;
    if (hidden > 0) lines.push(md``, md`… and ${hidden} more decisions (every decision is in the step log).`);
    lines.push(md``);
  }
  return Markdown.join(lines, '\n');
}

function totalsTable(input: SummaryInput): Markdown[] {
  const failedBy = new Map<string, number>();
  for (const r of input.results)
    if (r.outcome === 'failed') failedBy.set(r.repository, (failedBy.get(r.repository) ?? 0) + 1);
  const deletedHeader = input.dryRun ? 'would delete' : 'planned deletions';
  const rows = [
    md`| repository | tags | kept | protected | ${deletedHeader} | failed |`,
    md`|---|---:|---:|---:|---:|---:|`,
  ];
  const total = { tags: 0, keep: 0, protect: 0, delete: 0, failed: 0 };
  for (const { repository, plan } of input.plans) {
    const failed = failedBy.get(repository) ?? 0;
    rows.push(
      md`| ${repository} | ${plan.size} | ${plan.counts.keep} | ${plan.counts.protect} | ${plan.counts.delete} | ${failed} |`,
    );
    total.tags += plan.size;
    total.keep += plan.counts.keep;
    total.protect += plan.counts.protect;
    total.delete += plan.counts.delete;
    total.failed += failed;
  }
  rows.push(
    md`| **total** | **${total.tags}** | **${total.keep}** | **${total.protect}** | **${total.delete}** | **${total.failed}** |`,
  );
  rows.push(md``, reclaimLine(input, total.delete));
  return rows;
}

/** What the run freed (or, in a dry run, would free): never "reclaiming up to 0 B" for a plan that deletes. */
function reclaimLine(input: SummaryInput, planned: number): Markdown {
  if (input.dryRun) {
    if (planned === 0) return md`Dry run: no tag would be deleted.`;
    return md`Dry run: would delete ${plural(planned, 'tag')}, reclaiming up to **${formatBytes(plannedBytes(input.plans))}**.`;
  }
  const gone = input.results.filter(isDone).length;
  if (gone === 0) return md`Deleted: no tags.`;
  return md`Deleted: ${plural(gone, 'tag')}, reclaiming up to **${formatBytes(reclaimedBytes(input.results))}**.`;
}

function decisionRow(decision: Decision, result: DeletionResult | undefined, dryRun: boolean): Markdown {
  const { tag } = decision;
  const updated = Number.isNaN(tag.updatedAt) ? '' : `${new Date(tag.updatedAt).toISOString().slice(0, 19)}Z`;
  return md`| ${codeCell(tag.name)} | ${verdictText(decision, result, dryRun)} | ${decision.reason} | ${updated} | ${formatBytes(tag.size)} |`;
}

function verdictText(decision: Decision, result: DeletionResult | undefined, dryRun: boolean): Markdown {
  if (decision.verdict === 'keep') return md`kept`;
  if (decision.verdict === 'protect') return md`protected`;
  if (dryRun) return md`would delete`;
  if (!result) return md`not deleted`;
  if (result.outcome === 'not-attempted') return md`not attempted`;
  // The status above gives a refusal's answer and hint once; each row only says it happened.
  if (isCredentialRefusal(result)) return md`**refused** (${result.status})`;
  if (result.outcome === 'failed') return md`**failed**: ${result.error}`;
  if (result.outcome === 'changed') return md`skipped: ${result.change}`;
  return result.outcome === 'absent' ? md`deleted (already gone)` : md`deleted`;
}

/** Bytes in binary units, one decimal. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
