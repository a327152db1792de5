// prune-tags in delete mode: list everything, plan, print, guard, then delete; outputs and summary.
import { InputReader } from '../../core/action/input-reader.ts';
import { appendJobSummary } from '../../core/action/job-summary.ts';
import { setStepOutput } from '../../core/action/step-outputs.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { logInfo, logWarning } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import { plural } from '../../core/text/plural.ts';
import type { ProviderTable } from '../../providers/index.ts';
import type { TagTable } from '../../providers/seam/tag-table.ts';
import { deleteChecked } from './checked-deletions.ts';
import { connectForPrune, type Throttling } from './connect.ts';
import { DeletionLimitError, DeletionsFailedError } from './errors.ts';
import { type Deletion, type DeletionResult, isCredentialRefusal } from './execute.ts';
import { failureMessage } from './failure-message.ts';
import { type PruneInputs, readPruneInputs } from './inputs.ts';
import { readGithubKeep } from './keep-github-run.ts';
import { isDone, pruneOutputs, type RepositoryPlan, tagRef } from './outcome.ts';
import { coverageWarnings } from './pattern-coverage.ts';
import { printPlans } from './print-plan.ts';
import { rateSentence } from './rate-report.ts';
import { explainNotFound, resolveRepositories } from './repositories.ts';
import { planRepository } from './repository-plan.ts';
import { applyRetentionPolicies } from './retention-run.ts';
import { describeRules } from './rules-text.ts';
import { summaryMarkdown } from './summary.ts';

/** Seams for tests and tools; production defaults otherwise. */
export interface PruneDeps {
  reader?: InputReader;
  now?: () => Date;
  connect?: (inputs: PruneInputs, throttling: Throttling) => Promise<ApiClient>;
  /** The providers the `provider` input chooses from (default: the shipped ones). */
  providers?: ProviderTable;
}

/** The action: every listing completes before anything is deleted. */
export async function prune(
  deps: PruneDeps = {},
  inputs: PruneInputs = readPruneInputs(deps.reader ?? new InputReader(), deps.providers),
): Promise<void> {
  for (const warning of inputs.warnings) logWarning(shown`${warning}`);
  const startedAt = (deps.now ?? (() => new Date()))();
  const throttling: Throttling = { throttled: 0 };
  const api = await (deps.connect ?? connectForPrune)(inputs, throttling);
  if (inputs.mode === 'retention-policy') return applyRetentionPolicies(api, inputs, inputs.retention);

  // GitHub is read first: a failure there stops the run before the registry is even listed.
  const github = inputs.keepGithub ? await readGithubKeep(inputs.keepGithub) : undefined;
  const rules = github ? { ...inputs.rules, keepNamed: github.keeper } : inputs.rules;
  const registry = await inputs.target.registry(api, inputs.namespace);
  const repositories = await resolveRepositories(registry, inputs.repositories);
  const plans: RepositoryPlan[] = [];
  for (const repository of repositories) {
    const tags = await registry
      .listTags(repository)
      .catch((error) => explainNotFound(registry, repository, error));
    warnOfRefusedTags(repository, tags);
    plans.push({ repository, plan: await planRepository(registry, repository, tags, rules, startedAt) });
  }
  await printPlans(plans, inputs.dryRun);
  const coverage = coverageWarnings(plans, rules);
  for (const warning of coverage) logWarning(shown`${warning}`);
  const notes = [...inputs.warnings, ...(github?.notes ?? []), ...coverage];

  const planned = plans.reduce((n, { plan }) => n + plan.counts.delete, 0);
  const guard =
    planned > inputs.maxDeletions ? new DeletionLimitError(planned, inputs.maxDeletions) : undefined;
  if (inputs.dryRun) {
    const stop = guard ? ` Without dry-run it would stop: ${guard.message}` : '';
    const status = `Dry run: nothing was deleted; the plan deletes ${plural(planned, 'tag')}.${stop}`;
    await finish(inputs, plans, [], status, throttling, notes);
    if (guard) logWarning(shown`${guard.message}`);
    return;
  }
  if (guard) {
    await finish(inputs, plans, [], `Stopped: ${guard.message}`, throttling, notes);
    throw guard;
  }

  const deletions = plannedDeletions(plans);
  const results = await deleteChecked(deletions, {
    registry,
    recheck: inputs.recheck,
    replan: (repository, tags) => planRepository(registry, repository, tags, rules, startedAt),
    concurrency: inputs.concurrency,
    onResult: (result, done) => logProgress(result, done, deletions.length),
  });
  const failure = failureMessage(results);
  await finish(inputs, plans, results, failure ?? doneMessage(results), throttling, notes);
  if (failure) {
    const failed = results.filter((r) => r.outcome === 'failed').map(tagRef);
    throw new DeletionsFailedError(failure, failed);
  }
}

function plannedDeletions(plans: readonly RepositoryPlan[]): Deletion[] {
  const deletions: Deletion[] = [];
  for (const { repository, plan } of plans) {
    for (let at = 0; at < plan.size; at++) {
      if (plan.verdict(at) === 'delete') deletions.push({ repository, tag: plan.tags.tag(plan.row(at)) });
    }
  }
  return deletions;
}

/** `Deleted 3 tags.`, and the tags skipped because they changed since the plan. */
function doneMessage(results: readonly DeletionResult[]): string {
  const changed = results.filter((r) => r.outcome === 'changed').length;
  const skipped = changed > 0 ? `; skipped ${plural(changed, 'tag')} that changed since the plan` : '';
  return `Deleted ${plural(results.filter(isDone).length, 'tag')}${skipped}.`;
}

function logProgress(result: DeletionResult, done: number, total: number): void {
  // A refusal's error (and its hint) is told once, in the step failure.
  if (isCredentialRefusal(result)) logInfo(shown`refused  ${tagRef(result)} (${result.status})`);
  else if (result.outcome === 'failed') logInfo(shown`failed   ${tagRef(result)}: ${result.error}`);
  else if (result.outcome === 'absent') logInfo(shown`gone     ${tagRef(result)} (already deleted)`);
  else if (result.outcome === 'changed') logInfo(shown`skipped  ${tagRef(result)}: ${result.change}`);
  if (done === total || done % 500 === 0) logInfo(shown`processed ${done} of ${plural(total, 'deletion')}`);
}

/** Listed tags whose names break the tag rules are kept and named once per repository. */
function warnOfRefusedTags(repository: string, tags: TagTable): void {
  const refused = tags.refusedRows();
  if (refused.length === 0) return;
  const names = refused.slice(0, 20).map((row) => JSON.stringify(tags.name(row)));
  const more = refused.length > 20 ? ` and ${refused.length - 20} more` : '';
  logWarning(
    shown`${repository}: kept ${plural(refused.length, 'listed tag')} whose names break the tag rules, never acting on them: ${names.join(', ')}${more}.`,
  );
}

async function finish(
  inputs: PruneInputs,
  plans: readonly RepositoryPlan[],
  results: readonly DeletionResult[],
  status: string,
  throttling: Throttling,
  notes: readonly string[],
): Promise<void> {
  for (const [name, value] of Object.entries(pruneOutputs(plans, results))) setStepOutput(name, value);
  const throttled = rateSentence(throttling.throttle?.findings(), throttling.throttled);
  logInfo(shown`${status}${throttled}`);
  const markdown = summaryMarkdown({
    namespace: inputs.namespace,
    plans,
    results,
    status: status + throttled,
    dryRun: inputs.dryRun,
    rules: describeRules(inputs.rules, inputs.keepGithub),
    notes,
  });
  await appendJobSummary(markdown);
}
