// What a run shows: plan lines in the log, outputs, and the job summary table.

import { appendJobSummary } from '../../core/action/job-summary.ts';
import { setStepOutput } from '../../core/action/step-outputs.ts';
import { code, codeCell, Markdown, md, summaryHeading } from '../../core/output/markdown.ts';
import { plural } from '../../core/text/plural.ts';
import type { ChangeText, NamespacePlan } from '../../providers/seam/namespaces.ts';
import { changeText, describeChange } from './changes.ts';
import type { RunMode } from './mode.ts';

/** Log lines for a plan: every change (made or to be made), blocker and drift. */
export function formatPlan(namespace: string, plan: NamespacePlan, mode: RunMode): string[] {
  const lines: string[] = [];
  if (plan.changes.length === 0) lines.push(`namespace ${namespace} is as declared: nothing to change`);
  else {
    const verb = mode === 'check-only' ? 'differs from the declaration' : 'plan';
    lines.push(`${verb} (${plural(plan.changes.length, 'change')}):`);
    for (const change of plan.changes) lines.push(`  - ${describeChange(change)}`);
  }
  for (const blocker of plan.blockers) lines.push(`blocked: ${blocker}`);
  for (const drift of plan.drift) lines.push(`cannot change: ${drift}`);
  return lines;
}

/** Every difference a check-only run fails on, one line each. */
export function checkDifferences(plan: NamespacePlan): string[] {
  return [...plan.changes.map(describeChange), ...plan.drift, ...plan.blockers];
}

export interface RunReport {
  namespace: string;
  /** The `provider` input (its upper case names the registry in the summary). */
  provider: string;
  mode: RunMode;
  plan: NamespacePlan;
  done: readonly ChangeText[];
  created: boolean;
  registryPath: string;
}

/** The changes the `changes` output lists: made in apply mode, to be made otherwise. */
export function reportedChanges(report: RunReport): ChangeText[] {
  return (report.mode === 'apply' ? report.done : report.plan.changes).map(changeText);
}

/** Sets the outputs: created, namespace, registry-path, changes (JSON). */
export function setOutputs(report: RunReport): void {
  setStepOutput('created', String(report.created));
  setStepOutput('namespace', report.namespace);
  setStepOutput('registry-path', report.registryPath);
  setStepOutput('changes', JSON.stringify(reportedChanges(report)));
}

/** Markdown of the job summary: a headline for the mode, the table of changes, blockers and drift. */
export function summaryMarkdown(report: RunReport): Markdown {
  const changes = reportedChanges(report);
  const lines = [
    summaryHeading('ensure-namespace', md`${report.namespace} (${report.provider.toUpperCase()})`),
    md``,
  ];
  lines.push(md`${headline(report, changes.length)}`, md``);
  if (changes.length > 0) {
    const status = { apply: 'done', 'dry-run': 'would do', 'check-only': 'differs' }[report.mode];
    lines.push(md`| change | target | detail | status |`, md`|---|---|---|---|`);
    for (const change of changes) {
      lines.push(md`| ${change.action} | ${codeCell(change.target)} | ${change.detail} | ${status} |`);
    }
    lines.push(md``);
  }
  if (report.plan.blockers.length > 0)
    lines.push(md`**Blocked:**`, ...report.plan.blockers.map(bullet), md``);
  if (report.plan.drift.length > 0) {
    lines.push(md`**Cannot be changed through the API:**`, ...report.plan.drift.map(bullet), md``);
  }
  if (report.registryPath) lines.push(md`Registry path: ${code(report.registryPath)}`, md``);
  return Markdown.join(lines, '\n');
}

function headline(report: RunReport, count: number): string {
  if (report.mode === 'check-only') {
    const differences = checkDifferences(report.plan).length;
    return differences === 0
      ? '✅ Check only: the registry matches the declaration.'
      : `❌ Check only: ${plural(differences, 'difference')} from the declaration.`;
  }
  if (report.plan.blockers.length > 0) return '❌ Nothing was changed: the plan is blocked.';
  if (report.mode === 'dry-run')
    return `Dry run: ${plural(count, 'change')} would be made; nothing was changed.`;
  if (count === 0) return '✅ Already as declared: nothing changed.';
  return `✅ ${plural(count, 'change')} made${report.created ? ' (namespace created)' : ''}.`;
}

const bullet = (text: string) => md`- ${text}`;

/** Appends the summary to the job summary. */
export async function writeSummary(report: RunReport): Promise<void> {
  await appendJobSummary(summaryMarkdown(report));
}
